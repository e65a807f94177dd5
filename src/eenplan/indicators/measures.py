"""The measures: counts (and one median) over the live case data, per municipality or region and
per quarter. Every indicator is a ratio of two measures, so every municipality counts the same.

A measure is one aggregate query for all quarters at once: the rows are grouped by municipality
(or region) and every quarter is a filtered aggregate (``COUNT(...) FILTER (WHERE ...)``). No
case is ever loaded into Python. ``scope.cases`` narrows the cases a measure counts (a local
indicator's filter); population measures ignore it.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import (
    CharField,
    Count,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    Window,
)
from django.db.models.functions import Cast, Concat, FirstValue, Lead
from django.utils import timezone

from eenplan.assessments.models import Score
from eenplan.cases.constants import CaseStatus, ClosingReason, ServiceType, TimelineEventKind
from eenplan.cases.models import Case, Involvement, TimelineEvent
from eenplan.complaints.constants import Outcome
from eenplan.complaints.models import Complaint
from eenplan.consultations.models import Agreement
from eenplan.indicators.constants import Level
from eenplan.indicators.models import PopulationFigure
from eenplan.indicators.periods import Quarter
from eenplan.indicators.sql import DaysBetween, Median
from eenplan.plans.models import PlanVersion
from eenplan.portal.models import Feedback
from eenplan.provisions.constants import LegalBasis, Standard
from eenplan.provisions.models import Decision
from eenplan.signals.constants import SignalKind, SignalStatus
from eenplan.signals.models import Signal
from eenplan.tenancy.models import Municipality

# (municipality or region id, quarter label) → value
Values = dict[tuple[int, str], float]

COUNT, POPULATION, MEDIAN = "telling", "bevolking", "mediaan"
PLAN_WEEKS = 6
RETURN_DAYS = 365
YOUTH_CARE = (ServiceType.YOUTH_CARE_AMBULANT, ServiceType.YOUTH_CARE_RESIDENTIAL)


@dataclass(frozen=True)
class Scope:
    level: Level = Level.MUNICIPALITY
    cases: Q = field(default_factory=Q)


@dataclass(frozen=True)
class Measure:
    code: str
    label: str
    kind: str
    compute: Callable[[list[Quarter], Scope], Values]


MEASURES: dict[str, Measure] = {}


def measure(code: str, label: str, kind: str = COUNT) -> Callable:
    def register(function):
        MEASURES[code] = Measure(code, label, kind, function)
        return function

    return register


def _group(level: Level, case_path: str = "") -> str:
    prefix = f"{case_path}__" if case_path else ""
    if level == Level.REGION:
        return f"{prefix}household__municipality__region_id"
    return f"{prefix}household__municipality_id"


def _tally(
    queryset: QuerySet,
    group: str,
    quarters: list[Quarter],
    condition: Callable[[Quarter], Q],
    aggregate: Callable[[Q], object] = lambda condition: Count("pk", filter=condition),
) -> Values:
    """One grouped query: per group a filtered aggregate per quarter."""
    rows = (
        queryset.order_by()
        .values(group_id=F(group))
        .annotate(**{f"q{i}": aggregate(condition(q)) for i, q in enumerate(quarters)})
    )
    return {
        (row["group_id"], q.label): row[f"q{i}"] or 0
        for row in rows
        for i, q in enumerate(quarters)
        if row["group_id"] is not None
    }


def _cases(scope: Scope) -> QuerySet:
    return Case.objects.filter(scope.cases)


def _open_during(q: Quarter, prefix: str = "") -> Q:
    return Q(**{f"{prefix}opened_at__lt": q.end_at}) & (
        Q(**{f"{prefix}closed_at__isnull": True}) | Q(**{f"{prefix}closed_at__gte": q.start_at})
    )


def _open_at_end(q: Quarter, prefix: str = "") -> Q:
    return Q(**{f"{prefix}opened_at__lt": q.end_at}) & (
        Q(**{f"{prefix}closed_at__isnull": True}) | Q(**{f"{prefix}closed_at__gte": q.end_at})
    )


def _within(field_name: str, q: Quarter) -> Q:
    return Q(**{f"{field_name}__gte": q.start_at, f"{field_name}__lt": q.end_at})


def _within_days(field_name: str, q: Quarter) -> Q:
    """For a date (not a moment): from the quarter's first day to its last, both included."""
    return Q(**{f"{field_name}__gte": q.start, f"{field_name}__lte": q.end})


