"""Contracts (合同) and their life cycle:

    draft ─submit→ legal_review ─(legal review, then approval)→ approved ─sign→ signed ─archive→
    archived; legal_review or approved ─reject (with a reason)→ rejected ─reopen→ draft

The team is the contract owner's (whoever drafted it); its settings say who reviews and who
approves. Who may take each step:

- draft, edit, submit, reopen, sign: the owner, the desk or a manager of the owner's team, an
  admin; archive: the desk or a manager of the owner's team, an admin.
- legal review: the team's legal reviewers (`legal_reviewers`); a team that names none: its
  managers, or an admin.
- approve (only once reviewed): a manager of the owner's team, or an admin; where
  `contract_approver_roles` includes desk, also the team's desk, except for a large contract
  (value above `large_contract_value`, in the contract's own currency), which needs a manager
  or an admin.
- reject: while in legal review, whoever may review or approve it; once approved (not yet
  signed), whoever may approve it.

Nobody reviews or approves their own contract. Every step is one transaction with an audit
entry (the audit log is the contract's history: who did what, when, with which note), the
owner told through the outbox, and the next people to act asked, with buttons; the messages
that asked are updated in place once the step is done, so a stale button only ever meets an
"already done" answer.

Who sees a contract: whoever may see its customer (as for customers), its owner, the owner's
manager and the legal reviewers of the owner's team. A contract one may not see reads as one
that does not exist.
"""

from commands.contracts.cards import ContractCard, ContractMoved, ContractPage, ContractView, Entry
from commands.contracts.drafts import (
    FORM_FIELDS,
    ContractDraft,
    ContractProblems,
    check_can_edit,
    check_draft,
    create_contract,
    read_value,
    update_contract,
)
from commands.contracts.reading import contract_view, list_contracts
from commands.contracts.standing import waiting_on
from commands.contracts.steps import check_can_reject, take_step

__all__ = [
    "FORM_FIELDS",
    "ContractCard",
    "ContractDraft",
    "ContractMoved",
    "ContractPage",
    "ContractProblems",
    "ContractView",
    "Entry",
    "check_can_edit",
    "check_can_reject",
    "check_draft",
    "contract_view",
    "create_contract",
    "list_contracts",
    "read_value",
    "take_step",
    "update_contract",
    "waiting_on",
]
