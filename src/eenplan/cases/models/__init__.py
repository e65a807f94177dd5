from eenplan.cases.models.case import Case, HelpQuestion, Involvement, TimelineEvent
from eenplan.cases.models.network import Consent, CoordinatorProposal, Note, Referral

__all__ = [
    "Case",
    "Consent",
    "CoordinatorProposal",
    "HelpQuestion",
    "Involvement",
    "Note",
    "Referral",
    "TimelineEvent",
]
