"""API v1 for assessments: instruments, assessments per case and person under the assessment
rule, recording one through the service, and the access log."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from eenplan.assessments.models import Assessment, Instrument
from eenplan.assessments.services import ScoreInput, assessment_record
from eenplan.assessments.tests.factories import household_zrm, zrm
from eenplan.cases.constants import SharingGround, TimelineEventKind
from eenplan.cases.tests.factories import CaseFactory, ConsentFactory, InvolvementFactory
from eenplan.privacy.models import AccessLogEntry
from eenplan.tenancy.constants import Role
from eenplan.tenancy.tests.factories import MunicipalityFactory, OrganisationFactory, user_in

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
ASSESSMENTS = reverse("api:assessment-list")
INSTRUMENTS = reverse("api:instrument-list")


def api(user) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def _members(case):
    return list(case.household.members.order_by("pk"))


def _record(actor, case, person, days_ago, **scores) -> Assessment:
    return assessment_record(
        actor=actor,
        case=case,
        instrument=zrm() if person else household_zrm(),
        person=person,
        assessed_on=TODAY - datetime.timedelta(days=days_ago),
        scores=[ScoreInput(code, value) for code, value in scores.items()],
    )


def _detail(assessment) -> str:
    return reverse("api:assessment-detail", args=[assessment.uuid])


@pytest.fixture
def scored(case, professional):
    """Both first members of ``case`` scored twice, the household once."""
    first, second = _members(case)[:2]
    for person in (first, second):
        _record(professional, case, person, 30, financien=2, huisvesting=4)
        _record(professional, case, person, 2, financien=3, huisvesting=3)
    _record(professional, case, None, 1, sociaal_netwerk=4)
    AccessLogEntry.objects.all().delete()
    return first, second


# ---------------------------------------------------------------------------- instruments


def test_instruments_come_with_their_domains_and_scale(professional):
    response = api(professional).get(INSTRUMENTS)

    assert response.status_code == 200
    body = response.json()
    by_code = {item["code"]: item for item in body["results"]}
    assert set(by_code) >= {"zrm", "zrm-huishouden"}
    zrm_item = by_code["zrm"]
    assert zrm_item["subject"] == "persoon" and zrm_item["municipality"] is None
    assert len(zrm_item["domains"]) == 13
    assert zrm_item["domains"][0] == {
        "code": "financien",
        "name": "Financiën",
        "life_domain": {"code": "financien", "label": "Financiën"},
        "position": 1,
    }
    assert zrm_item["scale"][0] == {"value": 1, "label": "Acute problematiek"}
    assert "id" not in zrm_item

    detail = api(professional).get(reverse("api:instrument-detail", args=[zrm().uuid]))
    assert detail.status_code == 200 and detail.json()["version"] == "2017"


def test_instruments_of_one_municipality(professional):
    municipality, elsewhere = MunicipalityFactory(), MunicipalityFactory()
    for place, name in ((municipality, "Hier"), (elsewhere, "Daar")):
        Instrument.objects.create(
            code=name.lower(), version="1", name=name, subject="persoon", municipality=place
        )

    names = {
        item["name"]
        for item in api(professional)
        .get(INSTRUMENTS, {"municipality": str(municipality.uuid)})
        .json()["results"]
    }

    assert "Hier" in names and "Zelfredzaamheid-Matrix" in names and "Daar" not in names


# ---------------------------------------------------------------------------- reading


def test_a_case_or_a_person_is_required(professional):
    response = api(professional).get(ASSESSMENTS)
    assert response.status_code == 400
    assert "non_field_errors" in response.json()


def test_the_assessments_of_a_case_newest_first_and_logged(case, professional, scored):
    response = api(professional).get(ASSESSMENTS, {"case": str(case.uuid)})

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 5
    dates = [item["assessed_on"] for item in body["results"]]
    assert dates == sorted(dates, reverse=True)
    household = body["results"][0]
    assert household["subject"] == "huishouden" and household["person"] is None
    assert household["scores"] == [
        {
            "domain": "sociaal_netwerk",
            "domain_name": "Sociaal netwerk",
            "value": 4,
            "label": "Voldoende zelfredzaam",
            "note": "",
        }
    ]
    assert household["case"] == {"uuid": str(case.uuid), "reference": case.reference}
    logged = AccessLogEntry.objects.filter(name="metingen bekijken")
    assert set(logged.values_list("person_uuid", flat=True)) == {m.uuid for m in _members(case)}
    assert logged.count() == len(_members(case))  # one entry per person, however many shown


def test_the_assessments_of_a_person(case, professional, scored):
    first, _second = scored
    body = api(professional).get(ASSESSMENTS, {"person": str(first.uuid)}).json()

    assert body["count"] == 2
    assert {item["person"]["uuid"] for item in body["results"]} == {str(first.uuid)}
    assert set(AccessLogEntry.objects.values_list("person_uuid", flat=True)) == {first.uuid}


def test_an_outsider_gets_nothing(case, outsider, scored):
    first, _second = scored
    client = api(outsider)

    assert client.get(ASSESSMENTS, {"case": str(case.uuid)}).json()["count"] == 0
    assert client.get(ASSESSMENTS, {"person": str(first.uuid)}).json()["count"] == 0
    assessment = Assessment.objects.filter(person=first).first()
    assert client.get(_detail(assessment)).status_code == 404
    assert not AccessLogEntry.objects.exists()


def test_without_consent_for_a_person_their_scores_stay_hidden(case, scored):
    first, second = scored
    organisation = OrganisationFactory()
    InvolvementFactory(case=case, organisation=organisation, consent=False)
    ConsentFactory(
        case=case,
        organisation=organisation,
        ground=SharingGround.CONSENT,
        person=first,
        given_by=first,
        shares_assessments=True,
    )
    client = api(user_in(organisation, Role.PROFESSIONAL))

    results = client.get(ASSESSMENTS, {"case": str(case.uuid)}).json()["results"]
    persons = {item["person"]["uuid"] if item["person"] else None for item in results}
    assert persons == {str(first.uuid), None}
    assert client.get(ASSESSMENTS, {"person": str(second.uuid)}).json()["count"] == 0
    hidden = Assessment.objects.filter(person=second).first()
    assert client.get(_detail(hidden)).status_code == 404


def test_the_detail_compares_with_the_assessment_before(case, professional, scored):
    first, _second = scored
    latest = Assessment.objects.filter(person=first).order_by("-assessed_on").first()

    body = api(professional).get(_detail(latest)).json()

    previous = Assessment.objects.filter(person=first).order_by("assessed_on").first()
    assert body["previous"] == {
        "uuid": str(previous.uuid),
        "assessed_on": previous.assessed_on.isoformat(),
    }
    scores = {score["domain"]: score for score in body["scores"]}
    assert scores["financien"]["previous_value"] == 2 and scores["financien"]["change"] == 1
    assert scores["huisvesting"]["change"] == -1
    assert body["instrument"]["code"] == "zrm"
    assert set(AccessLogEntry.objects.values_list("person_uuid", flat=True)) == {first.uuid}


def _list_queries(client, case) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(ASSESSMENTS, {"case": str(case.uuid)})
    assert response.status_code == 200
    return len(queries)


def test_list_queries_do_not_grow_with_assessments(professional, involved_org):
    small, large = CaseFactory(household__members=2), CaseFactory(household__members=5)
    for case, rounds in ((small, 1), (large, 4)):
        InvolvementFactory(case=case, organisation=involved_org)
        for person in _members(case):
            for index in range(rounds):
                _record(professional, case, person, index + 1, financien=3, justitie=2)
        _record(professional, case, None, 0, huisvesting=3)
    client = api(professional)

    assert _list_queries(client, small) == _list_queries(client, large)


# ---------------------------------------------------------------------------- recording


def _body(case, person) -> dict:
    return {
        "case": str(case.uuid),
        "person": str(person.uuid) if person else None,
        "instrument": str(zrm().uuid),
        "assessed_on": TODAY.isoformat(),
        "scores": [
            {"domain": "financien", "value": 2, "note": "Betalingsachterstand"},
            {"domain": "huisvesting", "value": 4},
        ],
        "note": "Met moeder",
    }


def test_recording_through_the_api(case, professional):
    first = _members(case)[0]

    response = api(professional).post(ASSESSMENTS, _body(case, first), format="json")

    assert response.status_code == 201, response.json()
    body = response.json()
    assessment = Assessment.objects.get(uuid=body["uuid"])
    assert assessment.person == first and assessment.organisation.name == "Wijkteam Delfzijl"
    assert [(s["domain"], s["value"], s["previous_value"]) for s in body["scores"]] == [
        ("financien", 2, None),
        ("huisvesting", 4, None),
    ]
    assert body["scores"][0]["note"] == "Betalingsachterstand"
    assert case.timeline.filter(kind=TimelineEventKind.ASSESSMENT_RECORDED).exists()

    household = _body(case, None) | {
        "instrument": str(household_zrm().uuid),
        "scores": [{"domain": "sociaal_netwerk", "value": 5}],
    }
    response = api(professional).post(ASSESSMENTS, household, format="json")
    assert response.status_code == 201 and response.json()["subject"] == "huishouden"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"scores": []}, "scores", "ten minste één domein"),
        ({"scores": [{"domain": "financien", "value": 9}]}, "scores", "1 tot en met 5"),
        ({"scores": [{"domain": "geld", "value": 3}]}, "scores", "Onbekend domein"),
        ({"assessed_on": "2999-01-01"}, "assessed_on", "toekomst"),
        ({"person": None}, "person", "Kies een lid van dit huishouden"),
        ({"instrument": "00000000-0000-0000-0000-000000000000"}, "instrument", "Onbekend"),
        ({"assessed_on": "morgen"}, "assessed_on", ""),
    ],
)
def test_errors_are_400_on_their_field(case, professional, overrides, field, message):
    first = _members(case)[0]
    response = api(professional).post(ASSESSMENTS, _body(case, first) | overrides, format="json")

    assert response.status_code == 400
    errors = response.json()
    assert field in errors
    assert message in " ".join(errors[field])
    assert not Assessment.objects.exists()


def test_recording_needs_a_basis_and_a_visible_case(case, outsider, involved_org):
    first, second = _members(case)[:2]
    response = api(outsider).post(ASSESSMENTS, _body(case, first), format="json")
    assert response.status_code == 400 and "case" in response.json()

    organisation = OrganisationFactory()
    InvolvementFactory(case=case, organisation=organisation, consent=False)
    ConsentFactory(
        case=case,
        organisation=organisation,
        ground=SharingGround.CONSENT,
        person=first,
        given_by=first,
        shares_assessments=True,
    )
    client = api(user_in(organisation, Role.PROFESSIONAL))
    response = client.post(ASSESSMENTS, _body(case, second), format="json")
    assert response.status_code == 400
    assert "geen toestemming" in " ".join(response.json()["non_field_errors"])
    assert client.post(ASSESSMENTS, _body(case, first), format="json").status_code == 201
