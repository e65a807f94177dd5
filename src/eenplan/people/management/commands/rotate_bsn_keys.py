"""``eenplan rotate-bsn-keys``: bring every stored BSN to the current keys.

Re-encrypts each BSN with the first key of EENPLAN_BSN_KEYS and recomputes its digest with the
first key of EENPLAN_BSN_HASH_KEYS, then re-encrypts every ``EncryptedTextField`` (the iWmo/iJw
messages) with that first key; batch by batch, each batch in its own transaction. A row is
only written when it still holds the value that was read, so a person saved meanwhile (already
with the current keys) is left alone. Rows that are current are skipped: rerunning after an
interruption continues where it stopped. The procedure is in docs/security.md.
"""

from dataclasses import dataclass

from django.core.management.base import BaseCommand, CommandError
from django.db import models, transaction

from eenplan.common.fields import encrypted_text_fields, stored_token
from eenplan.common.identifiers import (
    BsnKeyError,
    bsn_digest,
    decrypt_bsn,
    rotate_bsn_token,
    rotate_token,
)
from eenplan.people.models import Person

TEXT_BATCH_LIMIT = 100  # a message may be several MB


@dataclass(frozen=True)
class _Row:
    pk: int
    token: str
    digest: str
    new_token: str | None  # None: already encrypted with the current key
    new_digest: str

    @property
    def outdated(self) -> bool:
        return self.new_token is not None or self.new_digest != self.digest


class Command(BaseCommand):
    help = (
        "Versleutel elk BSN en elk iWmo/iJw-bericht opnieuw met de eerste sleutel van "
        "EENPLAN_BSN_KEYS en bereken de zoekhash opnieuw met de eerste sleutel van "
        "EENPLAN_BSN_HASH_KEYS."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="Verander niets: meld hoeveel BSN's en berichten nog een oude sleutel gebruiken "
            "(exitcode 1 als dat er een of meer zijn).",
        )
        parser.add_argument(
            "--batch-size", type=int, default=500, help="Rijen per transactie (500)."
        )

    def handle(self, *args, check: bool, batch_size: int, **options):
        total = Person.objects.exclude(bsn_encrypted="").count()
        seen = old_encryption = old_digest = written = 0
        for rows in self._batches(batch_size):
            outdated = [row for row in rows if row.outdated]
            old_encryption += sum(row.new_token is not None for row in outdated)
            old_digest += sum(row.new_digest != row.digest for row in outdated)
            if not check:
                written += self._save(outdated)
            seen += len(rows)
            progress = f"{seen}/{total} personen met een BSN nagelopen"
            self.stdout.write(f"{progress}." if check else f"{progress}, {written} bijgewerkt.")
        texts = {}  # label: outdated (check) or written rows
        for model, field in encrypted_text_fields():
            label = str(model._meta.verbose_name_plural)
            texts[label] = self._rotate_texts(model, field, label, check, batch_size)
        if check:
            self._report(old_encryption, old_digest, texts)
        else:
            done = "".join(f", {count} {label}" for label, count in texts.items())
            self.stdout.write(
                self.style.SUCCESS(
                    f"Klaar: {written} BSN's{done} omgezet naar de nieuwste sleutels."
                )
            )

    def _batches(self, size: int):
        last_pk = 0
        while True:
            batch = list(
                Person.objects.filter(pk__gt=last_pk)
                .exclude(bsn_encrypted="")
                .order_by("pk")
                .values_list("pk", "bsn_encrypted", "bsn_digest")[:size]
            )
            if not batch:
                return
            yield [self._row(*values) for values in batch]
            last_pk = batch[-1][0]

    def _row(self, pk: int, token: str, digest: str) -> _Row:
        try:
            return _Row(pk, token, digest, rotate_bsn_token(token), bsn_digest(decrypt_bsn(token)))
        except BsnKeyError as error:
            raise CommandError(f"Persoon met id {pk}: {error}") from error

    def _save(self, rows: list[_Row]) -> int:
        with transaction.atomic():
            return sum(
                Person.objects.filter(pk=row.pk, bsn_encrypted=row.token).update(
                    bsn_encrypted=row.new_token or row.token, bsn_digest=row.new_digest
                )
                for row in rows
            )

    def _rotate_texts(self, model, field, label: str, check: bool, batch_size: int) -> int:
        """Re-encrypt one EncryptedTextField; the number of outdated (``check``) or written rows.

        Compares and writes the stored token itself, so a row changed meanwhile (e.g. emptied
        for retention) is left alone.
        """
        rows = model._base_manager.annotate(token=stored_token(field.name)).exclude(token="")
        size = min(batch_size, TEXT_BATCH_LIMIT)
        total, seen, count, last_pk = rows.count(), 0, 0, 0
        while batch := list(
            rows.filter(pk__gt=last_pk).order_by("pk").values_list("pk", "token")[:size]
        ):
            outdated = [
                (pk, token, new) for pk, token in batch if (new := self._rotated(label, pk, token))
            ]
            if check:
                count += len(outdated)
            else:
                with transaction.atomic():
                    count += sum(
                        rows.filter(pk=pk, token=token).update(
                            **{field.name: models.Value(new, output_field=models.TextField())}
                        )
                        for pk, token, new in outdated
                    )
            seen += len(batch)
            last_pk = batch[-1][0]
            progress = f"{seen}/{total} {label} nagelopen"
            self.stdout.write(f"{progress}." if check else f"{progress}, {count} bijgewerkt.")
        return count

    def _rotated(self, label: str, pk: int, token: str) -> str | None:
        try:
            return rotate_token(token)
        except BsnKeyError as error:
            raise CommandError(f"{label.capitalize()}, id {pk}: {error}") from error

    def _report(self, old_encryption: int, old_digest: int, texts: dict[str, int]) -> None:
        self.stdout.write(f"{old_encryption} BSN's zijn versleuteld met een oude sleutel.")
        self.stdout.write(f"{old_digest} BSN's hebben een zoekhash met een oude sleutel.")
        for label, count in texts.items():
            self.stdout.write(f"{count} {label} zijn versleuteld met een oude sleutel.")
        if old_encryption or old_digest or any(texts.values()):
            raise CommandError("Draai 'eenplan rotate-bsn-keys' voordat een oude sleutel weg mag.")
        self.stdout.write(
            self.style.SUCCESS("Alle BSN's en berichten gebruiken de nieuwste sleutels.")
        )
