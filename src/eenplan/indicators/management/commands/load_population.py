"""``eenplan load-population``: the population figures the indicators divide by.

Without options it loads the shipped file (rounded demo estimates for the demo municipalities);
``--file PATH`` loads a CSV with the same header (``cbs_code,year,inhabitants,households,youth``);
``--cbs [--year YYYY]`` reads CBS StatLine table 70072ned through the optional ``cbsodata``
package (``pip install -e ".[cbs]"``), by default for the last three years. A municipality and
year that already have figures get the new ones. Codes of municipalities this deployment does
not know are skipped and named.
"""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from eenplan.indicators import cbs
from eenplan.indicators.services import population_load
from eenplan.tenancy.models import Municipality

# With --cbs every Dutch municipality comes back; name only this many of the unknown codes.
SHOW_UNKNOWN = 10


class Command(BaseCommand):
    help = (
        "Laad bevolkingscijfers (inwoners, particuliere huishoudens, jongeren onder 18) per "
        "gemeente en jaar: het meegeleverde bestand, een CSV (--file) of CBS StatLine (--cbs)."
    )

    def add_arguments(self, parser):
        source = parser.add_mutually_exclusive_group()
        source.add_argument(
            "--file",
            type=Path,
            help="CSV met de kolommen cbs_code,year,inhabitants,households,youth "
            "(standaard: het meegeleverde bestand met afgeronde demo-schattingen).",
        )
        source.add_argument(
            "--cbs",
            action="store_true",
            help="Haal de cijfers op uit CBS StatLine, tabel 70072ned (vraagt het pakket "
            "cbsodata en internet).",
        )
        parser.add_argument(
            "--year",
            type=int,
            help="Met --cbs: alleen dit jaar (standaard de laatste drie jaren van de tabel).",
        )

    def handle(self, *args, **options):
        if options["year"] and not options["cbs"]:
            raise CommandError("--year hoort bij --cbs.")
        try:
            if options["cbs"]:
                rows, source = self._from_cbs(options["year"])
            else:
                path = options["file"] or cbs.SHIPPED_FILE
                self.stdout.write(f"Bevolkingscijfers lezen uit {path}…")
                rows = cbs.read_population_file(path)
                source = cbs.SHIPPED_SOURCE if options["file"] is None else f"Bestand {path.name}"
            stored, unknown = population_load(rows=rows, source=source)
        except (cbs.PopulationDataError, ValidationError) as error:
            raise CommandError(_message(error)) from error
        self.stdout.write(
            self.style.SUCCESS(f"{stored} bevolkingscijfers opgeslagen (bron: {source}).")
        )
        if unknown:
            shown = ", ".join(unknown[:SHOW_UNKNOWN])
            more = (
                f" en {len(unknown) - SHOW_UNKNOWN} andere" if len(unknown) > SHOW_UNKNOWN else ""
            )
            self.stdout.write(
                self.style.WARNING(
                    f"{len(unknown)} CBS-codes horen bij geen gemeente in EenPlan en zijn "
                    f"overgeslagen: {shown}{more}."
                )
            )
        self._without_figures({row.cbs_code for row in rows})

    def _from_cbs(self, year: int | None):
        which = f"jaar {year}" if year else "de laatste drie jaren"
        self.stdout.write(f"CBS StatLine, tabel {cbs.TABLE}, ophalen ({which})…")
        result = cbs.fetch_cbs(year=year)
        self.stdout.write(
            f"{len(result.rows)} rijen met alle cijfers voor "
            f"{', '.join(str(y) for y in result.years)}."
        )
        if result.incomplete:
            self.stdout.write(
                self.style.WARNING(
                    f"{len(result.incomplete)} rijen zonder volledige cijfers overgeslagen "
                    f"(CBS publiceert huishoudens later), bijvoorbeeld: "
                    f"{', '.join(result.incomplete[:3])}."
                )
            )
        return result.rows, cbs.CBS_SOURCE

    def _without_figures(self, loaded: set[str]) -> None:
        """Municipalities here that the source had no row for (merged, or not in the file)."""
        missing = Municipality.objects.exclude(cbs_code__in=loaded).order_by("name")
        if missing:
            names = ", ".join(f"{m.name} ({m.cbs_code})" for m in missing)
            self.stdout.write(f"Geen cijfers in deze bron voor: {names}.")


def _message(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error)
