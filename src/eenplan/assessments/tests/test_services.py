import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from eenplan.assessments.constants import Direction, Subject
from eenplan.assessments.models import Assessment, Instrument
from eenplan.assessments.selectors import case_progress
from eenplan.assessments.services import (
    DomainInput,
    ScoreInput,
    assessment_record,
    instrument_define,
)
from eenplan.assessments.tests.factories import household_zrm, zrm
from eenplan.cases.constants import SharingGround, TimelineEventKind
from eenplan.cases.models import Case
from eenplan.cases.tests.factories import CaseFactory, ConsentFactory, InvolvementFactory
from eenplan.privacy.models import AccessLogEntry
from eenplan.tenancy.constants import Role
from eenplan.tenancy.tests.factories import MunicipalityFactory, OrganisationFactory, user_in

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _first_member(case):
    return case.household.members.order_by("pk").first()


def test_the_zrm_2017_ships_with_13_domains_and_a_scale_of_five():
    instrument = zrm()
    assert instrument.domains.count() == 13
    assert list(instrument.levels.values_list("value", "label")) == [
        (1, "Acute problematiek"),
        (2, "Niet zelfredzaam"),
        (3, "Beperkt zelfredzaam"),
        (4, "Voldoende zelfredzaam"),
        (5, "Volledig zelfredzaam"),
    ]
    assert household_zrm().subject == Subject.HOUSEHOLD


def test_only_the_domains_filled_in_are_stored(case, professional):
    person = _first_member(case)
    assessment = assessment_record(
        actor=professional,
        case=case,
        instrument=zrm(),
        person=person,
        assessed_on=TODAY,
        scores=[
            ScoreInput("financien", 2, "Betalingsachterstand huur"),
            ScoreInput("huisvesting", 4),
        ],
    )
    assert {s.domain.code: s.value for s in assessment.scores.all()} == {
        "financien": 2,
        "huisvesting": 4,
    }
    assert case.timeline.filter(kind=TimelineEventKind.ASSESSMENT_RECORDED).exists()


@pytest.mark.parametrize(
    ("scores", "message"),
    [
        ([], "ten minste één domein"),
        ([ScoreInput("financien", 6)], "kies een score van 1 tot en met 5"),
        ([ScoreInput("geldzaken", 3)], "Onbekend domein"),
        ([ScoreInput("financien", 3), ScoreInput("financien", 4)], "twee keer"),
    ],
)
def test_scores_outside_the_instrument_are_refused(case, professional, scores, message):
    with pytest.raises(ValidationError, match=message):
        assessment_record(
            actor=professional,
            case=case,
            instrument=zrm(),
            person=_first_member(case),
            assessed_on=TODAY,
            scores=scores,
        )
    assert not Assessment.objects.exists()


def test_a_future_date_and_a_stranger_are_refused(case, professional):
    with pytest.raises(ValidationError, match="toekomst"):
        assessment_record(
            actor=professional,
            case=case,
            instrument=zrm(),
            person=_first_member(case),
            assessed_on=TODAY + datetime.timedelta(days=1),
            scores=[ScoreInput("financien", 3)],
        )
    stranger = CaseFactory().household.members.first()
    with pytest.raises(ValidationError, match="lid van dit huishouden"):
        assessment_record(
            actor=professional,
            case=case,
            instrument=zrm(),
            person=stranger,
            assessed_on=TODAY,
            scores=[ScoreInput("financien", 3)],
        )


def test_assessing_needs_a_basis_for_that_person(professional, involved_org):
    case = CaseFactory(household__members=2)
    InvolvementFactory(case=case, organisation=involved_org, consent=False)
    first, second = case.household.members.order_by("pk")
    ConsentFactory(
        case=case,
        organisation=involved_org,
        ground=SharingGround.CONSENT,
        person=first,
        given_by=first,
        shares_assessments=True,
    )
    assessment_record(
        actor=professional,
        case=case,
        instrument=zrm(),
        person=first,
        assessed_on=TODAY,
        scores=[ScoreInput("financien", 3)],
    )
    with pytest.raises(ValidationError, match="geen toestemming"):
        assessment_record(
            actor=professional,
            case=case,
            instrument=zrm(),
            person=second,
            assessed_on=TODAY,
            scores=[ScoreInput("financien", 3)],
        )


def test_an_outsider_cannot_assess(case, outsider):
    with pytest.raises(Case.DoesNotExist):
        assessment_record(
            actor=outsider,
            case=case,
            instrument=zrm(),
            person=_first_member(case),
            assessed_on=TODAY,
            scores=[ScoreInput("financien", 3)],
        )


