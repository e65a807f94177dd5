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
    EMERGENCY_ACCESS = (
        "noodtoegang",
        _("Hulp in een noodsituatie bij een huishouden buiten de eigen casussen"),
    )
    RETENTION = (
        "bewaartermijn",
        _("Gegevens vernietigen na afloop van de bewaartermijn (Archiefwet, AVG art. 5)"),
    )
    DATA_SUBJECT_REQUEST = (
        "rechten-betrokkene",
        _("Verzoeken om verbetering of wissing behandelen (AVG art. 16 en 17)"),
    )


class StatusCode(models.IntegerChoices):
    """Logboek Dataverwerkingen status_code."""

    UNSET = 0, _("Niet gezet")
    OK = 1, _("Gelukt")
    ERROR = 2, _("Fout")


class DataSubjectIdType(models.TextChoices):
    BSN = "BSN", _("BSN")
    PERSON_UUID = "eenplan-persoon", _("EenPlan-persoonsnummer")


class ReviewOutcome(models.TextChoices):
    JUSTIFIED = "terecht", _("Terecht: de noodsituatie rechtvaardigde de toegang")
    NOT_JUSTIFIED = "onterecht", _("Onterecht: geen noodsituatie of te ruim gebruikt")


class RetentionKind(models.TextChoices):
    """Kinds of record with a retention period (docs/privacy.md, standards.md)."""

    YOUTH_FILE = "jeugddossier", _("Jeugdhulpdossier")
    AGREED_PLAN = "ondersteuningsplan", _("Casus met vastgesteld plan")
    UNAGREED_PLAN = "plan_niet_vastgesteld", _("Casus zonder vastgesteld plan")
    MATCH_SIGNAL = "matchsignaal", _("Matchsignaal")


class RequestKind(models.TextChoices):
    """Requests of a data subject (AVG art. 16 and 17)."""

    CORRECTION = "rectificatie", _("Gegevens verbeteren (AVG art. 16)")
    ERASURE = "wissing", _("Gegevens wissen (AVG art. 17)")


class RequestDecision(models.TextChoices):
    GRANTED = "toegewezen", _("Toegewezen")
    PARTLY_GRANTED = "deels_toegewezen", _("Deels toegewezen")
    REFUSED = "afgewezen", _("Afgewezen")
