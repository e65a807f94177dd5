"""Synthetic load data for the benchmark: one region of N households, written with bulk_create.

This is load data, not domain behaviour: it goes straight to the models (no services, no access
log, no factories), so that thousands of households take seconds. Everything is synthetic: names
come from short lists, BSNs from the government's 99999xxxx test block (about 900 exist, so only
the first ~900 persons get one; the rest have none, as the model allows).

Shape: households of 1-6 persons; one open case per household and for some households an older
closed case; 2-6 involvements per case over 50 organisations, skewed so that the first
organisation (a neighbourhood team) works with many households; some involvements ended; about 20
timeline events per case; one professional per organisation; a prefilled access log.
"""

import datetime
import itertools
import random
import uuid
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone

from eenplan.cases.constants import CaseStatus, ClosingReason, ServiceType, TimelineEventKind
from eenplan.cases.models import Case, HelpQuestion, Involvement, TimelineEvent
from eenplan.common.bsn import synthetic_bsns
from eenplan.common.constants import LifeDomain
from eenplan.people.constants import Gender, NetworkKind, RelationKind
from eenplan.people.models import Household, HouseholdMember, NetworkMember, Person, Relation
from eenplan.privacy.constants import Action, DataSubjectIdType
from eenplan.privacy.models import AccessLogEntry
from eenplan.tenancy.constants import OrganisationType, Role
from eenplan.tenancy.models import Membership, Municipality, Organisation, Region, User

ORGANISATIONS = 50
EVENTS_PER_CASE = 20
CLOSED_CASE_SHARE = 0.15
ENDED_INVOLVEMENT_SHARE = 0.2
HOUSEHOLDS_PER_POSTCODE = 8

SURNAMES = [
    ("de", "Jong"), ("", "Jansen"), ("de", "Vries"), ("van den", "Berg"), ("van", "Dijk"),
    ("", "Bakker"), ("", "Janssen"), ("", "Visser"), ("", "Smit"), ("", "Meijer"),
    ("de", "Boer"), ("", "Mulder"), ("de", "Groot"), ("", "Bos"), ("", "Vos"), ("", "Peters"),
    ("", "Hendriks"), ("van", "Leeuwen"), ("", "Dekker"), ("", "Brouwer"), ("de", "Wit"),
    ("", "Dijkstra"), ("", "Smits"), ("de", "Graaf"), ("van der", "Meer"), ("van der", "Linden"),
    ("", "Kok"), ("", "Jacobs"), ("de", "Haan"), ("", "Vermeulen"), ("van den", "Heuvel"),
    ("van der", "Veen"), ("van den", "Broek"), ("de", "Bruijn"), ("de", "Bruin"),
    ("van der", "Heijden"), ("", "Schouten"), ("van", "Beek"), ("", "Willems"), ("van", "Vliet"),
    ("", "Hoekstra"), ("", "Maas"), ("", "Verhoeven"), ("", "Koster"), ("van", "Dam"),
    ("van der", "Wal"), ("", "Prins"), ("", "Blom"), ("", "Huisman"), ("", "Postma"),
]  # fmt: skip
GIVEN_NAMES = [
    "Anna", "Daan", "Emma", "Sem", "Julia", "Lucas", "Mila", "Levi", "Sophie", "Finn", "Tess",
    "Noah", "Sara", "Milan", "Zoë", "Jesse", "Eva", "Bram", "Lotte", "Thijs", "Fenna", "Ruben",
    "Noor", "Lars", "Yara", "Mohammed", "Fatima", "Ahmed", "Aylin", "Kees", "Ingrid", "Henk",
]  # fmt: skip
STREETS = ["Molenstraat", "Kerkstraat", "Schoolstraat", "Dorpsstraat", "Stationsweg", "Havenkade"]
CITIES = ["Delfzijl", "Appingedam", "Loppersum"]
OPEN_STATUSES = [s for s in CaseStatus if s != CaseStatus.CLOSED]
EVENT_KINDS = list(TimelineEventKind)
TODAY = timezone.localdate()
CUMULATIVE_WEIGHTS = list(itertools.accumulate(1 / rank for rank in range(1, ORGANISATIONS + 1)))


@dataclass
class Home:
    """One planned household: its model instance, address, and (after saving) persons and cases."""

    household: Household
    size: int
    prefix: str
    surname: str
    street: str
    house_number: str
    postcode: str
    persons: list[Person] = field(default_factory=list)


@dataclass(frozen=True)
class Staff:
    """The organisations, each with its one professional, in order of weight (busiest first)."""

    organisations: list[Organisation]
    professionals: dict[int, User]


def build_region(*, households: int, access_log_rows: int, seed: int = 20261122) -> None:
    """Write the whole region in one transaction."""
    rng = random.Random(seed)
    with transaction.atomic():
        municipalities = _municipalities()
        staff = _staff()
        homes = _households(rng, households, municipalities)
        _persons(rng, homes)
        _relations_and_network(rng, homes)
        cases = _cases(rng, homes, staff)
        _timeline(rng, cases, staff)
        _access_log(rng, access_log_rows, homes, staff)


