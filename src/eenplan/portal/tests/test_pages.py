"""The portal's pages through the test client: what a household member sees and does in Mijn
EenPlan, and that nothing of another household can be reached or changed from there.

The family (``conftest.family``): mother Anna and father Bram, Cas (12) and Dewi (17), a case
with a draft plan, an action for each parent, the coordinator's team (legal basis) and GGZ Noord
(on consent of the mother, Cas and Dewi)."""

import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from eenplan.cases.constants import DataCategory
from eenplan.cases.models import Case, Consent
from eenplan.cases.tests.factories import CaseFactory, InvolvementFactory
from eenplan.complaints.models import Complaint
from eenplan.people.models import HouseholdMember, NetworkMember
from eenplan.people.tests.factories import HouseholdFactory, PersonFactory
from eenplan.plans.constants import ActionStatus, AgreementMethod, OwnerKind
from eenplan.plans.models import Goal, PlanVersion
from eenplan.plans.tests.factories import ActionFactory, GoalFactory, PlanFactory
from eenplan.portal import services
from eenplan.portal.constants import ProposalKind, ProposalStatus
from eenplan.portal.models import Feedback, HiddenItem, Message, Proposal
from eenplan.privacy import policy
from eenplan.privacy.constants import Action as LogAction
from eenplan.privacy.services import access_log_write
from eenplan.tenancy.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def page(client, name: str, *args, **kwargs):
    response = client.get(reverse(f"portal:{name}", args=args), **kwargs)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def log_in(client, family, person):
    user = family.account(person)
    client.force_login(user)
    return user


@pytest.fixture
def mother(client, family):
    return log_in(client, family, family.mother)


def _adult_born() -> datetime.date:
    return timezone.localdate().replace(year=timezone.localdate().year - 40)


@pytest.fixture
def other_household():
    """Another family's case with a plan, an action and an organisation helping one member."""
    case = CaseFactory(household__members=2)
    member = case.household.members.order_by("pk").first()
    goal = GoalFactory(plan=PlanFactory(case=case), title="Ander doel")
    action = ActionFactory(
        goal=goal,
        description="Actie van een ander gezin",
        owner_kind=OwnerKind.HOUSEHOLD_MEMBER,
        owner_person=member,
        owner_organisation=None,
    )
    involvement = InvolvementFactory(case=case, persons=[member])
    return case, action, involvement


# ---------------------------------------------------------------------- my plan


def test_home_shows_the_plan_without_what_another_member_hid(client, family, mother):
    father = family.account(family.father)
    services.item_hide(user=father, case=family.case, action=family.fathers_action)
    html = page(client, "home")
    assert "Rust in huis" in html and "Belt de schuldhulp" in html
    assert "Gaat naar de huisarts" not in html
    assert "Wijkteam Oost" in html and "GGZ Noord" in html
    assert "Afvinken" in html and "Verberg voor huisgenoten" in html  # her own action
    assert "Ik ga akkoord met dit plan" in html and "Concept" in html
    assert 'aria-current="page"' in html


def test_agreeing_on_the_page_records_a_digital_version(client, family, mother):
    response = client.post(
        reverse("portal:plan-agree", args=[family.case.uuid]),
        {"revision": family.plan.revision},
        follow=True,
    )
    version = PlanVersion.objects.get(plan=family.plan)
    assert version.agreement_method == AgreementMethod.DIGITAL
    assert list(version.agreed_by.all()) == [family.mother]
    html = response.content.decode()
    assert "U heeft ingestemd met versie 1" in html
    assert "Ik ga akkoord met dit plan" not in html
    assert "Welk cijfer geeft u" in html  # feedback opens once a version exists


