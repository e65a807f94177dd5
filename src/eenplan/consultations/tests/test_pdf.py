"""The minutes as PDF: the same rule as the meeting page, and the access log."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from eenplan.consultations import services
from eenplan.consultations.constants import DecisionKind, PolicyTheme
from eenplan.consultations.tests.test_views import agree, members
from eenplan.privacy.models import AccessLogEntry

pytestmark = pytest.mark.django_db


def pdf_url(meeting) -> str:
    return reverse("consultations:minutes-pdf", kwargs={"consultation_uuid": meeting.uuid})


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def minutes(item, professional):
    """A discussed item: summary, decision, an agreement and a policy signal."""
    services.minutes_record(actor=professional, item=item, summary="Schuldhulp start deze week.")
    services.decision_record(
        actor=professional, item=item, kind=DecisionKind.OTHER, text="Bewindvoering onderzoeken."
    )
    agree(item, professional, description="Budgetplan maken")
    services.policy_signal_raise(
        actor=professional,
        consultation=item.consultation,
        theme=PolicyTheme.WAITING_LISTS,
        title="Wachtlijst schuldhulp",
        description="Gezinnen wachten drie maanden.",
    )
    return item


def test_the_minutes_pdf_shows_the_content_to_a_reader_with_consent(
    client, minutes, professional, case
):
    client.force_login(professional)
    response = client.get(pdf_url(minutes.consultation))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"
    text = pdf_text(response.content)
    for shown in (
        "Verslag",
        minutes.consultation.title,
        case.reference,
        minutes.question,
        case.household.name,
        members(case)[0].full_name,  # consent given by, and owner of the agreement
        "Schuldhulp start deze week.",
        "Bewindvoering onderzoeken.",
        "Budgetplan maken",
        "Wachtlijst schuldhulp",
    ):
        assert shown in text, shown
    assert AccessLogEntry.objects.filter(actor=professional, name="overleg bekijken").exists()


@pytest.mark.parametrize("who", ["partner", "known_level_user"])
def test_the_minutes_pdf_hides_the_content_without_consent(client, request, minutes, case, who):
    reader = request.getfixturevalue(who)
    client.force_login(reader)
    response = client.get(pdf_url(minutes.consultation))
    assert response.status_code == 200
    text = pdf_text(response.content)
    assert case.reference in text and minutes.question in text
    assert "geen toestemming voor de" in text
    for hidden in (
        case.household.name,
        "Schuldhulp start",
        "Bewindvoering",
        "Budgetplan",
        members(case)[0].surname,
    ):
        assert hidden not in text, hidden
    assert not AccessLogEntry.objects.filter(actor=reader).exists()


def test_the_minutes_pdf_is_a_404_outside_the_meeting(client, minutes, outsider):
    client.force_login(outsider)
    assert client.get(pdf_url(minutes.consultation)).status_code == 404
