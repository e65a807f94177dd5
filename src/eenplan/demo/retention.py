"""Two cases closed years ago, so the retention run (``eenplan apply-retention``) has something to
show: one past its retention period, and one past it but kept by a legal hold.

They are written like the synthetic history (``eenplan.demo.synthetic``): rows in bulk, in a
household named "Synthetisch huishouden ...", members without a BSN, worked on by the region's
synthetic team whose involvement ended long ago, so no demo account meets them in a list and
they do not count as demo stories. The privacy officer finds them on the retention page
(/privacy/bewaartermijnen/). The legal hold goes through the service, by the demo privacy officer,
so it is in the access log like any other.

A household that exists is skipped; once the run has destroyed the first case, seeding again
brings it back.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from eenplan.cases.constants import CaseStatus, ClosingReason, ServiceType
from eenplan.cases.models import Case, Involvement
from eenplan.common.constants import LifeDomain
from eenplan.demo.data.regions import DELFZIJL
from eenplan.demo.data.synthetic import COORDINATING, ORGANISATIONS, SYNTHETIC_PREFIX
from eenplan.people.constants import Gender
from eenplan.people.models import Household, HouseholdMember, Person
from eenplan.plans.constants import ActionStatus, OwnerKind
from eenplan.plans.models import Action, Goal, Plan
from eenplan.privacy.retention import add_years, legal_hold_place
from eenplan.tenancy.models import Municipality, Organisation, User

PRIVACY_OFFICER = "privacy.officer"


@dataclass(frozen=True)
class ArchivedCase:
    number: int
    closed_years_ago: int  # a plan never agreed goes after 5 years
    hold_reason: str = ""


ARCHIVE = (
    ArchivedCase(1, closed_years_ago=6),
    ArchivedCase(
        2,
        closed_years_ago=7,
        hold_reason=(
            "De rechtbank behandelt het beroep tegen het besluit over de schuldhulp nog. "
            "Het dossier blijft bewaard tot de uitspraak."
        ),
    ),
)


def retention_demo_load(*, users: dict[str, User], municipalities: dict[str, Municipality]) -> int:
    """Load the archived cases that do not exist; the number loaded."""
    municipality = municipalities[DELFZIJL]
    label = ORGANISATIONS[COORDINATING][0]
    team = Organisation.objects.get(name=f"{label} ({municipality.region.name})")
    loaded = 0
    for spec in ARCHIVE:
        name = f"{SYNTHETIC_PREFIX} {municipality.name} archief {spec.number}"
        if Household.objects.filter(name=name, municipality=municipality).exists():
            continue
        case = _archived_case_load(spec, name=name, municipality=municipality, team=team)
        if spec.hold_reason:
            legal_hold_place(actor=users[PRIVACY_OFFICER], case=case, reason=spec.hold_reason)
        loaded += 1
    return loaded


def _archived_case_load(
    spec: ArchivedCase, *, name: str, municipality: Municipality, team: Organisation
) -> Case:
    closed = add_years(timezone.localdate(), -spec.closed_years_ago)
    opened = closed - datetime.timedelta(days=300)
    household = Household.objects.create(name=name, municipality=municipality)
    persons = Person.objects.bulk_create(
        Person(
            given_names=given_names,
            surname="Synthetisch",
            birth_date=born,
            gender=gender,
            city=municipality.name,
        )
        for given_names, born, gender in (
            ("Anouk", datetime.date(1979, 5, 3), Gender.FEMALE),
            ("Ruben", datetime.date(2004, 11, 21), Gender.MALE),
        )
    )
    HouseholdMember.objects.bulk_create(
        HouseholdMember(household=household, person=person, is_contact=not index)
        for index, person in enumerate(persons)
    )
    case = Case.objects.create(
        household=household,
        reference=f"EP-{opened:%Y}-A{spec.number:06d}",
        status=CaseStatus.CLOSED,
        priority_question="Wij willen van de schulden af en de post weer zelf bijhouden.",
        priority_domain=LifeDomain.FINANCES,
        closing_reason=ClosingReason.GOALS_REACHED,
        closed_at=_noon(closed),
        intake_started_at=_noon(opened + datetime.timedelta(days=7)),
    )
    Case.objects.filter(pk=case.pk).update(opened_at=_noon(opened))
    involvement = Involvement.objects.create(
        case=case,
        organisation=team,
        service_type=ServiceType.DEBT_HELP,
        life_domains=[LifeDomain.FINANCES.value],
        start_date=opened,
        end_date=closed,
    )
    involvement.persons.set(persons)
    plan = Plan.objects.create(case=case, concerns="Betalingsachterstanden bij vier schuldeisers.")
    goal = Goal.objects.create(
        plan=plan, life_domain=LifeDomain.FINANCES, title="De vaste lasten gaan op tijd weg."
    )
    Action.objects.create(
        goal=goal,
        description="Elke week samen de post openen.",
        owner_kind=OwnerKind.HOUSEHOLD_MEMBER,
        owner_person=persons[0],
        status=ActionStatus.DONE,
        completed_at=_noon(closed - datetime.timedelta(days=30)),
    )
    return case


def _noon(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
