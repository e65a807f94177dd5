"""The assessment pages through the Django test client: the Metingen tab with its table and
chart, one assessment compared with the one before, recording one, the household page's latest
scores, and the instruments for functional admins."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from eenplan.assessments.models import Assessment, Instrument
from eenplan.assessments.services import (
    DomainInput,
    ScoreInput,
    assessment_record,
    instrument_define,
)
from eenplan.assessments.tests.factories import household_zrm, zrm
from eenplan.cases.constants import SharingGround
from eenplan.cases.tests.factories import CaseFactory, ConsentFactory, InvolvementFactory
from eenplan.cases.tests.test_views_layout import assert_accessible_page
from eenplan.privacy.models import AccessLogEntry
from eenplan.tenancy.constants import Role
from eenplan.tenancy.tests.factories import MunicipalityFactory, OrganisationFactory, user_in

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
NOT_SHARED = "mag de metingen van dit huishouden niet zien"


def _days_ago(days: int) -> datetime.date:
    return TODAY - datetime.timedelta(days=days)


def _members(case):
    return list(case.household.members.order_by("pk"))


def _record(actor, case, person, days_ago, **scores) -> Assessment:
    return assessment_record(
        actor=actor,
        case=case,
        instrument=zrm() if person else household_zrm(),
        person=person,
        assessed_on=_days_ago(days_ago),
        scores=[ScoreInput(code, value, f"Over {code}") for code, value in scores.items()],
    )


def _case_url(case) -> str:
    return reverse("assessments:case", args=[case.uuid])


def _record_url(case, instrument=None) -> str:
    url = reverse("assessments:record", args=[case.uuid])
    return f"{url}?instrument={instrument.uuid}" if instrument else url


def _detail_url(assessment) -> str:
    return reverse("assessments:detail", args=[assessment.uuid])


@pytest.fixture
def scored(case, professional):
    """The first member of ``case`` scored three times, the household once."""
    first = _members(case)[0]
    _record(professional, case, first, 120, financien=1, huisvesting=3)
    _record(professional, case, first, 60, financien=2, huisvesting=3)
    latest = _record(professional, case, first, 1, financien=3, huisvesting=2)
    _record(professional, case, None, 0, sociaal_netwerk=4)
    AccessLogEntry.objects.all().delete()
    return latest


@pytest.fixture
def half_shared(case, scored):
    """A second organisation involved in ``case``, with consent for assessments of the first
    member only; a professional of it."""
    first = _members(case)[0]
    organisation = OrganisationFactory(name="Jeugdhulp")
    InvolvementFactory(case=case, organisation=organisation, consent=False)
    ConsentFactory(
        case=case,
        organisation=organisation,
        ground=SharingGround.CONSENT,
        person=first,
        given_by=first,
        shares_plan=True,
        shares_notes=False,
        shares_assessments=True,
        shares_contact=False,
    )
    return user_in(organisation, Role.PROFESSIONAL, username="jeugdhulp")


# ---------------------------------------------------------------------------- the Metingen tab


def test_the_tab_shows_a_table_and_a_chart_per_subject(client, case, professional, scored):
    client.force_login(professional)
    response = client.get(_case_url(case))

    assert response.status_code == 200
    page = response.content.decode()
    assert_accessible_page(page)
    first = _members(case)[0]
    assert first.full_name in page and "Het huishouden" in page
    assert 'aria-current="page">Metingen</a>' in page
    assert page.count('role="img"') == 2
    assert "<title" in page and "Voortgang van het huishouden" in page
    assert _detail_url(scored) in page
    assert "beter" in page and "slechter" in page and "eerste meting" in page
    main = page[page.index("<main") : page.index("</main>")]
    assert "<script" not in main and "style=" not in main  # nothing a strict CSP would block
    logged = AccessLogEntry.objects.filter(name="metingen bekijken")
    assert set(logged.values_list("person_uuid", flat=True)) == {m.uuid for m in _members(case)}


def test_an_outsider_gets_404_everywhere(client, case, outsider, scored):
    client.force_login(outsider)

    assert client.get(_case_url(case)).status_code == 404
    assert client.get(_detail_url(scored)).status_code == 404
    assert client.get(_record_url(case)).status_code == 404
    response = client.post(_record_url(case, zrm()), {"assessed_on": "01-01-2026"})
    assert response.status_code == 404
    assert not AccessLogEntry.objects.exists()


def test_without_consent_for_a_person_their_scores_stay_hidden(client, case, half_shared):
    first, second = _members(case)[:2]
    second_assessment = _record(
        Assessment.objects.first().assessed_by, case, second, 3, financien=5
    )
    AccessLogEntry.objects.all().delete()
    client.force_login(half_shared)

    page = client.get(_case_url(case)).content.decode()

    assert first.full_name in page
    assert second.full_name not in page
    assert "Het huishouden" in page  # a basis for assessments in the case opens those
    assert client.get(_detail_url(second_assessment)).status_code == 404
    household = client.get(reverse("people:household", args=[case.household.uuid]))
    content = household.content.decode()
    laatste = content[content.index('id="laatste-metingen"') :]
    laatste = laatste[: laatste.index("</section>")]
    assert first.full_name in laatste and second.full_name not in laatste
    AccessLogEntry.objects.all().delete()
    assert client.get(_detail_url(half_shared_latest(case))).status_code == 200
    logged = AccessLogEntry.objects.filter(name="metingen bekijken")
    assert set(logged.values_list("person_uuid", flat=True)) == {first.uuid}


def half_shared_latest(case) -> Assessment:
    return Assessment.objects.filter(case=case, person=_members(case)[0]).order_by("-assessed_on")[
        0
    ]


def test_a_known_level_organisation_sees_no_tab_and_no_scores(client, case, scored):
    organisation = OrganisationFactory(name="GGZ")
    InvolvementFactory(case=case, organisation=organisation, consent=False)
    user = user_in(organisation, Role.PROFESSIONAL)
    client.force_login(user)

    household = client.get(reverse("people:household", args=[case.household.uuid]))
    assert _case_url(case) not in household.content.decode()
    page = client.get(_case_url(case)).content.decode()
    assert NOT_SHARED in page and "Financiën" not in page
    assert client.get(_detail_url(scored)).status_code == 404
    assert "geen metingen vastleggen" in client.get(_record_url(case)).content.decode()
    assert not AccessLogEntry.objects.filter(name="metingen bekijken").exists()


def test_the_detail_compares_with_the_assessment_before(client, case, professional, scored):
    client.force_login(professional)
    response = client.get(_detail_url(scored))

    assert response.status_code == 200
    page = response.content.decode()
    assert_accessible_page(page)
    assert "Beperkt zelfredzaam" in page  # financien 3
    assert "Over financien" in page  # the note per domain
    assert "(+1)" in page and "(-1)" in page
    previous = Assessment.objects.filter(person=scored.person).order_by("assessed_on")[1]
    assert _detail_url(previous) in page
    assert AccessLogEntry.objects.filter(
        name="metingen bekijken", person_uuid=scored.person.uuid
    ).exists()


# ---------------------------------------------------------------------------- recording


def test_recording_takes_two_steps_and_stores_only_the_filled_domains(client, case, professional):
    client.force_login(professional)
    first = _members(case)[0]

    step_one = client.get(_record_url(case))
    assert step_one.status_code == 200
    assert "Zelfredzaamheid-Matrix huishouden" in step_one.content.decode()
    step_two = client.get(_record_url(case, zrm()))
    assert step_two.status_code == 200
    assert_accessible_page(step_two.content.decode())
    assert first.full_name in step_two.content.decode()

    response = client.post(
        _record_url(case, zrm()),
        {
            "person": str(first.uuid),
            "assessed_on": _days_ago(2).strftime("%d-%m-%Y"),
            "score_financien": "2",
            "toelichting_financien": "Achterstand huur",
            "score_justitie": "",
            "note": "Samen met moeder ingevuld.",
        },
    )

    assessment = Assessment.objects.get()
    assert response.status_code == 302 and response.url == _detail_url(assessment)
    assert assessment.person == first and assessment.assessed_on == _days_ago(2)
    assert [(s.domain.code, s.value, s.note) for s in assessment.scores.all()] == [
        ("financien", 2, "Achterstand huur")
    ]
    assert assessment.note == "Samen met moeder ingevuld."


def test_a_household_instrument_asks_for_no_person(client, case, professional):
    client.force_login(professional)
    page = client.get(_record_url(case, household_zrm())).content.decode()
    assert 'name="person"' not in page and "het hele huishouden" in page

    client.post(
        _record_url(case, household_zrm()),
        {"assessed_on": TODAY.strftime("%d-%m-%Y"), "score_sociaal_netwerk": "4"},
    )

    assert Assessment.objects.get().person is None


def test_errors_are_shown_and_nothing_typed_is_lost(client, case, professional):
    client.force_login(professional)
    first = _members(case)[0]
    tomorrow = (TODAY + datetime.timedelta(days=1)).strftime("%d-%m-%Y")

    response = client.post(
        _record_url(case, zrm()),
        {
            "person": str(first.uuid),
            "assessed_on": tomorrow,
            "score_financien": "3",
            "toelichting_financien": "Bewaar mij",
            "toelichting_huisvesting": "Zonder score",
        },
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert_accessible_page(page)
    assert "<title>Fout: " in page and "Er is iets niet goed ingevuld" in page
    assert 'href="#meting-score_huisvesting"' in page and "koos geen score" in page
    assert "Bewaar mij" in page and 'value="3" selected' in page and tomorrow in page

    response = client.post(
        _record_url(case, zrm()),
        {"person": str(first.uuid), "assessed_on": tomorrow, "score_financien": "3"},
    )
    assert response.status_code == 400
    assert "toekomst" in response.content.decode()  # the service's error, on the date field

    response = client.post(
        _record_url(case, zrm()),
        {"person": str(first.uuid), "assessed_on": TODAY.strftime("%d-%m-%Y")},
    )
    assert "Vul ten minste één domein in" in response.content.decode()
    assert not Assessment.objects.exists()


def test_an_unknown_instrument_goes_back_to_step_one(client, case, professional):
    client.force_login(professional)
    response = client.get(_record_url(case), {"instrument": "geen-uuid"})
    assert response.status_code == 400
    assert "Kies een instrument uit de lijst" in response.content.decode()


def test_only_members_with_a_basis_are_offered(client, case, half_shared):
    first, second = _members(case)[:2]
    client.force_login(half_shared)

    page = client.get(_record_url(case, zrm())).content.decode()
    assert first.full_name in page and second.full_name not in page

    response = client.post(
        _record_url(case, zrm()),
        {
            "person": str(second.uuid),
            "assessed_on": TODAY.strftime("%d-%m-%Y"),
            "score_financien": "3",
        },
    )
    assert response.status_code == 400
    assert "Kies een gezinslid uit de lijst" in response.content.decode()


# ---------------------------------------------------------------------------- household page


def test_the_household_page_shows_the_latest_scores_and_their_direction(
    client, case, professional, scored
):
    client.force_login(professional)
    page = client.get(reverse("people:household", args=[case.household.uuid])).content.decode()

    section = page[page.index('id="laatste-metingen"') :]
    section = section[: section.index("</section>")]
    assert "Financiën: <strong>3</strong>" in section and "beter" in section
    assert "Huisvesting: <strong>2</strong>" in section and "slechter" in section
    assert _case_url(case) in section
    assert 'href="' + _case_url(case) + '">Metingen</a>' in page  # the tab


def _household_queries(client, case) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("people:household", args=[case.household.uuid]))
    assert response.status_code == 200
    return len(queries)


def test_the_household_page_queries_do_not_grow_with_assessments(
    client, professional, involved_org
):
    few, many = (CaseFactory(household__members=n) for n in (2, 5))
    for case, rounds in ((few, 1), (many, 4)):
        InvolvementFactory(case=case, organisation=involved_org)
        for person in _members(case):
            for index in range(rounds):
                _record(professional, case, person, 10 * index + 1, financien=3, justitie=4)
        _record(professional, case, None, 0, huisvesting=2)
    client.force_login(professional)
    _household_queries(client, few)  # warm up

    assert _household_queries(client, few) == _household_queries(client, many)


# ---------------------------------------------------------------------------- instruments


@pytest.fixture
def municipality():
    return MunicipalityFactory(name="Eemsdelta")


@pytest.fixture
def functional_admin(municipality):
    office = OrganisationFactory(name="Gemeente Eemsdelta")
    office.municipalities.add(municipality)
    return user_in(office, Role.FUNCTIONAL_ADMIN, username="beheer")


INSTRUMENTS = reverse("assessments:instruments")
NEW_INSTRUMENT = reverse("assessments:instrument-new")


def _definition(municipality, **overrides) -> dict:
    return {
        "name": "Ouderschapsmeter",
        "version": "2026",
        "subject": "persoon",
        "municipality": str(municipality.uuid),
        "description": "Hoe gaat het met opvoeden?",
        "domains": "Opvoeding\nGeldzaken = Financiën\n\nSteun = sociaal_netwerk",
        "levels": "1 = Zorgelijk\n2 = Wankel\n3 = Stevig",
    } | overrides


def test_a_functional_admin_defines_an_instrument_on_a_page(client, functional_admin, municipality):
    client.force_login(functional_admin)
    listing = client.get(INSTRUMENTS)
    assert listing.status_code == 200
    assert_accessible_page(listing.content.decode())
    assert "Zelfredzaamheid-Matrix" in listing.content.decode()
    assert f'href="{INSTRUMENTS}"' in listing.content.decode()  # in the main menu

    response = client.post(NEW_INSTRUMENT, _definition(municipality))

    instrument = Instrument.objects.get(code="ouderschapsmeter")
    assert response.status_code == 302
    assert response.url == f"{INSTRUMENTS}#instrument-{instrument.uuid}"
    assert instrument.municipality == municipality
    assert list(instrument.domains.values_list("name", "life_domain")) == [
        ("Opvoeding", ""),
        ("Geldzaken", "financien"),
        ("Steun", "sociaal_netwerk"),
    ]
    assert list(instrument.levels.values_list("value", "label")) == [
        (1, "Zorgelijk"),
        (2, "Wankel"),
        (3, "Stevig"),
    ]


def test_wrong_lines_are_named_one_by_one(client, functional_admin, municipality):
    client.force_login(functional_admin)
    response = client.post(
        NEW_INSTRUMENT,
        _definition(
            municipality,
            domains="Opvoeding\nGeld = Portemonnee\n= Financiën\nopvoeding",
            levels="1 = Zorgelijk\ntwee = Wankel\n3 Stevig",
        ),
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert_accessible_page(page)
    assert "Regel 2: &#x27;Portemonnee&#x27; is geen leefgebied" in page
    assert "Regel 3: zet de naam van het domein" in page
    assert "Regel 4: &#x27;opvoeding&#x27; staat al op regel 1" in page
    assert "Regel 2: &#x27;twee&#x27; is geen heel getal" in page
    assert "Regel 3: schrijf een getal, een =-teken en de betekenis" in page
    assert "Geld = Portemonnee" in page  # what was typed stays
    assert not Instrument.objects.filter(code="ouderschapsmeter").exists()


def test_a_new_version_is_prefilled_and_keeps_the_codes(
    client, functional_admin, municipality, case, professional
):
    client.force_login(functional_admin)
    url = reverse("assessments:instrument-version", args=[zrm().uuid])

    form = client.get(url).content.decode()
    assert (
        "Werk &amp; opleiding = Werk &amp; opleiding" in form and "5 = Volledig zelfredzaam" in form
    )

    domains = "Financiën = Financiën\nWerk &amp; opleiding = werk_opleiding\nDigitale vaardigheden"
    response = client.post(
        url,
        _definition(
            municipality,
            name="Zelfredzaamheid-Matrix",
            version="2026",
            domains=domains.replace("&amp;", "&"),
            levels="1 = Acuut\n2 = Niet\n3 = Beperkt\n4 = Voldoende\n5 = Volledig",
        ),
    )

    assert response.status_code == 302
    version = Instrument.objects.get(code="zrm", version="2026")
    assert list(version.domains.values_list("code", flat=True)) == [
        "financien",
        "werk_opleiding",
        "digitale-vaardigheden",
    ]
    response = client.post(url, _definition(municipality, version="2026"))
    assert response.status_code == 400
    assert "Deze versie bestaat al" in response.content.decode()


def test_instrument_pages_are_for_functional_admins_only(client, professional, municipality):
    client.force_login(professional)
    version = reverse("assessments:instrument-version", args=[zrm().uuid])
    for url in (INSTRUMENTS, NEW_INSTRUMENT, version):
        assert client.get(url).status_code == 403, url
    assert client.post(NEW_INSTRUMENT, _definition(municipality)).status_code == 403
    assert f'href="{INSTRUMENTS}"' not in client.get(reverse("cases:my-cases")).content.decode()


def test_an_instrument_of_another_municipality_is_not_found(client, functional_admin):
    elsewhere = MunicipalityFactory()
    office = OrganisationFactory()
    office.municipalities.add(elsewhere)
    theirs = instrument_define(
        actor=user_in(office, Role.FUNCTIONAL_ADMIN),
        municipality=elsewhere,
        name="Eigen meter",
        version="1",
        subject="persoon",
        domains=[DomainInput("Iets")],
        levels=[(1, "Laag"), (2, "Hoog")],
    )
    client.force_login(functional_admin)

    assert "Eigen meter" not in client.get(INSTRUMENTS).content.decode()
    url = reverse("assessments:instrument-version", args=[theirs.uuid])
    assert client.get(url).status_code == 404
