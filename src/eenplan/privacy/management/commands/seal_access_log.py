"""``eenplan seal-access-log``: put every access-log entry that is not yet sealed in the chain."""

from django.core.management.base import BaseCommand

from eenplan.privacy.chain import seal


class Command(BaseCommand):
    help = (
        "Zet nieuwe regels van het toegangslog in de hashketen (gebeurt ook na elke schrijfactie)."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"{seal()} regels aan de keten toegevoegd.")
