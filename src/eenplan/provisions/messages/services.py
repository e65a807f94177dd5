"""Exchanging iWmo/iJw messages with providers.

Export: one allocation (301) per provider, client and standard, for the granted decisions with a
provider that have none yet. Import: a provider's start (305), stop (307) or claim (323), in one
transaction; each line is matched to an allocation of that provider in this municipality and
recorded, or refused with the standard's retour code. A claim gets its answer (325) at once.

Who may: the municipal officers and functional admins of the municipality. A file that cannot
be read, is meant for another municipality, comes from a provider without a contract here, or
was processed before, is refused as a whole (ValidationError) and nothing is stored.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet, Sum
from django.utils.formats import date_format

from eenplan.cases.constants import TimelineEventKind
from eenplan.cases.services import timeline_record
from eenplan.privacy.constants import Action
from eenplan.privacy.services import access_log_write
from eenplan.provisions import amounts
from eenplan.provisions.constants import ClaimStatus, DecisionStatus, Unit
from eenplan.provisions.messages import codes, reading, writing
from eenplan.provisions.messages.selectors import exchange_municipalities
from eenplan.provisions.models import Claim, Decision, Message
from eenplan.provisions.services import euros
from eenplan.tenancy.models import Municipality, Organisation


def may_exchange_messages(user, municipality: Municipality) -> bool:
    """Municipal officers and functional admins of the municipality exchange its messages."""
    return exchange_municipalities(user).filter(pk=municipality.pk).exists()


def _require(actor, municipality: Municipality) -> None:
    if not may_exchange_messages(actor, municipality):
        raise PermissionDenied(
            "Alleen consulenten en functioneel beheerders van de gemeente wisselen berichten "
            "met aanbieders uit."
        )


def _day(day: datetime.date) -> str:
    return date_format(day, "j F Y")


def _store(message: Message, content: bytes, outcome: dict) -> Message:
    """Give a message written by EenPlan its identification, content and file name."""
    name = codes.message_name(message.standard, message.code)
    message.content = content.decode()
    message.file_name = f"{name}_{message.identification}.xml"
    message.outcome = outcome
    message.save(update_fields=["identification", "content", "file_name", "outcome"])
    return message


def _new_outgoing(actor, municipality, provider, standard, code, **fields) -> Message:
    message = Message.objects.create(
        municipality=municipality,
        provider=provider,
        standard=standard,
        code=code,
        incoming=False,
        content="",
        created_by=actor,
        **fields,
    )
    message.identification = f"EP{message.pk:010d}"  # unique, at most 12 characters
    return message


def _log(actor, decisions, name: str) -> None:
    subjects = {(d.case_id, d.person_id): (d.case, d.person) for d in decisions}
    if subjects:
        access_log_write(actor=actor, action=Action.UPDATE, name=name, subjects=subjects.values())


# --- export (301) -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Skip:
    """A decision that cannot be allocated by message, and why."""

    decision: Decision
    reason: str

    def __str__(self) -> str:
        return f"{self.decision.reference} ({self.decision.product.name}): {self.reason}"


def _pending(municipality: Municipality) -> QuerySet:
    return (
        Decision.objects.filter(
            case__household__municipality=municipality,
            status=DecisionStatus.GRANTED,
            provider__isnull=False,
            allocation_message__isnull=True,
        )
        .exclude(product__standard="")
        .select_related("case__household__municipality", "person", "product", "provider")
        .order_by("pk")
    )


def allocation_skips(*, actor, municipality: Municipality) -> list[Skip]:
    """Granted decisions waiting for a 301 that cannot get one, with the reason (no names)."""
    _require(actor, municipality)
    return [
        Skip(d, reason) for d in _pending(municipality) if (reason := writing.not_exportable(d))
    ]


def allocations_waiting(*, actor, municipality: Municipality) -> int:
    """How many granted decisions a 301 can be written for now."""
    _require(actor, municipality)
    return sum(1 for d in _pending(municipality) if not writing.not_exportable(d))


@transaction.atomic
def message_export_allocations(*, actor, municipality: Municipality) -> list[Message]:
    """A 301 per provider, client and standard for the granted decisions with a provider that
    have no allocation message yet; each decision gets its message. Decisions that cannot be
    exported (``allocation_skips``) wait."""
    _require(actor, municipality)
    groups: dict[tuple, list[Decision]] = {}
    for decision in _pending(municipality).select_for_update(of=("self",)):
        if not writing.not_exportable(decision):
            key = (decision.provider_id, decision.person_id, decision.product.standard)
            groups.setdefault(key, []).append(decision)
    return [_export(actor, municipality, decisions) for decisions in groups.values()]


def _export(actor, municipality: Municipality, decisions: list[Decision]) -> Message:
    first = decisions[0]
    message = _new_outgoing(
        actor, municipality, first.provider, first.product.standard, codes.ALLOCATION
    )
    content = writing.allocation_xml(decisions, identification=message.identification)
    lines = [
        {
            "line": number,
            "allocation": decision.allocation_number,
            "decision": decision.reference,
            "status": "verstuurd",
            "codes": [],
            "explanation": f"{decision.product.name}, {_day(decision.start_date)} tot en met "
            f"{_day(decision.end_date)}.",
        }
        for number, decision in enumerate(decisions, 1)
    ]
    summary = f"{_count(len(lines), 'toewijzing', 'toewijzingen')} voor {first.provider.name}."
    _store(message, content, {"summary": summary, "lines": lines})
    Decision.objects.filter(pk__in=[d.pk for d in decisions]).update(allocation_message=message)
    _log(actor, decisions, "toewijzing (301) aan aanbieder versturen")
    return message


def _count(number: int, one: str, more: str) -> str:
    return f"{number} {one if number == 1 else more}"


# --- import (305, 307, 323) ---------------------------------------------------------------------


@dataclass
class _Context:
    actor: object
    municipality: Municipality
    provider: Organisation
    message: Message
    standard: str
    decisions: dict[int, Decision] = field(default_factory=dict)
    # Per decision the units of its accepted claims (debits minus credits), this message's too.
    used: dict[int, int] = field(default_factory=dict)


@dataclass(frozen=True)
class LineResult:
    allocation: int | None
    decision: Decision | None
    codes: tuple[str, ...] = ()
    explanation: str = ""
    reference: str = ""

    @property
    def accepted(self) -> bool:
        return not self.codes

    def as_json(self, number: int) -> dict:
        return {
            "line": number,
            "allocation": self.allocation,
            "decision": self.decision.reference if self.decision else "",
            "reference": self.reference,
            "status": ClaimStatus.ACCEPTED if self.accepted else ClaimStatus.REFUSED,
            "codes": list(self.codes),
            "explanation": self.explanation or codes.describe(self.codes),
        }


def _refuse(number, decision, *found: str, reference: str = "") -> LineResult:
    return LineResult(number, decision, tuple(found), reference=reference)


def _text(content: bytes) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise reading.invalid("het is niet in de tekenset UTF-8.") from None


def _sender(agb_code: str, municipality: Municipality) -> Organisation:
    """The provider with this AGB code and a contract here, locked: imports from one provider
    run one after the other."""
    pk = (
        Organisation.objects.filter(agb_code=agb_code, contracts__municipalities=municipality)
        .values_list("pk", flat=True)
        .first()
    )
    if pk is None:
        raise ValidationError(
            f"De afzender (AGB-code {agb_code}) is geen aanbieder met een contract in "
            f"{municipality.name}. Het bericht is niet verwerkt."
        )
    return Organisation.objects.select_for_update().get(pk=pk)


@transaction.atomic
def message_import(
    *, actor, municipality: Municipality, content: bytes, file_name: str = ""
) -> Message:
    """Read and process a 305, 307 or 323 a provider sent to ``municipality``.

    Returns the stored message; its ``outcome`` has a Dutch summary and the result per line.
    A claim's answer (325) is ``message.reply``.
    """
    _require(actor, municipality)
    incoming = reading.read_message(content)
    text = _text(content)
    header = incoming.header
    own_code = writing.municipality_code(municipality)
    if header.receiver != own_code:
        raise ValidationError(
            f"Dit bericht is voor gemeentecode {header.receiver}, niet voor {municipality.name} "
            f"({own_code}). Het is niet verwerkt."
        )
    provider = _sender(header.sender, municipality)
    earlier = Message.objects.filter(
        provider=provider,
        standard=header.standard,
        code=header.code,
        incoming=True,
        identification=header.identification,
    ).first()
    if earlier is not None:
        raise ValidationError(
            f"Dit bericht is al verwerkt: {provider.name} stuurde bericht {header.identification} "
            f"al eerder ({_day(earlier.created_at.date())}). Het is niet opnieuw verwerkt."
        )
    message = Message.objects.create(
        municipality=municipality,
        provider=provider,
        standard=header.standard,
        code=header.code,
        incoming=True,
        identification=header.identification,
        file_name=file_name[:200],
        content=text,
        created_by=actor,
    )
    context = _Context(actor, municipality, provider, message, header.standard)
    if header.code == codes.START:
        results = [_start(context, line) for line in incoming.lines]
    elif header.code == codes.STOP:
        results = [_stop(context, line) for line in incoming.lines]
    else:
        results = _claims(context, incoming)
    message.outcome = _outcome(results)
    message.save(update_fields=["outcome"])
    if header.code == codes.CLAIM:
        _answer(context, incoming, results)
    label = codes.LABELS[header.code].lower()
    _log(actor, context.decisions.values(), f"{label} ({header.code}) van aanbieder verwerken")
    return message


def _outcome(results: list[LineResult]) -> dict:
    accepted = sum(1 for result in results if result.accepted)
    refused = len(results) - accepted
    return {
        "summary": f"{_count(len(results), 'regel', 'regels')}: {accepted} goedgekeurd, "
        f"{refused} afgekeurd.",
        "accepted": accepted,
        "refused": refused,
        "lines": [result.as_json(number) for number, result in enumerate(results, 1)],
    }


def _allocation(context: _Context, number: int | None) -> Decision | None:
    """The decision with ToewijzingNummer ``number`` if it is this provider's, in this
    municipality and standard, granted or ended; locked."""
    if number is None:
        return None
    if number in context.decisions:  # locked by an earlier line of this message
        return context.decisions[number]
    decision = (
        Decision.objects.select_related("case__household", "person", "product")
        .select_for_update(of=("self",))
        .filter(
            pk=number,
            provider=context.provider,
            case__household__municipality=context.municipality,
            product__standard=context.standard,
            status__in=[DecisionStatus.GRANTED, DecisionStatus.ENDED],
        )
        .first()
    )
    if decision is not None:
        context.decisions[decision.pk] = decision
    return decision


def _last_day(decision: Decision) -> datetime.date:
    return min(decision.end_date, decision.ended_on) if decision.ended_on else decision.end_date


def _timeline(context: _Context, decision: Decision, what: str) -> None:
    timeline_record(
        actor=context.actor,
        case=decision.case,
        kind=TimelineEventKind.DELIVERY_CHANGED,
        summary=f"{decision.product.name} voor {decision.person.given_names}: {what} "
        f"(bericht van {context.provider.name}).",
        data={"decision": str(decision.uuid), "message": str(context.message.uuid)},
    )


def _start(context: _Context, line: reading.StartLine) -> LineResult:
    number = line.allocation_number
    decision = _allocation(context, number)
    if decision is None:
        return _refuse(number, None, codes.NOT_LINKED)
    if decision.person.bsn != line.bsn:
        return _refuse(number, decision, codes.NOT_THIS_CLIENT)
    if line.status == codes.DELETE_DELIVERY:
        if decision.delivery_started_on != line.begin:
            return _refuse(number, decision, codes.NO_CURRENT_START)
        decision.delivery_started_on = None
        what = f"start van de levering op {_day(line.begin)} ingetrokken"
    else:
        if not decision.start_date <= line.begin <= _last_day(decision):
            return _refuse(number, decision, codes.BEGIN_OUTSIDE_PERIOD)
        if decision.delivery_started_on == line.begin:
            return _refuse(number, decision, codes.SAME_KEY)
        if decision.delivery_ended_on and decision.delivery_ended_on < line.begin:
            decision.delivery_ended_on, decision.delivery_stop_reason = None, ""  # restarted
        decision.delivery_started_on = line.begin
        what = f"levering gestart op {_day(line.begin)}"
    decision.save(
        update_fields=["delivery_started_on", "delivery_ended_on", "delivery_stop_reason"]
    )
    _timeline(context, decision, what)
    return LineResult(number, decision, explanation=what[0].upper() + what[1:] + ".")


def _stop(context: _Context, line: reading.StopLine) -> LineResult:
    number = line.allocation_number
    decision = _allocation(context, number)
    if decision is None:
        return _refuse(number, None, codes.NOT_LINKED)
    if decision.person.bsn != line.bsn:
        return _refuse(number, decision, codes.NOT_THIS_CLIENT)
    if decision.delivery_started_on is None or decision.delivery_started_on != line.begin:
        return _refuse(number, decision, codes.NO_CURRENT_START)
    if line.status == codes.DELETE_DELIVERY:
        if decision.delivery_ended_on != line.end:
            return _refuse(number, decision, codes.NO_CURRENT_START)
        decision.delivery_ended_on, decision.delivery_stop_reason = None, ""
        what = f"stop van de levering op {_day(line.end)} ingetrokken"
    else:
        if not line.begin <= line.end <= _last_day(decision):
            return _refuse(number, decision, codes.END_OUTSIDE_PERIOD)
        decision.delivery_ended_on, decision.delivery_stop_reason = line.end, line.reason
        reason = codes.STOP_REASONS[context.standard][line.reason].lower()
        what = f"levering gestopt op {_day(line.end)} ({reason})"
    decision.save(update_fields=["delivery_ended_on", "delivery_stop_reason"])
    _timeline(context, decision, what)
    return LineResult(number, decision, explanation=what[0].upper() + what[1:] + ".")


# --- claims (323) and the answer (325) ----------------------------------------------------------


def _claims(context: _Context, incoming: reading.IncomingMessage) -> list[LineResult]:
    results = []
    for line in incoming.lines:
        decision = _allocation(context, line.allocation_number)
        found = _claim_codes(context, decision, line)
        if not found:
            change = line.volume if line.debit else -line.volume
            context.used[decision.pk] = _used(context, decision) + change
        Claim.objects.create(
            decision=decision,
            message=context.message,
            reference=line.reference,
            period_start=line.period_start,
            period_end=line.period_end,
            volume=line.volume,
            amount_cents=line.signed_amount,
            status=ClaimStatus.REFUSED if found else ClaimStatus.ACCEPTED,
            refusal_code=found[0] if found else "",
        )
        explanation = "" if found else _accepted_text(decision, line)
        results.append(
            LineResult(line.allocation_number, decision, tuple(found), explanation, line.reference)
        )
    return results


def _accepted_text(decision: Decision, line: reading.ClaimLine) -> str:
    what = "Gecrediteerd" if not line.debit else "Goedgekeurd"
    return (
        f"{what}: {line.volume} {Unit(line.unit).label} van {_day(line.period_start)} tot en met "
        f"{_day(line.period_end)}, {euros(line.signed_amount)}."
    )


def _claim_codes(context: _Context, decision: Decision | None, line: reading.ClaimLine) -> list:
    if decision is None:
        return [codes.UNKNOWN_ALLOCATION]
    found = _product_codes(decision, line) + _period_codes(decision, line)
    tariff = decision.tariff_cents if line.tariff_cents is None else line.tariff_cents
    if tariff != decision.tariff_cents:
        found.append(codes.TARIFF_DIFFERS)
    elif line.unit != Unit.EURO and line.amount_cents != line.volume * tariff:
        found.append(codes.AMOUNT_DIFFERS)
    found += _debit_codes(context, decision, line) if line.debit else _credit_codes(decision, line)
    return found


def _product_codes(decision: Decision, line: reading.ClaimLine) -> list[str]:
    checks = {
        codes.NOT_THIS_CLIENT: decision.person.bsn != line.bsn,
        codes.CATEGORY_DIFFERS: line.category != decision.product.category,
        codes.PRODUCT_CODE_DIFFERS: bool(decision.product.code)
        and line.product_code != decision.product.code,
        codes.UNIT_DIFFERS: line.unit != decision.unit,
    }
    return [code for code, failed in checks.items() if failed]


def _period_codes(decision: Decision, line: reading.ClaimLine) -> list[str]:
    first, last = decision.start_date, _last_day(decision)
    checks = {
        codes.BEGIN_OUTSIDE_PERIOD: not first <= line.period_start <= last,
        codes.END_OUTSIDE_PERIOD: not (
            line.period_start <= line.period_end and first <= line.period_end <= last
        ),
    }
    return [code for code, failed in checks.items() if failed]


def _debit_codes(context: _Context, decision: Decision, line: reading.ClaimLine) -> list[str]:
    earlier = Claim.objects.filter(
        message__provider=context.provider,
        message__standard=context.standard,
        reference=line.reference,
        amount_cents__gte=0,
    )
    if earlier.exists():
        return [codes.REFERENCE_ALREADY_SUBMITTED]
    allocated = amounts.total_units(
        decision.volume, decision.frequency, decision.start_date, decision.end_date
    )
    if line.volume > allocated:
        return [codes.VOLUME_OVER]
    if _used(context, decision) + line.volume > allocated:
        return [codes.VOLUME_SUM_OVER]
    return []


def _used(context: _Context, decision: Decision) -> int:
    if decision.pk not in context.used:
        used = Claim.objects.filter(decision=decision, status=ClaimStatus.ACCEPTED).aggregate(
            debit=Sum("volume", filter=Q(amount_cents__gte=0), default=0),
            credit=Sum("volume", filter=Q(amount_cents__lt=0), default=0),
        )
        context.used[decision.pk] = used["debit"] - used["credit"]
    return context.used[decision.pk]


def _credit_codes(decision: Decision, line: reading.ClaimLine) -> list[str]:
    same = Claim.objects.filter(
        decision=decision, reference=line.reference, status=ClaimStatus.ACCEPTED
    )
    if not same.filter(amount_cents__gte=0).exists():
        return [codes.CREDIT_WITHOUT_DEBIT]
    if same.filter(amount_cents__lt=0).exists():
        return [codes.ALREADY_CREDITED]
    return []


def _answer(context: _Context, incoming: reading.IncomingMessage, results) -> Message:
    claim = context.message
    reply = _new_outgoing(
        context.actor,
        context.municipality,
        context.provider,
        context.standard,
        codes.CLAIM_ANSWER,
        in_reply_to=claim,
    )
    answers = [
        writing.LineAnswer(line, result.codes)
        for line, result in zip(incoming.lines, results, strict=True)
    ]
    content = writing.claim_answer_xml(incoming, answers, identification=reply.identification)
    outcome = {**claim.outcome, "summary": f"Antwoord op declaratie {incoming.claim_number}: "}
    outcome["summary"] += claim.outcome["summary"]
    return _store(reply, content, outcome)
