"""CSV import of teams, members, customers and orders: each row upserted by its natural key,
bad rows rejected with their line and reason, one transaction per file."""

from pathlib import Path

from storage.db import Database
from storage.imports.bulk import roomy_cache
from storage.imports.csvfile import read_table
from storage.imports.customers import CustomerImporter
from storage.imports.invoices import InvoiceImporter
from storage.imports.leads import LeadImporter
from storage.imports.members import MemberImporter
from storage.imports.opportunities import OpportunityImporter
from storage.imports.order_lines import OrderLineImporter
from storage.imports.orders import OrderImporter
from storage.imports.payments import PaymentImporter
from storage.imports.products import ProductImporter
from storage.imports.progress import Progress, Silent
from storage.imports.rates import RateImporter
from storage.imports.report import ImportFileError, ImportReport, Money, Rejection, RowWarning
from storage.imports.targets import TargetImporter
from storage.imports.teams import TeamImporter
from storage.imports.upsert import Importer

IMPORTERS: dict[str, type[Importer]] = {
    "teams": TeamImporter,
    "members": MemberImporter,
    "customers": CustomerImporter,
    "orders": OrderImporter,
    "invoices": InvoiceImporter,
    "payments": PaymentImporter,
    "targets": TargetImporter,
    "rates": RateImporter,
    "leads": LeadImporter,
    "products": ProductImporter,
    "order_lines": OrderLineImporter,
    "opportunities": OpportunityImporter,
}

__all__ = [
    "IMPORTERS",
    "ImportFileError",
    "ImportReport",
    "Money",
    "Progress",
    "Rejection",
    "RowWarning",
    "import_csv",
]


def import_csv(
    db: Database,
    kind: str,
    path: Path,
    default_timezone: str = "UTC",
    progress: Progress | None = None,
) -> ImportReport:
    """Import one file of `kind` (teams, members, customers, orders, invoices or payments).
    `default_timezone` is the organisation's, for teams that have none; `progress` hears how
    far it has got.

    Raises ImportFileError when the file as a whole cannot be read; nothing is changed then.
    """
    importer = IMPORTERS[kind](default_timezone)
    importer.progress = progress or Silent()
    importer.progress.stage("read", None)
    table = read_table(Path(path), importer.required, importer.optional)
    with db.session() as session, roomy_cache(session):
        return importer.run(session, table)
