"""The signal rules: which situations in and around one case someone should look at.

A rule is a function from the facts of one case (``CaseFacts``: the case, its active
involvements, its plan with goals and actions, loaded for a whole batch of cases at once) to the
situations that hold now. Each ``Situation`` has a key that names it exactly, so evaluating twice
finds the same situation and never raises it twice. Rules read, they never write: the evaluation
(``evaluation.py``) turns situations into signals.

The rule set is open. A new rule is one decorated function; if it needs data the base facts do
not hold, it names the prefetches it needs, and the evaluation loads them for every batch (as
``low_score_without_goal`` does with the case's assessments).

Closed cases raise nothing: the evaluation does not call the rules for them.
"""

import datetime
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from django.conf import settings
from django.db.models import Prefetch, Q
from django.utils.formats import date_format

from eenplan.assessments.constants import LOW_SCORE
from eenplan.assessments.models import Assessment, Score
from eenplan.cases.constants import CaseStatus, ServiceType
from eenplan.cases.models import Case, Involvement
from eenplan.common.constants import LifeDomain
from eenplan.people.models import Person
from eenplan.plans.constants import OPEN_ACTION_STATUSES, GoalResult, OwnerKind
from eenplan.plans.models import Action, Goal, GoalEvaluation, Plan, PlanVersion
from eenplan.signals.constants import SignalKind


@dataclass(frozen=True)
class Party:
    """An organisation a situation concerns, and whom to contact there (a user id or None)."""

    organisation_id: int
    contact_id: int | None


@dataclass(frozen=True)
class Situation:
    kind: SignalKind
    key: str
    explanation: str
    parties: tuple[Party, ...]
    person_id: int | None = None
    data: dict = field(default_factory=dict)

    @property
    def organisation_ids(self) -> frozenset[int]:
        return frozenset(party.organisation_id for party in self.parties)


@dataclass(frozen=True)
class Rule:
    """A registered rule. ``reopen_on_new_organisation``: a resolved signal opens again when an
    organisation joins the situation that was not part of it (the newcomer has not agreed yet)."""

    name: str
    kind: SignalKind
    evaluate: Callable[["CaseFacts"], Iterable[Situation]]
    prefetch: tuple = ()
    reopen_on_new_organisation: bool = False


RULES: dict[str, Rule] = {}


def rule(
    kind: SignalKind, *, prefetch: Iterable = (), reopen_on_new_organisation: bool = False
) -> Callable:
    """Register the decorated function as a rule raising signals of ``kind``."""

    def register(function: Callable[["CaseFacts"], Iterable[Situation]]):
        RULES[function.__name__] = Rule(
            name=function.__name__,
            kind=kind,
            evaluate=function,
            prefetch=tuple(prefetch),
            reopen_on_new_organisation=reopen_on_new_organisation,
        )
        return function

    return register


def base_prefetch(today: datetime.date) -> list:
    """What every rule may read, loaded per batch of cases with a fixed number of queries."""
    return [
        "other_questions",
        Prefetch(
            "involvements",
            queryset=Involvement.objects.active(on=today)
            .select_related("organisation")
            .prefetch_related(
                # The rules name a person, nothing more: the rest of the row is not loaded.
                Prefetch(
                    "persons",
                    queryset=Person.objects.only("given_names", "surname_prefix", "surname"),
                )
            ),
            to_attr="active_involvements",
        ),
        Prefetch("plan__versions", queryset=PlanVersion.objects.only("pk", "plan_id")),
        Prefetch(
            "plan__goals",
            queryset=Goal.objects.prefetch_related(
                Prefetch(
                    "actions",
                    queryset=Action.objects.select_related(
                        "owner_organisation",
                        "owner_professional",
                        "owner_person",
                        "owner_network_member",
                    ),
                ),
                Prefetch(
                    "evaluations",
                    queryset=GoalEvaluation.objects.only("goal_id", "result", "evaluated_at"),
                ),
            ),
        ),
    ]


