"""Writing the synthetic history (``eenplan.demo.synthetic``) to the database in bulk.

One region at a time: its synthetic organisations and professional first, then every table in
a few ``bulk_create`` calls, with the moments the indicators read set afterwards by an UPDATE
(``bulk_create`` overwrites ``auto_now_add`` fields with the moment of writing).
See ``eenplan.demo.synthetic`` for why this bypasses the services and why nobody sees the rows.
"""

import datetime
import random
from collections import Counter
from dataclasses import dataclass

from django.db import connection
from django.db.models import Model
from django.utils import timezone
from django.utils.text import slugify

from eenplan.assessments.models import Assessment, Domain, Instrument, Score
from eenplan.cases.constants import ServiceType as Service
from eenplan.cases.constants import SharingGround, TimelineEventKind
from eenplan.cases.models import Case, Involvement, TimelineEvent
from eenplan.common.constants import LifeDomain
from eenplan.consultations.constants import ConsultationKind
from eenplan.consultations.models import AgendaItem, Agreement, Consultation, Series
from eenplan.demo.data.synthetic import (
    COORDINATING,
    GOALS,
    ORGANISATIONS,
    PROFILES,
    QUARTERS,
    QUESTIONS,
    SYNTHETIC_PREFIX,
    SYNTHETIC_SEED,
)
from eenplan.demo.synthetic import Meeting, Story, plan_meetings, plan_stories
from eenplan.indicators.periods import last_quarters
from eenplan.people.models import Household, HouseholdMember, Person
from eenplan.plans.constants import ActionStatus, AgreementMethod, OwnerKind
from eenplan.plans.models import Action, Goal, Plan, PlanVersion
from eenplan.portal.models import Feedback
from eenplan.signals.constants import SignalKind, SignalOutcome, SignalStatus
from eenplan.signals.models import Signal, SignalOrganisation
from eenplan.tenancy.constants import Role
from eenplan.tenancy.models import Membership, Municipality, Organisation, Region, User

BATCH = 500
SURNAME = "Synthetisch"
HOUSEHOLD_SIZE = 2.2  # households per inhabitant when no population figure is loaded
# Report marks in the portal: the share of agreed plans that got one, and how marks fall (more
# 8s where nearly every case has an agreed coordinator).
MARK_SHARE = 0.5
MARKS = (4, 5, 6, 7, 8, 9, 10)
MARK_WEIGHTS = (1, 3, 6, 10, 8, 3, 1)
MARK_WEIGHTS_GOOD = (1, 2, 4, 9, 11, 5, 1)
PROFILE_BY_CODE = {profile.cbs_code: profile for profile in PROFILES}


@dataclass
class _Region:
    region: Region
    user: User
    organisations: dict[str, Organisation]

    @property
    def team(self) -> Organisation:
        return self.organisations[COORDINATING]


def synthetic_history_load() -> dict[str, int]:
    """Create the history of every region without one; per municipality name the number of
    synthetic cases created."""
    since = last_quarters(QUARTERS)[0].start
    zrm = Instrument.objects.filter(code="zrm", is_active=True).order_by("-created_at").first()
    created: dict[str, int] = {}
    for region in Region.objects.order_by("name"):
        synthetic = Household.objects.filter(
            municipality__region=region, name__startswith=SYNTHETIC_PREFIX
        )
        municipalities = [
            m for m in region.municipalities.order_by("cbs_code") if m.cbs_code in PROFILE_BY_CODE
        ]
        if not municipalities or synthetic.exists():
            continue
        actors = _actors(region)
        stories, meetings = [], []
        for municipality in municipalities:
            rng = random.Random(f"{SYNTHETIC_SEED}:{municipality.cbs_code}")
            profile = PROFILE_BY_CODE[municipality.cbs_code]
            found = plan_stories(profile, _households(municipality), since, rng)
            stories += found
            meetings += plan_meetings(municipality.cbs_code, found, since, rng)
            created[municipality.name] = len(found)
        _Writer(actors, {m.cbs_code: m for m in municipalities}, zrm).write(stories, meetings)
    return created


def _households(municipality: Municipality) -> int:
    figure = municipality.population_figures.order_by("-year").first()
    return figure.households if figure else round(municipality.inhabitants / HOUSEHOLD_SIZE)


