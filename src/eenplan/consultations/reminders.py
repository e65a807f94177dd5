"""Reminders of agreements from consultations, sent by the periodic ``eenplan send-reminders``.

Two due moments per deadline: some days before it (``REMINDER_DAYS_BEFORE``) and once it has
passed. Each is sent once: a ``Reminder`` row is written in the same transaction as the mail is
handed over, and its unique key (agreement, moment, deadline) stops a second run or a parallel
worker from sending it again. A moved deadline is a new moment. A missed run catches up: what is
due is sent at the next run. The e-mail holds no names or content, only the meeting and a link.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from eenplan.consultations.constants import ReminderMoment
from eenplan.consultations.models import Agreement, Reminder
from eenplan.plans.constants import OPEN_ACTION_STATUSES, OwnerKind


@dataclass(frozen=True)
class ReminderRun:
    sent: int
    without_address: int


def _due(moment: ReminderMoment, today: datetime.date):
    """Open agreements whose ``moment`` has come and was not yet reminded of."""
    agreements = Agreement.objects.filter(
        action__status__in=OPEN_ACTION_STATUSES, action__due_date__isnull=False
    )
    if moment == ReminderMoment.BEFORE:
        soon = today + datetime.timedelta(days=settings.REMINDER_DAYS_BEFORE)
        agreements = agreements.filter(action__due_date__gte=today, action__due_date__lte=soon)
    else:
        agreements = agreements.filter(action__due_date__lt=today)
    sent = Reminder.objects.filter(
        agreement=OuterRef("pk"), moment=moment, due_date=OuterRef("action__due_date")
    )
    return agreements.filter(~Exists(sent)).select_related(
        "action__owner_professional",
        "action__owner_organisation",
        "item__case__coordinator",
        "item__consultation__chair",
    )


def recipients(agreement: Agreement) -> list[str]:
    """Who is reminded: the named professional; else, for an organisation, its address; for a
    household or network member, the coordinator who follows the plan up with them; the chair
    when there is no one else."""
    action, item = agreement.action, agreement.item
    candidates = [action.owner_professional]
    if action.owner_kind == OwnerKind.ORGANISATION and action.owner_professional is None:
        candidates.append(action.owner_organisation.email)
    candidates += [item.case.coordinator, item.consultation.chair]
    for candidate in candidates:
        address = getattr(candidate, "email", candidate)
        if address:
            return [address]
    return []


def _message(agreement: Agreement, moment: ReminderMoment) -> tuple[str, str]:
    consultation, due = agreement.item.consultation, agreement.action.due_date
    meeting = f"{consultation.title} van {consultation.date:%d-%m-%Y}"
    if moment == ReminderMoment.BEFORE:
        subject = _("Herinnering: afspraak uit overleg is %(due)s klaar") % {
            "due": f"{due:%d-%m-%Y}"
        }
        opening = _("Een afspraak uit %(meeting)s moet op %(due)s klaar zijn.")
    else:
        subject = _("Afspraak uit overleg is over de deadline (%(due)s)") % {
            "due": f"{due:%d-%m-%Y}"
        }
        opening = _("Een afspraak uit %(meeting)s had op %(due)s klaar moeten zijn.")
    link = settings.BASE_URL + reverse("consultations:follow-up")
    body = "\n\n".join(
        [
            opening % {"meeting": meeting, "due": f"{due:%d-%m-%Y}"},
            _("Bekijk de afspraak en zet de voortgang in het plan: %(link)s") % {"link": link},
            _("Deze e-mail bevat bewust geen namen of andere gegevens over het huishouden."),
        ]
    )
    return subject, body


def send_reminders(*, today: datetime.date | None = None) -> ReminderRun:
    today = today or timezone.localdate()
    sent = without_address = 0
    for moment in ReminderMoment:
        for agreement in _due(moment, today):
            addresses = recipients(agreement)
            if not addresses:
                without_address += 1
                continue
            try:
                with transaction.atomic():
                    Reminder.objects.create(
                        agreement=agreement,
                        moment=moment,
                        due_date=agreement.action.due_date,
                        recipients=len(addresses),
                    )
                    subject, body = _message(agreement, moment)
                    send_mail(subject, body, None, addresses)
            except IntegrityError:
                continue  # a parallel run sent this one
            sent += 1
    return ReminderRun(sent=sent, without_address=without_address)
