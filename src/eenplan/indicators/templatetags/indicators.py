"""``{% load indicators %}``: which menu item of the indicators a user gets.

- ``user|views_indicators``: "Indicatoren" (team leaders, directors, policy officers,
  functional admins);
- ``user|writes_stories``: "Verhalen" (professionals who work on cases write stories);
- ``user|defines_local_indicators``: functional admins (the link to add a local indicator).
"""

from django import template

from eenplan.indicators.selectors import may_view
from eenplan.tenancy.constants import CASE_WORKER_ROLES, Role

register = template.Library()


@register.filter
def views_indicators(user) -> bool:
    return bool(user and may_view(user))


@register.filter
def writes_stories(user) -> bool:
    return bool(user and user.is_authenticated and user.has_role(*CASE_WORKER_ROLES))


@register.filter
def defines_local_indicators(user) -> bool:
    return bool(user and user.is_authenticated and user.has_role(Role.FUNCTIONAL_ADMIN))
