"""Retention periods (bewaartermijnen): which records go when, and the job that destroys them.

A closed case falls under one kind, by what happened in it (docs/privacy.md#bewaartermijnen):

* jeugddossier — youth care or youth protection was given (an involvement of a youth service
  type) or a decision was taken under the Jeugdwet;
* ondersteuningsplan — the household plan was agreed at least once (it has a PlanVersion);
* plan_niet_vastgesteld — everything else.

Its period (``settings.RETENTION_YEARS``) runs from the day the help ended: the latest of the
day the case was closed, the last day of an involvement and the last day of a granted
provision. An open case never expires. A match signal goes after its own period from when it
was raised, or when its person turns ``settings.RETENTION_MATCH_MAX_AGE`` (the Verwijsindex
covers young people; for someone already that age when it was raised only the period counts).

A legal hold (``LegalHold``) or a complaint or objection that is still open keeps a case, and
its match signals, past the date. ``retention_apply`` is the periodic job
(``eenplan apply-retention``): per expired case one transaction that first writes the access log
(one entry per person of the case, while their identifiers are still there), then destroys the
case with everything that belongs to it, the household once no case is left, and each person who
belongs to nothing that stays. What must outlive the case under its own obligation is kept
without the link: claim lines (financial records) lose their decision, citizen accounts are
emptied and switched off instead of deleted (the access log names its users, so removing a user
would change entries and break the chain).
"""

import datetime
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import structlog
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, router, transaction
from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.formats import date_format

from eenplan.assessments.models import Assessment
from eenplan.cases.constants import CaseStatus, ServiceType
from eenplan.cases.models import Case, Involvement
from eenplan.complaints.models import Complaint
from eenplan.consultations.models import Attendee
from eenplan.people.models import Person
from eenplan.plans.models import PlanVersion
from eenplan.portal.models import Citizen
from eenplan.privacy import policy
from eenplan.privacy.constants import Action, ProcessingActivity, RetentionKind
from eenplan.privacy.models import LegalHold, RetentionRun
from eenplan.privacy.services import access_log_write
from eenplan.provisions.constants import DecisionStatus, LegalBasis
from eenplan.provisions.models import Claim, Decision
from eenplan.signals.constants import SignalKind
from eenplan.signals.models import Signal

log = structlog.get_logger(__name__)

YOUTH_SERVICES = (
    ServiceType.YOUTH_CARE_AMBULANT,
    ServiceType.YOUTH_CARE_RESIDENTIAL,
    ServiceType.YOUTH_PROTECTION,
)
# Keys of ``RetentionRun.counts`` besides the kinds.
PERSONS, HOUSEHOLDS, HELD, FAILED = "personen", "huishoudens", "tegengehouden", "mislukt"
COUNT_NAMES = {
    **{kind.value: str(kind.label) for kind in RetentionKind},
    PERSONS: "Personen",
    HOUSEHOLDS: "Huishoudens",
    HELD: "Tegengehouden (bewaarplicht of lopende klacht)",
    FAILED: "Mislukt (blijft staan tot de volgende run)",
}
# The report's columns: the kinds, then what is kept past its date.
COLUMNS = [*RetentionKind.values, HELD]
HOLD, COMPLAINT = "Bewaarplicht", "Klacht of bezwaar loopt"
BATCH = 500


# ---------------------------------------------------------------------------------- the rules


def retention_years(kind: RetentionKind) -> int:
    return settings.RETENTION_YEARS[RetentionKind(kind).value]


def add_years(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February, in a year without one
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True)
class CaseRetention:
    case_id: int
    reference: str
    kind: RetentionKind
    help_ended_on: datetime.date
    due_on: datetime.date
    stopped_by: str = ""  # why it stays past its date: HOLD or COMPLAINT

    @property
    def kind_name(self) -> str:
        return str(RetentionKind(self.kind).label)


def _active_holds() -> QuerySet:
    return LegalHold.objects.filter(lifted_at__isnull=True)


def _with_retention_facts(cases: QuerySet) -> QuerySet:
    involvements = Involvement.objects.filter(case=OuterRef("pk"))
    decisions = Decision.objects.filter(case=OuterRef("pk"))
    provisions = decisions.filter(status__in=[DecisionStatus.GRANTED, DecisionStatus.ENDED])
    return cases.annotate(
        youth_help=Exists(involvements.filter(service_type__in=YOUTH_SERVICES)),
        youth_decision=Exists(decisions.filter(legal_basis=LegalBasis.YOUTH)),
        agreed=Exists(PlanVersion.objects.filter(plan__case=OuterRef("pk"))),
        last_involvement_end=Subquery(
            involvements.filter(end_date__isnull=False).order_by("-end_date").values("end_date")[:1]
        ),
        last_provision_end=Subquery(
            provisions.annotate(last_day=Coalesce("ended_on", "end_date"))
            .order_by("-last_day")
            .values("last_day")[:1]
        ),
        on_hold=Exists(_active_holds().filter(case=OuterRef("pk"))),
        complaint_open=Exists(Complaint.objects.open().filter(case=OuterRef("pk"))),
    )