def test_progress_compares_each_domain_with_the_score_before(case, professional):
    person = _first_member(case)
    for days_ago, finances, housing in [(120, 1, 3), (60, 2, 3), (1, 3, 2)]:
        assessment_record(
            actor=professional,
            case=case,
            instrument=zrm(),
            person=person,
            assessed_on=TODAY - datetime.timedelta(days=days_ago),
            scores=[ScoreInput("financien", finances), ScoreInput("huisvesting", housing)],
        )
    assessment_record(
        actor=professional,
        case=case,
        instrument=household_zrm(),
        assessed_on=TODAY,
        scores=[ScoreInput("sociaal_netwerk", 4)],
    )
    AccessLogEntry.objects.all().delete()

    _case, subjects = case_progress(user=professional, case_uuid=case.uuid)

    household, individual = subjects
    assert household.person is None
    assert individual.person == person
    trends = {t.code: t for t in individual.domains}
    assert [p.value for p in trends["financien"].points] == [1, 2, 3]
    assert trends["financien"].direction == Direction.UP
    assert trends["huisvesting"].direction == Direction.DOWN
    assert trends["justitie"].points == []
    assert trends["financien"].latest.label == "Beperkt zelfredzaam"
    logged = set(AccessLogEntry.objects.values_list("person_uuid", flat=True))
    assert logged == set(case.household.members.values_list("uuid", flat=True))


def test_scores_of_a_person_without_a_basis_stay_hidden(professional, involved_org):
    case = CaseFactory(household__members=2)
    InvolvementFactory(case=case, organisation=involved_org)  # household-wide basis
    first, second = case.household.members.order_by("pk")
    for person in (first, second):
        assessment_record(
            actor=professional,
            case=case,
            instrument=zrm(),
            person=person,
            assessed_on=TODAY,
            scores=[ScoreInput("financien", 3)],
        )
    colleague_org = OrganisationFactory()
    InvolvementFactory(case=case, organisation=colleague_org, consent=False)
    ConsentFactory(
        case=case,
        organisation=colleague_org,
        ground=SharingGround.CONSENT,
        person=first,
        given_by=first,
        shares_plan=True,
        shares_assessments=True,
    )
    colleague = user_in(colleague_org, Role.PROFESSIONAL)

    _case, subjects = case_progress(user=colleague, case_uuid=case.uuid)

    assert [s.person for s in subjects] == [first]
    assert Assessment.objects.visible_to(colleague).count() == 1


def test_a_functional_admin_defines_an_instrument_as_data():
    municipality = MunicipalityFactory()
    office = OrganisationFactory()
    office.municipalities.add(municipality)
    admin = user_in(office, Role.FUNCTIONAL_ADMIN)

    instrument = instrument_define(
        actor=admin,
        municipality=municipality,
        name="Ouderschapsmeter",
        version="2026",
        subject=Subject.PERSON,
        domains=[DomainInput("Opvoeding"), DomainInput("Geldzaken", "financien")],
        levels=[(1, "Zorgelijk"), (2, "Wankel"), (3, "Stevig")],
    )

    assert list(instrument.domains.values_list("code", "life_domain")) == [
        ("opvoeding", ""),
        ("geldzaken", "financien"),
    ]
    assert instrument.levels.count() == 3
    with pytest.raises(ValidationError, match="versie bestaat al"):
        instrument_define(
            actor=admin,
            municipality=municipality,
            name="Ouderschapsmeter",
            version="2026",
            subject=Subject.PERSON,
            domains=[DomainInput("Opvoeding")],
            levels=[(1, "Zorgelijk"), (2, "Stevig")],
        )
    with pytest.raises(PermissionDenied):
        instrument_define(
            actor=user_in(office, Role.PROFESSIONAL),
            municipality=municipality,
            name="Eigen meter",
            version="1",
            subject=Subject.PERSON,
            domains=[DomainInput("Iets")],
            levels=[(1, "Laag"), (2, "Hoog")],
        )
    assert Instrument.objects.filter(code="ouderschapsmeter").count() == 1


def test_a_second_instrument_is_scored_on_its_own_scale(case, professional):
    municipality = case.household.municipality
    office = OrganisationFactory()
    office.municipalities.add(municipality)
    instrument = instrument_define(
        actor=user_in(office, Role.FUNCTIONAL_ADMIN),
        municipality=municipality,
        name="Ouderschapsmeter",
        version="2026",
        subject=Subject.PERSON,
        domains=[DomainInput("Opvoeding")],
        levels=[(1, "Zorgelijk"), (2, "Wankel"), (3, "Stevig")],
    )
    person = _first_member(case)
    with pytest.raises(ValidationError, match="1 tot en met 3"):
        assessment_record(
            actor=professional,
            case=case,
            instrument=instrument,
            person=person,
            assessed_on=TODAY,
            scores=[ScoreInput("opvoeding", 4)],
        )
    assessment_record(
        actor=professional,
        case=case,
        instrument=instrument,
        person=person,
        assessed_on=TODAY,
        scores=[ScoreInput("opvoeding", 3)],
    )
    _case, subjects = case_progress(user=professional, case_uuid=case.uuid)
    assert subjects[0].domains[0].latest.label == "Stevig"
