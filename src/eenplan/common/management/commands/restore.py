"""``eenplan restore FILE``: put a backup back into a new, empty database, then check the
access log's hash chain."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from eenplan.common.backup import BackupError, restore
from eenplan.privacy.chain import verify


class Command(BaseCommand):
    help = (
        "Zet een backup terug in een nieuwe, lege database (voor eenplan migrate) en controleer "
        "daarna de hashketen van het toegangslog."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="Het backupbestand.")

    def handle(self, *args, **options):
        try:
            restore(options["file"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Teruggezet: {options['file']}."))
        result = verify()
        self.stdout.write(f"Toegangslog: {result.checked} regels gecontroleerd.")
        if not result.intact:
            raise CommandError("Het toegangslog in de backup is niet intact.")
        self.stdout.write(self.style.SUCCESS("Het toegangslog is intact."))
