"""Messages as a provider sends them, for given decisions: a start (305), a stop (307) and a
claim (323). For the tests and the demo; valid against the official XSDs.

Each builder takes decisions of one provider, one municipality and one standard (a start or
stop also of one client). ``fault`` makes a faulty message, as a provider's mistake would: an
allocation number that does not exist, a date outside the allocation's period, or more volume
than allocated.
"""

import datetime
import math
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from django.utils import timezone

from eenplan.provisions import amounts
from eenplan.provisions.constants import Frequency
from eenplan.provisions.messages import codes
from eenplan.provisions.messages.writing import (
    MAX_AMOUNT,
    Document,
    add_person,
    municipality_code,
    new_identification,
)

UNKNOWN_ALLOCATION_NUMBER = 999_999_999


class Fault(StrEnum):
    UNKNOWN_ALLOCATION = "onbekende_toewijzing"
    OUTSIDE_PERIOD = "buiten_periode"
    OVER_VOLUME = "boven_volume"


@dataclass(frozen=True)
class ClaimItem:
    """One Prestatie of a sample claim; what is not given follows from the decision."""

    decision: object
    period_start: datetime.date | None = None
    period_end: datetime.date | None = None
    volume: int | None = None
    reference: str | None = None
    fault: Fault | None = None
    credit: bool = False


def _document(decisions: list, code: str, identification: str | None, dated) -> Document:
    if not decisions:
        raise ValueError("A message needs at least one decision.")
    first = decisions[0]
    keys = {
        (d.provider_id, d.product.standard, d.case.household.municipality_id) for d in decisions
    }
    if len(keys) != 1 or not first.provider or not first.provider.agb_code:
        raise ValueError("A sample message is from one provider with an AGB code, to one "
                         "municipality, in one standard.")  # fmt: skip
    doc = Document(first.product.standard, code)
    doc.header(
        sender=first.provider.agb_code,
        receiver=municipality_code(first.case.household.municipality),
        identification=identification or new_identification(code),
        dated=dated or timezone.localdate(),
    )
    return doc


def _client(doc: Document, decisions: list):
    if len({d.person_id for d in decisions}) != 1:
        raise ValueError("A start or stop is for one client.")
    client = doc.add(doc.root, "Client")
    add_person(doc, client, decisions[0].person, full=False)
    return client


def _allocated(doc: Document, item, decision, fault: Fault | None) -> None:
    number = UNKNOWN_ALLOCATION_NUMBER if fault == Fault.UNKNOWN_ALLOCATION else decision.pk
    doc.add(item, "ToewijzingNummer", number)
    product = doc.add(item, "Product")
    doc.base(product, "Categorie", decision.product.category)
    if decision.product.code:
        doc.base(product, "Code", decision.product.code)
    doc.add(item, "ToewijzingIngangsdatum", decision.start_date)


def start_xml(
    decisions: Iterable,
    *,
    begin: datetime.date | None = None,
    fault: Fault | None = None,
    status: str = codes.FIRST_DELIVERY,
    identification: str | None = None,
    dated: datetime.date | None = None,
) -> bytes:
    """A 305: delivery of each decision starts on ``begin`` (default: its start date)."""
    decisions = list(decisions)
    doc = _document(decisions, codes.START, identification, dated)
    products = doc.add(_client(doc, decisions), "StartProducten")
    for decision in decisions:
        item = doc.add(products, "StartProduct")
        _allocated(doc, item, decision, fault)
        day = begin or decision.start_date
        if fault == Fault.OUTSIDE_PERIOD:
            day = decision.end_date + datetime.timedelta(days=1)
        doc.add(item, "Begindatum", day)
        doc.add(item, "StatusAanlevering", status)
    return doc.tostring()


def stop_xml(
    decisions: Iterable,
    *,
    end: datetime.date | None = None,
    reason: str | None = None,
    begin: datetime.date | None = None,
    fault: Fault | None = None,
    status: str = codes.FIRST_DELIVERY,
    identification: str | None = None,
    dated: datetime.date | None = None,
) -> bytes:
    """A 307: delivery that started on ``begin`` (default: the recorded start, else the start
    date) stops on ``end`` (default: the end date) for ``reason`` (default: as planned)."""
    decisions = list(decisions)
    doc = _document(decisions, codes.STOP, identification, dated)
    products = doc.add(_client(doc, decisions), "StopProducten")
    for decision in decisions:
        item = doc.add(products, "StopProduct")
        _allocated(doc, item, decision, fault)
        doc.add(item, "Begindatum", begin or decision.delivery_started_on or decision.start_date)
        doc.add(
            item, "RedenBeeindiging", reason or codes.STOP_AS_PLANNED[decision.product.standard]
        )
        day = end or decision.end_date
        if fault == Fault.OUTSIDE_PERIOD:
            day = decision.end_date + datetime.timedelta(days=1)
        doc.add(item, "Einddatum", day)
        doc.add(item, "StatusAanlevering", status)
    return doc.tostring()