def _retention(row: Case) -> CaseRetention:
    if row.youth_help or row.youth_decision:
        kind = RetentionKind.YOUTH_FILE
    elif row.agreed:
        kind = RetentionKind.AGREED_PLAN
    else:
        kind = RetentionKind.UNAGREED_PLAN
    closed_on = timezone.localdate(row.closed_at or row.updated_at)
    ended = max(d for d in (closed_on, row.last_involvement_end, row.last_provision_end) if d)
    return CaseRetention(
        case_id=row.pk,
        reference=row.reference,
        kind=kind,
        help_ended_on=ended,
        due_on=add_years(ended, retention_years(kind)),
        stopped_by=HOLD if row.on_hold else COMPLAINT if row.complaint_open else "",
    )


def case_retentions(cases: QuerySet | None = None) -> Iterator[CaseRetention]:
    """The retention of every closed case (of ``cases``), in a fixed number of queries."""
    closed = (Case.objects.all() if cases is None else cases).filter(status=CaseStatus.CLOSED)
    rows = _with_retention_facts(closed).only("pk", "reference", "closed_at", "updated_at")
    for row in rows.order_by("pk").iterator(chunk_size=2000):
        yield _retention(row)


def case_retention(case: Case) -> CaseRetention | None:
    """The retention of ``case``; None while it is open."""
    return next(case_retentions(Case.objects.filter(pk=case.pk)), None)


def due_on(case: Case) -> datetime.date | None:
    """The first day ``case`` may be destroyed; None while it is open."""
    retention = case_retention(case)
    return retention.due_on if retention else None


def match_signal_due_on(
    raised_at: datetime.datetime, birth_date: datetime.date | None
) -> datetime.date:
    raised_on = timezone.localdate(raised_at)
    due = add_years(raised_on, retention_years(RetentionKind.MATCH_SIGNAL))
    if birth_date:
        too_old_on = add_years(birth_date, settings.RETENTION_MATCH_MAX_AGE)
        if too_old_on > raised_on:
            due = min(due, too_old_on)
    return due


def _match_signal_dues(today: datetime.date | None = None) -> Iterator[tuple[int, datetime.date]]:
    """``(signal pk, due date)`` of every match signal not kept by its case's legal hold or
    open complaint; with ``today`` only those due by then."""
    signals = Signal.objects.filter(kind=SignalKind.MATCH).exclude(
        Exists(_active_holds().filter(case=OuterRef("case")))
        | Exists(Complaint.objects.open().filter(case=OuterRef("case")))
    )
    rows = signals.values_list("pk", "raised_at", "person__birth_date").order_by("pk")
    for pk, raised_at, birth_date in rows.iterator(chunk_size=2000):
        due = match_signal_due_on(raised_at, birth_date)
        if today is None or due <= today:
            yield pk, due


# --------------------------------------------------------------------------------- the report


def require_privacy_officer(user) -> None:
    if not policy.may_read_access_log(user):
        raise PermissionDenied


@dataclass
class Period:
    """One row of the report: what goes in this month or year, or is due now (``start`` None)."""

    start: datetime.date | None
    label: str
    counts: Counter

    @property
    def cells(self) -> list[int]:
        return [self.counts[column] for column in COLUMNS]


@dataclass
class RetentionReport:
    today: datetime.date
    horizon: datetime.date
    periods: list[Period]
    soon: list[CaseRetention]  # due before the horizon, the first first
    holds: list[LegalHold]
    runs: list[tuple[RetentionRun, str]]  # with what it did, in words
    years: dict[str, int]
    match_max_age: int

    @property
    def kinds(self) -> list[tuple[str, str, int]]:
        """``(kind, name, years)`` for the columns and the explanation."""
        return [(kind.value, str(kind.label), self.years[kind.value]) for kind in RetentionKind]


def _months_ahead(day: datetime.date, months: int) -> datetime.date:
    """The first day of the month ``months`` after the month of ``day``."""
    years, month = divmod(day.month - 1 + months, 12)
    return datetime.date(day.year + years, month + 1, 1)


def _period(
    due: datetime.date, today: datetime.date, horizon: datetime.date
) -> tuple[datetime.date | None, str]:
    """Due now, in a month before ``horizon``, or in a year from then on."""
    if due <= today:
        return None, "Nu verlopen (gaat bij de volgende run)"
    if due < horizon:
        start = due.replace(day=1)
        return start, date_format(start, "F Y")
    if due.year == horizon.year:
        return horizon, f"Rest van {due.year}"
    return datetime.date(due.year, 1, 1), str(due.year)


