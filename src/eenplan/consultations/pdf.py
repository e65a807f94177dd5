"""The minutes of a meeting as PDF (verslag), built from ``selectors.consultation_get``.

So the PDF shows exactly what the page shows the same reader: every agenda item's case number
and question; the household, the consent to discuss, the summary, decisions and agreements only
for items the reader sees with content; someone of a household among the attendees only by name
when the reader sees that household. The layout, fonts and helpers are those of the plan PDF.
"""

import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, SimpleDocTemplate

from eenplan.consultations.constants import AgreementState
from eenplan.consultations.selectors import ConsultationView
from eenplan.consultations.views.detail import ItemBlock, attendee_label
from eenplan.plans.pdf import DASH, GREY, _Builder, _plain, long_date

NO_CONTENT = (
    "U ziet alleen het casusnummer en de vraag: uw organisatie heeft geen toestemming voor de "
    "inhoud van deze casus."
)
AGREEMENT_WIDTHS = [70 * mm, 48 * mm, 28 * mm, 28 * mm]


def _when(consultation) -> str:
    text = long_date(consultation.date)
    if consultation.start_time:
        text += f", {consultation.start_time:%H:%M} uur"
    if consultation.location:
        text += f", {consultation.location}"
    return text


def _heading(b: _Builder, view: ConsultationView) -> None:
    consultation = view.consultation
    b.add("Verslag", "title")
    b.add(consultation.title, "h3")
    b.add(f"{consultation.get_kind_display()} op {_when(consultation)}.")
    chair = consultation.chair.get_full_name() or consultation.chair.username
    b.add(f"Voorzitter: {chair}. Gemeente: {consultation.municipality.name}.")
    organisations = ", ".join(o.name for o in consultation.organisations.all())
    b.add(f"Deelnemende organisaties: {organisations}.")
    if consultation.is_closed:
        b.add(f"Het verslag is afgerond op {long_date(consultation.minutes_closed_at.date())}.")
    else:
        b.add("Concept: het verslag is nog niet afgerond.", "small")
    b.add(
        "Vertrouwelijk. Dit verslag bevat alleen wat u mag zien. Geef het niet door aan wie niet "
        "aan het overleg deelnam.",
        "small",
    )


def _attendees(b: _Builder, view: ConsultationView) -> None:
    b.add("Deelnemers", "h2")
    if view.attendees:
        b.bullets([attendee_label(attendee) for attendee in view.attendees])
    else:
        b.add("Er zijn geen deelnemers vastgelegd.", "small")


def _state(agreement) -> str:
    return str(AgreementState(agreement.state).label)


def _due(agreement) -> str:
    action = agreement.action
    return long_date(action.due_date) if action and action.due_date else "Geen datum"


def _carried(b: _Builder, view: ConsultationView) -> None:
    if not view.carried:
        return
    b.add("Openstaande afspraken uit eerdere overleggen", "h2")
    rows = []
    for agreement in view.carried:
        case = agreement.item.case
        if agreement.content:
            owner = agreement.action.owner_label if agreement.action else ""
            what = f"{agreement.description} (casus {case.reference})"
        else:
            owner, what = "", f"Casus {case.reference}"
        rows.append([what, owner, _due(agreement), _state(agreement)])
    b.table(["Afspraak", "Wie", "Klaar op", "Stand"], rows, AGREEMENT_WIDTHS)


def _content(b: _Builder, block: ItemBlock) -> None:
    item = block.item
    b.add(f"Huishouden: {item.case.household.name}")
    b.add(f"Bespreken mag: {block.consent_text or 'nog niet vastgelegd'}.")
    if item.consent_note:
        b.add(item.consent_note, "small")
    b.add("Samenvatting", "h3")
    b.add(item.summary or "Er is geen samenvatting.", "body" if item.summary else "small")
    if item.decision_list:
        b.add("Besluiten", "h3")
        b.bullets([f"{d.get_kind_display()}: {d.text}" for d in item.decision_list])
    if item.agreement_list:
        b.add("Afspraken", "h3")
        rows = [
            [
                a.description,
                a.action.owner_label if a.action else "",
                _due(a),
                _state(a),
            ]
            for a in item.agreement_list
        ]
        b.table(["Wat", "Wie", "Klaar op", "Stand"], rows, AGREEMENT_WIDTHS)


def _agenda(b: _Builder, view: ConsultationView) -> None:
    b.add("Agenda en verslag", "h2")
    if not view.items:
        b.add("Er stonden geen casussen op de agenda.", "small")
    for number, item in enumerate(view.items, start=1):
        b.story.append(
            KeepTogether(
                [
                    b.p(f"Agendapunt {number}: casus {item.case.reference}", "h3"),
                    b.p(f"Vraag aan het overleg: {item.question}"),
                ]
            )
        )
        if item.content:
            _content(b, ItemBlock(item=item, number=number))
        else:
            b.add(NO_CONTENT, "small")


def _policy_signals(b: _Builder, view: ConsultationView) -> None:
    if not view.policy_signals:
        return
    b.add("Beleidssignalen", "h2")
    b.bullets(
        [f"{signal.title} ({signal.get_theme_display().lower()})" for signal in view.policy_signals]
    )


def _footer(consultation):
    def draw(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.setFillColor(GREY)
        text = _plain(
            f"Verslag {DASH} {consultation.title} {DASH} {consultation.date:%d-%m-%Y} {DASH} "
            f"vertrouwelijk {DASH} pagina {doc.page}"
        )
        canvas.drawString(doc.leftMargin, 10 * mm, text)
        canvas.restoreState()

    return draw


def render_minutes_pdf(view: ConsultationView) -> bytes:
    consultation = view.consultation
    b = _Builder()
    _heading(b, view)
    _attendees(b, view)
    _carried(b, view)
    _agenda(b, view)
    _policy_signals(b, view)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=20 * mm,
        title=_plain(f"Verslag {DASH} {consultation.title} {DASH} {consultation.date:%d-%m-%Y}"),
        author="EenPlan",
        lang="nl-NL",
    )
    footer = _footer(consultation)
    document.build(b.story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
