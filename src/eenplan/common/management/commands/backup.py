"""``eenplan backup``: write a backup of the database (SQLite or PostgreSQL) to a file."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from eenplan.common.backup import BackupError, backup, default_name


class Command(BaseCommand):
    help = "Maak een backup van de hele database (SQLite of PostgreSQL) in één bestand."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            help="Het bestand; standaard in <EENPLAN_DATA_DIR>/backups/.",
        )

    def handle(self, *args, **options):
        moment = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        target = options["output"] or settings.DATA_DIR / "backups" / default_name(
            connection.settings_dict, moment
        )
        try:
            written = backup(target)
        except BackupError as error:
            raise CommandError(str(error)) from error
        size = written.stat().st_size / 1_000_000
        self.stdout.write(self.style.SUCCESS(f"Backup geschreven: {written} ({size:.1f} MB)."))
