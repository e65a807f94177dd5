"""'Ons plan' as PDF: who may download it, and that it shows what was agreed, readably."""

import datetime
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from eenplan.plans import services
from eenplan.plans.constants import AgreementMethod, OwnerKind
from eenplan.plans.pdf import Contact, long_date, render_plan_pdf
from eenplan.plans.tests.factories import ActionFactory, GoalFactory, PlanFactory
from eenplan.privacy.models import AccessLogEntry
from eenplan.tenancy.constants import Role
from eenplan.tenancy.tests.factories import user_in

pytestmark = pytest.mark.django_db

DASH, APOSTROPHE = "\u2013", "\u2019"  # en dash and typographic apostrophe: both in WinAnsi
PRIORITY = f"Wij willen rust in huis {DASH} en geen schulden meer."
CAFES = f"café{APOSTROPHE}s"


def pdf_url(case, number: int = 1) -> str:
    return reverse("plans:version-pdf", kwargs={"case_uuid": case.uuid, "number": number})


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def agreed(case, professional, involved_org):
    """Version 1 of a plan, agreed by the contact person, with a coordinator on the case."""
    coordinator = user_in(involved_org, Role.COORDINATOR, first_name="Rian", last_name="Regie")
    coordinator.phone = "0596-111111"
    coordinator.save()
    case.coordinator, case.coordinator_organisation = coordinator, involved_org
    case.household.name = "Familie Çelik-Ünal"
    case.household.save()
    case.priority_question = PRIORITY
    case.save()
    plan = PlanFactory(case=case, strengths=f"De kinderen zijn dol op {CAFES}.")
    goal = GoalFactory(plan=plan, title="Financiën op orde: € 50 per week sparen")
    contact = case.household.memberships.get(is_contact=True).person
    ActionFactory(
        goal=goal,
        description="Samen de post openen",
        owner_person=contact,
        due_date=datetime.date(2026, 10, 1),
    )
    ActionFactory(
        goal=goal,
        description="Budgetplan maken",
        owner_kind=OwnerKind.ORGANISATION,
        owner_person=None,
        owner_organisation=involved_org,
    )
    plan.refresh_from_db()
    version = services.plan_agree(
        actor=professional,
        plan=plan,
        revision=plan.revision,
        agreed_by=[contact],
        method=AgreementMethod.ON_PAPER,
        agreed_on=datetime.date(2026, 3, 2),
    )
    return version


def test_pdf_shows_the_agreed_plan(client, case, agreed, professional):
    client.force_login(professional)
    response = client.get(pdf_url(case))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"
    text = pdf_text(response.content)
    contact = case.household.memberships.get(is_contact=True).person
    for expected in (
        "Ons plan",
        "Familie Çelik-Ünal",
        "Versie 1, vastgesteld op 2 maart 2026",
        PRIORITY,
        "Financiën op orde: € 50 per week sparen",
        "Samen de post openen",
        contact.full_name,
        "1 oktober 2026",
        "Budgetplan maken",
        "Wijkteam Delfzijl",
        "Rian Regie",
        "0596-111111",
        "op papier getekend",
        "Handtekening",
        f"{contact.full_name} (gezin)",
        "Rian Regie (regisseur)",
        CAFES,
    ):
        assert expected in text, expected


def test_pdf_shows_the_agreed_content_not_later_draft_changes(client, case, agreed, professional):
    goal = agreed.plan.goals.get()
    services.goal_update(
        actor=professional,
        goal=goal,
        lock_version=goal.lock_version,
        life_domain=goal.life_domain,
        title="Een later concept-doel",
    )
    plan = agreed.plan
    plan.refresh_from_db()
    assert plan.is_draft and plan.version_number == 2
    client.force_login(professional)
    text = pdf_text(client.get(pdf_url(case)).content)
    assert "Financiën op orde" in text and "Een later concept-doel" not in text
    assert client.get(pdf_url(case, 2)).status_code == 404


def test_pdf_is_404_for_outsider(client, case, agreed, outsider):
    client.force_login(outsider)
    response = client.get(pdf_url(case))
    assert response.status_code == 404
    assert b"%PDF" not in response.content
    assert not AccessLogEntry.objects.filter(actor=outsider).exists()


def test_pdf_download_is_access_logged(client, case, agreed, professional):
    client.force_login(professional)
    client.get(pdf_url(case))
    assert AccessLogEntry.objects.filter(case_uuid=case.uuid, actor=professional).exists()


def test_render_plan_pdf_writes_characters_outside_winansi_plainly(agreed):
    agreed.content = {
        **agreed.content,
        "household": "Familie Łukasiewicz",
        "concerns": "Zorgen over de ĳzeren deur 🙂",
        "goals": [],
        "other_questions": ["Werk voor moeder"],
        "evaluation_date": "2026-12-01",
    }
    contacts = [Contact(role="Contactpersoon", organisation="Schuldhulp Noord", name="")]
    text = pdf_text(render_plan_pdf(version=agreed, contacts=contacts))
    assert "Familie Lukasiewicz" in text
    assert "ijzeren deur ?" in text
    assert "Er zijn nog geen doelen." in text and "Werk voor moeder" in text
    assert "1 december 2026" in text and "Schuldhulp Noord" in text and "Niet bekend" in text
    assert "■" not in text


def test_long_date_is_dutch():
    assert long_date(datetime.date(2026, 5, 1)) == "1 mei 2026"
    assert long_date("2026-12-31") == "31 december 2026"
    assert long_date("") == ""
