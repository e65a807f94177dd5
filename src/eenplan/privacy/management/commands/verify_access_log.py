"""``eenplan verify-access-log``: check the hash chain of the access log; exit 1 when broken."""

from django.core.management.base import BaseCommand, CommandError

from eenplan.privacy.chain import seal, verify


class Command(BaseCommand):
    help = (
        "Controleer de hashketen van het toegangslog: een veranderde of verwijderde regel "
        "wordt gevonden. Nieuwe regels worden eerst aan de keten toegevoegd."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-seal",
            action="store_true",
            help="Voeg nieuwe regels niet eerst toe; meld ze alleen.",
        )

    def handle(self, *args, **options):
        if not options["no_seal"]:
            seal()
        result = verify()
        self.stdout.write(f"{result.checked} regels gecontroleerd.")
        if result.unsealed:
            self.stdout.write(f"{result.unsealed} regels staan nog niet in de keten.")
        if not result.intact:
            for problem in result.problems:
                self.stderr.write(problem)
            raise CommandError("Het toegangslog is niet intact.")
        self.stdout.write(self.style.SUCCESS("Het toegangslog is intact."))
