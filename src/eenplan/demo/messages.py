"""Messages with providers in the demo.

At seed time each Eemsdelta municipality sends the 301s for the demo households' allocations, and
the providers answer as they would: a start (305) for what has begun, a stop (307) for what ended,
and a claim (323) for the month before last, which EenPlan answers with a 325.

``provider_files`` writes what a provider could send next, to import by hand on the messages page:
a claim for last month, a stop, a claim with a faulty line of each kind, and two files that are
refused as a whole (not XML; an XML entity bomb).
"""

import datetime
from collections import defaultdict
from pathlib import Path

from django.utils import timezone

from eenplan.demo.data.regions import EEMSDELTA
from eenplan.provisions.amounts import add_months
from eenplan.provisions.constants import DecisionStatus, Frequency
from eenplan.provisions.messages import samples
from eenplan.provisions.messages.codes import START
from eenplan.provisions.messages.samples import ClaimItem, Fault
from eenplan.provisions.messages.services import message_export_allocations, message_import
from eenplan.provisions.models import Decision, Message
from eenplan.tenancy.constants import Role
from eenplan.tenancy.models import Municipality, User

ENTITY_BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lol [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<Bericht>&lol3;</Bericht>
"""


def _officer(municipality: Municipality) -> User:
    return (
        User.objects.filter(
            memberships__role=Role.MUNICIPAL_OFFICER,
            memberships__is_active=True,
            memberships__organisation__municipalities=municipality,
        )
        .order_by("username")
        .first()
    )


def _allocated(municipality: Municipality):
    """The demo households' decisions sent to a provider in a 301 (synthetic persons have no
    BSN: their decisions stand for allocations made outside the demo)."""
    return (
        Decision.objects.filter(
            case__household__municipality=municipality,
            status__in=[DecisionStatus.GRANTED, DecisionStatus.ENDED],
            allocation_message__isnull=False,
        )
        .exclude(person__bsn_digest="")
        .select_related("product", "provider", "person", "case__household")
        .order_by("pk")
    )


def _month(today: datetime.date, back: int) -> tuple[datetime.date, datetime.date]:
    first = add_months(today.replace(day=1), -back)
    return first, add_months(first, 1) - datetime.timedelta(days=1)


def _claim_items(decisions, month: tuple[datetime.date, datetime.date]) -> list[ClaimItem]:
    items = []
    for decision in decisions:
        if decision.frequency == Frequency.TOTAL and decision.claims.exists():
            continue  # delivered once, claimed once
        start = max(month[0], decision.start_date)
        end = min(month[1], decision.ended_on or decision.end_date)
        if start <= end:
            items.append(ClaimItem(decision, period_start=start, period_end=end))
    return items


def _by_provider(decisions) -> dict[tuple, list[Decision]]:
    groups = defaultdict(list)
    for decision in decisions:
        groups[decision.provider_id, decision.product.standard].append(decision)
    return groups


def messages_load() -> int:
    """Exchange the demo's messages once; returns the number of messages read."""
    if Message.objects.filter(code=START).exists():
        return 0
    read = 0
    for municipality in Municipality.objects.filter(region__name=EEMSDELTA.name):
        officer = _officer(municipality)
        if officer is not None and message_export_allocations(
            actor=officer, municipality=municipality
        ):
            read += _provider_answers(officer, municipality)
    return read


def _provider_answers(officer: User, municipality: Municipality) -> int:
    today = timezone.localdate()
    decisions = [d for d in _allocated(municipality) if d.start_date <= today]
    contents = []
    for decision in decisions:
        contents.append(samples.start_xml([decision]))
        if decision.status == DecisionStatus.ENDED:
            contents.append(samples.stop_xml([decision], end=decision.ended_on))
    for group in _by_provider(decisions).values():
        items = _claim_items(group, _month(today, 2))
        if items:
            contents.append(samples.claim_xml(items))
    for content in contents:
        message_import(actor=officer, municipality=municipality, content=content)
    return len(contents)


def provider_files(directory: Path, municipality: Municipality) -> list[Path]:
    """Write provider messages to import by hand for ``municipality``; returns the files."""
    today = timezone.localdate()
    running = [
        d
        for d in _allocated(municipality).filter(status=DecisionStatus.GRANTED)
        if d.start_date <= today <= d.end_date
    ]
    directory.mkdir(parents=True, exist_ok=True)
    files: dict[str, bytes] = {
        "9-geen-xml.xml": b"Dit is geen bericht.",
        "9-entiteiten.xml": ENTITY_BOMB,
    }
    for number, group in enumerate(_by_provider(running).values(), start=1):
        items = _claim_items(group, _month(today, 1))
        if items:
            files[f"{number}-declaratie-vorige-maand.xml"] = samples.claim_xml(items)
        faulty = [ClaimItem(group[0], fault=fault) for fault in Fault]
        files[f"{number}-declaratie-met-fouten.xml"] = samples.claim_xml(faulty)
        files[f"{number}-stop.xml"] = samples.stop_xml([group[0]], end=today)
    paths = []
    for name, content in sorted(files.items()):
        path = directory / name
        path.write_bytes(content)
        paths.append(path)
    return paths
