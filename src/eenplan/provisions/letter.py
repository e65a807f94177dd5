"""The decision letter ('Besluit over uw aanvraag') as a PDF, in plain Dutch (B1), and the dates
of objection it states.

A letter exists for a decision that was taken: granted, refused or ended. Its date is the day of
that decision; from the next day the resident has six weeks to object (Awb 6:7, 6:8; a period
ending on a weekend or holiday runs to the next working day), to the college van burgemeester en
wethouders of the household's municipality. The page of a decision shows the
same dates. Layout and the Helvetica/cp1252 handling come from ``plans.pdf``.
"""

import datetime
import io

from django.utils import timezone
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Spacer

from eenplan.complaints.deadlines import objection_period_end
from eenplan.plans.pdf import DASH, GREY, _Builder, _plain, long_date
from eenplan.provisions.constants import DecisionStatus
from eenplan.provisions.models import Decision
from eenplan.provisions.services import euros
from eenplan.provisions.templatetags.provisions import volume_text

LETTER_STATUSES = (DecisionStatus.GRANTED, DecisionStatus.REFUSED, DecisionStatus.ENDED)
# Decisions a resident is told about with the objection period on the page.
OBJECTABLE_STATUSES = (DecisionStatus.REFUSED, DecisionStatus.ENDED)


def has_letter(decision: Decision) -> bool:
    return decision.status in LETTER_STATUSES


def letter_date(decision: Decision) -> datetime.date | None:
    """The day the decision was taken: granted, refused, or ended."""
    if decision.status not in LETTER_STATUSES:
        return None
    taken = decision.ended_at if decision.status == DecisionStatus.ENDED else decision.decided_at
    return timezone.localdate(taken) if taken else None


def objection_deadline(day: datetime.date | None) -> datetime.date | None:
    """The last day to object to a decision of ``day``."""
    return objection_period_end(day) if day else None


def _contact(user, organisation) -> str:
    name = user.get_full_name() or user.username
    ways = [way for way in (organisation.phone or user.phone, user.email) if way]
    text = f"{name} van {organisation.name}"
    return f"{text} ({', '.join(ways)})" if ways else text


def _what(b: _Builder, decision: Decision) -> None:
    until = long_date(decision.ended_on or decision.end_date)
    rows = [
        ["Hoeveel", volume_text(decision.volume, decision.unit, decision.frequency)],
        ["Van wanneer tot wanneer", f"{long_date(decision.start_date)} tot en met {until}"],
        ["Wie levert het", decision.provider.name if decision.provider else "Nog niet bekend"],
        ["Wat het kost", f"{euros(decision.amount_cents)}. Dit betaalt de gemeente."],
    ]
    if decision.goal_id:
        rows.append(["Bij uw doel", decision.goal.title])
    b.table(["Voorziening", decision.product.name], rows, [50 * mm, 124 * mm])


def _decision(b: _Builder, decision: Decision, day: datetime.date) -> None:
    product = decision.product.name
    if decision.status == DecisionStatus.REFUSED:
        b.add(
            f"U vroeg om deze voorziening: {product}. U krijgt deze voorziening niet. "
            f"Dat hebben wij op {long_date(day)} besloten."
        )
        b.add("Waarom krijgt u het niet?", "h2")
        b.add(decision.decision_reason)
        b.add("Wat u vroeg", "h2")
        _what(b, decision)
        return
    if decision.status == DecisionStatus.ENDED:
        b.add(
            f"U krijgt deze voorziening: {product}. Die stopt. "
            f"De laatste dag is {long_date(decision.ended_on)}. "
            f"Dat hebben wij op {long_date(day)} besloten."
        )
        b.add("Waarom stopt het?", "h2")
        b.add(decision.end_reason)
    else:
        b.add(f"U krijgt deze voorziening: {product}. Dat hebben wij op {long_date(day)} besloten.")
    b.add("Wat krijgt u?", "h2")
    _what(b, decision)
    b.add("Waarom krijgt u dit?", "h2")
    b.add(decision.motivation)
    if decision.decision_reason:
        b.add(decision.decision_reason)


def _objection(b: _Builder, decision: Decision, day: datetime.date, contact: str) -> None:
    municipality = decision.case.household.municipality.name
    b.add("Bent u het niet eens met dit besluit?", "h2")
    b.add(
        "Dan kunt u bezwaar maken. Dat moet binnen zes weken na de datum van deze brief. "
        f"Stuur uw bezwaar dus uiterlijk op {long_date(objection_deadline(day))}."
    )
    b.add(
        "Stuur uw bezwaar naar: het college van burgemeester en wethouders van de gemeente "
        f"{municipality}."
    )
    b.add("Zet in uw brief:")
    b.bullets(
        [
            "uw naam en adres;",
            "de datum;",
            f"het kenmerk van deze brief: {decision.reference};",
            "waarom u het niet eens bent met het besluit;",
            "uw handtekening.",
        ]
    )
    b.add(
        f"Wilt u eerst praten over het besluit? Bel dan {contact}. Vaak lossen we het samen op. "
        "Bezwaar maken kan daarna nog steeds, binnen de zes weken. Bezwaar maken kost niets."
    )


def _footer(reference: str, municipality: str):
    def draw(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.setFillColor(GREY)
        text = _plain(
            f"Besluit {reference} {DASH} gemeente {municipality} {DASH} pagina {doc.page}"
        )
        canvas.drawString(doc.leftMargin, 10 * mm, text)
        canvas.restoreState()

    return draw


def render_decision_letter(decision: Decision) -> bytes:
    """The letter of a decision read through ``selectors.decision_get`` (granted, refused or
    ended); ValueError for a request that is still waiting."""
    if not has_letter(decision):
        raise ValueError("Er is nog geen besluit.")
    day = letter_date(decision)
    municipality = decision.case.household.municipality.name
    contact = _contact(decision.requested_by, decision.requested_by_organisation)
    b = _Builder()
    b.add(f"Gemeente {municipality}", "h3")
    b.add("Besluit over uw aanvraag", "title")
    b.add(f"Datum: {long_date(day)}")
    b.add(f"Kenmerk: {decision.reference}")
    b.add(f"Aan: {decision.person.full_name}")
    b.story.append(Spacer(1, 4 * mm))
    b.add(f"Beste {decision.person.full_name},")
    _decision(b, decision, day)
    b.add("Welke wet?", "h2")
    b.add(f"Wij besluiten dit op grond van de {decision.get_legal_basis_display()}.")
    b.add("Heeft u vragen?", "h2")
    b.add(f"Bel of mail {contact}.")
    _objection(b, decision, day, contact)
    b.story.append(Spacer(1, 6 * mm))
    b.add("Met vriendelijke groet,")
    b.add(f"het college van burgemeester en wethouders van de gemeente {municipality}")
    if decision.decided_by_id:
        b.add(f"namens hen: {decision.decided_by.get_full_name() or decision.decided_by.username}")
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=20 * mm,
        title=_plain(f"Besluit over uw aanvraag {DASH} {decision.reference}"),
        author=_plain(f"Gemeente {municipality}"),
        lang="nl-NL",
    )
    footer = _footer(decision.reference, municipality)
    document.build(b.story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
