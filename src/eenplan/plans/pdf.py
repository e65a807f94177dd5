"""'Ons plan': the PDF of an agreed plan version, for the household, in plain Dutch (B1).

Rendered from the version's immutable ``content`` snapshot, so the PDF always shows what was
agreed, whatever changed in the draft since. Only the standard PDF font Helvetica is used: it
needs no font files, and its WinAnsi encoding holds the Dutch letters (ë, é, ï), the euro sign
and the dashes. Characters outside it are written in their closest plain form.
"""

import datetime
import io
import unicodedata
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

ENCODING = "cp1252"  # WinAnsiEncoding of the standard PDF fonts
REPLACEMENTS = {"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "\u0131": "i"}
MONTHS = [
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
]  # fmt: skip
DASH = "\u2013"  # en dash, in WinAnsi
COORDINATOR = "Regisseur"
LINT_BLUE = colors.HexColor("#154273")
LIGHT_BLUE = colors.HexColor("#e5f0f9")
GREY = colors.HexColor("#535353")


@dataclass(frozen=True)
class Contact:
    """Someone the household can call: the coordinator or an organisation's contact."""

    role: str
    organisation: str
    name: str
    phone: str = ""
    email: str = ""


def _plain(text: str) -> str:
    """``text`` with every character the standard fonts cannot show replaced by a plain one."""
    out = []
    for char in str(text):
        try:
            char.encode(ENCODING)
        except UnicodeEncodeError:
            base = unicodedata.normalize("NFKD", char)
            base = "".join(c for c in base if not unicodedata.combining(c))
            try:
                base.encode(ENCODING)
            except UnicodeEncodeError:
                base = REPLACEMENTS.get(char, "?")
            char = base or "?"
        out.append(char)
    return "".join(out)


def _text(text: str) -> str:
    """Paragraph markup for plain text: safe characters, escaped, line breaks kept."""
    return escape(_plain(text)).replace("\n", "<br/>")


def long_date(value: datetime.date | str | None) -> str:
    if not value:
        return ""
    if isinstance(value, str):
        value = datetime.date.fromisoformat(value)
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle(
        "body", fontName="Helvetica", fontSize=11, leading=15, alignment=TA_LEFT, spaceAfter=4
    )
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=9, leading=12, textColor=GREY),
        "title": ParagraphStyle(
            "title",
            parent=base,
            fontName="Helvetica-Bold",
            fontSize=24,
            leading=30,
            textColor=LINT_BLUE,
            spaceAfter=6,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName="Helvetica-Bold",
            fontSize=15,
            leading=19,
            textColor=LINT_BLUE,
            spaceBefore=12,
            spaceAfter=4,
        ),
        "h3": ParagraphStyle(
            "h3",
            parent=base,
            fontName="Helvetica-Bold",
            fontSize=12,
            leading=16,
            spaceBefore=8,
            spaceAfter=2,
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=10, leading=13, spaceAfter=0),
        "head": ParagraphStyle(
            "head", parent=base, fontName="Helvetica-Bold", fontSize=10, leading=13, spaceAfter=0
        ),
    }


class _Builder:
    def __init__(self):
        self.styles = _styles()
        self.story: list = []

    def p(self, text: str, style: str = "body") -> Paragraph:
        return Paragraph(_text(text), self.styles[style])

    def add(self, text: str, style: str = "body") -> None:
        self.story.append(self.p(text, style))

    def section(self, title: str, text: str, empty: str) -> None:
        self.add(title, "h2")
        self.add(text or empty, "body" if text else "small")

    def bullets(self, items: list[str]) -> None:
        self.story.append(
            ListFlowable(
                [ListItem(self.p(item), leftIndent=12) for item in items],
                bulletType="bullet",
                start="-",
                leftIndent=12,
            )
        )

    def table(self, header: list[str], rows: list[list[str]], widths: list[float]) -> None:
        data = [[self.p(cell, "head") for cell in header]]
        data += [[self.p(cell, "cell") for cell in row] for row in rows]
        table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, 0), LIGHT_BLUE),
                    ("LINEBELOW", (0, 0), (-1, 0), 1, LINT_BLUE),
                    ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.lightgrey),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        self.story.append(table)


def _names(persons) -> str:
    names = [person.full_name for person in persons]
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + " en " + names[-1]


def _heading(b: _Builder, version, content: dict, persons: list) -> None:
    b.add("Ons plan", "title")
    b.add(content["household"], "h3")
    b.add(f"Versie {version.number}, vastgesteld op {long_date(version.agreed_on)}.")
    method = version.get_agreement_method_display().lower()
    b.add(f"Wie is het eens met dit plan: {_names(persons)}. Hoe: {method}.")
    b.add(f"Kenmerk: {content.get('case_reference', '')}", "small")


