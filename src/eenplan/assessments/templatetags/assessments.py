"""``{% load assessments %}``: what the templates outside this app need to know about assessments.

- ``case.access|shows_assessments``: the user's organisation holds a basis for assessments of
  someone in the case (the "Metingen" tab);
- ``user|manages_instruments``: the user is a functional admin (the "Instrumenten" menu item);
- ``trend.direction|direction_arrow``: ↑, ↓, = or • (first time) for a domain's direction.
"""

from django import template

from eenplan.assessments.constants import Direction
from eenplan.cases.constants import DataCategory
from eenplan.tenancy.constants import Role

register = template.Library()

ARROWS = {Direction.UP: "↑", Direction.DOWN: "↓", Direction.SAME: "=", Direction.NEW: "•"}


@register.filter
def shows_assessments(access) -> bool:
    allows = getattr(access, "allows", None)
    return bool(allows and allows(DataCategory.ASSESSMENTS))


@register.filter
def manages_instruments(user) -> bool:
    return bool(user and user.is_authenticated and user.has_role(Role.FUNCTIONAL_ADMIN))


@register.filter
def direction_arrow(direction) -> str:
    return ARROWS.get(direction, "")
