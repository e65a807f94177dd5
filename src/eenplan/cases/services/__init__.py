"""Every change to a case and its network goes through these functions (see each module)."""

from eenplan.cases.services.case import (
    case_escalate,
    case_lock_visible,
    case_open,
    case_set_coordinator,
    case_transition,
    involvement_add,
    involvement_end,
    may_decide,
    timeline_record,
)
from eenplan.cases.services.coordination import (
    coordinator_agree,
    coordinator_proposal_withdraw,
    coordinator_propose,
)
from eenplan.cases.services.network import (
    consent_build,
    consent_record,
    consent_withdraw,
    note_add,
    referral_accept,
    referral_decline,
    referral_send,
)

__all__ = [
    "case_escalate",
    "case_lock_visible",
    "case_open",
    "case_set_coordinator",
    "case_transition",
    "consent_build",
    "consent_record",
    "consent_withdraw",
    "coordinator_agree",
    "coordinator_proposal_withdraw",
    "coordinator_propose",
    "involvement_add",
    "involvement_end",
    "may_decide",
    "note_add",
    "referral_accept",
    "referral_decline",
    "referral_send",
    "timeline_record",
]
