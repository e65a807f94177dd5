"""The letters of a complaint or objection as PDF, in plain Dutch (B1), to the person it is from.

A letter belongs to a step (``LETTER_STEPS``) and is made from that step alone, so it reads the
same every time it is downloaded, by the handler or by the citizen in Mijn EenPlan:

- the acknowledgement: received on, who handles it and how to reach them, that they call first,
  and the date by which we decide (the step's ``due_on``);
- the postponement: why, how many weeks, the new date and the article of the Awb that allows it;
- the invitation to be heard: when, where, and that they may bring someone;
- the decision: the outcome in words, the reasons, and where to go next: the Nationale
  ombudsman for a complaint handled by the municipality, the disputes body of a care provider
  (Wkkgz) for one handled by the provider, the court (beroep) for an objection.

Layout and the Helvetica/cp1252 handling come from ``plans.pdf``.
"""

import io

from django.utils import timezone
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Spacer

from eenplan.common.deadlines import weeks_after
from eenplan.complaints.constants import LETTER_STEPS, Kind, Outcome, StepKind
from eenplan.complaints.models import Complaint, Step
from eenplan.plans.pdf import DASH, GREY, _Builder, _plain, long_date
from eenplan.tenancy.constants import OrganisationType

APPEAL_WEEKS = 6  # Awb 6:7
WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]

TITLES = {
    StepKind.ACKNOWLEDGED: {
        Kind.COMPLAINT: "Wij hebben uw klacht ontvangen",
        Kind.OBJECTION: "Wij hebben uw bezwaar ontvangen",
    },
    StepKind.EXTENDED: {
        Kind.COMPLAINT: "Wij hebben meer tijd nodig",
        Kind.OBJECTION: "Wij hebben meer tijd nodig",
    },
    StepKind.HEARING_PLANNED: {
        Kind.COMPLAINT: "Uitnodiging voor een gesprek",
        Kind.OBJECTION: "Uitnodiging voor een gesprek",
    },
    StepKind.DECIDED: {
        Kind.COMPLAINT: "Besluit op uw klacht",
        Kind.OBJECTION: "Beslissing op uw bezwaar",
    },
}

# What the outcome means, per kind, in words.
OUTCOMES = {
    Kind.COMPLAINT: {
        Outcome.FOUNDED: "Uw klacht is gegrond. Dat betekent: u heeft gelijk.",
        Outcome.PARTLY_FOUNDED: (
            "Uw klacht is voor een deel gegrond. Dat betekent: u heeft voor een deel gelijk."
        ),
        Outcome.UNFOUNDED: (
            "Uw klacht is ongegrond. Dat betekent: wij vinden dat wij het goed hebben gedaan."
        ),
        Outcome.INADMISSIBLE: (
            "Wij behandelen uw klacht niet verder. Dat heet: niet-ontvankelijk. Hieronder leest "
            "u waarom."
        ),
    },
    Kind.OBJECTION: {
        Outcome.FOUNDED: (
            "Uw bezwaar is gegrond. Dat betekent: u heeft gelijk. Wij veranderen het besluit."
        ),
        Outcome.PARTLY_FOUNDED: (
            "Uw bezwaar is voor een deel gegrond. Dat betekent: u heeft voor een deel gelijk. "
            "Wij veranderen dat deel van het besluit."
        ),
        Outcome.UNFOUNDED: (
            "Uw bezwaar is ongegrond. Dat betekent: het besluit blijft zoals het was."
        ),
        Outcome.INADMISSIBLE: (
            "Wij behandelen uw bezwaar niet. Dat heet: niet-ontvankelijk. Het besluit blijft "
            "zoals het was. Hieronder leest u waarom."
        ),
    },
}


def _word(complaint: Complaint) -> str:
    return "klacht" if complaint.kind == Kind.COMPLAINT else "bezwaar"


def _is_municipal(complaint: Complaint) -> bool:
    return complaint.handling_organisation.type == OrganisationType.MUNICIPALITY


def _sender(complaint: Complaint) -> str:
    if _is_municipal(complaint):
        return f"Gemeente {complaint.municipality.name}"
    return complaint.handling_organisation.name


def _handler_name(complaint: Complaint) -> str:
    handler = complaint.handler
    if handler is None:
        return f"de klachtbehandelaar van {complaint.handling_organisation.name}"
    return handler.get_full_name() or handler.username


