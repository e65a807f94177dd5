"""``eenplan generate-region --inhabitants N [--seed S] [--batch B]``: a synthetic region at
real size, written in bulk into the configured database (see docs/region.md).

It refuses production settings (the accounts share the demo password) and a database that
already holds the region. A progress bar per stage goes to stderr; the time per stage and the
rows per table go to stdout.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from eenplan.demo.region.generate import RegionRefusedError, generate_region

DEFAULT_SEED = 20_251_122
DEFAULT_BATCH = 10_000


class Command(BaseCommand):
    help = (
        "Vul de database met een synthetische regio van N inwoners (huishoudens, casussen, "
        "plannen, metingen, overleggen, voorzieningen, toegangslog en signalen), in bulk."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--inhabitants", type=int, required=True, help="Aantal inwoners, bijvoorbeeld 250000."
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=DEFAULT_SEED,
            help=f"Startwaarde van het toeval: dezelfde seed geeft dezelfde regio (standaard "
            f"{DEFAULT_SEED}).",
        )
        parser.add_argument(
            "--batch",
            type=int,
            default=DEFAULT_BATCH,
            help=f"Rijen per schrijfopdracht (standaard {DEFAULT_BATCH}).",
        )

    def handle(self, *args, **options):
        if getattr(settings, "IS_PRODUCTION", False):
            raise CommandError(
                "Dit is een productieomgeving (EENPLAN_ENVIRONMENT=production). Een synthetische "
                "regio hoort daar niet: haar accounts delen het demowachtwoord."
            )
        if options["batch"] < 1:
            raise CommandError("--batch moet minstens 1 zijn.")
        try:
            report = generate_region(
                inhabitants=options["inhabitants"],
                seed=options["seed"],
                batch=options["batch"],
                progress=options["verbosity"] >= 1,
            )
        except RegionRefusedError as error:
            raise CommandError(str(error)) from error
        self.stdout.write("Tijd per stap:")
        for label, seconds in report.seconds.items():
            self.stdout.write(f"  {label:<42} {seconds:8.1f} s")
        self.stdout.write(f"  {'totaal':<42} {report.total_seconds:8.1f} s")
        self.stdout.write("Rijen per tabel:")
        for label, count in report.rows.items():
            self.stdout.write(f"  {label:<42} {count:>10,}".replace(",", "."))
        self.stdout.write(
            "Inloggen kan met het demowachtwoord (EENPLAN_DEMO_PASSWORD), bijvoorbeeld als: "
            + ", ".join(report.sample_accounts)
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Synthetische regio gemaakt: {report.volumes.inhabitants:,} inwoners.".replace(
                    ",", "."
                )
            )
        )
