"""Who reads what in the HTTP benchmark, chosen from the database the way real use spreads.

The reader is the coordinator with the most open cases among those who coordinate a household
with a BSN (a neighbourhood-team coordinator in the largest town: the heaviest lists there are,
and a generated region gives its few test BSNs to that town only, docs/region.md). The requests
cycle through samples of what that reader may see, so one cached row does not flatter the
figures. Runs after ``django.setup()``.
"""

import random
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q
from rest_framework.authtoken.models import Token

from eenplan.cases.constants import CaseStatus
from eenplan.cases.models import Case
from eenplan.consultations.models import Consultation
from eenplan.people.models import HouseholdMember, Person
from eenplan.plans.models import Plan
from eenplan.tenancy.constants import Role
from eenplan.tenancy.models import User

SAMPLE = 200


@dataclass(frozen=True)
class Targets:
    reader: str
    reader_token: str
    policy_officer: str
    visible_cases: int
    households: list[str]
    statuses: list[str]
    bsns: list[str]
    postcodes: list[str]
    consultations: list[str]
    plan_cases: list[str]


def find_targets(seed: int = 1) -> Targets:
    draw = random.Random(seed)
    reader = _busiest_coordinator()
    cases = Case.objects.visible_to(reader)
    households = list(cases.values_list("household__uuid", flat=True).distinct()[:5000])
    persons = Person.objects.filter(households__uuid__in=households)
    bsn_persons = list(persons.exclude(bsn_digest="")[:SAMPLE])
    return Targets(
        reader=reader.username,
        reader_token=Token.objects.get_or_create(user=reader)[0].key,
        policy_officer=_policy_officer().username,
        visible_cases=cases.count(),
        households=[str(uuid) for uuid in _sample(draw, households)],
        statuses=[CaseStatus.PLAN, CaseStatus.EXECUTION, CaseStatus.EVALUATION],
        bsns=[person.bsn for person in bsn_persons],
        postcodes=_sample(draw, list(persons.values_list("postcode", flat=True).distinct()[:5000])),
        consultations=[
            str(uuid)
            for uuid in Consultation.objects.visible_to(reader)
            .order_by("-date")
            .values_list("uuid", flat=True)[:SAMPLE]
        ],
        plan_cases=[
            str(uuid)
            for uuid in Plan.objects.filter(case__coordinator=reader)
            .exclude(case__status=CaseStatus.CLOSED)  # a closed case's plan is not shared
            .values_list("case__uuid", flat=True)[:SAMPLE]
        ],
    )


def _sample(draw: random.Random, items: list) -> list:
    return draw.sample(items, min(SAMPLE, len(items)))


def _busiest_coordinator() -> User:
    """Among those who coordinate a household with a BSN: the search by BSN needs hits."""
    with_bsn = HouseholdMember.objects.filter(person__bsn_digest__gt="").values("household_id")
    coordinates_bsn = Case.objects.filter(coordinator=OuterRef("pk"), household__in=with_bsn)
    coordinators = (
        User.objects.filter(
            is_active=True, memberships__role=Role.COORDINATOR, memberships__is_active=True
        )
        .filter(Exists(coordinates_bsn))
        .annotate(
            open_cases=Count(
                "coordinated_cases", filter=~Q(coordinated_cases__status=CaseStatus.CLOSED)
            )
        )
        .order_by("-open_cases", "pk")
    )
    return coordinators.first()


def _policy_officer() -> User:
    return (
        User.objects.filter(memberships__role=Role.POLICY_OFFICER, memberships__is_active=True)
        .order_by("pk")
        .first()
    )
