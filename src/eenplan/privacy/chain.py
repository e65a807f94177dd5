"""The access log as a hash chain, so that a changed or removed entry is detected.

Entries are written without a place in the chain (one INSERT, nothing to wait for). Right after
the writing transaction commits, ``seal`` gives the new entries the next sequence numbers and a
hash: HMAC-SHA256, keyed with a key derived from EENPLAN_ACCESS_LOG_KEY, over the previous hash
and every field of the entry. Sealing takes the lock on the one ``AccessLogChain`` row; a request
that finds it taken leaves its entries to that seal or the next instead of queueing behind it.
Whoever can change the database but not read the key cannot repair the chain after changing a
row.

``verify`` walks the chain in order and reports each place where the stored hash does not match
(a changed row, or a row missing before it), a gap in the sequence, a missing end, and how many
entries are not sealed yet (they are sealed by the next write, or by ``eenplan seal-access-log``).
"""

import hashlib
import hmac
import json
from dataclasses import dataclass, field

import structlog
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction

from eenplan.privacy.models import AccessLogChain, AccessLogEntry

log = structlog.get_logger(__name__)

HASHED_FIELDS = (
    "uuid",
    "trace_id",
    "span_id",
    "parent_span_id",
    "name",
    "start_time",
    "end_time",
    "status_code",
    "processing_activity_id",
    "purpose",
    "action",
    "actor_id",
    "actor_username",
    "organisation_name",
    "organisation_uuid",
    "case_uuid",
    "case_reference",
    "person_uuid",
    "data_subject_id",
    "data_subject_id_type",
)
BATCH = 2000


def _key() -> bytes:
    return hmac.new(settings.ACCESS_LOG_KEY.encode(), b"access-log-chain", hashlib.sha256).digest()


def _value(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def entry_hash(key: bytes, previous: str, seq: int, row: dict) -> str:
    content = {name: _value(row[name]) for name in HASHED_FIELDS}
    content["chain_seq"] = seq
    message = previous.encode() + json.dumps(content, sort_keys=True, default=str).encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def seal(*, wait: bool = True) -> int:
    """Give every entry without a place in the chain its sequence number and hash, oldest first.
    Returns how many were sealed.

    With ``wait`` False a seal running elsewhere is left to finish on its own instead of waited
    for: requests must not queue one after another on the chain's lock. What that seal did not
    see yet is sealed by the next one (a later request, or the periodic job).
    """
    key, sealed = _key(), 0
    AccessLogChain.objects.get_or_create(pk=1)
    while True:
        with transaction.atomic():
            chain = AccessLogChain.objects.select_for_update(skip_locked=not wait)
            head = chain.filter(pk=1).first()
            if head is None:
                return sealed
            rows = list(
                AccessLogEntry.objects.filter(chain_seq__isnull=True)
                .order_by("pk")
                .values("pk", *HASHED_FIELDS)[:BATCH]
            )
            if not rows:
                return sealed
            _commit_without_waiting_for_disk()
            updates = []
            for row in rows:
                head.last_seq += 1
                head.last_hash = entry_hash(key, head.last_hash, head.last_seq, row)
                updates.append(
                    AccessLogEntry(pk=row["pk"], chain_seq=head.last_seq, chain_hash=head.last_hash)
                )
            AccessLogEntry.objects.bulk_update(updates, ["chain_seq", "chain_hash"])
            head.save(update_fields=["last_seq", "last_hash"])
            sealed += len(rows)
        if len(rows) < BATCH:  # that was the rest: no second look for nothing
            return sealed


def _commit_without_waiting_for_disk() -> None:
    """A seal lost in a crash leaves its entries unsealed, and the chain's head with them (one
    transaction): the next seal does it again. So it need not wait for the disk, which would
    double the waiting of every request that reads personal data."""
    connection = transaction.get_connection()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit = off")


class _SealAfterCommit:
    """One transaction's seal. A failure leaves the entries unsealed (the next seal takes them
    along) and never fails the request that wrote them."""

    def __init__(self) -> None:
        self.done = False

    def __call__(self) -> None:
        self.done = True
        if settings.BROKER_URL:
            _seal_in_the_background()
            return
        try:
            seal(wait=False)
        except DatabaseError:
            log.warning("access_log.seal_failed", exc_info=True)


SEAL_QUEUED = "access-log:seal-queued"


def _seal_in_the_background() -> None:
    """With workers, a request leaves sealing to them: at most one seal job is waiting at a time
    (the job clears the mark before it looks for entries, so nothing committed after that is
    missed), and the request waits for no lock and no extra statements."""
    from eenplan.privacy.tasks import seal_access_log

    if not cache.add(SEAL_QUEUED, True, timeout=60):
        return
    try:
        seal_access_log.delay()
    except Exception:  # the broker is down: the five-minute job seals these entries later
        cache.delete(SEAL_QUEUED)
        log.warning("access_log.seal_not_queued", exc_info=True)


def seal_queued_done() -> None:
    """Called by the seal job before it seals: the next commit queues a job again."""
    cache.delete(SEAL_QUEUED)


def seal_after_commit() -> None:
    """Seal once the current transaction has committed: once, however many writes it held."""
    pending = transaction.get_connection().run_on_commit
    if not any(
        isinstance(callback, _SealAfterCommit) and not callback.done
        for _savepoints, callback, _robust in pending
    ):
        transaction.on_commit(_SealAfterCommit())


@dataclass
class Verification:
    checked: int = 0
    unsealed: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def intact(self) -> bool:
        return not self.problems


def verify(using: str = "default") -> Verification:
    """Walk the whole chain of database ``using`` and report where it is broken."""
    key, result = _key(), Verification()
    head = AccessLogChain.objects.using(using).filter(pk=1).first() or AccessLogChain()
    expected_seq, previous = head.first_seq, head.anchor_hash
    entries = AccessLogEntry.objects.using(using)
    rows = (
        entries.filter(chain_seq__isnull=False)
        .order_by("chain_seq")
        .values("chain_seq", "chain_hash", *HASHED_FIELDS)
    )
    for row in rows.iterator(chunk_size=BATCH):
        seq = row["chain_seq"]
        if seq != expected_seq:
            result.problems.append(f"Regels {expected_seq} tot {seq} ontbreken.")
        if entry_hash(key, previous, seq, row) != row["chain_hash"]:
            result.problems.append(f"Regel {seq} is veranderd, of de regel ervoor ontbreekt.")
        previous, expected_seq = row["chain_hash"], seq + 1
        result.checked += 1
    if expected_seq - 1 != head.last_seq:
        result.problems.append(
            f"De keten eindigt bij regel {expected_seq - 1}, maar hoort te eindigen bij "
            f"regel {head.last_seq}."
        )
    if head.last_seq and previous != head.last_hash:
        result.problems.append("De laatste regel klopt niet met de kop van de keten.")
    result.unsealed = entries.filter(chain_seq__isnull=True).count()
    return result
