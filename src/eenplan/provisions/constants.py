"""Code lists of provisions: the iWmo/iJw 3.2 values EenPlan writes into messages, and its own.

The iStandaard codes are the values of the messages (standards.md): units, frequencies and the
product categories of Wmo (01-18) and Jeugd (40-55).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Standard(models.TextChoices):
    """Which iStandaard a product is exchanged under; none for products outside them."""

    IWMO = "iwmo", _("iWmo")
    IJW = "ijw", _("iJw")
    NONE = "", _("Geen iStandaard")


class LegalBasis(models.TextChoices):
    WMO = "wmo2015", _("Wet maatschappelijke ondersteuning 2015")
    YOUTH = "jeugdwet", _("Jeugdwet")
    PARTICIPATION = "participatiewet", _("Participatiewet")
    DEBT_HELP = "wgs", _("Wet gemeentelijke schuldhulpverlening")


class BudgetDomain(models.TextChoices):
    """The parts of the one social-domain budget."""

    YOUTH = "jeugd", _("Jeugd")
    WMO = "wmo", _("Wmo")
    PARTICIPATION = "participatie", _("Participatie, werk en inkomen")
    DEBT_HELP = "schuldhulp", _("Schuldhulpverlening")
    PREVENTION = "preventie", _("Preventie en algemene voorzieningen")


class Unit(models.TextChoices):
    """iStandaard Eenheid (code list WJ756)."""

    MINUTE = "01", _("minuut")
    HOUR = "04", _("uur")
    DAY_AND_NIGHT = "14", _("etmaal")
    DAY_PART = "16", _("dagdeel (4 uur)")
    ITEM_OUTPUT = "82", _("stuks (output)")
    EURO = "83", _("euro")
    ITEM_EFFORT = "84", _("stuks (inspanning)")


class Frequency(models.TextChoices):
    """iStandaard Frequentie (code list WJ757)."""

    DAY = "1", _("per dag")
    WEEK = "2", _("per week")
    MONTH = "4", _("per maand")
    TOTAL = "6", _("totaal in de hele periode")


WMO_CATEGORIES = {
    "01": _("Hulp bij het huishouden"),
    "02": _("Begeleiding"),
    "03": _("Persoonlijke verzorging"),
    "04": _("Kortdurend verblijf"),
    "05": _("Woondiensten"),
    "06": _("Overige ondersteuning individu/gezin"),
    "07": _("Dagbesteding"),
    "08": _("Vervoerdiensten"),
    "09": _("Overige groepsgerichte ondersteuning"),
    "10": _("Overige maatwerkarrangementen"),
    "11": _("Rolstoelen"),
    "12": _("Vervoervoorzieningen"),
    "13": _("Woonvoorzieningen"),
    "14": _("Overige hulpmiddelen"),
    "15": _("Beschermd wonen"),
    "16": _("Opvang"),
    "17": _("Spoedopvang"),
    "18": _("Overige beschermd wonen en opvang"),
}

YOUTH_CATEGORIES = {
    "40": _("Persoonlijke verzorging"),
    "41": _("Dagbehandeling"),
    "42": _("Vervoerdiensten"),
    "43": _("Verblijf inclusief behandeling"),
    "44": _("Verblijf exclusief behandeling"),
    "45": _("Jeugdhulp ambulant"),
    "46": _("Crisis"),
    "47": _("Jeugdreclassering"),
    "48": _("Jeugdbescherming"),
    "49": _("Preventief justitieel kader"),
    "50": _("Maatwerkarrangementen"),
    "51": _("Generalistische basis-ggz"),
    "52": _("Specialistische ggz"),
    "53": _("Kindergeneeskunde"),
    "54": _("Jeugd-ggz"),
    "55": _("Landelijk ingekochte zorg"),
}

CATEGORIES = {Standard.IWMO: WMO_CATEGORIES, Standard.IJW: YOUTH_CATEGORIES}


class DecisionStatus(models.TextChoices):
    REQUESTED = "aangevraagd", _("Aangevraagd, wacht op de gemeente")
    GRANTED = "toegekend", _("Toegekend")
    REFUSED = "afgewezen", _("Afgewezen")
    ENDED = "beeindigd", _("Beëindigd")


class Route(models.TextChoices):
    """How a decision was taken: by the team within its mandate, or by a municipal officer."""

    MANDATE = "mandaat", _("Binnen mandaat van het team")
    OFFICER = "consulent", _("Door een consulent van de gemeente")


class ClaimStatus(models.TextChoices):
    ACCEPTED = "goedgekeurd", _("Goedgekeurd")
    REFUSED = "afgekeurd", _("Afgekeurd")


class BudgetStatus(models.TextChoices):
    """How the forecast of a budget line compares with its allocation."""

    OK = "ok", _("Binnen budget")
    WATCH = "let_op", _("Let op: de prognose komt dicht bij het budget")
    OVER = "over", _("De prognose gaat over het budget heen")


# The forecast counts as "close" from this share of the allocation.
WATCH_SHARE = 0.9