def retention_report(
    *, user, today: datetime.date | None = None, months: int = 12
) -> RetentionReport:
    """What will go when: per period and kind, the cases due within ``months``, the cases
    under a legal hold and the last runs. Shows case references and dates, no personal data."""
    require_privacy_officer(user)
    today = today or timezone.localdate()
    horizon = _months_ahead(today, months)
    periods: dict[datetime.date | None, Period] = {}

    def tally(due: datetime.date, kind: str) -> None:
        start, label = _period(due, today, horizon)
        periods.setdefault(start, Period(start, label, Counter())).counts[kind] += 1

    soon = []
    for item in case_retentions():
        tally(item.due_on, HELD if item.stopped_by else item.kind.value)
        if item.due_on < horizon:
            soon.append(item)
    for _pk, due in _match_signal_dues():
        tally(due, RetentionKind.MATCH_SIGNAL.value)
    return RetentionReport(
        today=today,
        horizon=horizon,
        periods=sorted(periods.values(), key=lambda p: p.start or datetime.date.min),
        soon=sorted(soon, key=lambda item: (item.due_on, item.reference)),
        holds=list(_active_holds().select_related("case", "placed_by").order_by("placed_at")),
        runs=[
            (run, run_summary(run))
            for run in RetentionRun.objects.select_related("started_by")[:10]
        ],
        years=dict(settings.RETENTION_YEARS),
        match_max_age=settings.RETENTION_MATCH_MAX_AGE,
    )


def run_summary(run: RetentionRun) -> str:
    """What a run did (or, a dry run, would do) in words, leaving out what is none."""
    parts = [
        f"{COUNT_NAMES[key]}: {n}" for key, n in run.counts.items() if n and key in COUNT_NAMES
    ]
    return "; ".join(parts) or "Niets verlopen"


def retention_rows(*, user) -> Iterator[CaseRetention]:
    """Every closed case with its retention, the first due first (the CSV download)."""
    require_privacy_officer(user)
    return iter(sorted(case_retentions(), key=lambda item: (item.due_on, item.reference)))


# ------------------------------------------------------------------------------ legal holds


def case_for_hold(user, reference: str) -> Case:
    require_privacy_officer(user)
    case = Case.objects.filter(reference=reference.strip().upper()).first()
    if case is None:
        raise ValidationError({"reference": "Er is geen casus met dit kenmerk."})
    return case


def legal_hold_get(user, hold_uuid) -> LegalHold:
    require_privacy_officer(user)
    return get_object_or_404(LegalHold.objects.select_related("case"), uuid=hold_uuid)


def _log_case(actor, case: Case, name: str, action: Action) -> None:
    persons = [m.person for m in case.household.memberships.select_related("person")]
    access_log_write(
        actor=actor,
        action=action,
        name=name,
        subjects=[(case, person) for person in persons] or [(case, None)],
        activity=ProcessingActivity.RETENTION,
    )


def legal_hold_place(*, actor, case: Case, reason: str) -> LegalHold:
    """Keep ``case`` past its retention period until the hold is lifted."""
    require_privacy_officer(actor)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Schrijf op welke procedure of welk onderzoek loopt."})
    with transaction.atomic():
        case = Case.objects.select_for_update(of=("self",)).get(pk=case.pk)
        hold = LegalHold.objects.create(case=case, reason=reason, placed_by=actor)
        _log_case(actor, case, "bewaarplicht geplaatst", Action.UPDATE)
    return hold


def legal_hold_lift(*, actor, hold: LegalHold) -> LegalHold:
    """End the hold; the case goes at the next run once its period has passed."""
    require_privacy_officer(actor)
    with transaction.atomic():
        hold = LegalHold.objects.select_for_update().get(pk=hold.pk)
        if hold.lifted_at:
            raise ValidationError("Deze bewaarplicht is al opgeheven.")
        hold.lifted_by, hold.lifted_at = actor, timezone.now()
        hold.save(update_fields=["lifted_by", "lifted_at"])
        _log_case(actor, hold.case, "bewaarplicht opgeheven", Action.UPDATE)
    return hold


# ------------------------------------------------------------------------------------ the job


