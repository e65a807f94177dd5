from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    COMPLAINT = "klacht", _("Klacht")
    OBJECTION = "bezwaar", _("Bezwaar")


class Channel(models.TextChoices):
    """How the complaint or objection came in."""

    PORTAL = "portaal", _("Mijn EenPlan")
    PHONE = "telefoon", _("Telefoon")
    LETTER = "brief", _("Brief")
    EMAIL = "email", _("E-mail")
    DESK = "balie", _("Aan de balie of bij een huisbezoek")


class Theme(models.TextChoices):
    """What a complaint is about, for the period report."""

    TREATMENT = "bejegening", _("Bejegening")
    COMMUNICATION = "communicatie", _("Informatie en communicatie")
    WAITING = "wachttijd", _("Wachttijd of te laat")
    QUALITY = "kwaliteit", _("Kwaliteit van de hulp")
    DECISION = "besluit", _("Besluit over een voorziening")
    PRIVACY = "privacy", _("Privacy")
    REACHABILITY = "bereikbaarheid", _("Bereikbaarheid")
    OTHER = "anders", _("Anders")


class Status(models.TextChoices):
    NEW = "nieuw", _("Nieuw: wacht op persoonlijk contact")
    IN_CONVERSATION = "in_gesprek", _("In gesprek")
    AWAITING_CONFIRMATION = "wacht_op_inwoner", _("Opgelost? Wacht op de inwoner")
    MEDIATION = "bemiddeling", _("Bemiddeling")
    FORMAL = "formeel", _("Formele behandeling")
    CLOSED = "afgehandeld", _("Afgehandeld")


OPEN_STATUSES = tuple(s for s in Status.values if s != Status.CLOSED)


class Outcome(models.TextChoices):
    """How it ended."""

    RESOLVED_INFORMALLY = "opgelost_in_gesprek", _("Opgelost in een gesprek")
    FOUNDED = "gegrond", _("Gegrond")
    PARTLY_FOUNDED = "deels_gegrond", _("Deels gegrond")
    UNFOUNDED = "ongegrond", _("Ongegrond")
    INADMISSIBLE = "niet_ontvankelijk", _("Niet-ontvankelijk")
    WITHDRAWN = "ingetrokken", _("Ingetrokken")


DECISION_OUTCOMES = (
    Outcome.FOUNDED,
    Outcome.PARTLY_FOUNDED,
    Outcome.UNFOUNDED,
    Outcome.INADMISSIBLE,
)


class StepKind(models.TextChoices):
    REGISTERED = "ontvangen", _("Ontvangen")
    HANDLER = "behandelaar", _("Behandelaar")
    CONTACT = "contact", _("Persoonlijk contact")
    CONFIRMED = "bevestigd", _("Inwoner bevestigt: opgelost")
    NOT_RESOLVED = "niet_opgelost", _("Inwoner: niet opgelost")
    MEDIATION = "bemiddeling", _("Bemiddeling aangeboden")
    FORMAL = "formeel", _("Formele behandeling")
    ACKNOWLEDGED = "ontvangstbevestiging", _("Ontvangstbevestiging")
    EXTENDED = "verdaagd", _("Beslissing uitgesteld")
    HEARING_PLANNED = "gesprek_gepland", _("Hoorzitting gepland")
    HEARING_HELD = "gehoord", _("Hoorzitting gehouden")
    DECIDED = "besloten", _("Besluit")
    WITHDRAWN = "ingetrokken", _("Ingetrokken")


# Steps that come with a letter to the citizen (PDF).
LETTER_STEPS = (
    StepKind.ACKNOWLEDGED,
    StepKind.EXTENDED,
    StepKind.HEARING_PLANNED,
    StepKind.DECIDED,
)


class ContactOutcome(models.TextChoices):
    """What came of a personal contact with the citizen."""

    RESOLVED = "opgelost", _("Opgelost; inwoner bevestigt het in dit gesprek")
    RESOLVED_CONFIRM_IN_PORTAL = (
        "opgelost_bevestigen",
        _("Opgelost; inwoner bevestigt het in Mijn EenPlan"),
    )
    TALK_AGAIN = "verder_praten", _("Nog niet opgelost; we praten verder")
    MEDIATION = "bemiddeling", _("Bemiddeling aangeboden")
    FORMAL = "formeel", _("Inwoner wil de formele behandeling")
    NOT_REACHED = "niet_bereikt", _("Niet bereikt")


class ContactWay(models.TextChoices):
    PHONE = "telefoon", _("Telefoon")
    VISIT = "huisbezoek", _("Huisbezoek")
    MEETING = "gesprek", _("Gesprek op kantoor")
    VIDEO = "video", _("Videogesprek")
