"""The case status as a state machine: every allowed step is in ``TRANSITIONS``, nothing else is.

aanmelding → intake → plan → uitvoering → evaluatie → afgesloten. From evaluation the household
may go round again (back to uitvoering or to a new plan). A case can be closed from any open
status, always with a reason, and a closed case can be reopened (to intake), which is recorded.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from eenplan.cases.constants import CaseStatus as S

TRANSITIONS: dict[S, frozenset[S]] = {
    S.REFERRAL: frozenset({S.INTAKE, S.CLOSED}),
    S.INTAKE: frozenset({S.PLAN, S.CLOSED}),
    S.PLAN: frozenset({S.EXECUTION, S.CLOSED}),
    S.EXECUTION: frozenset({S.EVALUATION, S.CLOSED}),
    S.EVALUATION: frozenset({S.EXECUTION, S.PLAN, S.CLOSED}),
    S.CLOSED: frozenset({S.INTAKE}),
}


def allowed_transitions(current: str) -> frozenset[S]:
    return TRANSITIONS[S(current)]


def check_transition(current: str, target: str) -> None:
    """Raise ValidationError when ``current → target`` is not an allowed step."""
    if target not in S.values:
        raise ValidationError({"status": _("Onbekende status.")}, code="unknown_status")
    if S(target) not in allowed_transitions(current):
        raise ValidationError(
            {
                "status": _("Van %(current)s naar %(target)s is geen toegestane stap.")
                % {"current": S(current).label, "target": S(target).label}
            },
            code="transition_not_allowed",
        )