@dataclass(frozen=True)
class Helper:
    """An active involvement, in any open case, for one person: who helps them (for a match)."""

    involvement_id: int
    case_id: int
    organisation_id: int
    organisation_name: str
    contact_id: int | None
    start_date: datetime.date


def _helpers(cases: list[Case], today: datetime.date) -> dict[int, list[Helper]]:
    """Per person of these cases' active involvements, every active involvement for them in an
    open case: one query of plain rows for the whole batch."""
    person_ids = {p.pk for c in cases for i in c.active_involvements for p in i.persons.all()}
    if not person_ids:
        return {}
    rows = (
        Involvement.persons.through.objects.filter(
            Q(involvement__end_date__isnull=True) | Q(involvement__end_date__gte=today),
            person_id__in=person_ids,
            involvement__start_date__lte=today,
        )
        .exclude(involvement__case__status=CaseStatus.CLOSED)
        .order_by("involvement__start_date", "involvement_id")
        .values_list(
            "person_id",
            "involvement_id",
            "involvement__case_id",
            "involvement__organisation_id",
            "involvement__organisation__name",
            "involvement__contact_id",
            "involvement__start_date",
        )
    )
    helpers: dict[int, list[Helper]] = {}
    for person_id, *fields in rows:
        helpers.setdefault(person_id, []).append(Helper(*fields))
    return helpers


def load_facts(case_ids: Iterable[int], today: datetime.date) -> list["CaseFacts"]:
    """The facts of these cases, for every rule: a fixed number of queries for the batch."""
    prefetches = [*base_prefetch(today), *(p for r in RULES.values() for p in r.prefetch)]
    cases = list(
        Case.objects.filter(pk__in=list(case_ids))
        .order_by()
        .select_related("plan", "coordinator_organisation")
        .prefetch_related(*prefetches)
    )
    helpers = _helpers(cases, today)
    return [CaseFacts(case=case, today=today, helpers=helpers) for case in cases]


@dataclass
class CaseFacts:
    """One case as the rules read it. ``helpers`` is shared by the batch: per person, every
    active involvement for them in an open case (this one or another)."""

    case: Case
    today: datetime.date
    helpers: dict[int, list[Helper]] = field(default_factory=dict)

    @property
    def involvements(self) -> list[Involvement]:
        return self.case.active_involvements

    @cached_property
    def plan(self) -> Plan | None:
        return getattr(self.case, "plan", None)

    @cached_property
    def goals(self) -> list[Goal]:
        return list(self.plan.goals.all()) if self.plan else []

    @cached_property
    def is_agreed(self) -> bool:
        """The plan has at least one agreed version."""
        return bool(self.plan and self.plan.versions.all())

    @cached_property
    def organisation_names(self) -> dict[int, str]:
        names = {i.organisation_id: i.organisation.name for i in self.involvements}
        for person in self.persons:
            names.update({h.organisation_id: h.organisation_name for h in self.helped(person)})
        if self.case.coordinator_organisation:
            names[self.case.coordinator_organisation_id] = self.case.coordinator_organisation.name
        return names

    @cached_property
    def persons(self) -> list:
        """Everyone an active involvement in this case is for, once each."""
        persons = {p.pk: p for i in self.involvements for p in i.persons.all()}
        return [persons[pk] for pk in sorted(persons)]

    def helped(self, person) -> list[Helper]:
        return self.helpers.get(person.pk, [])

    def contact_in_case(self, organisation_id: int) -> int | None:
        case = self.case
        if case.coordinator_id and case.coordinator_organisation_id == organisation_id:
            return case.coordinator_id
        contacts = [i.contact_id for i in self.involvements if i.organisation_id == organisation_id]
        return next((c for c in contacts if c), None)

    def involved_parties(self) -> tuple[Party, ...]:
        """Every organisation actively involved, and the coordinator's organisation."""
        organisation_ids = {i.organisation_id for i in self.involvements}
        if self.case.coordinator_organisation_id:
            organisation_ids.add(self.case.coordinator_organisation_id)
        return tuple(Party(o, self.contact_in_case(o)) for o in sorted(organisation_ids))

    def names(self, organisation_ids: Iterable[int]) -> str:
        return join_names(sorted({self.organisation_names.get(o, "?") for o in organisation_ids}))


