"""The household page at the known level: an involved organisation without consent or legal basis
sees that the household is known and whom to call, and nothing of its content; recording consent
opens the content, withdrawing it closes it again at once."""

import pytest
from django.urls import reverse

from eenplan.cases.constants import DataCategory, NoteAudience, SharingGround
from eenplan.cases.models import Consent, Note
from eenplan.cases.tests.factories import ConsentFactory, InvolvementFactory, TimelineEventFactory
from eenplan.cases.tests.test_views_layout import assert_accessible_page
from eenplan.people.tests.factories import NetworkMemberFactory
from eenplan.tenancy.constants import Role
from eenplan.tenancy.tests.factories import OrganisationFactory, user_in

pytestmark = pytest.mark.django_db

NOTICE = "U ziet alleen dát dit huishouden bekend is en wie u kunt bellen."
ADDRESS = "Molenstraat 12"


@pytest.fixture
def police():
    return OrganisationFactory(name="Politie Noord-Nederland", phone="0900-8844")


@pytest.fixture
def officer(case, police):
    """A professional of an organisation involved in ``case`` without consent or legal basis."""
    officer = user_in(police, Role.PROFESSIONAL, username="wijkagent", phone="06-12345678")
    InvolvementFactory(case=case, organisation=police, contact=officer, consent=False)
    return officer


@pytest.fixture
def content(case, professional, involved_org):
    """What only consent opens: a coordinator, a note for all involved, a network member and a
    timeline event."""
    coordinator = user_in(involved_org, Role.COORDINATOR, phone="0596-111111")
    case.coordinator, case.coordinator_organisation = coordinator, involved_org
    case.save()
    NetworkMemberFactory(household=case.household, name="Oma Jansen")
    TimelineEventFactory(case=case, actor=professional, summary="Gesprek over de schulden.")
    Note.objects.create(
        case=case,
        author=professional,
        author_organisation=involved_org,
        audience=NoteAudience.INVOLVED,
        text="Vader wil graag hulp bij zijn administratie.",
    )
    return coordinator


def _household(client, case):
    return client.get(reverse("people:household", kwargs={"household_uuid": case.household.uuid}))


def _consent_url(case) -> str:
    return reverse("cases:consent-record", kwargs={"case_uuid": case.uuid})


def _adult(case):
    return case.household.memberships.get(is_contact=True).person


def test_known_level_shows_household_and_whom_to_call_but_no_content(
    client, case, officer, content, professional
):
    client.force_login(officer)
    response = _household(client, case)
    assert response.status_code == 200
    page = response.content.decode()
    assert case.household.name in page and NOTICE in page
    # Whom to call: the coordinator and every involved organisation's contact person.
    assert content.get_full_name() in page and "0596-111111" in page
    assert "Wijkteam Delfzijl" in page and "Politie Noord-Nederland" in page
    assert 'href="#toestemming-vastleggen"' in page
    for person in case.household.members.all():
        assert person.full_name in page
    # No content.
    assert case.priority_question not in page
    assert "Gesprek over de schulden." not in page
    assert "Vader wil graag hulp" not in page
    assert "Oma Jansen" not in page
    assert ADDRESS not in page
    assert "Niet gedeeld" in page
    assert 'aria-labelledby="tijdlijn" tabindex="0"' not in page, "no empty timeline table"
    assert "Soort hulp</th>" not in page
    # No plan tab.
    assert reverse("plans:plan", kwargs={"case_uuid": case.uuid}) not in page
    assert_accessible_page(page)


def test_known_level_sees_who_consented_but_not_what_for(client, case, officer, professional):
    """A consent's purpose tells what the help is about (here: debts)."""
    debt_help = OrganisationFactory(name="Kredietbank Fivelboezem")
    ConsentFactory(
        case=case,
        organisation=debt_help,
        purpose="Aanmelding bij de Kredietbank: schuldhulpverlening",
        justification="Wgs art. 3",
    )
    client.force_login(officer)
    page = _household(client, case).content.decode()
    assert "Kredietbank Fivelboezem" in page, "whom to ask stays"
    assert "schuldhulpverlening" not in page and "Wgs art. 3" not in page
    api = client.get(f"/api/v1/cases/{case.uuid}/consents/").content.decode()
    assert "Kredietbank Fivelboezem" in api and "schuldhulpverlening" not in api

    client.force_login(professional)
    assert "schuldhulpverlening" in _household(client, case).content.decode()


def test_organisation_with_legal_basis_sees_content_and_plan_tab(client, case, professional):
    client.force_login(professional)
    page = _household(client, case).content.decode()
    assert NOTICE not in page
    assert case.priority_question in page and ADDRESS in page
    assert "Soort hulp</th>" in page
    assert reverse("plans:plan", kwargs={"case_uuid": case.uuid}) in page


def test_recording_consent_opens_the_content(client, case, officer, police, content):
    person = _adult(case)
    client.force_login(officer)
    response = client.post(
        _consent_url(case),
        {
            "ground": SharingGround.CONSENT,
            "organisation": police.uuid,
            "person": person.uuid,
            "categories": [DataCategory.PLAN, DataCategory.NOTES, DataCategory.CONTACT],
            "purpose": "Samen werken aan rust in huis.",
        },
    )
    assert response.status_code == 302
    assert response.url.endswith("#toestemming")
    consent = Consent.objects.get(organisation=police)
    assert (consent.person, consent.given_by, consent.withdrawn_at) == (person, person, None)

    page = client.get(response.url.split("#")[0]).content.decode()
    assert "De toestemming voor Politie Noord-Nederland is vastgelegd." in page
    assert NOTICE not in page
    assert case.priority_question in page
    assert "Vader wil graag hulp" in page and "Oma Jansen" in page
    assert "Toestemming of grondslag vastgelegd" in page  # on the timeline
    assert reverse("plans:plan", kwargs={"case_uuid": case.uuid}) in page
    # Contact details open per person: only the member who consented.
    assert page.count(ADDRESS) == 1