def _reach(complaint: Complaint) -> str:
    """Who handles it and how to reach them."""
    organisation, handler = complaint.handling_organisation, complaint.handler
    phone = (handler.phone if handler else "") or organisation.phone
    email = (handler.email if handler else "") or organisation.email
    ways = [f"telefoon {phone}" if phone else "", f"e-mail {email}" if email else ""]
    ways = " of ".join(way for way in ways if way)
    text = f"{_handler_name(complaint)} van {organisation.name}"
    return f"{text} ({ways})" if ways else text


def _about(b: _Builder, complaint: Complaint) -> None:
    if complaint.kind == Kind.OBJECTION:
        decision = complaint.decision
        b.add(
            f"Uw bezwaar gaat over ons besluit van {long_date(complaint.decision_made_known_on)} "
            f"over {decision.product.name} (kenmerk {decision.reference})."
        )


def _acknowledged(b: _Builder, step: Step) -> None:
    complaint, word = step.complaint, _word(step.complaint)
    b.add(
        f"Op {long_date(complaint.received_on)} kregen wij uw {word}. Dank u wel dat u het ons "
        "laat weten."
    )
    _about(b, complaint)
    b.add("Wie behandelt uw " + word + "?", "h2")
    b.add(f"Uw {word} wordt behandeld door {_reach(complaint)}.")
    b.add("Wat gebeurt er nu?", "h2")
    caller = _handler_name(complaint) if complaint.handler else "De behandelaar"
    b.add(
        f"{caller} belt u eerst. Samen bespreken we wat er is gebeurd en wat u graag wilt. Vaak "
        "lossen we het zo samen op."
    )
    b.add("Wanneer hoort u van ons?", "h2")
    b.add(
        f"Wij beslissen uiterlijk op {long_date(step.due_on)}. Lukt dat niet, dan krijgt u voor "
        "die datum een brief van ons."
    )


def _extension_basis(step: Step) -> str:
    if step.complaint.kind == Kind.COMPLAINT:
        return "artikel 9:11 lid 2 van de Algemene wet bestuursrecht"
    if step.with_consent:
        return "artikel 7:10 lid 4 van de Algemene wet bestuursrecht, omdat u ermee instemt"
    return "artikel 7:10 lid 3 van de Algemene wet bestuursrecht"


def _extended(b: _Builder, step: Step) -> None:
    complaint, word = step.complaint, _word(step.complaint)
    weeks = f"{step.weeks} {'week' if step.weeks == 1 else 'weken'}"
    b.add(f"Wij kunnen nog niet beslissen over uw {word}. Wij hebben {weeks} meer tijd nodig.")
    _about(b, complaint)
    b.add("Waarom duurt het langer?", "h2")
    b.add(step.text)
    b.add("Wanneer hoort u van ons?", "h2")
    b.add(f"Wij beslissen nu uiterlijk op {long_date(step.due_on)}.")
    b.add(f"Dat mag volgens de wet: {_extension_basis(step)}.")
    b.add("Heeft u vragen?", "h2")
    b.add(f"Bel of mail {_reach(complaint)}.")


def _hearing(b: _Builder, step: Step) -> None:
    complaint, word = step.complaint, _word(step.complaint)
    at = timezone.localtime(step.hearing_at)
    b.add(
        f"Wij willen graag met u praten over uw {word}. U kunt dan vertellen wat er is gebeurd "
        "en wat u ervan vindt."
    )
    _about(b, complaint)
    b.table(
        ["Het gesprek", ""],
        [
            ["Wanneer", f"{WEEKDAYS[at.weekday()]} {long_date(at.date())} om {at:%H:%M} uur"],
            ["Waar", step.place],
        ],
        [40 * mm, 134 * mm],
    )
    b.add("Mag ik iemand meenemen?", "h2")
    b.add(
        "Ja. U mag iemand meenemen, bijvoorbeeld iemand uit uw familie, een vriend of een "
        "cliëntondersteuner. Die persoon mag ook voor u praten."
    )
    if complaint.kind == Kind.OBJECTION:
        b.add(
            "Wilt u voor het gesprek de stukken over uw bezwaar lezen? Dat mag. Vraag het ons, "
            "dan krijgt u ze."
        )
    b.add("Kunt u niet?", "h2")
    b.add(f"Laat het ons dan zo snel mogelijk weten. Bel of mail {_reach(complaint)}.")


