"""``{% load provisions %}``: money, volumes and the menu items of provisions.

- ``cents|euro``: '€ 1.234,50';
- ``decision|how_much``: '3 uur per week', '1 stuk in totaal';
- ``unit|unit_name``: 'stuk', 'uur' (one unit, for "per ...");
- ``product|category_label``: 'iWmo 13 Woonvoorzieningen', or '' outside the iStandaarden;
- ``decision.status|status_badge``: the badge class of a decision's status;
- ``user|decides_beyond_mandate``: "Aanvragen boven mandaat" (municipal officers);
- ``user|views_budget``: "Budget" (officers, policy roles and functional admins);
- ``user|exchanges_messages``: "Berichten" (officers and functional admins).
"""

from django import template

from eenplan.privacy.policy import BUDGET_ROLES
from eenplan.provisions.constants import CATEGORIES, DecisionStatus, Frequency, Standard, Unit
from eenplan.provisions.services import euros
from eenplan.tenancy.constants import Role

register = template.Library()

# Units and frequencies as a resident reads them (the code lists name them more formally).
UNITS = {
    Unit.MINUTE: ("minuut", "minuten"),
    Unit.HOUR: ("uur", "uur"),
    Unit.DAY_AND_NIGHT: ("etmaal (dag en nacht)", "etmalen (dag en nacht)"),
    Unit.DAY_PART: ("dagdeel van 4 uur", "dagdelen van 4 uur"),
    Unit.ITEM_OUTPUT: ("stuk", "stuks"),
    Unit.EURO: ("euro", "euro"),
    Unit.ITEM_EFFORT: ("keer", "keer"),
}
FREQUENCIES = {
    Frequency.DAY: "per dag",
    Frequency.WEEK: "per week",
    Frequency.MONTH: "per maand",
    Frequency.TOTAL: "in totaal",
}
BADGES = {
    DecisionStatus.REQUESTED: "draft",
    DecisionStatus.GRANTED: "agreed",
    DecisionStatus.REFUSED: "overdue",
    DecisionStatus.ENDED: "ended",
}


def volume_text(volume: int, unit: str, frequency: str) -> str:
    one, many = UNITS.get(unit, ("", ""))
    return f"{volume} {one if volume == 1 else many} {FREQUENCIES.get(frequency, '')}".strip()


@register.filter
def euro(cents) -> str:
    return "" if cents is None else euros(int(cents))


@register.filter
def how_much(decision) -> str:
    return volume_text(decision.volume, decision.unit, decision.frequency)


@register.filter
def unit_name(unit) -> str:
    return UNITS.get(unit, ("eenheid", ""))[0]


@register.filter
def category_label(product) -> str:
    if not product.standard:
        return ""
    label = CATEGORIES[product.standard].get(product.category, "")
    return f"{Standard(product.standard).label} {product.category} {label}".strip()


@register.filter
def status_badge(status) -> str:
    return BADGES.get(status, "")


@register.filter
def decides_beyond_mandate(user) -> bool:
    return bool(user and user.is_authenticated and user.has_role(Role.MUNICIPAL_OFFICER))


@register.filter
def views_budget(user) -> bool:
    return bool(user and user.is_authenticated and user.has_role(*BUDGET_ROLES))


@register.filter
def exchanges_messages(user) -> bool:
    return bool(
        user
        and user.is_authenticated
        and user.has_role(Role.MUNICIPAL_OFFICER, Role.FUNCTIONAL_ADMIN)
    )