def test_withdrawing_consent_closes_the_content_at_once(client, case, officer, police, content):
    consent = ConsentFactory(case=case, organisation=police)
    client.force_login(officer)
    assert case.priority_question in _household(client, case).content.decode()

    url = reverse(
        "cases:consent-withdraw", kwargs={"case_uuid": case.uuid, "consent_uuid": consent.uuid}
    )
    response = client.post(url, {"note": "Moeder belde: zij wil dit niet meer."})
    assert response.status_code == 302
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None and consent.withdrawn_by == officer

    page = _household(client, case).content.decode()
    assert NOTICE in page
    assert case.priority_question not in page and "Vader wil graag hulp" not in page
    assert "Ingetrokken" in page and "Moeder belde: zij wil dit niet meer." in page
    assert reverse("plans:plan", kwargs={"case_uuid": case.uuid}) not in page


def test_withdrawing_twice_says_so(client, case, officer, police):
    consent = ConsentFactory(case=case, organisation=police)
    url = reverse(
        "cases:consent-withdraw", kwargs={"case_uuid": case.uuid, "consent_uuid": consent.uuid}
    )
    client.force_login(officer)
    assert client.post(url, {}).status_code == 302
    # A second post (from an old tab): its form is gone from the page, so the error is on top.
    again = client.post(url, {})
    assert again.status_code == 400
    assert "Deze toestemming is al ingetrokken." in again.content.decode()
    assert Consent.objects.filter(withdrawn_at__isnull=False).count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"ground": SharingGround.SAFETY}, "Onderbouw waarom deze wettelijke grondslag geldt."),
        ({"person": ""}, "Kies het gezinslid dat toestemming geeft."),
        ({"categories": []}, "Kies welke gegevens gedeeld mogen worden."),
        ({"categories": ["alles"]}, "Kies uit de lijst."),
        ({"organisation": "geen-uuid"}, "Kies een organisatie uit de lijst."),
        ({"valid_until": "31-02-2026"}, "Vul een bestaande datum in"),
        ({"purpose": " "}, "Vul in: waarvoor?."),
    ],
)
def test_bad_consent_input_gives_form_errors(client, case, officer, police, data, message):
    client.force_login(officer)
    payload = {
        "ground": SharingGround.CONSENT,
        "organisation": police.uuid,
        "person": _adult(case).uuid,
        "categories": [DataCategory.PLAN],
        "purpose": "Samen werken aan rust in huis.",
    } | data
    response = client.post(_consent_url(case), payload)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Er is iets niet goed ingevuld" in page and message in page
    assert 'href="#toestemming"' in page
    assert not Consent.objects.filter(organisation=police).exists()
    assert case.priority_question not in page, "still the known level"
    assert_accessible_page(page)


def test_legal_basis_recorded_by_the_organisation_itself(client, case, officer, police):
    client.force_login(officer)
    response = client.post(
        _consent_url(case),
        {
            "ground": SharingGround.SAFETY,
            "organisation": police.uuid,
            "categories": [DataCategory.PLAN],
            "purpose": "Veiligheid van de kinderen.",
            "justification": "Melding huiselijk geweld; acute onveiligheid.",
        },
    )
    assert response.status_code == 302
    consent = Consent.objects.get(organisation=police)
    assert consent.person is None and consent.ground == SharingGround.SAFETY
    assert case.priority_question in _household(client, case).content.decode()


def test_legal_basis_for_another_organisation_is_refused(client, case, officer, involved_org):
    other = OrganisationFactory(name="GGZ Noord")
    InvolvementFactory(case=case, organisation=other, consent=False)
    client.force_login(officer)
    response = client.post(
        _consent_url(case),
        {
            "ground": SharingGround.LEGAL_TASK,
            "organisation": other.uuid,
            "categories": [DataCategory.PLAN],
            "purpose": "Behandeling.",
            "justification": "Wettelijke taak.",
        },
    )
    assert response.status_code == 400
    assert "Een wettelijke grondslag legt de organisatie zelf of de regisseur vast." in (
        response.content.decode()
    )
    assert not Consent.objects.filter(organisation=other).exists()


def test_consent_pages_are_404_for_outsiders(client, case, outsider, police):
    consent = ConsentFactory(case=case, organisation=police)
    client.force_login(outsider)
    record = client.post(
        _consent_url(case),
        {
            "ground": SharingGround.CONSENT,
            "organisation": police.uuid,
            "person": _adult(case).uuid,
            "categories": [DataCategory.PLAN],
            "purpose": "x",
        },
    )
    withdraw = client.post(
        reverse(
            "cases:consent-withdraw",
            kwargs={"case_uuid": case.uuid, "consent_uuid": consent.uuid},
        )
    )
    assert record.status_code == withdraw.status_code == 404
    consent.refresh_from_db()
    assert consent.withdrawn_at is None
    assert Consent.objects.count() == 2  # the fixture's legal basis and this one
