"""Every change to signals goes through these functions.

Signals are raised, updated and cleared by the evaluation only (``evaluation.py``):

* ``signals_refresh_case`` — after a change to the data the rules read (plan, goals, actions,
  involvements, coordinator, status), inside the same transaction as that change;
* ``signals_match_involvement`` — after an organisation registers an involvement: the match rule
  for its persons, in this case and in every other open case they are helped in;
* ``signals_full_pass`` — the periodic pass over every open case (``eenplan evaluate-signals``),
  for what changes with time alone (a date passing) and as a safety net.

People only resolve a signal (``signal_resolve``): the coordinator records who continues and who
stops, or why it is fine. That is written on the case timeline, which also writes the access log.
"""

import datetime
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from eenplan.cases import services as case_services
from eenplan.cases.constants import CaseStatus, TimelineEventKind
from eenplan.cases.models import Case, Involvement
from eenplan.privacy import policy
from eenplan.signals.constants import (
    DUPLICATION_KINDS,
    SignalKind,
    SignalOutcome,
    SignalStatus,
)
from eenplan.signals.counts import signal_counts_changed
from eenplan.signals.evaluation import Summary, evaluate_cases
from eenplan.signals.models import Signal
from eenplan.tenancy.models import Organisation

DEFAULT_BATCH_SIZE = 200


def _cases_sharing_persons(case_ids: Iterable[int]) -> set[int]:
    """The given cases and every case with an involvement for one of their persons that may
    still have signals (open, or with a signal that holds): their match signals depend on each
    other's involvements."""
    case_ids = set(case_ids)
    persons = Involvement.objects.filter(case_id__in=case_ids).values("persons")
    present = Signal.objects.filter(case=OuterRef("case_id"), present=True)
    related = (
        Involvement.objects.filter(persons__in=persons)
        .filter(~Q(case__status=CaseStatus.CLOSED) | Q(Exists(present)))
        .order_by()
        .values_list("case_id", flat=True)
        .distinct()
    )
    return case_ids | set(related)


def signals_refresh_case(*, case: Case, today: datetime.date | None = None) -> Summary:
    """Evaluate every rule for ``case`` (and the cases sharing a person with it, for matches).

    Idempotent; a fixed number of queries. Call it at the end of every service that changes what
    the rules read, inside its transaction.
    """
    return evaluate_cases(_cases_sharing_persons([case.pk]), today=today)


def signals_match_involvement(
    *, involvement: Involvement, today: datetime.date | None = None
) -> Summary:
    """The match rule for the persons of a newly registered involvement, in every open case
    they are helped in. Idempotent; call it after the involvement and its persons are saved."""
    return evaluate_cases(
        _cases_sharing_persons([involvement.case_id]), today=today, kinds=[SignalKind.MATCH]
    )


@dataclass(frozen=True)
class PassResult:
    summary: Summary
    seconds: float


def _pass_cases():
    """Open cases, and closed ones that still have a signal that holds (to clear it)."""
    lingering = Signal.objects.filter(case=OuterRef("pk"), present=True)
    return Case.objects.filter(~Q(status=CaseStatus.CLOSED) | Q(Exists(lingering)))