def test_feedback_on_the_page_shows_errors_and_the_mark_given(client, family, mother):
    services.plan_agree(user=mother, case=family.case, revision=family.plan.revision)
    url = reverse("portal:feedback", args=[family.case.uuid])
    response = client.post(url, {"score": "11"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Er is iets niet goed ingevuld" in html and "Kies een cijfer van 1 tot en met 10" in html
    assert not Feedback.objects.exists()
    client.post(url, {"score": "8", "comment": "Fijn"})
    assert Feedback.objects.get().score == 8
    assert "U gaf een <strong>8</strong>" in page(client, "home")


def test_a_member_ticks_an_own_action_and_not_another_members(client, family, mother):
    response = client.post(
        reverse("portal:action-tick", args=[family.mothers_action.uuid]), {"on": "ja"}
    )
    assert response.status_code == 302
    family.mothers_action.refresh_from_db()
    assert family.mothers_action.status == ActionStatus.DONE
    assert "Toch nog niet klaar" in page(client, "home")

    response = client.post(
        reverse("portal:action-tick", args=[family.fathers_action.uuid]),
        {"on": "ja"},
        follow=True,
    )
    assert "U kunt alleen uw eigen acties afvinken." in response.content.decode()
    family.fathers_action.refresh_from_db()
    assert family.fathers_action.status == ActionStatus.OPEN


def test_a_member_hides_an_own_action_and_shows_it_again(client, family, mother):
    url = reverse("portal:action-hide", args=[family.mothers_action.uuid])
    client.post(url, {"on": "ja"})
    assert HiddenItem.objects.filter(person=family.mother, action=family.mothers_action).exists()
    assert "Toon weer" in page(client, "home")
    client.post(url, {"on": "nee"})
    assert not HiddenItem.objects.exists()


def test_an_organisation_that_helps_only_me_can_be_hidden(client, family, mother):
    involvement = InvolvementFactory(
        case=family.case,
        organisation=OrganisationFactory(name="Schuldhulp Noord"),
        persons=[family.mother],
    )
    html = page(client, "home")
    assert "Schuldhulp Noord" in html
    assert reverse("portal:involvement-hide", args=[involvement.uuid]) in html
    client.post(reverse("portal:involvement-hide", args=[involvement.uuid]), {"on": "ja"})
    assert HiddenItem.objects.filter(person=family.mother, involvement=involvement).exists()
    log_in(client, family, family.father)
    assert "Schuldhulp Noord" not in page(client, "home")


# ---------------------------------------------------------------------- proposals


def test_proposals_from_the_page_wait_for_the_coordinator(client, family, mother):
    url = reverse("portal:propose", args=[family.case.uuid])
    html = page(client, "propose", family.case.uuid)
    assert "Uw regisseur bespreekt uw voorstel met u en zet het in het plan." in html
    goals_before = Goal.objects.count()
    strengths_before = family.plan.strengths

    client.post(
        url,
        {
            "soort": "doel",
            "doel-life_domain": "werk_opleiding",
            "doel-text": "Werk vinden",
            "doel-detail": "Vier dagen per week",
        },
    )
    client.post(url, {"soort": "sterkte", "sterkte-text": "We eten elke avond samen"})
    response = client.post(
        url,
        {
            "soort": "netwerklid",
            "netwerklid-text": "Buurvrouw Els",
            "netwerklid-network_kind": "buur",
            "netwerklid-relationship": "buurvrouw",
            "netwerklid-phone": "0612345678",
            "netwerklid-detail": "Past op Cas op woensdag",
        },
        follow=True,
    )
    assert "Uw regisseur bespreekt uw voorstel met u" in response.content.decode()
    proposals = Proposal.objects.filter(case=family.case)
    assert {(p.kind, p.status) for p in proposals} == {
        (ProposalKind.GOAL, ProposalStatus.OPEN),
        (ProposalKind.STRENGTH, ProposalStatus.OPEN),
        (ProposalKind.NETWORK_MEMBER, ProposalStatus.OPEN),
    }
    assert Goal.objects.count() == goals_before and not NetworkMember.objects.exists()
    family.plan.refresh_from_db()
    assert family.plan.strengths == strengths_before
    assert "Buurvrouw Els" in page(client, "home")  # listed with its status, not in the plan


def test_an_incomplete_proposal_shows_its_errors(client, family, mother):
    response = client.post(
        reverse("portal:propose", args=[family.case.uuid]),
        {"soort": "netwerklid", "netwerklid-text": ""},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Er is iets niet goed ingevuld" in html
    assert 'href="#id_netwerklid-text"' in html and "Kies wie deze persoon is." in html
    assert not Proposal.objects.exists()


# ---------------------------------------------------------------------- consent


def _consent_post(case, organisation, person, **extra) -> dict:
    return {
        "case": case.uuid,
        "organisation": organisation.uuid,
        "person": person.uuid,
        **extra,
    }


def _plan_visible(user, case) -> bool:
    rule = policy.case_content_visibility(user, DataCategory.PLAN)
    return Case.objects.filter(rule, pk=case.pk).exists()


def test_withdrawing_consent_on_the_page_takes_effect_at_once(client, family, mother):
    assert _plan_visible(family.ggz_worker, family.case)
    url = reverse("portal:consents")
    for person in (family.mother, family.young):
        response = client.post(
            url, _consent_post(family.case, family.ggz, person, intrekken="ja"), follow=True
        )
        html = response.content.decode()
        assert "Dit geldt meteen." in html
        # Dewi's own consent still opens the household's plan, and the page says so.
        assert "GGZ Noord mag het plan van uw gezin nog wel zien" in html
    withdrawn = Consent.objects.filter(person__in=[family.mother, family.young])
    assert all(consent.withdrawn_at for consent in withdrawn)

    # Dewi (17) decides about her own consent, in her own session.
    log_in(client, family, family.teen)
    response = client.post(
        url, _consent_post(family.case, family.ggz, family.teen, intrekken="ja"), follow=True
    )
    assert "GGZ Noord ziet alleen nog dat u bekend bent" in response.content.decode()
    assert not _plan_visible(family.ggz_worker, family.case)
    assert Case.objects.filter(
        policy.case_visibility(family.ggz_worker), pk=family.case.pk
    ).exists()


def test_changing_the_categories_keeps_only_those(client, family, mother):
    response = client.post(
        reverse("portal:consents"),
        _consent_post(family.case, family.ggz, family.mother, categories=["contactgegevens"]),
        follow=True,
    )
    assert "GGZ Noord mag nu dit zien: adres, telefoon en e-mail." in response.content.decode()
    [active] = Consent.objects.active().filter(person=family.mother, organisation=family.ggz)
    assert active.categories == [DataCategory.CONTACT]


def test_a_parent_sees_the_young_childs_consent_not_the_teens(client, family, mother):
    html = page(client, "consents")
    assert "Over uzelf" in html and "Over uw kind Cas" in html
    assert "Dewi" not in html
    assert "Deze organisatie mag dit door de wet (grondslag)" in html  # the team's legal basis
    response = client.post(
        reverse("portal:consents"),
        _consent_post(family.case, family.ggz, family.teen, intrekken="ja"),
    )
    assert response.status_code == 404
    assert Consent.objects.active().filter(person=family.teen).count() == 1


# ---------------------------------------------------------------------- access log, export


def test_the_access_log_page_lists_professional_reads_not_own_ones(client, family, mother):
    page(client, "home")  # her own read
    access_log_write(
        actor=family.ggz_worker,
        action=LogAction.READ,
        name="klantbeeld inzien",
        subjects=[(family.case, family.mother)],
    )
    html = page(client, "access-log")
    assert "GGZ Noord" in html and "Klantbeeld inzien" in html
    assert "Anna de Vries" in html
    assert "eigen plan inzien" not in html.lower()


def test_the_access_log_page_shows_50_entries_a_page(client, family, mother):
    for number in range(60):
        access_log_write(
            actor=family.ggz_worker,
            action=LogAction.READ,
            name=f"dossier inzien {number}",
            subjects=[(family.case, family.mother)],
        )
    first = page(client, "access-log")
    assert first.count("<tr>") == 51 and "Volgende pagina" in first  # a header row and 50
    second = client.get(reverse("portal:access-log"), {"pagina": 2}).content.decode()
    assert second.count("<tr>") == 11 and "Vorige pagina" in second


def test_the_export_holds_own_data_only(client, family, mother):
    response = client.get(reverse("portal:export-json"))
    assert response["Content-Disposition"] == 'attachment; filename="mijn-gegevens.json"'
    text = response.content.decode()
    data = json.loads(text)
    assert data["persoon"]["bsn"] == family.mother.bsn
    assert "Belt de schuldhulp" in text
    assert family.father.bsn not in text and "Bram" not in text
    assert "Gaat naar de huisarts" not in text

    response = client.get(reverse("portal:export-pdf"))
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"] == 'attachment; filename="mijn-gegevens.pdf"'
    assert "download.json" in page(client, "export")


# ---------------------------------------------------------------------- messages


def test_the_messages_page_shows_the_thread_and_marks_it_read(client, family, mother):
    services.message_send(user=family.coordinator, case=family.case, body="Dinsdag om 10 uur")
    html = page(client, "messages")
    assert "Dinsdag om 10 uur" in html and "Nieuw" in html
    assert Message.objects.get().read_at is not None
    response = client.post(reverse("portal:message-send", args=[family.case.uuid]), {"body": ""})
    assert response.status_code == 400 and "Schrijf een bericht." in response.content.decode()


# ---------------------------------------------------------------------- boundaries


def test_another_households_objects_are_not_found_on_every_post(
    client, family, mother, other_household
):
    case, action, involvement = other_household
    posts = [
        ("plan-agree", case.uuid, {"revision": "0"}),
        ("feedback", case.uuid, {"score": "7"}),
        ("propose", case.uuid, {"soort": "sterkte", "sterkte-text": "Iets"}),
        ("message-send", case.uuid, {"body": "Hallo"}),
        ("complaint", case.uuid, {"kind": "klacht", "description": "Iets"}),
        ("action-tick", action.uuid, {"on": "ja"}),
        ("action-hide", action.uuid, {"on": "ja"}),
        ("involvement-hide", involvement.uuid, {"on": "ja"}),
    ]
    for name, key, data in posts:
        assert client.post(reverse(f"portal:{name}", args=[key]), data).status_code == 404, name
    organisation = involvement.organisation
    person = involvement.persons.get()
    response = client.post(
        reverse("portal:consents"), _consent_post(case, organisation, person, intrekken="ja")
    )
    assert response.status_code == 404
    assert client.get(reverse("portal:propose", args=[case.uuid])).status_code == 404
    assert client.get(reverse("portal:complaint", args=[case.uuid])).status_code == 404

    assert not PlanVersion.objects.exists()
    for model in (Feedback, Proposal, Message, Complaint, HiddenItem):
        assert not model.objects.exists(), model
    action.refresh_from_db()
    assert action.status == ActionStatus.OPEN
    assert Consent.objects.active().filter(case=case).count() == 1


def test_every_page_renders_for_a_citizen_without_a_case(client):
    household = HouseholdFactory(name="Familie Jansen")
    person = PersonFactory(given_names="Eva", birth_date=_adult_born())
    HouseholdMember.objects.create(household=household, person=person, is_contact=True)
    client.force_login(
        services.citizen_account_create(person=person, username="eva", password=None).user
    )
    assert "Er is nog geen plan voor uw gezin" in page(client, "home")
    assert "nog geen regisseur" in page(client, "messages")
    assert "geen organisaties die u helpen" in page(client, "consents")
    assert "nog niemand anders" in page(client, "access-log")
    assert "U heeft geen klachten of bezwaren" in page(client, "complaints")
    page(client, "export")
    assert json.loads(client.get(reverse("portal:export-json")).content)["casussen"] == []
    assert client.get(reverse("portal:export-pdf")).content.startswith(b"%PDF")


def test_a_professional_reaches_none_of_these_pages(client, family):
    client.force_login(family.coordinator)
    for name in ("home", "messages", "consents", "access-log", "export", "complaints"):
        assert client.get(reverse(f"portal:{name}")).status_code == 404
