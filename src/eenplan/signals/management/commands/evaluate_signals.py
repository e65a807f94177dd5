"""``eenplan evaluate-signals``: the periodic full pass over every open case.

Raises what a date passing brings (no coordinator for too long, a plan past its evaluation date,
an overdue action), clears what went away, and repairs anything a missed hook left behind. Safe
to run at any time and as often as wanted: evaluating twice changes nothing the second time.
Schedule it daily (cron, or Celery beat in production).
"""

from django.core.management.base import BaseCommand

from eenplan.signals.services import DEFAULT_BATCH_SIZE, signals_full_pass


class Command(BaseCommand):
    help = (
        "Beoordeel de signaalregels voor alle lopende casussen: nieuwe signalen, signalen die "
        "vervallen en signalen die terugkomen."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size",
            type=int,
            default=DEFAULT_BATCH_SIZE,
            help=f"Aantal casussen per transactie (standaard {DEFAULT_BATCH_SIZE}).",
        )

    def handle(self, *args, **options):
        verbosity = options["verbosity"]

        def progress(done: int, total: int) -> None:
            if verbosity >= 1:
                self.stdout.write(f"{done} van {total} casussen beoordeeld")

        result = signals_full_pass(batch_size=max(1, options["batch_size"]), progress=progress)
        summary = result.summary
        self.stdout.write(
            self.style.SUCCESS(
                f"Klaar: {summary.cases} casussen in {result.seconds:.1f} s. "
                f"Nieuw: {summary.raised}, opnieuw open: {summary.reopened}, "
                f"vervallen: {summary.cleared}, bijgewerkt: {summary.updated}."
            )
        )
