"""``eenplan demo-accounts``: which accounts to log in with during a demo.

A readable table for people, or ``--json`` for scripts (a list of objects with username, role
and organisation, one per membership; ``role`` is the role code, e.g. "regisseur"). The table
also says which password to use and which account to start with.
"""

import json

from django.conf import settings
from django.core.management.base import BaseCommand

from eenplan.demo.data import NO_CASES_ACCOUNT, START_ACCOUNT
from eenplan.demo.selectors import DemoAccount, coordinated_open_case_count, demo_accounts

HEADERS = ("Gebruikersnaam", "Naam", "Rol", "Organisatie")


class Command(BaseCommand):
    help = "Toon de demo-accounts met hun rol en organisatie (als tabel of met --json)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--json",
            action="store_true",
            help="Als JSON: een lijst met username, role en organisation per lidmaatschap.",
        )

    def handle(self, *args, **options):
        rows = demo_accounts()
        if options["json"]:
            payload = [
                {"username": r.username, "role": r.role, "organisation": r.organisation}
                for r in rows
            ]
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
        elif rows:
            self._table(rows)
        else:
            self.stdout.write(
                "Er zijn nog geen demo-accounts. Laad de demoregio met: eenplan seed-demo"
            )

    def _table(self, rows: list[DemoAccount]) -> None:
        cells = [(r.username, r.full_name, r.role_label, r.organisation) for r in rows]
        widths = [max(len(row[i]) for row in (HEADERS, *cells)) for i in range(len(HEADERS))]
        self.stdout.write(self.style.MIGRATE_HEADING("Demo-accounts van Proeftuin Eemsdelta"))
        self.stdout.write(_line(HEADERS, widths))
        self.stdout.write(_line(tuple("-" * w for w in widths), widths))
        for row in cells:
            self.stdout.write(_line(row, widths))
        self.stdout.write("")
        self.stdout.write(
            f"Wachtwoord voor alle accounts: {settings.DEMO_PASSWORD} (de waarde van "
            "EENPLAN_DEMO_PASSWORD; na een wijziging opnieuw 'eenplan seed-demo' draaien)."
        )
        count = coordinated_open_case_count(username=START_ACCOUNT)
        self.stdout.write(
            self.style.SUCCESS(
                f"Begin met {START_ACCOUNT}: regisseur van {count} lopende casussen in Delfzijl."
            )
        )
        self.stdout.write(
            f"Vergelijk met {NO_CASES_ACCOUNT}: die organisatie is bij geen enkele casus "
            "betrokken, dus dit account ziet geen enkel huishouden."
        )
        self.stdout.write(
            "Teamleider, directeur, beleidsmedewerker, privacy officer en functioneel beheerder "
            "zien geen persoonsgegevens: zij krijgen overzichten, het toegangslog of de inrichting."
        )


def _line(values: tuple[str, ...], widths: list[int]) -> str:
    return "  ".join(
        value.ljust(width) for value, width in zip(values, widths, strict=True)
    ).rstrip()