def _complaint_next(b: _Builder, step: Step) -> None:
    b.add("Bent u het niet eens met dit besluit?", "h2")
    if step.complaint.handling_organisation.type != OrganisationType.MUNICIPALITY:
        # A care provider's complaints fall under the Wkkgz, not under the ombudsman.
        b.add(
            "Dan kunt u naar de geschilleninstantie waarbij wij zijn aangesloten. Vraag ons welke "
            "dat is, of kijk op onze website. Dat staat in de Wet kwaliteit, klachten en "
            "geschillen zorg (Wkkgz)."
        )
        return
    b.add(
        "Dan kunt u naar de Nationale ombudsman. Dat moet binnen een jaar na de datum van deze "
        "brief. De Nationale ombudsman kijkt of wij uw klacht goed hebben behandeld. Dat kost "
        "niets. Kijk op www.nationaleombudsman.nl."
    )
    b.add(
        "Dat staat in de Algemene wet bestuursrecht: artikel 9:12 lid 2 en artikel 9:22 en verder.",
        "small",
    )


def _objection_next(b: _Builder, step: Step) -> None:
    until = weeks_after(step.occurred_on, APPEAL_WEEKS)
    b.add("Bent u het niet eens met deze beslissing?", "h2")
    b.add(
        "Dan kunt u beroep instellen bij de rechtbank. Dat moet binnen zes weken na de datum van "
        f"deze brief. Stuur uw beroepschrift dus uiterlijk op {long_date(until)}."
    )
    b.add("Stuur het naar de rechtbank in het gebied waar u woont. Zet in uw brief:")
    b.bullets(
        [
            "uw naam en adres;",
            "de datum;",
            f"het kenmerk van deze brief: {step.complaint.reference};",
            "waarom u het niet eens bent met de beslissing;",
            "uw handtekening.",
        ]
    )
    b.add(
        "Stuur een kopie van deze brief mee. Voor beroep betaalt u griffierecht. De rechtbank "
        "laat u weten hoeveel."
    )
    b.add(
        "Dat staat in de Algemene wet bestuursrecht: artikel 6:7 en artikel 8:1.",
        "small",
    )


def _decided(b: _Builder, step: Step) -> None:
    complaint, word = step.complaint, _word(step.complaint)
    b.add(
        f"Op {long_date(complaint.received_on)} kregen wij uw {word}. Wij hebben onderzocht wat er "
        "is gebeurd. In deze brief leest u wat wij hebben besloten, en waarom."
    )
    _about(b, complaint)
    b.add("Ons besluit", "h2")
    b.add(OUTCOMES[complaint.kind][step.outcome])
    b.add("Waarom?", "h2")
    b.add(step.text)
    if complaint.kind == Kind.COMPLAINT:
        _complaint_next(b, step)
    else:
        _objection_next(b, step)
    b.add("Heeft u vragen?", "h2")
    b.add(f"Bel of mail {_reach(complaint)}.")


BODIES = {
    StepKind.ACKNOWLEDGED: _acknowledged,
    StepKind.EXTENDED: _extended,
    StepKind.HEARING_PLANNED: _hearing,
    StepKind.DECIDED: _decided,
}


def _closing(b: _Builder, step: Step) -> None:
    complaint = step.complaint
    b.story.append(Spacer(1, 6 * mm))
    b.add("Met vriendelijke groet,")
    if _is_municipal(complaint):
        b.add(
            "het college van burgemeester en wethouders van de gemeente "
            f"{complaint.municipality.name}"
        )
        b.add(f"namens hen: {_handler_name(complaint)}")
    else:
        b.add(complaint.handling_organisation.name)
        b.add(_handler_name(complaint))


def _footer(complaint: Complaint):
    def draw(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.setFillColor(GREY)
        text = _plain(
            f"{complaint.get_kind_display()} {complaint.reference} {DASH} {_sender(complaint)} "
            f"{DASH} pagina {doc.page}"
        )
        canvas.drawString(doc.leftMargin, 10 * mm, text)
        canvas.restoreState()

    return draw


def render_letter(step: Step) -> bytes:
    """The letter of ``step``, read through ``selectors.step_get``; ValueError for a step
    without a letter."""
    if step.kind not in LETTER_STEPS:
        raise ValueError("Bij deze stap hoort geen brief.")
    complaint = step.complaint
    person = complaint.person
    title = TITLES[step.kind][complaint.kind]
    b = _Builder()
    b.add(_sender(complaint), "h3")
    b.add(title, "title")
    b.add(f"Datum: {long_date(step.occurred_on)}")
    b.add(f"Kenmerk: {complaint.reference}")
    b.add(f"Aan: {person.full_name}")
    if person.address:
        b.add(person.address)
    b.story.append(Spacer(1, 4 * mm))
    b.add(f"Beste {person.full_name},")
    BODIES[step.kind](b, step)
    _closing(b, step)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=20 * mm,
        title=_plain(f"{title} {DASH} {complaint.reference}"),
        author=_plain(_sender(complaint)),
        lang="nl-NL",
    )
    footer = _footer(complaint)
    document.build(b.story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
