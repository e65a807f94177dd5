"""Template filters of the complaints pages and the main menu.

- ``user|handles_complaints``: "Klachten en bezwaren" in the menu (complaints handlers and
  coordinators, who are told about the complaints of the households they coordinate);
- ``days|days_left``: 'nog 5 dagen', 'vandaag', '3 dagen te laat';
- ``complaint|the_kind``: 'de klacht' or 'het bezwaar' (the article differs).
"""

from django import template

from eenplan.complaints.constants import Kind
from eenplan.tenancy.constants import Role

register = template.Library()


@register.filter
def handles_complaints(user) -> bool:
    return bool(
        user and user.is_authenticated and user.has_role(Role.COMPLAINTS_HANDLER, Role.COORDINATOR)
    )


@register.filter
def days_left(days: int | None) -> str:
    """Days until a deadline (negative: past it) in words."""
    if days is None:
        return ""
    if days == 0:
        return "vandaag"
    count = abs(days)
    words = f"{count} dag{'en' if count != 1 else ''}"
    return f"nog {words}" if days > 0 else f"{words} te laat"


@register.filter
def the_kind(complaint) -> str:
    return "de klacht" if complaint.kind == Kind.COMPLAINT else "het bezwaar"
