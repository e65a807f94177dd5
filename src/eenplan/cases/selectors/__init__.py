"""Every read of case data and its network goes through these functions (see each module)."""

from eenplan.cases.selectors.case import case_get, case_involvements, case_list, case_timeline
from eenplan.cases.selectors.network import (
    CaseNetwork,
    case_access_get,
    case_network,
    consent_get,
    consent_list,
    coordinator_proposal_get,
    coordinator_proposal_list,
    note_list,
    referral_get,
    referral_list,
)

__all__ = [
    "CaseNetwork",
    "case_access_get",
    "case_get",
    "case_involvements",
    "case_list",
    "case_network",
    "case_timeline",
    "consent_get",
    "consent_list",
    "coordinator_proposal_get",
    "coordinator_proposal_list",
    "note_list",
    "referral_get",
    "referral_list",
]
