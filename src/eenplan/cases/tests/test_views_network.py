"""The network of a case through the Django test client: referrals and the 'Aanmeldingen'
inbox, notes and their audiences, agreeing a coordinator, escalation, and the menu count."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from eenplan.cases.constants import (
    DataCategory,
    NoteAudience,
    ProposalStatus,
    ReferralStatus,
    ServiceType,
    SharingGround,
)
from eenplan.cases.models import CoordinatorProposal, Involvement, Note, Referral
from eenplan.cases.tests.factories import InvolvementFactory
from eenplan.cases.tests.test_views_layout import assert_accessible_page
from eenplan.common.constants import LifeDomain
from eenplan.people.models import HouseholdMember
from eenplan.people.tests.factories import PersonFactory
from eenplan.tenancy.constants import OrganisationType, Role
from eenplan.tenancy.tests.factories import OrganisationFactory, user_in

pytestmark = pytest.mark.django_db

INBOX = reverse("referrals:inbox")
UNKNOWN = "6f1c1c52-0000-4000-8000-000000000000"


def _url(name: str, case, **kwargs) -> str:
    return reverse(f"cases:{name}", kwargs={"case_uuid": case.uuid, **kwargs})


def _household(client, case):
    return client.get(reverse("people:household", kwargs={"household_uuid": case.household.uuid}))


def _members(case) -> list:
    return [m.person for m in case.household.memberships.order_by("pk")]


@pytest.fixture
def debt_help():
    return OrganisationFactory(name="Schuldhulp Eemsdelta", phone="0596-222222")


@pytest.fixture
def debt_worker(debt_help):
    return user_in(debt_help, Role.PROFESSIONAL, username="schuldhulp")


@pytest.fixture
def partner():
    """A second organisation involved in ``case``, with full access, and one of its staff."""
    organisation = OrganisationFactory(name="GGZ Noord")
    return organisation, user_in(organisation, Role.PROFESSIONAL, username="ggz")


def _referral_data(case, debt_help, **overrides) -> dict:
    return {
        "to_organisation": debt_help.uuid,
        "persons": [person.uuid for person in _members(case)[:2]],
        "service_type": ServiceType.DEBT_HELP,
        "life_domains": [LifeDomain.FINANCES],
        "reason": "Betalingsachterstand bij de huur; het gezin wil een schuldenregeling.",
        "categories": [DataCategory.PLAN, DataCategory.CONTACT],
        "ground": SharingGround.CONSENT,
        "household_consent": "on",
    } | overrides


def _send(client, case, debt_help, **overrides):
    return client.post(_url("referral-send", case), _referral_data(case, debt_help, **overrides))


# ---------------------------------------------------------------------------- referrals


def test_referral_is_sent_accepted_and_lands_on_the_timeline(
    client, case, professional, debt_help, debt_worker
):
    client.force_login(professional)
    response = _send(client, case, debt_help)
    assert response.status_code == 302 and response.url.endswith("#aanmeldingen")
    referral = Referral.objects.get()
    assert (referral.from_organisation.name, referral.status) == ("Wijkteam Delfzijl", "verstuurd")
    page = client.get(response.url.split("#")[0]).content.decode()
    assert "De aanmelding bij Schuldhulp Eemsdelta is verstuurd." in page
    assert "Wijkteam Delfzijl → Schuldhulp Eemsdelta" in page

    # The receiver: not involved yet, so no household page; the referral in its inbox.
    client.force_login(debt_worker)
    assert _household(client, case).status_code == 404
    inbox = client.get(INBOX).content.decode()
    assert 'Aanmeldingen <span class="eenplan-nav__count">1<' in inbox
    assert case.reference in inbox and "Betalingsachterstand bij de huur" in inbox
    assert "Schuldhulpverlening" in inbox and "Financiën" in inbox
    assert "Wijkteam Delfzijl" in inbox and professional.get_full_name() in inbox
    for person in _members(case)[:2]:
        assert person.full_name in inbox
    assert _members(case)[2].full_name not in inbox
    assert "12 april 1985" in inbox
    assert case.priority_question not in inbox
    assert_accessible_page(inbox)

    accepted = client.post(reverse("referrals:accept", kwargs={"referral_uuid": referral.uuid}))
    assert accepted.status_code == 302 and accepted.url == INBOX
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.ACCEPTED and referral.decided_by == debt_worker
    involvement = Involvement.objects.get(organisation=debt_help)
    assert involvement.contact == debt_worker
    assert set(involvement.persons.all()) == set(_members(case)[:2])
    after = client.get(INBOX).content.decode()
    household_url = reverse("people:household", kwargs={"household_uuid": case.household.uuid})
    assert f'<a href="{household_url}">Naar het huishouden</a>' in after
    assert 'Aanmeldingen <span class="eenplan-nav__count">' not in after

    household = _household(client, case).content.decode()
    assert "Schuldhulp Eemsdelta accepteert de aanmelding." in household
    assert "Schuldhulp Eemsdelta is betrokken: Schuldhulpverlening." in household
    assert case.priority_question in household, "the household consented to the plan"


def test_accept_with_a_colleague_as_contact(client, case, professional, debt_help, debt_worker):
    colleague = user_in(debt_help, Role.PROFESSIONAL, first_name="Fatima", last_name="El Idrissi")
    client.force_login(professional)
    _send(client, case, debt_help)
    referral = Referral.objects.get()
    client.force_login(debt_worker)
    assert "Fatima El Idrissi" in client.get(INBOX).content.decode()
    url = reverse("referrals:accept", kwargs={"referral_uuid": referral.uuid})
    bad = client.post(url, {"contact": UNKNOWN})
    assert bad.status_code == 400 and "Kies een collega uit de lijst." in bad.content.decode()
    assert client.post(url, {"contact": colleague.uuid}).status_code == 302
    assert Involvement.objects.get(organisation=debt_help).contact == colleague


def test_decline_needs_a_reason(client, case, professional, debt_help, debt_worker):
    client.force_login(professional)
    _send(client, case, debt_help)
    referral = Referral.objects.get()
    url = reverse("referrals:decline", kwargs={"referral_uuid": referral.uuid})
    client.force_login(debt_worker)

    response = client.post(url, {"decline_reason": "  "})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Vul in: waarom wijst u de aanmelding af?." in page
    assert "<title>Fout: Aanmeldingen" in page
    assert_accessible_page(page)
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.SENT and not referral.decline_reason
    assert not Involvement.objects.filter(organisation=debt_help).exists()

    response = client.post(url, {"decline_reason": "Wij hebben geen plek; probeer de Kredietbank."})
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.DECLINED
    assert not referral.consents.filter(withdrawn_at__isnull=True).exists()
    client.force_login(professional)
    sent = client.get(INBOX, {"richting": "verstuurd", "status": "afgewezen"}).content.decode()
    assert "probeer de Kredietbank" in sent


def test_deciding_twice_says_so(client, case, professional, debt_help, debt_worker):
    client.force_login(professional)
    _send(client, case, debt_help)
    referral = Referral.objects.get()
    client.force_login(debt_worker)
    client.post(reverse("referrals:accept", kwargs={"referral_uuid": referral.uuid}))
    again = client.post(
        reverse("referrals:decline", kwargs={"referral_uuid": referral.uuid}),
        {"decline_reason": "Toch niet."},
    )
    assert again.status_code == 400
    assert "Over deze aanmelding is al beslist." in again.content.decode()
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.ACCEPTED


def test_only_the_receiver_decides(client, case, professional, debt_help, outsider):
    client.force_login(professional)
    _send(client, case, debt_help)
    referral = Referral.objects.get()
    for user in (professional, outsider):
        client.force_login(user)
        for name, data in (("accept", {}), ("decline", {"decline_reason": "Nee."})):
            url = reverse(f"referrals:{name}", kwargs={"referral_uuid": referral.uuid})
            assert client.post(url, data).status_code == 404
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.SENT


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"household_consent": ""}, "household_consent", "Vink aan dat het huishouden"),
        ({"persons": []}, "persons", "Kies een of meer gezinsleden."),
        ({"persons": [UNKNOWN]}, "persons", "Kies gezinsleden uit de lijst."),
        ({"service_type": ""}, "service_type", "Kies de soort hulp."),
        ({"reason": ""}, "reason", "Vul in: reden van de aanmelding."),
        ({"categories": []}, "categories", "Kies welke gegevens gedeeld mogen worden."),
        ({"life_domains": ["maan"]}, "life_domains", "Kies uit de lijst."),
        ({"to_organisation": UNKNOWN}, "to_organisation", "Kies een organisatie uit de lijst."),
        (
            {"ground": SharingGround.YOUTH_PROTECTION, "household_consent": ""},
            "justification",
            "Onderbouw waarom deze wettelijke grondslag geldt.",
        ),
    ],
)
def test_bad_referral_input_gives_form_errors(
    client, case, professional, debt_help, overrides, field, message
):
    client.force_login(professional)
    response = _send(client, case, debt_help, **overrides)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert f'href="#aanmelding-{field}' in page
    assert "Er is niets opgeslagen." in page and 'href="#aanmeldingen"' in page
    assert not Referral.objects.exists()
    assert_accessible_page(page)


def test_referral_to_own_organisation_is_not_offered(client, case, professional, involved_org):
    client.force_login(professional)
    response = client.post(_url("referral-send", case), _referral_data(case, involved_org))
    assert response.status_code == 400
    assert "Kies een organisatie uit de lijst." in response.content.decode()


def test_referral_of_a_child_needs_a_guardian(client, case, professional, debt_help):
    child = PersonFactory(birth_date=timezone.localdate() - datetime.timedelta(days=365 * 10))
    HouseholdMember.objects.create(household=case.household, person=child)
    parent = _members(case)[0]
    client.force_login(professional)
    response = _send(client, case, debt_help, persons=[child.uuid])
    assert response.status_code == 400
    assert "Voor een kind onder de 16 geeft een ouder of voogd toestemming." in (
        response.content.decode()
    )
    assert 'href="#aanmelding-guardian"' in response.content.decode()
    assert not Referral.objects.exists()
    response = _send(client, case, debt_help, persons=[child.uuid], guardian=parent.uuid)
    assert response.status_code == 302
    consent = Referral.objects.get().consents.get()
    assert (consent.person, consent.given_by) == (child, parent)


def test_inbox_filters_and_paginates(client, involved_org, professional, debt_help, debt_worker):
    for _ in range(3):
        case = InvolvementFactory(organisation=involved_org).case
        client.force_login(professional)
        _send(client, case, debt_help)
    client.force_login(debt_worker)
    assert "3 aanmeldingen" in client.get(INBOX).content.decode()
    assert "0 aanmeldingen" in client.get(INBOX, {"status": "geaccepteerd"}).content.decode()
    assert "3 aanmeldingen" in client.get(INBOX, {"status": "alle"}).content.decode()
    assert "0 aanmeldingen" in client.get(INBOX, {"richting": "verstuurd"}).content.decode()
    bad = client.get(INBOX, {"status": "weg", "page": "x"})
    assert bad.status_code == 200 and "Kies een status uit de lijst." in bad.content.decode()


def test_inbox_of_an_outsider_is_empty(client, case, professional, debt_help, outsider):
    client.force_login(professional)
    _send(client, case, debt_help)
    client.force_login(outsider)
    page = client.get(INBOX).content.decode()
    assert "0 aanmeldingen" in page and case.reference not in page


def test_menu_counts_open_referrals_in_one_query(
    client, case, professional, debt_help, debt_worker
):
    client.force_login(professional)
    _send(client, case, debt_help)
    client.force_login(debt_worker)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("cases:my-cases")).content.decode()
    assert 'class="eenplan-nav__count">1<span class="eenplan-visually-hidden"> open</span>' in page
    counts = [q["sql"] for q in queries if "cases_referral" in q["sql"] and "COUNT" in q["sql"]]
    assert len(counts) == 1


def test_menu_has_no_referrals_for_roles_without_cases(client, involved_org):
    client.force_login(user_in(involved_org, Role.TEAM_LEADER))
    page = client.get(reverse("cases:my-cases")).content.decode()
    assert f'href="{INBOX}"' not in page


# ---------------------------------------------------------------------------- notes


def _note(client, case, text: str, audience: str):
    return client.post(_url("note-add", case), {"text": text, "audience": audience})


def test_notes_reach_their_audience_only(client, case, professional, involved_org, partner):
    partner_org, partner_user = partner
    InvolvementFactory(case=case, organisation=partner_org)
    known_org = OrganisationFactory(name="Politie")
    InvolvementFactory(case=case, organisation=known_org, consent=False)
    officer = user_in(known_org)
    coordinator = user_in(partner_org, Role.COORDINATOR)
    case.coordinator, case.coordinator_organisation = coordinator, partner_org
    case.save()

    client.force_login(professional)
    assert (
        _note(client, case, "Alleen voor ons team.", NoteAudience.OWN_ORGANISATION).status_code
        == 302
    )
    assert (
        _note(client, case, "Voor iedereen met toestemming.", NoteAudience.INVOLVED).status_code
        == 302
    )
    assert (
        _note(client, case, "Alleen voor de regisseur.", NoteAudience.COORDINATOR).status_code
        == 302
    )
    own_page = _household(client, case).content.decode()
    assert "Alleen voor ons team." in own_page and "Voor: alleen mijn organisatie" in own_page
    assert "Alleen voor de regisseur." in own_page, "the author reads their own note"
    assert "Notitie van Wijkteam Delfzijl voor: alleen de regisseur." in own_page  # timeline

    seen = {}
    for user in (partner_user, officer, coordinator):
        client.force_login(user)
        seen[user.username] = _household(client, case).content.decode()
    partner_page, officer_page, coordinator_page = seen.values()
    assert "Voor iedereen met toestemming." in partner_page
    assert "Alleen voor ons team." not in partner_page
    assert "Alleen voor de regisseur." not in partner_page
    assert "Voor iedereen met toestemming." not in officer_page, "no consent for notes"
    assert "Alleen voor de regisseur." in coordinator_page
    # The timeline says that a note exists, never what it says.
    assert Note.objects.count() == 3
    assert "Alleen voor ons team." not in partner_page


def test_bad_note_input_gives_form_errors(client, case, professional):
    client.force_login(professional)
    empty = _note(client, case, "", NoteAudience.INVOLVED)
    assert empty.status_code == 400 and "Vul in: notitie." in empty.content.decode()
    no_coordinator = _note(client, case, "Voor de regisseur", NoteAudience.COORDINATOR)
    assert no_coordinator.status_code == 400
    assert "Kies wie de notitie mag lezen." in no_coordinator.content.decode()
    assert_accessible_page(no_coordinator.content.decode())
    assert not Note.objects.exists()


# ---------------------------------------------------------------------------- coordinator


def test_proposing_and_agreeing_a_coordinator(client, case, professional, involved_org, partner):
    partner_org, partner_user = partner
    InvolvementFactory(case=case, organisation=partner_org)
    candidate = user_in(involved_org, Role.COORDINATOR, first_name="Ineke", last_name="Smit")

    client.force_login(professional)
    page = _household(client, case).content.decode()
    assert "Regisseur voorstellen" in page and "Ineke Smit" in page
    response = client.post(
        _url("propose", case),
        {
            "organisation": involved_org.uuid,
            "coordinator": candidate.uuid,
            "motivation": "Het gezin kent Ineke al.",
        },
    )
    assert response.status_code == 302 and response.url.endswith("#regisseur")
    proposal = CoordinatorProposal.objects.get()
    own_view = _household(client, case).content.decode()
    assert "Voorgesteld als regisseur: Ineke Smit" in own_view
    agree_url = _url("proposal-agree", case, proposal_uuid=proposal.uuid)
    assert agree_url not in own_view, "the proposer does not agree to their own proposal"

    client.force_login(partner_user)
    assert agree_url in _household(client, case).content.decode()
    refused = client.post(agree_url, {})
    assert refused.status_code == 400
    assert "Vink aan dat het huishouden instemt met deze regisseur." in refused.content.decode()
    assert_accessible_page(refused.content.decode())
    assert client.post(agree_url, {"household_agreed": "on"}).status_code == 302
    case.refresh_from_db()
    proposal.refresh_from_db()
    assert (case.coordinator, case.coordinator_organisation) == (candidate, involved_org)
    assert (proposal.status, proposal.agreed_by) == (ProposalStatus.AGREED, partner_user)
    page = _household(client, case).content.decode()
    assert "Regisseur vastgelegd" in page and "Overdracht voorstellen" in page
    assert "met instemming van het huishouden" in page


def test_proposal_withdrawn_by_the_proposer(client, case, professional, involved_org):
    candidate = user_in(involved_org, Role.COORDINATOR)
    client.force_login(professional)
    client.post(
        _url("propose", case), {"organisation": involved_org.uuid, "coordinator": candidate.uuid}
    )
    proposal = CoordinatorProposal.objects.get()
    url = _url("proposal-withdraw", case, proposal_uuid=proposal.uuid)
    assert client.post(url).status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.WITHDRAWN
    assert client.post(url).status_code == 404, "no longer open"


def test_professional_of_another_organisation_is_a_form_error(
    client, case, professional, involved_org, partner
):
    partner_org, partner_user = partner
    InvolvementFactory(case=case, organisation=partner_org)
    client.force_login(professional)
    response = client.post(
        _url("propose", case),
        {"organisation": involved_org.uuid, "coordinator": partner_user.uuid},
    )
    assert response.status_code == 400
    assert "Kies een professional van de gekozen organisatie." in response.content.decode()
    not_involved = client.post(
        _url("propose", case),
        {"organisation": OrganisationFactory().uuid, "coordinator": partner_user.uuid},
    )
    assert not_involved.status_code == 400
    assert "Kies een organisatie uit de lijst." in not_involved.content.decode()
    assert not CoordinatorProposal.objects.exists()


def test_professionals_of_the_chosen_organisation_for_htmx(
    client, case, professional, involved_org, partner
):
    partner_org, partner_user = partner
    InvolvementFactory(case=case, organisation=partner_org)
    client.force_login(professional)
    url = _url("professionals", case)
    narrowed = client.get(url, {"organisation": partner_org.uuid}, HTTP_HX_REQUEST="true")
    assert narrowed.status_code == 200
    html = narrowed.content.decode()
    assert html.lstrip().startswith("<select") and 'id="regisseur-coordinator"' in html
    assert partner_user.get_full_name() in html and professional.get_full_name() not in html
    everyone = client.get(url, {"organisation": "onzin"}).content.decode()
    assert partner_user.get_full_name() in everyone and professional.get_full_name() in everyone


# ---------------------------------------------------------------------------- escalation


def test_coordinator_escalates_with_a_decision(client, case, involved_org):
    coordinator = user_in(involved_org, Role.COORDINATOR)
    case.coordinator, case.coordinator_organisation = coordinator, involved_org
    case.save()
    client.force_login(coordinator)
    assert 'name="decision"' in _household(client, case).content.decode()
    response = client.post(
        _url("escalate", case),
        {
            "level": "5",
            "reason": "Woningcorporatie en schuldhulp komen er samen niet uit.",
            "decision": "De gemeente betaalt de huurachterstand; ontruiming gaat niet door.",
        },
    )
    assert response.status_code == 302 and response.url.endswith("#opschaling")
    case.refresh_from_db()
    assert case.escalation_level == 5
    assert case.escalation_decision.startswith("De gemeente betaalt")
    page = _household(client, case).content.decode()
    assert "5 — gemeente (doorzettingsmacht)" in page
    assert "ontruiming gaat niet door" in page


def test_municipality_staff_may_record_a_decision(client, case):
    municipality = OrganisationFactory(
        name="Gemeente Eemsdelta", type=OrganisationType.MUNICIPALITY
    )
    InvolvementFactory(case=case, organisation=municipality)
    officer = user_in(municipality, Role.MUNICIPAL_OFFICER)
    client.force_login(officer)
    assert 'name="decision"' in _household(client, case).content.decode()
    response = client.post(
        _url("escalate", case), {"level": "5", "reason": "Vast.", "decision": "Besluit."}
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.escalation_decision == "Besluit."


def test_professional_escalates_without_a_decision(client, case, professional):
    client.force_login(professional)
    assert 'name="decision"' not in _household(client, case).content.decode()
    response = client.post(
        _url("escalate", case),
        {"level": "3", "reason": "Twee organisaties willen allebei de regie.", "decision": "x"},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.escalation_level, case.escalation_decision) == (3, "")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"level": "3", "reason": ""}, "Schrijf op waarom de casus wordt opgeschaald."),
        ({"level": "9", "reason": "x"}, "Kies een niveau van 1 tot en met 5."),
        ({"level": "twee"}, "Kies een niveau van 1 tot en met 5."),
        ({}, "Kies een niveau."),
    ],
)
def test_bad_escalation_input_gives_form_errors(client, case, professional, data, message):
    client.force_login(professional)
    response = client.post(_url("escalate", case), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    case.refresh_from_db()
    assert case.escalation_level == 1


# ---------------------------------------------------------------------------- access


def test_outsider_gets_404_on_every_case_url(client, case, professional, involved_org, outsider):
    candidate = user_in(involved_org, Role.COORDINATOR)
    client.force_login(professional)
    client.post(
        _url("propose", case), {"organisation": involved_org.uuid, "coordinator": candidate.uuid}
    )
    proposal = CoordinatorProposal.objects.get()
    consent = case.consents.get()
    posts = {
        _url("consent-record", case): {},
        _url("consent-withdraw", case, consent_uuid=consent.uuid): {},
        _url("referral-send", case): {},
        _url("note-add", case): {"text": "x", "audience": NoteAudience.OWN_ORGANISATION},
        _url("propose", case): {},
        _url("proposal-agree", case, proposal_uuid=proposal.uuid): {"household_agreed": "on"},
        _url("proposal-withdraw", case, proposal_uuid=proposal.uuid): {},
        _url("escalate", case): {"level": "5", "reason": "x"},
    }
    client.force_login(outsider)
    for url, data in posts.items():
        assert client.post(url, data).status_code == 404, url
    assert client.get(_url("professionals", case)).status_code == 404
    assert (
        client.get(_url("professionals", case).replace(str(case.uuid), UNKNOWN)).status_code == 404
    )
    case.refresh_from_db()
    assert case.escalation_level == 1 and case.coordinator is None
    assert not Note.objects.exists()


def test_pages_require_login(client, case):
    for url in (INBOX, _url("professionals", case)):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_household_page_with_network_is_accessible(
    client, case, professional, debt_help, involved_org, partner
):
    partner_org, partner_user = partner
    InvolvementFactory(case=case, organisation=partner_org)
    client.force_login(professional)
    _send(client, case, debt_help)
    _note(client, case, "Een notitie.", NoteAudience.INVOLVED)
    client.post(
        _url("propose", case), {"organisation": partner_org.uuid, "coordinator": partner_user.uuid}
    )
    client.force_login(partner_user)
    page = _household(client, case).content.decode()
    for heading in (
        "Regisseur",
        "Toestemming en grondslag",
        "Aanmeldingen",
        "Notities",
        "Opschaling",
    ):
        assert f">{heading}</h2>" in page
    assert_accessible_page(page)