def refresh_statistics() -> None:
    """On PostgreSQL, ``VACUUM ANALYZE`` what was just loaded, as autovacuum would soon after.

    Without planner statistics a freshly bulk-loaded table gets poor plans that no running
    installation has. SQLite is left as the embedded default runs: without ``ANALYZE``.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def _municipalities() -> list[Municipality]:
    region = Region.objects.create(name="Benchmarkregio")
    return Municipality.objects.bulk_create(
        Municipality(region=region, name=f"Gemeente {city}", cbs_code=f"GM99{i:02d}", inhabitants=1)
        for i, city in enumerate(CITIES)
    )


def _staff() -> Staff:
    types = [t for t in OrganisationType if t != OrganisationType.NEIGHBOURHOOD_TEAM]
    organisations = Organisation.objects.bulk_create(
        Organisation(
            name="Wijkteam Benchmark" if i == 0 else f"Organisatie {i:02d}",
            type=OrganisationType.NEIGHBOURHOOD_TEAM if i == 0 else types[i % len(types)],
        )
        for i in range(ORGANISATIONS)
    )
    password = make_password(None)
    users = User.objects.bulk_create(
        User(username=f"bench-{i:02d}", first_name="Bench", last_name=f"{i:02d}", password=password)
        for i in range(ORGANISATIONS)
    )
    Membership.objects.bulk_create(
        Membership(user=user, organisation=org, role=Role.PROFESSIONAL)
        for user, org in zip(users, organisations, strict=True)
    )
    professionals = {org.pk: user for org, user in zip(organisations, users, strict=True)}
    return Staff(organisations, professionals)


def _postcodes(rng: random.Random, count: int) -> list[str]:
    codes: set[str] = set()
    while len(codes) < count:
        letters = "".join(rng.choices("ABCDEGHJKLMNPRSTVWXZ", k=2))
        codes.add(f"{rng.randint(1000, 9999)} {letters}")
    return sorted(codes)


def _households(rng: random.Random, count: int, municipalities) -> list[Home]:
    postcodes = _postcodes(rng, max(1, count // HOUSEHOLDS_PER_POSTCODE))
    homes = []
    for number in range(count):
        prefix, surname = rng.choice(SURNAMES)
        name = " ".join(p for p in ("Familie", prefix, surname) if p)
        household = Household(name=name, municipality=rng.choice(municipalities))
        homes.append(
            Home(
                household=household,
                size=rng.randint(1, 6),
                prefix=prefix,
                surname=surname,
                street=rng.choice(STREETS),
                house_number=str(number % 300 + 1),
                postcode=rng.choice(postcodes),
            )
        )
    Household.objects.bulk_create(home.household for home in homes)
    return homes


def _person(rng: random.Random, home: Home, index: int, bsn: str) -> Person:
    adult = index < 2
    year = rng.randint(1960, 1995) if adult else rng.randint(2005, 2022)
    return Person(
        bsn=bsn,
        given_names=rng.choice(GIVEN_NAMES),
        surname_prefix=home.prefix,
        surname=home.surname,
        birth_date=datetime.date(year, rng.randint(1, 12), rng.randint(1, 28)),
        gender=rng.choice([Gender.MALE, Gender.FEMALE]),
        street=home.street,
        house_number=home.house_number,
        postcode=home.postcode,
        city=home.household.municipality.name.removeprefix("Gemeente "),
    )


def _persons(rng: random.Random, homes: list[Home]) -> None:
    bsns = itertools.chain(synthetic_bsns(), itertools.repeat(""))
    for home in homes:
        home.persons = [_person(rng, home, i, next(bsns)) for i in range(home.size)]
    Person.objects.bulk_create(p for home in homes for p in home.persons)
    HouseholdMember.objects.bulk_create(
        HouseholdMember(household=home.household, person=person, is_contact=i == 0)
        for home in homes
        for i, person in enumerate(home.persons)
    )


def _family_relations(home: Home) -> list[Relation]:
    first, *others = home.persons
    pairs = []
    for index, other in enumerate(others):
        kind = RelationKind.PARTNER if index == 0 else RelationKind.PARENT
        inverse = RelationKind.PARTNER if index == 0 else RelationKind.CHILD
        pairs += [(first, other, kind), (other, first, inverse)]
    return [
        Relation(household=home.household, person=a, related_person=b, kind=kind)
        for a, b, kind in pairs
    ]


def _relations_and_network(rng: random.Random, homes: list[Home]) -> None:
    Relation.objects.bulk_create(r for home in homes for r in _family_relations(home))
    NetworkMember.objects.bulk_create(
        NetworkMember(
            household=home.household,
            name=f"{rng.choice(GIVEN_NAMES)} {rng.choice(SURNAMES)[1]}",
            kind=rng.choice(list(NetworkKind)),
            phone="0596-000000",
        )
        for home in homes
        for _ in range(rng.randint(0, 2))
    )


def _pick_organisations(rng: random.Random, staff: Staff, count: int) -> list[Organisation]:
    """``count`` distinct organisations, the busiest first; weights 1/rank (Zipf-like)."""
    chosen: dict[int, Organisation] = {}
    while len(chosen) < count:
        org = rng.choices(staff.organisations, cum_weights=CUMULATIVE_WEIGHTS)[0]
        chosen[org.pk] = org
    return sorted(chosen.values(), key=lambda org: org.pk)


def _case(rng: random.Random, home: Home, closed: bool, lead: Organisation) -> Case:
    """A case coordinated by the professional of ``lead``, one of the involved organisations."""
    return Case(
        household=home.household,
        status=CaseStatus.CLOSED if closed else rng.choice(OPEN_STATUSES),
        priority_question="Wij willen rust in huis en grip op de schulden.",
        priority_domain=rng.choice(list(LifeDomain)),
        coordinator_organisation=lead,
        closing_reason=ClosingReason.GOALS_REACHED if closed else "",
        closed_at=timezone.now() if closed else None,
    )


def _involvement(rng: random.Random, case: Case, org: Organisation, staff: Staff) -> Involvement:
    start = TODAY - datetime.timedelta(days=rng.randint(30, 700))
    ended = case.is_closed or rng.random() < ENDED_INVOLVEMENT_SHARE
    end = start + datetime.timedelta(days=rng.randint(1, (TODAY - start).days - 1))
    return Involvement(
        case=case,
        organisation=org,
        contact=staff.professionals[org.pk],
        life_domains=rng.sample(LifeDomain.values, k=rng.randint(1, 3)),
        service_type=rng.choice(list(ServiceType)),
        start_date=start,
        end_date=end if ended else None,
    )


def _plan_cases(rng: random.Random, homes: list[Home], staff: Staff):
    """Yield ``(home, case, organisations)`` for every case, unsaved."""
    for number, home in enumerate(homes):
        kinds = [True, False] if rng.random() < CLOSED_CASE_SHARE else [False]
        for closed in kinds:
            organisations = _pick_organisations(rng, staff, rng.randint(2, 6))
            case = _case(rng, home, closed, rng.choice(organisations))
            case.reference = f"EP-BENCH-{number:07d}{'A' if closed else ''}"
            case.coordinator = staff.professionals[case.coordinator_organisation.pk]
            yield home, case, organisations


def _cases(rng: random.Random, homes: list[Home], staff: Staff) -> list[Case]:
    plans = list(_plan_cases(rng, homes, staff))
    cases = Case.objects.bulk_create(case for _, case, _ in plans)
    involvements = [
        (home, _involvement(rng, case, org, staff))
        for home, case, organisations in plans
        for org in organisations
    ]
    Involvement.objects.bulk_create(inv for _, inv in involvements)
    through = Involvement.persons.through
    through.objects.bulk_create(
        through(involvement_id=inv.pk, person_id=person.pk)
        for home, inv in involvements
        for person in rng.sample(home.persons, k=rng.randint(1, len(home.persons)))
    )
    HelpQuestion.objects.bulk_create(
        HelpQuestion(case=case, text="Een vraag in het kielzog van de prio-vraag.", position=i)
        for case in cases
        for i in range(rng.randint(0, 2))
    )
    return cases


def _timeline(rng: random.Random, cases: list[Case], staff: Staff) -> None:
    TimelineEvent.objects.bulk_create(
        TimelineEvent(
            case=case,
            actor=staff.professionals[case.coordinator_organisation_id],
            actor_organisation_id=case.coordinator_organisation_id,
            kind=rng.choice(EVENT_KINDS),
            summary="Synthetische gebeurtenis voor de benchmark.",
        )
        for case in cases
        for _ in range(EVENTS_PER_CASE)
    )


def _access_log(rng: random.Random, rows: int, homes: list[Home], staff: Staff) -> None:
    """Older access-log rows, so that writes land in a table (and indexes) of realistic size."""
    start = timezone.now() - datetime.timedelta(days=365)
    users = list(staff.professionals.values())
    AccessLogEntry.objects.bulk_create(
        (_log_row(rng, start, users, rng.choice(homes)) for _ in range(rows)), batch_size=2000
    )


def _log_row(rng: random.Random, start, users: list[User], home: Home) -> AccessLogEntry:
    moment = start + datetime.timedelta(seconds=rng.randint(0, 365 * 24 * 3600))
    user = rng.choice(users)
    return AccessLogEntry(
        trace_id=uuid.uuid4().hex,
        span_id=uuid.uuid4().hex[:16],
        name="huishouden bekijken",
        start_time=moment,
        end_time=moment,
        processing_activity_id="https://eenplan.nl/verwerkingsregister/casusregie",
        purpose="Gezamenlijke hulp en regie voor een huishouden",
        action=Action.READ,
        actor=user,
        actor_username=user.username,
        organisation_name="Benchmark",
        person_uuid=rng.choice(home.persons).uuid,
        data_subject_id=uuid.uuid4().hex,
        data_subject_id_type=DataSubjectIdType.PERSON_UUID,
    )