def _actors(region: Region) -> _Region:
    """The region's synthetic organisations and the one inactive professional who 'did' the
    work: no password, no login, so no account can see the history."""
    organisations = {}
    for key, (label, kind) in ORGANISATIONS.items():
        organisation, _ = Organisation.objects.update_or_create(
            name=f"{label} ({region.name})", defaults={"type": kind}
        )
        organisation.municipalities.set(region.municipalities.all())
        organisations[key] = organisation
    user, created = User.objects.get_or_create(
        username=f"synthetisch.{slugify(region.name)}",
        defaults={"first_name": "Synthetische", "last_name": "historie", "is_active": False},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    Membership.objects.get_or_create(
        user=user, organisation=organisations[COORDINATING], role=Role.COORDINATOR
    )
    return _Region(region, user, organisations)


def _bulk(model: type[Model], rows: list) -> list:
    return model.objects.bulk_create(rows, batch_size=BATCH)


def _set_moments(model: type[Model], name: str, pairs: list[tuple[int, object]]) -> None:
    """Set ``name`` per primary key: the moments ``bulk_create`` overwrote (``auto_now_add``).
    One prepared UPDATE run for all rows: ``bulk_update`` would build a CASE expression per
    row, which costs more than the inserts themselves."""
    field = model._meta.get_field(name)
    quote = connection.ops.quote_name
    sql = f"UPDATE {quote(model._meta.db_table)} SET {quote(field.column)} = %s WHERE id = %s"
    params = [(field.get_db_prep_save(value, connection), pk) for pk, value in pairs]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


class _Writer:
    """Turns the stories of one region into rows, table by table."""

    def __init__(self, actors: _Region, municipalities: dict[str, Municipality], zrm):
        self.actors = actors
        self.user = actors.user
        self.municipalities = municipalities
        self.zrm = zrm
        self.cases: dict[int, Case] = {}  # id(story) → case
        self.persons: dict[int, list[Person]] = {}  # id(home) → persons, in member order
        self.goals: dict[int, list[Goal]] = {}  # id(story) → goals

    def write(self, stories: list[Story], meetings: list[Meeting]) -> None:
        self._households(stories)
        self._cases(stories)
        self._timeline(stories)
        self._involvements(stories)
        self._plans(stories)
        self._assessments(stories)
        self._signals(stories)
        self._meetings(meetings)

    # -------------------------------------------------------------------- households

    def _households(self, stories: list[Story]) -> None:
        homes = list({id(story.home): story.home for story in stories}.values())
        households = _bulk(
            Household,
            [
                Household(
                    name=f"{SYNTHETIC_PREFIX} {self._municipality(home).name} {home.number:04d}",
                    municipality=self._municipality(home),
                )
                for home in homes
            ],
        )
        persons = _bulk(
            Person,
            [
                Person(
                    given_names=member.given_names,
                    surname=SURNAME,
                    birth_date=member.birth_date,
                    gender=member.gender,
                    city=self._municipality(home).name,
                )
                for home in homes
                for member in home.members
            ],
        )
        rows, position = [], 0
        for home, household in zip(homes, households, strict=True):
            home.household = household
            self.persons[id(home)] = persons[position : position + len(home.members)]
            position += len(home.members)
            rows += [
                HouseholdMember(household=household, person=person, is_contact=not index)
                for index, person in enumerate(self.persons[id(home)])
            ]
        _bulk(HouseholdMember, rows)

    def _municipality(self, home) -> Municipality:
        return self.municipalities[home.stories[0].code]

    def _adults(self, story: Story) -> list[Person]:
        pairs = zip(story.home.members, self.persons[id(story.home)], strict=True)
        return [person for member, person in pairs if not member.child]

    def _children(self, story: Story) -> list[Person]:
        pairs = zip(story.home.members, self.persons[id(story.home)], strict=True)
        return [person for member, person in pairs if member.child]

    # ------------------------------------------------------------------------- cases

    def _cases(self, stories: list[Story]) -> None:
        team = self.actors.team
        cases = [
            Case(
                household=story.home.household,
                reference=f"EP-{story.opened:%Y}-S{story.code[2:]}{story.number:04d}",
                status=story.status,
                priority_question=QUESTIONS[story.domain],
                priority_domain=story.domain,
                coordinator=self.user if story.coordinator_at else None,
                coordinator_organisation=team if story.coordinator_at else None,
                closing_reason=story.reason,
                intake_started_at=story.intake,
                closed_at=story.closed,
            )
            for story in stories
        ]
        _bulk(Case, cases)
        for story, case in zip(stories, cases, strict=True):
            case.opened_at = story.opened
            self.cases[id(story)] = case
        _set_moments(Case, "opened_at", [(case.pk, case.opened_at) for case in cases])

    def _timeline(self, stories: list[Story]) -> None:
        events, moments = [], []
        for story in stories:
            case = self.cases[id(story)]
            # Only what the indicators read: when the coordinator was agreed.
            for kind, moment, summary in (
                (TimelineEventKind.COORDINATOR_SET, story.coordinator_at, "Regisseur gekozen."),
            ):
                if moment is None:
                    continue
                events.append(
                    TimelineEvent(
                        case=case,
                        actor=self.user,
                        actor_organisation=self.actors.team,
                        kind=kind,
                        summary=f"{summary} (synthetische historie)",
                    )
                )
                moments.append(moment)
        _bulk(TimelineEvent, events)
        pairs = [(event.pk, moment) for event, moment in zip(events, moments, strict=True)]
        _set_moments(TimelineEvent, "occurred_at", pairs)

    def _involvements(self, stories: list[Story]) -> None:
        pairs = [(story, help_) for story in stories for help_ in story.helps]
        involvements = _bulk(
            Involvement,
            [
                Involvement(
                    case=self.cases[id(story)],
                    organisation=self.actors.organisations[help_.organisation],
                    life_domains=help_.domains,
                    service_type=help_.service,
                    start_date=help_.start,
                    end_date=help_.end,
                )
                for story, help_ in pairs
            ],
        )
        through = Involvement.persons.through
        rows = []
        for (story, help_), involvement in zip(pairs, involvements, strict=True):
            help_.involvement = involvement
            persons = self._children(story) if help_.for_children else self._adults(story)
            if help_.service == Service.COORDINATION:
                persons = persons[:1]  # the contact person: coordination is for the household
            rows += [through(involvement_id=involvement.pk, person_id=p.pk) for p in persons]
        _bulk(through, rows)

    # ------------------------------------------------------------------------- plans

    def _plans(self, stories: list[Story]) -> None:
        planned = [story for story in stories if story.plan_created]
        today = timezone.localdate()
        plans = _bulk(
            Plan,
            [
                Plan(
                    case=self.cases[id(story)],
                    strengths="Het huishouden wil zelf verder en heeft mensen om zich heen.",
                    concerns="De problemen hangen met elkaar samen.",
                    evaluation_date=(
                        story.agreed_on + datetime.timedelta(days=182)
                        if story.closed and story.agreed_on
                        else today + datetime.timedelta(days=30 + story.number % 120)
                    ),
                    is_draft=story.agreed_on is None,
                )
                for story in planned
            ],
        )
        goals, owners = [], []
        for story, plan in zip(planned, plans, strict=True):
            self.goals[id(story)] = [
                Goal(plan=plan, life_domain=domain, title=GOALS[domain], position=index)
                for index, domain in enumerate(story.goals)
            ]
            goals += self.goals[id(story)]
            owners += [story] * len(story.goals)
        _bulk(Goal, goals)
        # An open case's goals each have someone working on them (as the gap rule asks); a
        # closed case's own actions are left out: no indicator reads them.
        _bulk(
            Action,
            [
                self._plan_action(story, goal)
                for story, goal in zip(owners, goals, strict=True)
                if not story.closed
            ],
        )
        self._versions(planned, plans)

    def _plan_action(self, story: Story, goal: Goal) -> Action:
        main = story.main_help
        organisation = self.actors.organisations[main.organisation if main else COORDINATING]
        return Action(
            goal=goal,
            description="Samen met het huishouden uitvoeren wat in het plan staat.",
            owner_kind=OwnerKind.ORGANISATION,
            owner_organisation=organisation,
            due_date=timezone.localdate() + datetime.timedelta(days=14 + story.number % 90),
            status=ActionStatus.BUSY,
        )

    def _versions(self, planned: list[Story], plans: list[Plan]) -> None:
        agreed = [(s, p) for s, p in zip(planned, plans, strict=True) if s.agreed_on]
        methods = AgreementMethod.values
        versions = _bulk(
            PlanVersion,
            [
                PlanVersion(
                    plan=plan,
                    number=1,
                    content=self._snapshot(story, plan),
                    agreed_on=story.agreed_on,
                    agreement_method=methods[story.number % len(methods)],
                    recorded_by=self.user,
                )
                for story, plan in agreed
            ],
        )
        pairs = zip(agreed, versions, strict=True)
        _set_moments(
            PlanVersion, "recorded_at", [(v.pk, _at(s.agreed_on, 16)) for (s, _p), v in pairs]
        )
        self._marks([story for story, _plan in agreed])

    def _marks(self, agreed: list[Story]) -> None:
        """About half of the households with an agreed plan gave it a report mark in the portal,
        some weeks after agreeing (the indicator 'tevredenheid'). Drawn per story with its own
        seed, so the rest of the history does not change."""
        today = timezone.localdate()
        marks = []
        for story in agreed:
            rng = random.Random(f"{SYNTHETIC_SEED}:cijfer:{story.code}:{story.number}")
            given = story.agreed_on + datetime.timedelta(days=rng.randint(14, 120))
            last = min(story.end_day or today, today)
            adults = self._adults(story)
            if rng.random() >= MARK_SHARE or given > last or not adults:
                continue
            weights = MARK_WEIGHTS_GOOD if PROFILE_BY_CODE[story.code].coordinator >= 0.9 else None
            marks.append(
                Feedback(
                    case=self.cases[id(story)],
                    person=adults[0],
                    plan_version=1,
                    score=rng.choices(MARKS, weights or MARK_WEIGHTS)[0],
                    given_at=_at(given, 20),
                )
            )
        _bulk(Feedback, marks)

    def _snapshot(self, story: Story, plan: Plan) -> dict:
        """The agreed content in the shape of ``plans.versions.plan_snapshot``."""
        case = self.cases[id(story)]
        return {
            "household": story.home.household.name,
            "case_reference": case.reference,
            "priority_question": case.priority_question,
            "other_questions": [],
            "strengths": plan.strengths,
            "concerns": plan.concerns,
            "evaluation_date": plan.evaluation_date.isoformat() if plan.evaluation_date else "",
            "goals": [
                {
                    "uuid": str(goal.uuid),
                    "title": goal.title,
                    "life_domain": goal.life_domain,
                    "life_domain_label": str(LifeDomain(goal.life_domain).label),
                    "description": "",
                    "actions": [],
                }
                for goal in self.goals[id(story)]
            ],
        }

    # ------------------------------------------------------------------- assessments

    def _assessments(self, stories: list[Story]) -> None:
        if self.zrm is None:
            return
        domains = dict(Domain.objects.filter(instrument=self.zrm).values_list("code", "pk"))
        pairs = [(story, scored) for story in stories for scored in story.assessments]
        assessments = _bulk(
            Assessment,
            [
                Assessment(
                    case=self.cases[id(story)],
                    person=self._adults(story)[0],
                    instrument=self.zrm,
                    assessed_on=day,
                    assessed_by=self.user,
                    organisation=self.actors.organisations[
                        story.main_help.organisation if story.main_help else COORDINATING
                    ],
                )
                for story, (day, _values) in pairs
            ],
        )
        _bulk(
            Score,
            [
                Score(assessment=assessment, domain_id=domains[domain], value=value)
                for (_story, (_day, values)), assessment in zip(pairs, assessments, strict=True)
                for domain, value in values.items()
            ],
        )

    # ----------------------------------------------------------------------- signals

    def _signals(self, stories: list[Story]) -> None:
        found = [story for story in stories if story.overlap]
        signals = [self._signal(story) for story in found]
        _bulk(Signal, signals)
        parties, stopping = [], []
        through = Signal.stopping_organisations.through
        for story, signal in zip(found, signals, strict=True):
            overlap = story.overlap
            main = overlap.main.involvement.organisation_id
            partner = overlap.partner.involvement.organisation_id
            parties += [
                SignalOrganisation(signal=signal, organisation_id=o) for o in (main, partner)
            ]
            if overlap.resolved_at:
                stopping.append(through(signal_id=signal.pk, organisation_id=partner))
        _bulk(SignalOrganisation, parties)
        _bulk(through, stopping)
        pairs = zip(found, signals, strict=True)
        _set_moments(Signal, "raised_at", [(sig.pk, st.overlap.raised_at) for st, sig in pairs])

    def _signal(self, story: Story) -> Signal:
        overlap, case = story.overlap, self.cases[id(story)]
        main, partner = overlap.main.involvement, overlap.partner.involvement
        names = " en ".join(sorted({main.organisation.name, partner.organisation.name}))
        domain = story.domain
        signal = Signal(
            kind=SignalKind.OVERLAP,
            key=f"overlap:{case.pk}:{domain}:{main.service_type}",
            case=case,
            explanation=(
                f"{names} helpen dit huishouden allebei op het leefgebied "
                f"{LifeDomain(domain).label} met dezelfde soort hulp: "
                f"{main.get_service_type_display()}. Spreek af wie doorgaat en wie stopt, of leg "
                "vast waarom het goed is zo."
            ),
            data={"life_domain": domain, "service_type": main.service_type},
            status=SignalStatus.OPEN,
            present=True,
        )
        if overlap.resolved_at:
            signal.status, signal.present = SignalStatus.RESOLVED, False
            signal.outcome, signal.resolved_at = SignalOutcome.CONTINUE_STOP, overlap.resolved_at
            signal.resolved_by, signal.continuing_organisation = self.user, main.organisation
            signal.note = "Afgesproken wie doorgaat; de ander stopt."
        elif overlap.cleared_at:
            signal.status, signal.present = SignalStatus.CLEARED, False
            signal.cleared_at = overlap.cleared_at
        return signal

    # ---------------------------------------------------------------------- meetings

    def _meetings(self, meetings: list[Meeting]) -> None:
        by_code = Counter(meeting.code for meeting in meetings)
        series = {
            code: Series(
                name=f"Synthetisch netwerkoverleg {self.municipalities[code].name}",
                kind=ConsultationKind.NETWORK,
                municipality=self.municipalities[code],
                chair=self.user,
            )
            for code in by_code
        }
        _bulk(Series, list(series.values()))
        consultations = _bulk(
            Consultation,
            [
                Consultation(
                    series=series[meeting.code],
                    kind=ConsultationKind.NETWORK,
                    title=series[meeting.code].name,
                    municipality=self.municipalities[meeting.code],
                    date=meeting.day,
                    chair=self.user,
                    minutes_closed_at=_at(meeting.day, 17),
                    created_by=self.user,
                )
                for meeting in meetings
            ],
        )
        organisations = list(self.actors.organisations.values())
        self._participants(list(series.values()), consultations, organisations)
        self._items(meetings, consultations)

    def _participants(self, series, consultations, organisations) -> None:
        through = Series.organisations.through
        _bulk(
            through,
            [through(series_id=s.pk, organisation_id=o.pk) for s in series for o in organisations],
        )
        through = Consultation.organisations.through
        _bulk(
            through,
            [
                through(consultation_id=c.pk, organisation_id=o.pk)
                for c in consultations
                for o in organisations
            ],
        )

    def _items(self, meetings: list[Meeting], consultations: list[Consultation]) -> None:
        team, items, agreed = self.actors.team, [], []
        for meeting, consultation in zip(meetings, consultations, strict=True):
            held = _at(meeting.day, 14)
            for position, item in enumerate(meeting.items):
                items.append(
                    AgendaItem(
                        consultation=consultation,
                        case=self.cases[id(item.story)],
                        question=item.question,
                        position=position,
                        added_by=self.user,
                        added_by_organisation=team,
                        consent_ground=SharingGround.CONSENT,
                        consent_given_by=self._adults(item.story)[0],
                        consent_recorded_by=self.user,
                        consent_recorded_at=held,
                        summary="Besproken; zie de afspraken.",
                        discussed_at=held,
                        minutes_by=self.user,
                    )
                )
                agreed += [(items[-1], item.story, a) for a in item.agreements]
        _bulk(AgendaItem, items)
        actions = _bulk(Action, [self._agreement_action(story, a) for _i, story, a in agreed])
        _bulk(
            Agreement,
            [
                Agreement(item=item, action=action, description=a.text, recorded_by=self.user)
                for (item, _story, a), action in zip(agreed, actions, strict=True)
            ],
        )

    def _agreement_action(self, story: Story, agreed) -> Action:
        status = ActionStatus.BUSY
        if agreed.cancelled:
            status = ActionStatus.CANCELLED
        elif agreed.completed_at:
            status = ActionStatus.DONE
        return Action(
            goal=self.goals[id(story)][0],
            description=agreed.text,
            owner_kind=OwnerKind.ORGANISATION,
            owner_organisation=self.actors.team,
            due_date=agreed.due,
            status=status,
            completed_at=agreed.completed_at,
            cancel_reason="Casus afgesloten." if agreed.cancelled else "",
            position=1,
        )