def _contacts(b: _Builder, contacts: list[Contact]) -> None:
    b.add("Wie helpt u?", "h2")
    if not contacts:
        b.add("Er zijn nog geen contactpersonen bekend.", "small")
        return
    if any(contact.role == COORDINATOR for contact in contacts):
        b.add("Uw regisseur houdt het overzicht. Bel of mail gerust als u een vraag heeft.")
    else:
        b.add("Bel of mail gerust als u een vraag heeft.")
    rows = [
        [
            contact.role,
            contact.name or "Niet bekend",
            contact.organisation,
            contact.phone,
            contact.email,
        ]
        for contact in contacts
    ]
    b.table(
        ["Wie", "Naam", "Organisatie", "Telefoon", "E-mail"],
        rows,
        [32 * mm, 34 * mm, 40 * mm, 28 * mm, 40 * mm],
    )


def _questions(b: _Builder, content: dict) -> None:
    b.section(
        "Wat vindt u het belangrijkste? (prio-vraag)",
        content.get("priority_question", ""),
        "Nog niet ingevuld.",
    )
    b.add("Uw andere vragen", "h2")
    others = content.get("other_questions") or []
    if others:
        b.bullets(others)
    else:
        b.add("Er zijn geen andere vragen.", "small")
    b.section("Wat gaat goed", content.get("strengths", ""), "Nog niet ingevuld.")
    b.section("Waar maken we ons zorgen over", content.get("concerns", ""), "Nog niet ingevuld.")


def _goals(b: _Builder, content: dict) -> None:
    b.add("Onze doelen", "h2")
    goals = content.get("goals") or []
    if not goals:
        b.add("Er zijn nog geen doelen.", "small")
    for number, goal in enumerate(goals, start=1):
        block = [
            b.p(f"Doel {number}: {goal['title']}", "h3"),
            b.p(f"Leefgebied: {goal.get('life_domain_label', '')}", "small"),
        ]
        if goal.get("description"):
            block.append(b.p(goal["description"]))
        b.story.append(KeepTogether(block))
        actions = goal.get("actions") or []
        if actions:
            rows = [
                [a["description"], a["owner"], long_date(a.get("due_date")) or "Geen datum"]
                for a in actions
            ]
            b.table(
                ["Wat gaan we doen", "Wie doet het", "Klaar op"], rows, [88 * mm, 50 * mm, 36 * mm]
            )
        else:
            b.add("Bij dit doel zijn nog geen acties.", "small")


def _signatures(b: _Builder, persons: list, contacts: list[Contact]) -> None:
    heading = [
        b.p("Handtekeningen", "h2"),
        b.p("Met uw handtekening laat u zien dat u het eens bent met dit plan."),
    ]
    coordinator = next((c for c in contacts if c.role == COORDINATOR and c.name), None)
    signers = [f"{person.full_name} (gezin)" for person in persons]
    signers.append(f"{coordinator.name} (regisseur)" if coordinator else "Regisseur")
    data = [[b.p(c, "head") for c in ("Naam", "Datum", "Handtekening")]]
    data += [[b.p(name, "cell"), "", ""] for name in signers]
    table = Table(
        data,
        colWidths=[70 * mm, 35 * mm, 69 * mm],
        rowHeights=[None] + [16 * mm] * len(signers),
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, 0), 1, LINT_BLUE),
                ("LINEBELOW", (1, 1), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ]
        )
    )
    b.story.append(KeepTogether([*heading, table]))


def _footer(reference: str, number: int):
    def draw(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.setFillColor(GREY)
        text = _plain(
            f"Ons plan {DASH} versie {number} {DASH} {reference} {DASH} pagina {doc.page}"
        )
        canvas.drawString(doc.leftMargin, 10 * mm, text)
        canvas.restoreState()

    return draw


def render_plan_pdf(*, version, contacts: list[Contact]) -> bytes:
    """The PDF of an agreed ``version`` (a PlanVersion with ``agreed_by`` loaded)."""
    content = version.content
    persons = list(version.agreed_by.all())
    b = _Builder()
    _heading(b, version, content, persons)
    _contacts(b, contacts)
    _questions(b, content)
    _goals(b, content)
    b.section(
        "Wanneer kijken we samen hoe het gaat?",
        f"Op {long_date(content['evaluation_date'])}." if content.get("evaluation_date") else "",
        "Die datum spreken we nog af.",
    )
    b.story.append(Spacer(1, 6 * mm))
    _signatures(b, persons, contacts)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=20 * mm,
        title=_plain(f"Ons plan {DASH} {content['household']} {DASH} versie {version.number}"),
        author="EenPlan",
        lang="nl-NL",
    )
    footer = _footer(content.get("case_reference", ""), version.number)
    document.build(b.story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