def signals_full_pass(
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    today: datetime.date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> PassResult:
    """Evaluate every rule for every open case, ``batch_size`` cases per transaction.

    The cases are read in pages by primary key, so memory stays flat and no cursor is open
    while writing. ``progress(done, total)`` is called after each batch.
    """
    started = time.monotonic()
    total = _pass_cases().count()
    summary, last, done = Summary(), 0, 0
    while True:
        batch = list(
            _pass_cases()
            .filter(pk__gt=last)
            .order_by("pk")
            .values_list("pk", flat=True)[:batch_size]
        )
        if not batch:
            break
        summary.add(evaluate_cases(batch, today=today))
        last, done = batch[-1], done + len(batch)
        if progress:
            progress(done, total)
    return PassResult(summary=summary, seconds=time.monotonic() - started)


# ---------------------------------------------------------------------------------- resolve


def may_resolve(user, signal: Signal, working_organisation_ids: set[int]) -> bool:
    """The case's coordinator resolves; without a coordinator, a professional of one of the
    organisations concerned. ``signal.parties`` and ``signal.case`` should be loaded."""
    if signal.status != SignalStatus.OPEN or user is None or not user.is_authenticated:
        return False
    case = signal.case
    if case.coordinator_id:
        return case.coordinator_id == user.pk
    return any(p.organisation_id in working_organisation_ids for p in signal.parties.all())


def _organisation_names(organisations: Iterable[Organisation]) -> str:
    return ", ".join(sorted(o.name for o in organisations))


def _validate_outcome(
    signal: Signal,
    *,
    outcome: str,
    note: str,
    continuing_organisation: Organisation | None,
    stopping_organisations: list[Organisation],
) -> None:
    concerned = {p.organisation_id for p in signal.parties.all()}
    if outcome == SignalOutcome.FINE:
        if not note:
            raise ValidationError({"note": _("Schrijf op waarom het goed is zo.")})
        return
    if outcome != SignalOutcome.CONTINUE_STOP:
        raise ValidationError({"outcome": _("Kies hoe het signaal is afgehandeld.")})
    if signal.kind not in DUPLICATION_KINDS:
        raise ValidationError(
            {"outcome": _("Wie doorgaat en wie stopt past alleen bij een match of dubbel werk.")}
        )
    if continuing_organisation is None or continuing_organisation.pk not in concerned:
        raise ValidationError({"continuing_organisation": _("Kies de organisatie die doorgaat.")})
    stopping = {o.pk for o in stopping_organisations}
    if not stopping or not stopping <= concerned:
        raise ValidationError(
            {"stopping_organisations": _("Kies de organisatie of organisaties die stoppen.")}
        )
    if continuing_organisation.pk in stopping:
        raise ValidationError(
            {"stopping_organisations": _("De organisatie die doorgaat, stopt niet.")}
        )


def _summary(signal: Signal, continuing, stopping: list[Organisation], note: str) -> str:
    kind = SignalKind(signal.kind).label
    if signal.outcome == SignalOutcome.CONTINUE_STOP:
        text = _("Signaal '%(kind)s' afgehandeld: %(go)s gaat door, %(stop)s stopt.") % {
            "kind": kind,
            "go": continuing.name,
            "stop": _organisation_names(stopping),
        }
    else:
        text = _("Signaal '%(kind)s' afgehandeld: het is goed zo.") % {"kind": kind}
    return f"{text} {note}".strip()


@transaction.atomic
def signal_resolve(
    *,
    actor,
    signal: Signal,
    outcome: str,
    note: str = "",
    continuing_organisation: Organisation | None = None,
    stopping_organisations: Iterable[Organisation] = (),
) -> Signal:
    """Record how an open signal was resolved: who continues and who stops, or why it is fine.

    Only the case's coordinator may (or, while the case has none, a professional of an
    organisation concerned). ``Signal.DoesNotExist`` when the actor may not see the signal;
    ``ValidationError`` when they may see it but not resolve it, or the outcome is incomplete.
    "Who stops" records the agreement; it does not end any involvement.
    """
    visible = Signal.objects.visible_to(actor)
    case_id = visible.values_list("case_id", flat=True).get(pk=signal.pk)
    # The case first, then the signal: the order every change to a case takes (its services
    # lock the case, then the evaluation locks its signals), so two never wait on each other.
    case = case_services.case_lock_visible(actor=actor, case=Case(pk=case_id))
    signal = visible.select_for_update(of=("self",)).prefetch_related("parties").get(pk=signal.pk)
    signal.case = case
    working = set(policy.working_organisation_ids(actor).values_list("organisation_id", flat=True))
    if signal.status != SignalStatus.OPEN:
        raise ValidationError(_("Dit signaal is al afgehandeld of vervallen."))
    if not may_resolve(actor, signal, working):
        raise ValidationError(
            _("Alleen de regisseur van dit huishouden handelt dit signaal af.")
            if case.coordinator_id
            else _("Alleen een professional van een betrokken organisatie handelt dit af.")
        )
    note = note.strip()
    stopping = list(stopping_organisations)
    _validate_outcome(
        signal,
        outcome=outcome,
        note=note,
        continuing_organisation=continuing_organisation,
        stopping_organisations=stopping,
    )
    duplication = outcome == SignalOutcome.CONTINUE_STOP
    signal.status, signal.outcome, signal.note = SignalStatus.RESOLVED, outcome, note
    signal.continuing_organisation = continuing_organisation if duplication else None
    signal.resolved_by, signal.resolved_at = actor, timezone.now()
    signal.save(
        update_fields=[
            "status",
            "outcome",
            "note",
            "continuing_organisation",
            "resolved_by",
            "resolved_at",
            "updated_at",
        ]
    )
    signal.stopping_organisations.set(stopping if duplication else [])
    signal_counts_changed()
    case_services.timeline_record(
        actor=actor,
        case=case,
        kind=TimelineEventKind.SIGNAL_RESOLVED,
        summary=_summary(signal, continuing_organisation, stopping, note),
        data={
            "signal": str(signal.uuid),
            "kind": signal.kind,
            "outcome": outcome,
            "continuing_organisation": (str(continuing_organisation.uuid) if duplication else None),
            "stopping_organisations": [str(o.uuid) for o in stopping] if duplication else [],
        },
    )
    return signal
