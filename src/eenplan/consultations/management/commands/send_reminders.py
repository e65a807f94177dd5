"""``eenplan send-reminders``: the periodic job that reminds owners of agreements from
consultations before and after their deadline. Safe to run as often as wanted: each due moment
is sent once. Schedule it daily (cron, or Celery beat in production)."""

from django.core.management.base import BaseCommand

from eenplan.consultations.reminders import send_reminders


class Command(BaseCommand):
    help = "Stuur herinneringen voor afspraken uit overleggen die bijna of over de deadline zijn."

    def handle(self, *args, **options):
        run = send_reminders()
        self.stdout.write(self.style.SUCCESS(f"Klaar: {run.sent} herinneringen verstuurd."))
        if run.without_address:
            self.stdout.write(
                self.style.WARNING(
                    f"{run.without_address} afspraken zonder e-mailadres van eigenaar, "
                    "regisseur of voorzitter: niet verstuurd."
                )
            )