# --- 323 ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Line:
    item: ClaimItem
    number: int
    reference: str
    start: datetime.date
    end: datetime.date
    volume: int

    @property
    def amount(self) -> int:
        cents = self.volume * self.item.decision.tariff_cents
        if cents > MAX_AMOUNT:
            raise ValueError("The amount of a sample claim line is too large.")
        return -cents if self.item.credit else cents


def _month_end(day: datetime.date) -> datetime.date:
    return amounts.add_months(day.replace(day=1), 1) - datetime.timedelta(days=1)


def _line(item: ClaimItem) -> _Line:
    decision = item.decision
    start = item.period_start or decision.start_date
    end = item.period_end or min(_month_end(start), decision.end_date)
    if item.fault == Fault.OUTSIDE_PERIOD:
        start = decision.end_date + datetime.timedelta(days=1)
        end = _month_end(start)
    allocated = amounts.total_units(
        decision.volume, decision.frequency, decision.start_date, decision.end_date
    )
    if item.fault == Fault.OVER_VOLUME:
        volume = math.ceil(allocated) + 1
    elif item.volume is not None:
        volume = item.volume
    elif decision.frequency == Frequency.TOTAL:
        volume = decision.volume
    else:
        volume = max(1, math.floor(amounts.total_units(decision.volume, decision.frequency,
                                                       start, end)))  # fmt: skip
    return _Line(
        item=item,
        number=UNKNOWN_ALLOCATION_NUMBER if item.fault == Fault.UNKNOWN_ALLOCATION else decision.pk,
        reference=item.reference or f"{decision.pk}-{secrets.token_hex(4)}",
        start=start,
        end=end,
        volume=volume,
    )


def _prestatie(doc: Document, parent, line: _Line) -> None:
    decision = line.item.decision
    item = doc.add(parent, "Prestatie")
    doc.base(doc.add(item, "ProductReferentie"), "ReferentieNummer", line.reference)
    doc.add(item, "ToewijzingNummer", line.number)
    doc.add(item, "ProductCategorie", decision.product.category)
    doc.add(item, "ProductCode", decision.product.code or decision.product.category)
    period = doc.add(item, "ProductPeriode")
    doc.base(period, "Begindatum", line.start)
    doc.base(period, "Einddatum", line.end)
    doc.add(item, "GeleverdVolume", line.volume)
    doc.add(item, "Eenheid", decision.unit)
    doc.add(item, "ProductTarief", decision.tariff_cents)
    doc.amount(item, "IngediendBedrag", line.amount)


def claim_xml(
    items: Iterable,
    *,
    claim_number: str | None = None,
    identification: str | None = None,
    dated: datetime.date | None = None,
) -> bytes:
    """A 323 with a Prestatie per item (a decision or a ``ClaimItem``), grouped per client."""
    lines = [_line(i if isinstance(i, ClaimItem) else ClaimItem(i)) for i in items]
    doc = _document([line.item.decision for line in lines], codes.CLAIM, identification, dated)
    claim = doc.add(doc.root, "Declaratie")
    doc.add(claim, "DeclaratieNummer", claim_number or secrets.token_hex(6).upper())
    period = doc.add(claim, "DeclaratiePeriode")
    doc.base(period, "Begindatum", min(line.start for line in lines))
    doc.base(period, "Einddatum", max(line.end for line in lines))
    doc.add(claim, "DeclaratieDagtekening", dated or timezone.localdate())
    doc.amount(claim, "TotaalIngediendBedrag", sum(line.amount for line in lines), total=True)
    clients = doc.add(claim, "Clienten")
    for bsn in dict.fromkeys(line.item.decision.person.bsn for line in lines):
        client = doc.add(clients, "Client")
        doc.add(client, "Bsn", bsn)
        prestaties = doc.add(client, "Prestaties")
        for line in lines:
            if line.item.decision.person.bsn == bsn:
                _prestatie(doc, prestaties, line)
    return doc.tostring()
