"""Reading iWmo/iJw messages: only for the municipalities a user exchanges messages for.

The list shows no personal data (code, provider, identification, a summary in counts). One
message holds personal data (the XML names the client, the outcome names the allocations), so
reading it writes the access log for each person whose allocation it concerns.
"""

import uuid

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from eenplan.common.selectors import Listing
from eenplan.privacy import policy
from eenplan.privacy.constants import Action
from eenplan.privacy.services import access_log_write
from eenplan.provisions.models import Decision, Message
from eenplan.tenancy.constants import Role
from eenplan.tenancy.models import Municipality

EXCHANGE_ROLES = (Role.MUNICIPAL_OFFICER, Role.FUNCTIONAL_ADMIN)


def exchange_municipalities(user) -> QuerySet:
    """The municipalities whose messages the user exchanges: served by an organisation where
    the user is a municipal officer or functional admin."""
    if not (user and user.is_authenticated and user.is_active):
        return Municipality.objects.none()
    return Municipality.objects.filter(pk__in=policy.role_municipality_ids(user, EXCHANGE_ROLES))


def _messages(user) -> QuerySet:
    allowed = exchange_municipalities(user)
    if not allowed.exists():
        raise PermissionDenied(
            "Alleen consulenten en functioneel beheerders van een gemeente zien de berichten "
            "met aanbieders."
        )
    return Message.objects.filter(municipality__in=allowed).select_related(
        "municipality", "provider", "in_reply_to", "reply"
    )


def message_list(
    *,
    user,
    municipality_uuid: uuid.UUID | None = None,
    page: int = 1,
    page_size: int = 25,
) -> Listing:
    """Messages newest first, without their content; PermissionDenied for a user who exchanges
    messages for no municipality. Another municipality's filter gives an empty list."""
    rows = _messages(user).defer("content").order_by("-created_at", "-pk")
    if municipality_uuid is not None:
        rows = rows.filter(municipality__uuid=municipality_uuid)
    offset = (page - 1) * page_size
    return Listing(
        items=list(rows[offset : offset + page_size]),
        count=rows.count(),
        page=page,
        page_size=page_size,
    )


def message_get(*, user, message_uuid: uuid.UUID) -> Message:
    """One message with its content; ``Message.DoesNotExist`` when the user may not see it."""
    message = _messages(user).get(uuid=message_uuid)
    subjects = message_subjects(message)
    if subjects:
        access_log_write(
            actor=user, action=Action.READ, name="bericht met aanbieder inzien", subjects=subjects
        )
    return message


def message_subjects(message: Message) -> list[tuple]:
    """The (case, person) of every allocation the message concerns in its municipality."""
    lines = message.outcome.get("lines", []) if isinstance(message.outcome, dict) else []
    numbers = {
        line.get("allocation")
        for line in lines
        if isinstance(line, dict)
        and line.get("decision")
        and isinstance(line.get("allocation"), int)
    }
    decisions = (
        Decision.objects.filter(case__household__municipality_id=message.municipality_id)
        .filter(pk__in=numbers)
        .select_related("case", "person")
        .order_by("pk")
    )
    subjects = {(d.case_id, d.person_id): (d.case, d.person) for d in decisions}
    return list(subjects.values())
