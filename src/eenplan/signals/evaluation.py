"""Turning situations into signals, for a batch of cases at a time.

``evaluate_cases`` loads the facts of a batch of cases with a fixed number of queries (the
rules' prefetches), lets every rule name the situations that hold, and reconciles them with the
signals of those cases:

* a situation without a signal gets one, open;
* a signal whose situation went away gets ``present`` false; an open one becomes *vervallen*
  and leaves the inbox, a resolved one stays resolved;
* a signal whose situation holds again after it went away opens again (``reopened_count`` + 1),
  as does a resolved one of a rule with ``reopen_on_new_organisation`` when an organisation
  joins;
* the explanation, details and organisations concerned (with their contact) follow the facts.

Writes are bulk statements, so the number of queries per batch does not depend on its size.
Evaluating twice changes nothing the second time.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from eenplan.signals import rules as signal_rules
from eenplan.signals.constants import SignalStatus
from eenplan.signals.counts import signal_counts_changed
from eenplan.signals.models import Signal, SignalOrganisation
from eenplan.signals.rules import Rule, Situation

UPDATE_FIELDS = [
    "status",
    "present",
    "explanation",
    "data",
    "person",
    "cleared_at",
    "reopened_at",
    "reopened_count",
    "updated_at",
]


@dataclass
class Summary:
    """What an evaluation changed."""

    cases: int = 0
    raised: int = 0
    reopened: int = 0
    cleared: int = 0
    gone: int = 0
    updated: int = 0

    def add(self, other: "Summary") -> None:
        for name in ("cases", "raised", "reopened", "cleared", "gone", "updated"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class _Work:
    """The writes one evaluation will do."""

    now: datetime.datetime
    create: list[Signal] = field(default_factory=list)
    update: list[Signal] = field(default_factory=list)
    parties: dict[int | str, tuple] = field(default_factory=dict)  # signal pk (or new key)
    summary: Summary = field(default_factory=Summary)


def situations(case_ids: Iterable[int], today: datetime.date, rules: list[Rule]) -> dict:
    """``{key: (rule, situation, case_id)}`` for every situation that holds in these cases."""
    found = {}
    for facts in signal_rules.load_facts(case_ids, today):
        for rule, situation in signal_rules.evaluate(facts, rules):
            found[situation.key] = (rule, situation, facts.case.pk)
    return found


def _selected_rules(kinds: Iterable[str] | None) -> list[Rule]:
    rules = list(signal_rules.RULES.values())
    return rules if kinds is None else [r for r in rules if r.kind in set(kinds)]


@transaction.atomic
def evaluate_cases(
    case_ids: Iterable[int],
    *,
    today: datetime.date | None = None,
    kinds: Iterable[str] | None = None,
) -> Summary:
    """Evaluate the rules (of ``kinds``, default all) for these cases and reconcile signals."""
    case_ids = sorted(set(case_ids))
    if not case_ids:
        return Summary()
    today = today or timezone.localdate()
    rules = _selected_rules(kinds)
    found = situations(case_ids, today, rules)
    # By case only: a condition on kind would make SQLite walk the (kind, key) index instead.
    kinds_evaluated = {rule.kind for rule in rules}
    existing = [
        signal
        for signal in Signal.objects.filter(case_id__in=case_ids)
        .filter(Q(present=True) | Q(key__in=list(found)))
        .select_for_update(of=("self",))
        .order_by("pk")
        if signal.kind in kinds_evaluated
    ]
    parties = _parties([signal.pk for signal in existing if signal.key in found])
    work = _Work(now=timezone.now(), summary=Summary(cases=len(case_ids)))
    seen = set()
    for signal in existing:
        seen.add(signal.key)
        if signal.key in found:
            rule, situation, _case_id = found[signal.key]
            _still_or_again(work, signal, parties.get(signal.pk, set()), rule, situation)
        else:
            _went_away(work, signal)
    for key, (_rule, situation, case_id) in found.items():
        if key not in seen:
            _raise(work, situation, case_id)
    _write(work, case_ids)
    return work.summary


def _raise(work: "_Work", situation: Situation, case_id: int) -> None:
    work.create.append(
        Signal(
            kind=situation.kind,
            key=situation.key,
            case_id=case_id,
            person_id=situation.person_id,
            explanation=situation.explanation,
            data=situation.data,
        )
    )
    work.parties[situation.key] = situation.parties
    work.summary.raised += 1


def _went_away(work: "_Work", signal: Signal) -> None:
    signal.present = False
    if signal.status == SignalStatus.OPEN:
        signal.status, signal.cleared_at = SignalStatus.CLEARED, work.now
        work.summary.cleared += 1
    else:
        work.summary.gone += 1
    signal.updated_at = work.now
    work.update.append(signal)


def _parties(signal_ids: list[int]) -> dict[int, set[tuple[int, int | None]]]:
    """Per signal, its ``(organisation_id, contact_id)`` pairs: plain rows, one query."""
    if not signal_ids:
        return {}
    rows = SignalOrganisation.objects.filter(signal_id__in=signal_ids).order_by()
    parties: dict[int, set] = {}
    for signal_id, organisation_id, contact_id in rows.values_list(
        "signal_id", "organisation_id", "contact_id"
    ):
        parties.setdefault(signal_id, set()).add((organisation_id, contact_id))
    return parties


def _still_or_again(
    work: "_Work", signal: Signal, current: set, rule: Rule, situation: Situation
) -> None:
    newcomer = bool(situation.organisation_ids - {organisation for organisation, _ in current})
    reopen = not signal.present or (
        rule.reopen_on_new_organisation and signal.status == SignalStatus.RESOLVED and newcomer
    )
    if reopen:
        signal.status, signal.present = SignalStatus.OPEN, True
        signal.reopened_at, signal.reopened_count = work.now, signal.reopened_count + 1
        work.summary.reopened += 1
    details = [n for n in ("explanation", "data", "person_id") if _differs(signal, situation, n)]
    for name in details:
        setattr(signal, name, getattr(situation, name))
    if details and not reopen:
        work.summary.updated += 1
    if details or reopen:
        signal.updated_at = work.now
        work.update.append(signal)
    if current != {(p.organisation_id, p.contact_id) for p in situation.parties}:
        work.parties[signal.pk] = situation.parties


def _differs(signal: Signal, situation: Situation, name: str) -> bool:
    return getattr(signal, name) != getattr(situation, name)


def _write(work: "_Work", case_ids: list[int]) -> None:
    if work.create:
        Signal.objects.bulk_create(work.create, ignore_conflicts=True)
        keys = [signal.key for signal in work.create]
        created = Signal.objects.filter(case_id__in=case_ids, key__in=keys).order_by()
        for pk, key in created.values_list("pk", "key"):
            work.parties[pk] = work.parties.pop(key)
    if work.update:
        Signal.objects.bulk_update(work.update, UPDATE_FIELDS)
    if work.parties:
        _write_parties(work.parties)
    if work.create or work.update or work.parties:
        signal_counts_changed()


def _write_parties(wanted: dict[int, tuple]) -> None:
    """Make the organisations concerned (and their contacts) of these signals what is wanted."""
    current = SignalOrganisation.objects.filter(signal_id__in=list(wanted))
    remove, change, have = [], [], set()
    for row in current:
        contacts = {p.organisation_id: p.contact_id for p in wanted[row.signal_id]}
        if row.organisation_id not in contacts:
            remove.append(row.pk)
            continue
        have.add((row.signal_id, row.organisation_id))
        if row.contact_id != contacts[row.organisation_id]:
            row.contact_id = contacts[row.organisation_id]
            change.append(row)
    add = [
        SignalOrganisation(
            signal_id=signal_id, organisation_id=p.organisation_id, contact_id=p.contact_id
        )
        for signal_id, parties in wanted.items()
        for p in parties
        if (signal_id, p.organisation_id) not in have
    ]
    if remove:
        SignalOrganisation.objects.filter(pk__in=remove).delete()
    if change:
        SignalOrganisation.objects.bulk_update(change, ["contact"])
    if add:
        SignalOrganisation.objects.bulk_create(add, ignore_conflicts=True)