def join_names(names: list[str]) -> str:
    """``A``, ``A en B``, ``A, B en C``."""
    return " en ".join(filter(None, [", ".join(names[:-1]), names[-1]])) if names else ""


def _day(value: datetime.date) -> str:
    return date_format(value, "j F Y")


def _domain(code: str) -> str:
    return str(LifeDomain(code).label) if code in LifeDomain.values else code


def _service(code: str) -> str:
    return str(ServiceType(code).label) if code in ServiceType.values else code


def evaluate(facts: CaseFacts, rules: Iterable[Rule] | None = None) -> Iterator[tuple]:
    """``(rule, situation)`` for every situation that holds in this case now."""
    if facts.case.status == CaseStatus.CLOSED:
        return
    for registered in RULES.values() if rules is None else rules:
        for situation in registered.evaluate(facts):
            yield registered, situation


# ------------------------------------------------------------------------------------- match


@rule(SignalKind.MATCH, reopen_on_new_organisation=True)
def match(facts: CaseFacts) -> Iterator[Situation]:
    """A person of this case is helped by two or more organisations (in this case or any other
    open case). Only the fact and whom to contact: no life domain, no kind of help, no reason."""
    for person in facts.persons:
        contacts: dict[int, int | None] = {}
        here_first = sorted(
            facts.helped(person),
            key=lambda h: (h.case_id != facts.case.pk, h.contact_id is None, h.start_date),
        )
        for helper in here_first:
            contacts.setdefault(helper.organisation_id, helper.contact_id)
        if len(contacts) < 2:
            continue
        yield Situation(
            kind=SignalKind.MATCH,
            key=f"match:{facts.case.pk}:{person.pk}",
            explanation=(
                f"{person.full_name} is bekend bij {len(contacts)} organisaties: "
                f"{facts.names(contacts)}. Neem contact met elkaar op en spreek af wie "
                "doorgaat en wie stopt, of waarom het goed is zo."
            ),
            parties=tuple(Party(o, c) for o, c in sorted(contacts.items())),
            person_id=person.pk,
        )


# ------------------------------------------------------------------------------------ overlap


@rule(SignalKind.OVERLAP, reopen_on_new_organisation=True)
def overlap(facts: CaseFacts) -> Iterator[Situation]:
    """Two or more organisations help the household on the same life domain with the same kind
    of help."""
    groups: dict[tuple[str, str], dict[int, int | None]] = {}
    for involvement in sorted(facts.involvements, key=lambda i: (i.contact_id is None, i.pk)):
        for domain in involvement.life_domains:
            group = groups.setdefault((domain, involvement.service_type), {})
            group.setdefault(involvement.organisation_id, involvement.contact_id)
    for (domain, service), contacts in sorted(groups.items()):
        if len(contacts) < 2:
            continue
        yield Situation(
            kind=SignalKind.OVERLAP,
            key=f"overlap:{facts.case.pk}:{domain}:{service}",
            explanation=(
                f"{facts.names(contacts)} helpen dit huishouden allebei op het leefgebied "
                f"{_domain(domain)} met dezelfde soort hulp: {_service(service)}. Spreek af wie "
                "doorgaat en wie stopt, of leg vast waarom het goed is zo."
            ),
            parties=tuple(Party(o, c) for o, c in sorted(contacts.items())),
            data={"life_domain": domain, "service_type": service},
        )


# ---------------------------------------------------------------------------------------- gap