# ---------------------------------------------------------------------------------- cases


@measure("lopende_casussen", "Casussen die in het kwartaal liepen")
def active_cases(quarters, scope):
    return _tally(_cases(scope), _group(scope.level), quarters, _open_during)


@measure("casussen_eind", "Lopende casussen op de laatste dag van het kwartaal")
def open_cases_at_end(quarters, scope):
    return _tally(_cases(scope), _group(scope.level), quarters, _open_at_end)


@measure("casussen_met_regisseur", "Lopende casussen met een afgesproken regisseur, laatste dag")
def cases_with_coordinator(quarters, scope):
    first_set = TimelineEvent.objects.filter(
        case=OuterRef("pk"), kind=TimelineEventKind.COORDINATOR_SET
    ).order_by("occurred_at")
    cases = _cases(scope).annotate(coordinator_since=Subquery(first_set.values("occurred_at")[:1]))
    return _tally(
        cases,
        _group(scope.level),
        quarters,
        lambda q: _open_at_end(q) & Q(coordinator_since__lt=q.end_at),
    )


@measure("nieuwe_casussen", "Casussen aangemeld in het kwartaal")
def new_cases(quarters, scope):
    return _tally(_cases(scope), _group(scope.level), quarters, lambda q: _within("opened_at", q))


@measure("terugkeer", "Aangemeld in het kwartaal, binnen 12 maanden na een afgesloten casus")
def re_entries(quarters, scope):
    earlier = Case.objects.filter(
        household=OuterRef("household"),
        closed_at__lte=OuterRef("opened_at"),
        closed_at__gte=OuterRef("opened_at") - datetime.timedelta(days=RETURN_DAYS),
    ).exclude(pk=OuterRef("pk"))
    cases = _cases(scope).annotate(returned=Exists(earlier))
    return _tally(
        cases, _group(scope.level), quarters, lambda q: _within("opened_at", q) & Q(returned=True)
    )


@measure("afgesloten", "Casussen afgesloten in het kwartaal")
def closed_cases(quarters, scope):
    return _tally(
        _cases(scope).filter(status=CaseStatus.CLOSED),
        _group(scope.level),
        quarters,
        lambda q: _within("closed_at", q),
    )


@measure("afgesloten_doelen_bereikt", "Afgesloten in het kwartaal omdat de doelen bereikt zijn")
def closed_goals_reached(quarters, scope):
    return _tally(
        _cases(scope).filter(status=CaseStatus.CLOSED, closing_reason=ClosingReason.GOALS_REACHED),
        _group(scope.level),
        quarters,
        lambda q: _within("closed_at", q),
    )


# ------------------------------------------------------------------- intake and first plan


def _intake_cohort(q: Quarter) -> Q:
    """Intake began in the quarter, and at least six weeks ago: they had their full chance."""
    cutoff = timezone.now() - datetime.timedelta(weeks=PLAN_WEEKS)
    return _within("intake_started_at", q) & Q(intake_started_at__lt=cutoff)


@measure("intakes", "Intake begonnen in het kwartaal, ten minste zes weken geleden")
def intakes(quarters, scope):
    return _tally(_cases(scope), _group(scope.level), quarters, _intake_cohort)


@measure("plan_binnen_zes_weken", "Van die intakes: plan vastgesteld binnen zes weken na de intake")
def plan_within_six_weeks(quarters, scope):
    first_version = PlanVersion.objects.filter(plan__case=OuterRef("pk")).order_by("agreed_on")
    cases = _cases(scope).annotate(
        first_agreed_on=Subquery(first_version.values("agreed_on")[:1]),
        days_to_plan=DaysBetween(F("first_agreed_on"), F("intake_started_at")),
    )
    return _tally(
        cases,
        _group(scope.level),
        quarters,
        lambda q: _intake_cohort(q) & Q(days_to_plan__lte=PLAN_WEEKS * 7),
    )