def retention_apply(
    *, actor=None, today: datetime.date | None = None, dry_run: bool = False
) -> RetentionRun:
    """Destroy every expired case and match signal; a dry run only counts them.

    Safe to rerun: what is gone is not found again. Each case is its own transaction, so a
    failure (logged, counted, tried again next run) leaves the rest done.
    """
    today = today or timezone.localdate()
    run = RetentionRun.objects.create(dry_run=dry_run, started_by=actor)
    counts = Counter({name: 0 for name in COUNT_NAMES})
    destroyed = []
    for item in [item for item in case_retentions() if item.due_on <= today]:
        if item.stopped_by:
            counts[HELD] += 1
        elif dry_run:
            counts[item.kind.value] += 1
            destroyed.append(item.reference)
        elif _case_destroy_safely(item, actor=actor, today=today, counts=counts):
            destroyed.append(item.reference)
    counts[RetentionKind.MATCH_SIGNAL.value] = _match_signals_remove(
        actor=actor, today=today, dry_run=dry_run
    )
    run.counts, run.case_references = dict(counts), destroyed
    run.finished_at = timezone.now()
    run.save(update_fields=["counts", "case_references", "finished_at"])
    log.info("retention.run", dry_run=dry_run, **run.counts)
    return run


def _case_destroy_safely(item: CaseRetention, *, actor, today, counts: Counter) -> bool:
    try:
        with transaction.atomic():
            case = Case.objects.select_for_update().filter(pk=item.case_id).first()
            current = case and case_retention(case)
            if not current or current.stopped_by or current.due_on > today:
                return False  # reopened, held or gone since the list was made
            persons, households = _case_destroy(case, actor=actor)
    except DatabaseError:
        log.exception("retention.case_failed", case=item.reference)
        counts[FAILED] += 1
        return False
    counts[current.kind.value] += 1
    counts[PERSONS] += persons
    counts[HOUSEHOLDS] += households
    return True


def _log_destroyed(actor, name: str, subjects: list[tuple[Case | None, Person | None]]) -> None:
    access_log_write(
        actor=actor,
        action=Action.DELETE,
        name=name,
        subjects=subjects,
        activity=ProcessingActivity.RETENTION,
    )


def _case_destroy(case: Case, *, actor) -> tuple[int, int]:
    """Destroy ``case`` and what belongs to it; ``(persons, households)`` destroyed with it."""
    household = case.household
    members = [m.person for m in household.memberships.select_related("person").order_by("pk")]
    _log_destroyed(
        actor,
        "bewaartermijn verstreken: casus vernietigd",
        [(case, person) for person in members] or [(case, None)],
    )
    # What points at the case or its decisions without cascading goes (or lets go) first.
    Complaint.objects.filter(case=case).delete()
    Claim.objects.filter(decision__case=case).update(decision=None)
    Decision.objects.filter(case=case).delete()
    Assessment.objects.filter(case=case).delete()
    case.delete()  # with its plan, notes, consents, involvements, agenda items, signals, ...
    households = 0
    if not household.cases.exists():
        Attendee.objects.filter(household=household).delete()
        household.delete()  # with its memberships, relations and own network
        households = 1
    return _persons_destroy(members, actor=actor), households


def _deletable(person: Person) -> bool:
    """Whether nothing that stays holds on to ``person``: no other household, no record of
    another case (PROTECT), nothing restricted."""
    try:
        Collector(using=router.db_for_write(Person)).collect([person])
    except (ProtectedError, RestrictedError):
        return False
    return True


def _persons_destroy(persons: Iterable[Person], *, actor) -> int:
    going = [person for person in persons if _deletable(person)]
    if going:
        _log_destroyed(
            actor,
            "bewaartermijn verstreken: persoon vernietigd",
            [(None, person) for person in going],
        )
    for person in going:
        citizen_account_close(person)
        person.delete()
    return len(going)


def citizen_account_close(person: Person) -> None:
    """Empty and switch off the person's Mijn EenPlan account; the account itself stays, as the
    access log names it."""
    citizen = Citizen.objects.filter(person=person).select_related("user").first()
    if citizen is None:
        return
    user = citizen.user
    user.username = f"vernietigd-{user.pk}"
    user.first_name = user.last_name = user.email = user.phone = ""
    user.is_active = False
    user.set_unusable_password()
    user.save(
        update_fields=[
            "username",
            "first_name",
            "last_name",
            "email",
            "phone",
            "is_active",
            "password",
        ]
    )


def _match_signals_remove(*, actor, today: datetime.date, dry_run: bool) -> int:
    expired = [pk for pk, _due in _match_signal_dues(today)]
    if dry_run:
        return len(expired)
    removed = 0
    for start in range(0, len(expired), BATCH):
        with transaction.atomic():
            signals = list(
                Signal.objects.select_for_update(of=("self",))
                .filter(pk__in=expired[start : start + BATCH])
                .select_related("case", "person")
            )
            _log_destroyed(
                actor,
                "bewaartermijn verstreken: matchsignaal verwijderd",
                [(signal.case, signal.person) for signal in signals],
            )
            Signal.objects.filter(pk__in=[signal.pk for signal in signals]).delete()
            removed += len(signals)
    return removed
