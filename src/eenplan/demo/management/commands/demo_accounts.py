"""``eenplan demo-accounts``: which accounts to log in with during a demo.

A readable table for people, or ``--json`` for scripts (a list of objects with username, role
and organisation, one per membership; ``role`` is the role code, e.g. "regisseur"; the citizen
accounts of Mijn EenPlan follow with role "inwoner", no organisation and their household). The
table also says which password to use and which account to start with, and lists the citizen
accounts with their household and what to try.
"""

import json
import textwrap

from django.conf import settings
from django.core.management.base import BaseCommand

from eenplan.demo.data import NO_CASES_ACCOUNT, START_ACCOUNT
from eenplan.demo.data.portal import START_CITIZEN
from eenplan.demo.selectors import (
    DemoAccount,
    DemoCitizen,
    coordinated_open_case_count,
    demo_accounts,
    demo_citizens,
)
from eenplan.tenancy.constants import AccountKind, Role

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
        rows, citizens = demo_accounts(), demo_citizens()
        if options["json"]:
            payload = [
                {"username": r.username, "role": r.role, "organisation": r.organisation}
                for r in rows
            ] + [
                {
                    "username": c.username,
                    "role": AccountKind.CITIZEN.value,
                    "organisation": None,
                    "household": c.household,
                }
                for c in citizens
            ]
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
        elif rows:
            self._table(rows)
            if citizens:
                self._citizens(citizens)
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
        handlers = [r.username for r in rows if r.role == Role.COMPLAINTS_HANDLER]
        if handlers:
            self.stdout.write(
                f"De klachtbehandelaars ({', '.join(handlers)}) zien alleen de klachten en "
                "bezwaren over de huishoudens van hun eigen gemeente."
            )

    def _citizens(self, citizens: list[DemoCitizen]) -> None:
        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING("Mijn EenPlan: gezinsleden met een account"))
        self.stdout.write(
            "Inloggen op /mijn/inloggen/ met hetzelfde wachtwoord. Een inwoner komt alleen in "
            "Mijn EenPlan; een medewerker komt daar niet in."
        )
        width = max(len(c.username) for c in citizens)
        for citizen in citizens:
            where = ", ".join(filter(None, (citizen.household, citizen.municipality)))
            self.stdout.write(f"{citizen.username.ljust(width)}  {citizen.full_name} ({where})")
            for line in textwrap.wrap(citizen.try_this, 96 - width):
                self.stdout.write(f"{' ' * width}    {line}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Begin in Mijn EenPlan met {START_CITIZEN}: het conceptplan, een bericht van de "
                "regisseur en een voorstel dat in het plan staat (zie docs/portaal.md)."
            )
        )


def _line(values: tuple[str, ...], widths: list[int]) -> str:
    return "  ".join(
        value.ljust(width) for value, width in zip(values, widths, strict=True)
    ).rstrip()