@rule(SignalKind.GAP)
def question_without_goal(facts: CaseFacts) -> Iterator[Situation]:
    """The priority question or another help question is about a life domain on which the plan
    has no goal. Only once there is a plan."""
    if facts.plan is None:
        return
    with_goal = {goal.life_domain for goal in facts.goals}
    questions = {}
    for question in reversed(facts.case.other_questions.all()):
        questions[question.life_domain] = "Een hulpvraag"
    questions[facts.case.priority_domain] = "De prio-vraag"
    for domain, which in sorted(questions.items()):
        if not domain or domain in with_goal:
            continue
        yield Situation(
            kind=SignalKind.GAP,
            key=f"gat:leefgebied:{facts.case.pk}:{domain}",
            explanation=(
                f"{which} van het huishouden gaat over {_domain(domain)}, maar het plan heeft "
                "geen doel op dit leefgebied. Voeg een doel toe, of leg vast waarom dat niet "
                "nodig is."
            ),
            parties=facts.involved_parties(),
            data={"life_domain": domain},
        )


# Only the low scores on a domain tied to a life domain can raise a gap: the others (most of them,
# over a region) are not loaded.
_LATEST_ASSESSMENTS = Prefetch(
    "assessments",
    queryset=Assessment.objects.select_related("instrument")
    .only("case_id", "person_id", "organisation_id", "assessed_on", "instrument__code")
    .order_by("-assessed_on", "-pk")
    .prefetch_related(
        Prefetch(
            "scores",
            queryset=Score.objects.filter(value__lte=LOW_SCORE)
            .exclude(domain__life_domain="")
            .select_related("domain")
            .only("assessment_id", "value", "domain__life_domain"),
        )
    ),
    to_attr="assessments_newest_first",
)


@rule(SignalKind.GAP, prefetch=[_LATEST_ASSESSMENTS])
def low_score_without_goal(facts: CaseFacts) -> Iterator[Situation]:
    """On the latest assessment of a person (or the household) with an instrument, a domain
    tied to a life domain scores 1 or 2, and the plan has no goal on that life domain. The
    explanation names neither the person nor the score: signals are read with plan consent,
    assessments need their own."""
    if facts.plan is None:
        return
    with_goal = {goal.life_domain for goal in facts.goals}
    latest, low = set(), {}
    for assessment in facts.case.assessments_newest_first:
        subject = (assessment.person_id, assessment.instrument.code)
        if subject in latest:
            continue
        latest.add(subject)
        for score in assessment.scores.all():
            domain = score.domain.life_domain
            if domain and domain not in with_goal and score.value <= LOW_SCORE:
                low.setdefault(domain, assessment)
    for domain, assessment in sorted(low.items()):
        parties = {assessment.organisation_id, facts.case.coordinator_organisation_id} - {None}
        yield Situation(
            kind=SignalKind.GAP,
            key=f"gat:meting:{facts.case.pk}:{domain}",
            explanation=(
                f"Op de meting van {_day(assessment.assessed_on)} is {_domain(domain)} een "
                "groot probleem (niet of nauwelijks zelfredzaam), maar het plan heeft geen doel "
                "op dit leefgebied. Voeg een doel toe, of leg vast waarom dat niet nodig is."
            ),
            parties=tuple(Party(o, facts.contact_in_case(o)) for o in sorted(parties)),
            data={"life_domain": domain},
        )


def _achieved(goal: Goal) -> bool:
    evaluations = goal.evaluations.all()  # newest first
    return bool(evaluations) and evaluations[0].result == GoalResult.ACHIEVED


@rule(SignalKind.GAP)
def goal_without_open_action(facts: CaseFacts) -> Iterator[Situation]:
    """A goal that is not achieved has no open action: nobody is working on it."""
    for goal in facts.goals:
        if _achieved(goal) or any(a.status in OPEN_ACTION_STATUSES for a in goal.actions.all()):
            continue
        yield Situation(
            kind=SignalKind.GAP,
            key=f"gat:doel:{facts.case.pk}:{goal.pk}",
            explanation=(
                f"Niemand werkt aan het doel '{goal.title}' ({_domain(goal.life_domain)}): er "
                "is geen open actie. Spreek af wie wat doet, of evalueer het doel."
            ),
            parties=facts.involved_parties(),
            data={"goal": str(goal.uuid), "life_domain": goal.life_domain},
        )


# ----------------------------------------------------------------------------- no coordinator


