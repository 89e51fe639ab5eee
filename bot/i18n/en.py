MESSAGES = {
    "list.separator": ", ",
    "list.none": "none (this is the end of the line)",
    "error.problems": "Please fix these:",
    "error.internal": "Sorry, something went wrong on our side and nothing was changed. "
    "Please try again in a moment.",
    "error.not_a_member": "Hi! You are not registered with Sales Desk yet, so there is nothing I "
    "can show you. Please ask your sales admin to add you.",
    "error.text_too_long": "That is too long for me: {limit} characters at most. Nothing was changed.",
    "status.received": "Received",
    "status.confirmed": "Confirmed",
    "status.in_production": "In production",
    "status.ready_to_ship": "Ready to ship",
    "status.shipped": "Shipped",
    "status.delivered": "Delivered",
    "status.invoiced": "Invoiced",
    "status.paid": "Paid",
    "status.on_hold": "On hold",
    "status.cancelled": "Cancelled",
    "order.help.title": "How to use /order",
    "order.help": "*Order desk*\n"
    "• `/order status 1234` (or just `/order 1234`): where an order stands\n"
    "• `/order list`: the newest orders you can see\n"
    "• `/order list mine`: orders of your customers\n"
    "• `/order list late`: orders past their promised ship date and not shipped\n"
    "• `/order list ACME`: orders of a customer, by code or part of the name\n"
    "• `/order update 1234 shipped tracking SF123`: move an order on, with an optional note "
    "(desk, managers and admins)\n"
    "• `/order change 1234`: ask the desk for a change the customer wants (quantity, "
    "specification, delivery date); `/order change list` shows the requests waiting\n"
    "Statuses: received, confirmed, in_production, ready_to_ship, shipped, delivered, invoiced, "
    "paid, on_hold, cancelled.",
    "order.card.title": "Order {number} · {customer}",
    "order.card.customer": "Customer {code} · Rep {rep}",
    "order.card.last_change": "Last change: {by}, {at}, to {status}",
    "order.card.note": " — “{note}”",
    "order.card.by_import": "import",
    "order.card.no_changes": "No changes recorded yet",
    "order.field.status": "Status",
    "order.field.amount": "Amount",
    "order.field.ordered": "Ordered",
    "order.field.promised": "Promised ship date",
    "order.field.shipped": "Shipped",
    "order.field.delivered": "Delivered",
    "order.late_badge": "{status} · :warning: late",
    "order.list.header": "{title} ({total})",
    "order.list.title.all": "Latest orders",
    "order.list.title.mine": "Your customers' orders",
    "order.list.title.late": "Late orders",
    "order.list.title.customer": "Orders matching “{query}”",
    "order.list.empty.all": "There are no orders you can see yet.",
    "order.list.empty.mine": "None of your customers has an order yet.",
    "order.list.empty.late": "No late orders. Nice!",
    "order.list.empty.customer": "No orders of a customer matching “{query}” that you can see.",
    "order.list.line": "{number} · {customer} · {status} · {amount} · ships {promised}",
    "order.list.line_shipped": "{number} · {customer} · {status} · {amount} · shipped {shipped}",
    "order.list.line_late": ":warning: {number} · {customer} · {status} · {amount} · "
    "was due to ship {promised}",
    "order.list.more": "…and {count} more. Narrow it down with /order list mine, late or a "
    "customer.",
    "order.updated": "Order {number} ({customer}) moved from {before} to {after}. "
    "{rep} will be told.",
    "order.error.unknown_subcommand": "I don't know “{word}”. Try /order help to see what I can do.",
    "order.error.status_needs_number": "Which order? Add its number, like /order status 1234.",
    "order.error.bad_number": "“{number}” is not an order number: use letters, digits and - _ . / "
    "only, like 1234 or SO-2024-001.",
    "order.error.unknown_status": "“{word}” is not an order status. Use one of: received, "
    "confirmed, in_production, ready_to_ship, shipped, delivered, invoiced, paid, on_hold, "
    "cancelled.",
    "order.error.update_usage": "To update an order, give its number and the new status, like "
    "/order update 1234 shipped.",
    "order.error.note_too_long": "That note is too long: {limit} characters at most. Nothing was "
    "changed.",
    "order.error.not_found": "I can't find an order numbered {number} that you can see.",
    "order.error.update_not_allowed": "Only the sales desk, managers and admins can update orders. "
    "Ask your desk colleague to do it.",
    "order.error.already_in_status": "Order {number} is already {status}. Nothing was changed.",
    "order.error.impossible_step": "Order {number} is {current}, so it can't move to {status}. "
    "From here it can go to: {allowed}.",
    "order.error.not_on_hold": "Order {number} is {current}, not on hold: there is nothing to "
    "resume. Nothing was changed.",
    "order.error.held_step_unknown": "Order {number} is on hold and its history does not say at "
    "which step, so say where it resumes: {allowed}. Nothing was changed.",
    "notify.order_status_changed": "Order {number} ({customer}) is now {after} (was {before}), "
    "updated by {by}.",
    "notify.note": "Note: {note}",
    "import.kind.teams": "teams",
    "import.kind.members": "members",
    "import.kind.customers": "customers",
    "import.kind.orders": "orders",
    "import.summary": "Imported {kind} from {file}: {created} created, {updated} updated, {unchanged} unchanged, {rejected} rejected.",
    "import.rejected_line": "line {line}: {reason}",
    "import.more_rejected": "… and {count} more",
    "import.fix_and_retry": "The other rows were imported. Fix the rejected lines and import the file again: rows already imported are left as they are.",
    "import.error.not_found": "{file}: no such file. Nothing was imported.",
    "import.error.unreadable": "{file} cannot be read ({reason}). Nothing was imported.",
    "import.error.empty": "{file} is empty: its first line must be a header row naming the columns. Nothing was imported.",
    "import.error.undecodable": "{file}: the header row is neither UTF-8 nor GB18030 text. Save the file as “CSV UTF-8” and try again. Nothing was imported.",
    "import.error.missing_columns": "{file} lacks required columns: {columns}. The header row must name every required column. Nothing was imported.",
    "import.error.duplicate_column": "{file} has two {column} columns: keep one. Nothing was imported.",
    "import.error.bad_csv": "{file} is not valid CSV at line {line} ({detail}). Nothing was imported.",
    "import.error.database": "The database refused the import, so nothing was imported: {reason}",
    "import.reject.missing_value": "no {column} given",
    "import.reject.too_long": "{column} is too long: {limit} characters at most",
    "import.reject.duplicate": "{column} '{value}' already appears on line {first_line}",
    "import.reject.wrong_encoding": "this line is not UTF-8 text (save the file as “CSV UTF-8”)",
    "import.reject.unknown_team": "unknown team '{value}'",
    "import.reject.unknown_member": "{column}: no member has the Slack user id '{value}'",
    "import.reject.unknown_manager": "unknown manager '{value}': import the manager as a member too",
    "import.reject.unknown_customer": "unknown customer code '{value}'",
    "import.reject.bad_role": "unknown role '{value}': use rep, desk, manager or admin",
    "import.reject.bad_tier": "unknown tier '{value}': use A, B, C or D",
    "import.reject.bad_status": "unknown status '{value}': use received, confirmed, in_production, ready_to_ship, shipped, delivered, invoiced, paid, on_hold or cancelled",
    "import.reject.bad_order_number": "'{value}' is not an order number: use letters, digits and - _ . / only, 40 at most",
    "import.reject.bad_date": "{column} '{value}' is not a date: use YYYY-MM-DD or YYYY/M/D",
    "import.reject.bad_amount": "'{value}' is not an amount: use 0 or more with at most 2 decimals, like 1234.50 or 1,234.50",
    "import.reject.bad_currency": "'{value}' is not a currency: use an ISO 4217 code like CNY, USD or EUR (RMB and 人民币 read as CNY)",
    "import.reject.bad_timezone": "'{value}' is not an IANA time zone (like Asia/Shanghai)",
    "import.reject.bad_time": "{column} '{value}' is not a time: use HH:MM, like 08:30",
    "import.reject.bad_user_id": "{column} '{value}' is not a Slack user id (like U012ABCDEF)",
    "import.reject.bad_channel_id": "{column} '{value}' is not a Slack channel id (like C012ABCDEF)",
    "import.reject.name_taken": "the name '{value}' is already used by customer {code}",
    "import.reject.contact_needs_name": "a new contact needs a contact_name",
    "import.none_imported": "No row was imported. Fix the rejected lines and import the file again.",
    "import.summary_warned": " Imported with a warning: {warned}.",
    "import.warning_line": "warning, line {line}: {reason}",
    "import.more_warnings": "… and {count} more warnings",
    "import.warning.unspoken_locale": "{value} is not a language Sales Desk speaks; {name} will read {default} (the default)",
    "import.language.en": "English",
    "import.language.zh-CN": "Chinese",
    "import.progress.read": "Reading the file",
    "import.progress.check": "Checking rows",
    "import.progress.write": "Writing",
    "console.form": "[form: {title}] In Slack a form opens here; the console lists what it asks.",
    "console.banner": "Sales Desk console: type what you would type in Slack, like /order help. "
    "Ctrl-D to quit.",
    "console.you_are": "You are {name} ({user}, {role}).",
    "console.type_a_command": "Type a slash command, like /order help or /order list.",
    "console.unknown_command": "That command is not available here ({command}).",
    "console.message_to": "[message to {channel}]",
    "console.no_member": "salesdesk: no member with Slack user id {user}",
}
