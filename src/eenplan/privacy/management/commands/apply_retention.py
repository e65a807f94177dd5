"""``eenplan apply-retention``: the periodic job that destroys what has passed its retention
period (``eenplan.privacy.retention``). Safe to run as often as wanted: what is gone is not found
again, and a case under a legal hold stays. Schedule it daily (cron; with a broker Celery beat
runs the same work nightly, ``eenplan.privacy.tasks``). ``--dry-run`` only counts.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from eenplan.privacy.retention import COUNT_NAMES, FAILED, HOUSEHOLDS, PERSONS, retention_apply

# A dry run counts the expired records, not who or what would go with them.
NOT_COUNTED_IN_DRY_RUN = {PERSONS, HOUSEHOLDS, FAILED}


def _day(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"Geen geldige datum (JJJJ-MM-DD): {value}") from error


class Command(BaseCommand):
    help = (
        "Vernietig casussen en matchsignalen waarvan de bewaartermijn is verstreken; "
        "casussen met een bewaarplicht blijven staan."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Tel alleen wat er zou gaan; verander niets."
        )
        parser.add_argument(
            "--today",
            type=_day,
            help=(
                "Reken alsof het deze dag is (JJJJ-MM-DD); standaard vandaag. "
                "Een dag in de toekomst alleen met --dry-run."
            ),
        )

    def handle(self, *args, **options):
        today, dry_run = options["today"], options["dry_run"]
        if today and today > timezone.localdate() and not dry_run:
            # It would destroy records before their time.
            raise CommandError("Een datum in de toekomst kan alleen met --dry-run.")
        run = retention_apply(today=today, dry_run=dry_run)
        verb = "zou vernietigen" if run.dry_run else "vernietigd"
        self.stdout.write(f"Bewaartermijnen ({verb}):")
        for key, name in COUNT_NAMES.items():
            if not (run.dry_run and key in NOT_COUNTED_IN_DRY_RUN):
                self.stdout.write(f"  {name}: {run.counts.get(key, 0)}")
        if run.case_references:
            self.stdout.write("Casussen: " + ", ".join(run.case_references))
        if run.counts.get(FAILED):
            self.stdout.write(self.style.WARNING("Niet alles is gelukt; zie het applicatielog."))
        message = "Proefrun: er is niets veranderd." if run.dry_run else "Klaar."
        self.stdout.write(self.style.SUCCESS(message))
