"""``eenplan seed-demo``: load the demo region Proeftuin Eemsdelta.

Safe to run again: nothing is duplicated and the demo passwords are reset to
EENPLAN_DEMO_PASSWORD. It refuses to run in production unless asked explicitly, because the demo
accounts share a known password.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test import override_settings

from eenplan.demo.services import demo_region_load


class Command(BaseCommand):
    help = (
        "Laad de demoregio Proeftuin Eemsdelta: gemeenten, organisaties, demo-accounts en "
        "huishoudens met hun casus. Opnieuw draaien maakt niets dubbel."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Ook laden als EENPLAN_ENVIRONMENT=production (afgeraden: bekend wachtwoord).",
        )

    def handle(self, *args, **options):
        if getattr(settings, "IS_PRODUCTION", False) and not options["allow_production"]:
            raise CommandError(
                "Dit is een productieomgeving; de demo-accounts hebben een bekend wachtwoord. "
                "Gebruik --allow-production als u dit echt wilt."
            )
        self.stdout.write("Demoregio laden…")
        try:
            # The demo's own notices (new messages, complaint steps) go to nobody.
            with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
                summary = demo_region_load(password=settings.DEMO_PASSWORD)
        except ValueError as error:
            raise CommandError(str(error)) from error
        existing = summary.households - summary.households_created
        self.stdout.write(
            self.style.SUCCESS(
                f"Demoregio geladen: {summary.municipalities} gemeenten, "
                f"{summary.organisations} organisaties, {summary.households} huishoudens "
                f"({summary.households_created} nieuw, {existing} bestonden al), "
                f"{summary.users} gebruikers."
            )
        )
        for name, count in summary.other_regions:
            self.stdout.write(f"Regio {name}: {count} gemeenten (alleen synthetische historie).")
        if summary.assessments:
            self.stdout.write(
                f"Geschiedenis: {summary.assessments} ZRM-metingen bij de demogezinnen."
            )
        if summary.synthetic_cases:
            total = sum(count for _name, count in summary.synthetic_cases)
            spread = ", ".join(f"{name} {count}" for name, count in summary.synthetic_cases)
            self.stdout.write(
                f"Synthetische historie voor de indicatoren: {total} casussen ({spread}); "
                "onzichtbaar voor de demo-accounts."
            )
        if summary.citizens:
            self.stdout.write(
                f"Mijn EenPlan: {summary.citizens} gezinsleden met een account "
                "(inloggen op /mijn/inloggen/)."
            )
        if summary.complaints:
            self.stdout.write(
                f"Klachten en bezwaren: {summary.complaints} geregistreerd, voor "
                "klachten.delfzijl, klachten.appingedam en klachten.loppersum."
            )
        self.stdout.write("De demo-accounts staan in: eenplan demo-accounts")
