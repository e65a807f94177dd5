"""Every read of signals: filtered with ``visible_to(user)`` (``policy.signal_visibility``),
logged in the access log, in a fixed number of queries.

A signal is about a household, so each read is logged as one entry per (case, person) subject:
for a match the person it is about, for the other kinds the household's contact person (whose
family name the household's name shows), as the case list does.
"""

import uuid
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import timezone

from eenplan.common.selectors import Listing
from eenplan.people.models import HouseholdMember
from eenplan.privacy import policy
from eenplan.privacy.constants import Action
from eenplan.privacy.services import access_log_write
from eenplan.signals.constants import SignalStatus
from eenplan.signals.models import Signal, SignalOrganisation
from eenplan.signals.services import may_resolve

MAX_PAGE_SIZE = 100


def _signals(user):
    return (
        Signal.objects.visible_to(user)
        .select_related(
            "case__household__municipality",
            "case__coordinator",
            "case__coordinator_organisation",
            "person",
            "continuing_organisation",
            "resolved_by",
        )
        .prefetch_related(
            Prefetch(
                "parties",
                queryset=SignalOrganisation.objects.select_related("organisation", "contact"),
            ),
            "stopping_organisations",
            Prefetch(
                "case__household__memberships",
                queryset=HouseholdMember.objects.filter(is_contact=True).select_related("person"),
                to_attr="contacts",
            ),
        )
    )


def _subject(signal: Signal) -> tuple:
    if signal.person_id:
        return (signal.case, signal.person)
    contacts = signal.case.household.contacts
    return (signal.case, contacts[0].person if contacts else None)


def _finish(user, signals: list[Signal], *, name: str, started_at) -> list[Signal]:
    """Mark what the user may resolve and log the read (one INSERT)."""
    working = set(policy.working_organisation_ids(user).values_list("organisation_id", flat=True))
    subjects = {}
    for signal in signals:
        signal.may_resolve = may_resolve(user, signal, working)
        case, person = _subject(signal)
        subjects[(case.pk, person.pk if person else None)] = (case, person)
    if subjects:
        access_log_write(
            actor=user,
            action=Action.READ,
            name=name,
            subjects=list(subjects.values()),
            started_at=started_at,
        )
    return signals


@dataclass(frozen=True)
class SignalFilters:
    kind: str = ""
    status: str = ""
    case_uuid: uuid.UUID | None = None
    municipality: uuid.UUID | None = None
    coordinated_by_me: bool = False


def _filtered(user, filters: SignalFilters):
    signals = _signals(user)
    if filters.kind:
        signals = signals.filter(kind=filters.kind)
    if filters.status:
        signals = signals.filter(status=filters.status)
    if filters.case_uuid:
        signals = signals.filter(case__uuid=filters.case_uuid)
    if filters.municipality:
        signals = signals.filter(case__household__municipality__uuid=filters.municipality)
    if filters.coordinated_by_me:
        signals = signals.filter(case__coordinator_id=user.pk)
    return signals


def signal_list(
    *, user, filters: SignalFilters = SignalFilters(), page: int = 1, page_size: int = 25
) -> Listing:
    """The signals the user may see, newest first, one page at a time."""
    started_at = timezone.now()
    page, page_size = max(1, page), min(max(1, page_size), MAX_PAGE_SIZE)
    signals = _filtered(user, filters)
    count = signals.count()
    offset = (page - 1) * page_size
    items = list(signals[offset : offset + page_size])
    _finish(user, items, name="signalen bekijken", started_at=started_at)
    return Listing(items=items, count=count, page=page, page_size=page_size)


def signal_inbox(
    *,
    user,
    kind: str = "",
    municipality: uuid.UUID | None = None,
    coordinated_by_me: bool = False,
    page: int = 1,
    page_size: int = 25,
) -> Listing:
    """The open signals for the user: of their organisations and of the households they
    coordinate (as far as they may see them)."""
    filters = SignalFilters(
        kind=kind,
        status=SignalStatus.OPEN,
        municipality=municipality,
        coordinated_by_me=coordinated_by_me,
    )
    return signal_list(user=user, filters=filters, page=page, page_size=page_size)


def signal_get(*, user, signal_uuid: uuid.UUID) -> Signal:
    """One signal; ``Signal.DoesNotExist`` when the user may not see it."""
    started_at = timezone.now()
    signal = _signals(user).get(uuid=signal_uuid)
    _finish(user, [signal], name="signaal bekijken", started_at=started_at)
    return signal


def case_signals(*, user, case_uuid: uuid.UUID) -> list[Signal]:
    """The open signals of one household's case that the user may see (for the household page).

    Empty when there are none or the user may see none; it does not tell whether the case exists.
    """
    started_at = timezone.now()
    signals = list(
        _signals(user).filter(case__uuid=case_uuid, status=SignalStatus.OPEN).order_by("kind", "pk")
    )
    return _finish(user, signals, name="signalen van een casus bekijken", started_at=started_at)