@measure("eerste_contacten", "Casussen met een eerste contact (begin intake) in het kwartaal")
def first_contacts(quarters, scope):
    return _tally(
        _cases(scope), _group(scope.level), quarters, lambda q: _within("intake_started_at", q)
    )


@measure("dagen_tot_eerste_contact", "Dagen van aanmelding tot eerste contact (mediaan)", MEDIAN)
def days_to_first_contact(quarters, scope):
    cases = _cases(scope).annotate(
        days_to_contact=DaysBetween(F("intake_started_at"), F("opened_at"))
    )
    return _tally(
        cases,
        _group(scope.level),
        quarters,
        lambda q: _within("intake_started_at", q),
        aggregate=lambda condition: Median("days_to_contact", filter=condition),
    )


# ------------------------------------------------------------------------------- network


@measure("organisaties_bij_casussen", "Betrokken organisaties bij lopende casussen, laatste dag")
def organisations_at_cases(quarters, scope):
    pair = Concat(
        Cast("case_id", CharField()),
        Value("-"),
        Cast("organisation_id", CharField()),
        output_field=CharField(),
    )
    involvements = Involvement.objects.filter(case__in=_cases(scope))

    def active_at_end(q: Quarter) -> Q:
        return (
            _open_at_end(q, "case__")
            & Q(start_date__lte=q.end)
            & (Q(end_date__isnull=True) | Q(end_date__gte=q.end))
        )

    return _tally(
        involvements,
        _group(scope.level, "case"),
        quarters,
        active_at_end,
        aggregate=lambda condition: Count(pair, distinct=True, filter=condition),
    )


def _overlap_signals(scope: Scope) -> QuerySet:
    return Signal.objects.filter(kind=SignalKind.OVERLAP, case__in=_cases(scope))


@measure("overlapsignalen", "Signalen 'dubbel werk' ontstaan in het kwartaal")
def overlap_signals(quarters, scope):
    return _tally(
        _overlap_signals(scope),
        _group(scope.level, "case"),
        quarters,
        lambda q: _within("raised_at", q),
    )


@measure("overlapsignalen_afgehandeld", "Van die signalen: inmiddels afgehandeld met een afspraak")
def overlap_signals_resolved(quarters, scope):
    return _tally(
        _overlap_signals(scope).filter(status=SignalStatus.RESOLVED),
        _group(scope.level, "case"),
        quarters,
        lambda q: _within("raised_at", q),
    )


# ------------------------------------------------------------------------- assessments


def _priority_score_rows(scope: Scope) -> QuerySet:
    """Every score on a case's priority life domain, with the case's first score on it and the
    date of the case's next score on it: a row is the case's latest score at a quarter's end when
    it falls on or before that end and the next one after it."""
    case = "assessment__case"
    per_case = {
        "partition_by": [F(case)],
        "order_by": [F("assessment__assessed_on"), F("assessment_id"), F("pk")],
    }
    return (
        Score.objects.filter(
            assessment__case__in=_cases(scope).exclude(priority_domain=""),
            domain__life_domain=F(f"{case}__priority_domain"),
        )
        .order_by()
        .values(
            group_id=F(_group(scope.level, case)),
            opened_at=F(f"{case}__opened_at"),
            closed_at=F(f"{case}__closed_at"),
            assessed_on=F("assessment__assessed_on"),
            score=F("value"),
            first_score=Window(FirstValue("value"), **per_case),
            first_on=Window(FirstValue("assessment__assessed_on"), **per_case),
            next_on=Window(Lead("assessment__assessed_on"), **per_case),
        )
    )


