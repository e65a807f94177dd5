"""The letters of a complaint or objection: plain Dutch, the dates the citizen relies on, and
the article of the Awb that allows a postponement or opens the next step."""

import datetime
import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from eenplan.common.deadlines import weeks_after
from eenplan.complaints import services
from eenplan.complaints.constants import Channel, Kind, Outcome, StepKind
from eenplan.complaints.letters import render_letter
from eenplan.plans.pdf import long_date

pytestmark = pytest.mark.django_db


def text_of(step) -> str:
    reader = PdfReader(io.BytesIO(render_letter(step)))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def formal(world, **fields):
    values = {
        "case": world.case,
        "person": world.family.mother,
        "kind": Kind.COMPLAINT,
        "description": "Niemand belde terug.",
        "channel": Channel.LETTER,
        "received_on": timezone.localdate(),
    }
    complaint = services.complaint_register(actor=world.family.coordinator, **values | fields)
    services.formal_start(
        actor=complaint.handler, complaint=complaint, reason="De inwoner wil een besluit."
    )
    return complaint


def test_the_letters_of_an_objection(world):
    # Made known 1 April 2026: the objection period ended 13 May, the decision is due 24 June.
    objection = formal(
        world, kind=Kind.OBJECTION, decision=world.refusal, received_on=datetime.date(2026, 5, 1)
    )
    handler = objection.handler

    text = text_of(services.acknowledge(actor=handler, complaint=objection))
    assert "Wij hebben uw bezwaar ontvangen" in text
    assert "Beste Anna de Vries" in text and objection.reference in text
    assert "Op 1 mei 2026 kregen wij uw bezwaar." in text
    assert "ons besluit van 1 april 2026 over" in text
    assert "uiterlijk op 24 juni 2026" in text
    assert "belt u eerst" in text

    text = text_of(services.extend(actor=handler, complaint=objection, weeks=6, reason="Advies."))
    assert "Wij hebben meer tijd nodig" in text and "6 weken" in text
    assert "uiterlijk op 5 augustus 2026" in text
    assert "artikel 7:10 lid 3" in text

    further = services.extend(
        actor=handler, complaint=objection, weeks=2, reason="Nog een arts.", with_consent=True
    )
    text = text_of(further)
    assert "uiterlijk op 19 augustus 2026" in text
    assert "artikel 7:10 lid 4" in text and "omdat u ermee instemt" in text

    decided = services.decide(
        actor=handler,
        complaint=objection,
        outcome=Outcome.UNFOUNDED,
        reasons="Met een tweede leuning kunt u de trap veilig op.",
    )
    text = text_of(decided)
    assert "Beslissing op uw bezwaar" in text
    assert "Uw bezwaar is ongegrond." in text and "tweede leuning" in text
    assert "beroep instellen bij de rechtbank" in text
    assert f"uiterlijk op {long_date(weeks_after(decided.occurred_on, 6))}" in text
    assert "artikel 6:7 en artikel 8:1" in text
    assert "college van burgemeester en wethouders" in text


def test_a_complaint_decided_by_the_municipality_points_to_the_ombudsman(world):
    complaint = formal(world)
    decided = services.decide(
        actor=complaint.handler,
        complaint=complaint,
        outcome=Outcome.UNFOUNDED,
        reasons="De afspraak is op tijd afgezegd.",
    )
    text = text_of(decided)
    assert "Nationale ombudsman" in text and "9:12 lid 2" in text


def test_the_invitation_to_be_heard(world):
    complaint = formal(world)
    day = timezone.localdate() + datetime.timedelta(days=8)
    at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(14, 30)))

    step = services.hearing_plan(
        actor=complaint.handler, complaint=complaint, at=at, place="Stadhuis, kamer 2"
    )

    text = text_of(step)
    assert "Uitnodiging voor een gesprek" in text
    assert f"{long_date(day)} om 14:30 uur" in text
    assert "Stadhuis, kamer 2" in text
    assert "U mag iemand meenemen" in text


def test_a_complaint_handled_by_the_organisation_it_is_about(world):
    complaint = formal(world, organisations=[world.family.ggz])
    assert complaint.handler == world.ggz_handler

    decided = services.decide(
        actor=world.ggz_handler,
        complaint=complaint,
        outcome=Outcome.PARTLY_FOUNDED,
        reasons="Er is te laat teruggebeld.",
    )

    text = text_of(decided)
    assert "Besluit op uw klacht" in text
    assert "Uw klacht is voor een deel gegrond." in text
    assert "GGZ Noord" in text and "burgemeester" not in text
    # A care provider's complaints go to its disputes body (Wkkgz), not to the ombudsman.
    assert "geschilleninstantie" in text and "Nationale ombudsman" not in text


def test_a_step_without_a_letter(world):
    complaint = formal(world)
    with pytest.raises(ValueError, match="geen brief"):
        render_letter(complaint.steps.get(kind=StepKind.FORMAL))