@rule(SignalKind.NO_COORDINATOR)
def no_coordinator(facts: CaseFacts) -> Iterator[Situation]:
    """Three or more organisations are involved and nobody coordinates, for more than
    ``SIGNAL_NO_COORDINATOR_DAYS`` days after the third organisation started."""
    if facts.case.coordinator_id:
        return
    started: dict[int, datetime.date] = {}
    for involvement in facts.involvements:
        earlier = started.get(involvement.organisation_id, involvement.start_date)
        started[involvement.organisation_id] = min(earlier, involvement.start_date)
    if len(started) < 3:
        return
    since = sorted(started.values())[2]
    days = settings.SIGNAL_NO_COORDINATOR_DAYS
    if (facts.today - since).days <= days:
        return
    yield Situation(
        kind=SignalKind.NO_COORDINATOR,
        key=f"geen_regisseur:{facts.case.pk}",
        explanation=(
            f"{len(started)} organisaties werken met dit huishouden, maar er is geen regisseur. "
            f"Sinds {_day(since)} zijn het er drie of meer; dat is langer dan {days} dagen. "
            "Spreek samen af wie de regie neemt."
        ),
        parties=facts.involved_parties(),
        data={"since": since.isoformat(), "organisations": len(started)},
    )


# ------------------------------------------------------------------------------------ stalled


@rule(SignalKind.STALLED)
def evaluation_overdue(facts: CaseFacts) -> Iterator[Situation]:
    """An agreed plan is past its evaluation date and the evaluation has not started."""
    plan = facts.plan
    if not facts.is_agreed or plan.evaluation_date is None:
        return
    if plan.evaluation_date >= facts.today or facts.case.status == CaseStatus.EVALUATION:
        return
    yield Situation(
        kind=SignalKind.STALLED,
        key=f"stilstand:evaluatie:{facts.case.pk}",
        explanation=(
            f"Het plan zou op {_day(plan.evaluation_date)} worden geëvalueerd, maar de evaluatie "
            "is niet begonnen. Start de evaluatie, of spreek een nieuwe datum af."
        ),
        parties=facts.involved_parties(),
        data={"evaluation_date": plan.evaluation_date.isoformat()},
    )


def _action_parties(facts: CaseFacts, action: Action) -> tuple[Party, ...]:
    """The owning organisation and the coordinator; anyone involved when the household or its
    network owns the action and there is no coordinator."""
    parties = {}
    if action.owner_kind == OwnerKind.ORGANISATION:
        organisation_id = action.owner_organisation_id
        contact = action.owner_professional_id or facts.contact_in_case(organisation_id)
        parties[organisation_id] = contact
    if facts.case.coordinator_organisation_id:
        coordinator_organisation_id = facts.case.coordinator_organisation_id
        parties.setdefault(coordinator_organisation_id, facts.case.coordinator_id)
    if not parties:
        return facts.involved_parties()
    return tuple(Party(o, c) for o, c in sorted(parties.items()))


@rule(SignalKind.STALLED)
def action_overdue(facts: CaseFacts) -> Iterator[Situation]:
    """An open action is more than ``SIGNAL_OVERDUE_DAYS`` days past its due date."""
    days = settings.SIGNAL_OVERDUE_DAYS
    limit = facts.today - datetime.timedelta(days=days)
    for goal in facts.goals:
        for action in goal.actions.all():
            if action.status not in OPEN_ACTION_STATUSES or action.due_date is None:
                continue
            if action.due_date >= limit:
                continue
            yield Situation(
                kind=SignalKind.STALLED,
                key=f"stilstand:actie:{facts.case.pk}:{action.pk}",
                explanation=(
                    f"De actie '{action.description[:120]}' van {action.owner_label} had op "
                    f"{_day(action.due_date)} klaar moeten zijn; dat is meer dan {days} dagen "
                    "geleden. Zet de status bij, of spreek een nieuwe datum af."
                ),
                parties=_action_parties(facts, action),
                data={
                    "action": str(action.uuid),
                    "goal": str(goal.uuid),
                    "due_date": action.due_date.isoformat(),
                },
            )