def _tally_priority_scores(quarters: list[Quarter], scope: Scope, *, improved: bool) -> Values:
    """Per group and quarter the running cases measured twice on their priority domain by the
    quarter's end (with ``improved``: whose latest score is higher than the first).

    One pass over the scores with window functions instead of a correlated subquery per case and
    quarter; the count over the windowed rows needs an outer query, which the ORM cannot write."""
    operations = connection.ops
    rows_sql, rows_params = _priority_score_rows(scope).query.sql_with_params()
    columns, params = [], []
    for i, q in enumerate(quarters):
        condition = (
            "opened_at < %s AND (closed_at IS NULL OR closed_at >= %s)"
            " AND assessed_on <= %s AND (next_on IS NULL OR next_on > %s)"
            " AND first_on < assessed_on"
        )
        if improved:
            condition += " AND score > first_score"
        end = operations.adapt_datefield_value(q.end)
        params += [
            operations.adapt_datetimefield_value(q.end_at),
            operations.adapt_datetimefield_value(q.start_at),
            end,
            end,
        ]
        columns.append(f"SUM(CASE WHEN {condition} THEN 1 ELSE 0 END) AS q{i}")
    sql = (
        f"SELECT group_id, {', '.join(columns)} FROM ({rows_sql}) AS scores"
        " WHERE group_id IS NOT NULL GROUP BY group_id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, (*params, *rows_params))
        return {
            (row[0], q.label): row[i + 1] or 0
            for row in cursor.fetchall()
            for i, q in enumerate(quarters)
        }


@measure(
    "prio_twee_metingen", "Lopende casussen met twee metingen op het leefgebied van de prio-vraag"
)
def measured_twice(quarters, scope):
    return _tally_priority_scores(quarters, scope, improved=False)


@measure("prio_vooruit", "Van die casussen: de laatste score is hoger dan de eerste")
def improved_on_priority(quarters, scope):
    return _tally_priority_scores(quarters, scope, improved=True)


# --------------------------------------------------------------------------- agreements


def _open_agreement(q: Quarter) -> Q:
    """Made in a meeting on or before the quarter's last day, not done or cancelled by then."""
    return Q(item__consultation__date__lte=q.end) & (
        Q(action__completed_at__isnull=True) | Q(action__completed_at__gte=q.end_at)
    )


def _agreements(scope: Scope) -> QuerySet:
    return Agreement.objects.filter(action__isnull=False, item__case__in=_cases(scope))


@measure("open_afspraken", "Afspraken uit overleggen die op de laatste dag nog open stonden")
def open_agreements(quarters, scope):
    return _tally(_agreements(scope), _group(scope.level, "item__case"), quarters, _open_agreement)


@measure("afspraken_over_deadline", "Van die open afspraken: de deadline was al voorbij")
def overdue_agreements(quarters, scope):
    return _tally(
        _agreements(scope),
        _group(scope.level, "item__case"),
        quarters,
        lambda q: _open_agreement(q) & Q(action__due_date__lt=q.end),
    )


# ------------------------------------------------------------------------- satisfaction


def _feedback(scope: Scope) -> QuerySet:
    """The report marks household members gave in the portal, one per member per plan period."""
    return Feedback.objects.filter(case__in=_cases(scope))


@measure("cijfers_som", "Rapportcijfers gegeven in het kwartaal, opgeteld")
def marks_total(quarters, scope):
    return _tally(
        _feedback(scope),
        _group(scope.level, "case"),
        quarters,
        lambda q: _within("given_at", q),
        aggregate=lambda condition: Sum("score", filter=condition),
    )


@measure("cijfers", "Rapportcijfers gegeven in het kwartaal")
def marks(quarters, scope):
    return _tally(
        _feedback(scope), _group(scope.level, "case"), quarters, lambda q: _within("given_at", q)
    )


# --------------------------------------------------------------------------- complaints


def _complaints(scope: Scope) -> QuerySet:
    """Complaints and objections alike, counted at the municipality of the case's household."""
    return Complaint.objects.filter(case__in=_cases(scope))


@measure("klachten", "Klachten en bezwaren ontvangen in het kwartaal")
def complaints_received(quarters, scope):
    return _tally(
        _complaints(scope),
        _group(scope.level, "case"),
        quarters,
        lambda q: _within_days("received_on", q),
    )


@measure("klachten_afgehandeld", "Klachten en bezwaren afgehandeld in het kwartaal")
def complaints_closed(quarters, scope):
    return _tally(
        _complaints(scope),
        _group(scope.level, "case"),
        quarters,
        lambda q: _within_days("closed_on", q),
    )


@measure("klachten_informeel", "Van die klachten en bezwaren: opgelost in een gesprek")
def complaints_resolved_informally(quarters, scope):
    return _tally(
        _complaints(scope).filter(outcome=Outcome.RESOLVED_INFORMALLY),
        _group(scope.level, "case"),
        quarters,
        lambda q: _within_days("closed_on", q),
    )


# ---------------------------------------------------------------- persons (BBV-like)


def _years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _persons_helped(scope: Scope, quarters, service_types, *, under_18: bool) -> Values:
    """Distinct persons with an active involvement of ``service_types`` on the quarter's last
    day, in a case that was open then."""
    through = Involvement.persons.through.objects.filter(
        involvement__service_type__in=service_types, involvement__case__in=_cases(scope)
    )

    def condition(q: Quarter) -> Q:
        active = (
            _open_at_end(q, "involvement__case__")
            & Q(involvement__start_date__lte=q.end)
            & (Q(involvement__end_date__isnull=True) | Q(involvement__end_date__gte=q.end))
        )
        if under_18:
            active &= Q(person__birth_date__gt=_years_before(q.end, 18))
        return active

    return _tally(
        through,
        _group(scope.level, "involvement__case"),
        quarters,
        condition,
        aggregate=lambda condition: Count("person_id", distinct=True, filter=condition),
    )


@measure("jongeren_jeugdhulp", "Jongeren onder 18 met jeugdhulp, laatste dag")
def youth_with_youth_care(quarters, scope):
    return _persons_helped(scope, quarters, YOUTH_CARE, under_18=True)


@measure("jongeren_jeugdbescherming", "Jongeren onder 18 met jeugdbescherming, laatste dag")
def youth_with_protection(quarters, scope):
    return _persons_helped(scope, quarters, [ServiceType.YOUTH_PROTECTION], under_18=True)


@measure("wmo_clienten", "Inwoners met een Wmo-maatwerkvoorziening, laatste dag")
def wmo_clients(quarters, scope):
    """Distinct persons with a granted iWmo provision running on the quarter's last day."""
    decisions = Decision.objects.committing().filter(
        case__in=_cases(scope), legal_basis=LegalBasis.WMO, product__standard=Standard.IWMO
    )

    def running(q: Quarter) -> Q:
        return Q(start_date__lte=q.end, end_date__gte=q.end) & (
            Q(ended_on__isnull=True) | Q(ended_on__gte=q.end)
        )

    return _tally(
        decisions,
        _group(scope.level, "case"),
        quarters,
        running,
        aggregate=lambda condition: Count("person_id", distinct=True, filter=condition),
    )


@measure("re_integratie", "Inwoners met een re-integratietraject, laatste dag")
def reintegration(quarters, scope):
    return _persons_helped(scope, quarters, [ServiceType.REINTEGRATION], under_18=False)


# ---------------------------------------------------------------------------- population


def _population(field_name: str, quarters: list[Quarter], scope: Scope) -> Values:
    """The figure of the latest year up to the quarter's year (else the earliest known), summed
    per region at region level. The population tables are small: one query."""
    figures: dict[int, dict[int, int]] = {}
    for municipality_id, year, value in PopulationFigure.objects.values_list(
        "municipality_id", "year", field_name
    ):
        figures.setdefault(municipality_id, {})[year] = value
    region_of = dict(Municipality.objects.values_list("pk", "region_id"))
    values: Values = {}
    for municipality_id, by_year in figures.items():
        group = region_of[municipality_id] if scope.level == Level.REGION else municipality_id
        for q in quarters:
            known = [year for year in by_year if year <= q.year] or [min(by_year)]
            key = (group, q.label)
            values[key] = values.get(key, 0) + by_year[max(known)]
    return values


@measure("huishoudens", "Particuliere huishoudens (CBS)", POPULATION)
def households(quarters, scope):
    return _population("households", quarters, scope)


@measure("inwoners", "Inwoners (CBS)", POPULATION)
def inhabitants(quarters, scope):
    return _population("inhabitants", quarters, scope)


@measure("jongeren", "Inwoners jonger dan 18 (CBS)", POPULATION)
def youth(quarters, scope):
    return _population("youth", quarters, scope)
