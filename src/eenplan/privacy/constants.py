from django.db import models
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    READ = "inzien", _("Inzien")
    SEARCH = "zoeken", _("Zoeken")
    CREATE = "aanmaken", _("Aanmaken")
    UPDATE = "wijzigen", _("Wijzigen")
    DELETE = "verwijderen", _("Verwijderen")


class ProcessingActivity(models.TextChoices):
    """Processing activities from the register; the label is the purpose (doelbinding)."""

    CASE_COORDINATION = (
        "casusregie",
        _("Gezamenlijke hulp en regie voor een huishouden (één gezin, één plan, één regisseur)"),
    )
    HOUSEHOLD_SEARCH = (
        "huishouden-zoeken",
        _("Een huishouden vinden waarbij de eigen organisatie betrokken is"),
    )
    COMPLAINT_HANDLING = (
        "klachtbehandeling",
        _("Klachten en bezwaren behandelen (Awb hoofdstuk 6, 7 en 9)"),
    )


class StatusCode(models.IntegerChoices):
    """Logboek Dataverwerkingen status_code."""

    UNSET = 0, _("Niet gezet")
    OK = 1, _("Gelukt")
    ERROR = 2, _("Fout")


class DataSubjectIdType(models.TextChoices):
    BSN = "BSN", _("BSN")
    PERSON_UUID = "eenplan-persoon", _("EenPlan-persoonsnummer")
