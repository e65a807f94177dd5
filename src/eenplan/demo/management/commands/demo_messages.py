"""``eenplan demo-messages [--map M] [--gemeente GM0010]``: provider messages to import by hand.

Writes, for the demo households of one municipality, what their providers could send next: a
claim for last month, a stop, a claim with a faulty line of each kind (unknown allocation,
outside the period, more than allocated), and two files that are refused as a whole. Import them
on the messages page (Berichten) as consulent of that municipality.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from eenplan.demo.data.regions import DELFZIJL
from eenplan.demo.messages import provider_files
from eenplan.tenancy.models import Municipality


class Command(BaseCommand):
    help = "Schrijf berichten van aanbieders (ook foute) om in te lezen in de demo."

    def add_arguments(self, parser):
        parser.add_argument("--map", default="demo-berichten", help="Map voor de bestanden.")
        parser.add_argument("--gemeente", default=DELFZIJL, help="CBS-code, bijv. GM0010.")

    def handle(self, *args, **options):
        municipality = Municipality.objects.filter(cbs_code=options["gemeente"]).first()
        if municipality is None:
            raise CommandError(f"Onbekende gemeente: {options['gemeente']}. Eerst seed-demo?")
        paths = provider_files(Path(options["map"]), municipality)
        for path in paths:
            self.stdout.write(str(path))
        self.stdout.write(
            f"{len(paths)} bestanden voor {municipality}: lees ze in bij Berichten "
            "(als consulent van de gemeente)."
        )
