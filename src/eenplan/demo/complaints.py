"""Loading the demo's complaints and objections (``eenplan.demo.data.complaints``).

Everything goes through the complaints services, as who would do it: the coordinator registers
what came in by phone, letter or at the desk (or the citizen does, in Mijn EenPlan), and the
handler the service picked records the conversations and takes the other steps, so deadlines,
steps, letters and the access log are the real ones. Registration and conversations take their
own day; the services write the other steps "today", so they are dated back afterwards with
plain updates, like ``eenplan.demo.portal`` does. Loading twice changes nothing: a complaint
whose description the case already has is left alone.
"""

import datetime

from django.utils import timezone

from eenplan.cases.models import Case
from eenplan.complaints import services
from eenplan.complaints.models import Complaint, Step
from eenplan.demo.data.complaints import (
    ACKNOWLEDGE,
    COMPLAINTS,
    CONTACT,
    DECIDE,
    EXTEND,
    FORMAL,
    HEARD,
    HEARING,
    WITHDRAW,
    ComplaintSpec,
    StepSpec,
)
from eenplan.demo.data.provisions import PRODUCTS
from eenplan.demo.data.synthetic import SYNTHETIC_PREFIX
from eenplan.provisions.models import Decision
from eenplan.tenancy.models import Organisation, User

DAY = datetime.timedelta(days=1)
PRODUCT_NAMES = {product.key: product.name for product in PRODUCTS}


def complaints_load() -> int:
    """Register and handle the complaints that do not exist yet; returns how many were new."""
    today = timezone.localdate()
    return sum(_complaint_load(spec, today) for spec in COMPLAINTS)


def _complaint_load(spec: ComplaintSpec, today: datetime.date) -> bool:
    case = (
        Case.objects.exclude(household__name__startswith=SYNTHETIC_PREFIX)
        .select_related("household")
        .get(household__name=spec.household)
    )
    if Complaint.objects.filter(case=case, description=spec.description).exists():
        return False
    members = case.household.memberships.select_related("person").order_by("pk")
    actor = User.objects.get(username=spec.by)
    # A citizen's complaint comes in through Mijn EenPlan today; a professional tells when.
    came_in = (
        {}
        if actor.is_citizen
        else {"channel": spec.channel, "received_on": today - spec.received_days_ago * DAY}
    )
    complaint = services.complaint_register(
        actor=actor,
        case=case,
        person=members[spec.member].person,
        kind=spec.kind,
        description=spec.description,
        theme=spec.theme,
        organisations=Organisation.objects.filter(name__in=spec.about),
        decision=(
            Decision.objects.get(case=case, product__name=PRODUCT_NAMES[spec.decision])
            if spec.decision
            else None
        ),
        **came_in,
    )
    for step in spec.steps:
        _step(complaint, step, today)
    return True


def _step(complaint: Complaint, spec: StepSpec, today: datetime.date) -> None:
    handler, day = complaint.handler, today - spec.days_ago * DAY
    if spec.what == CONTACT:
        services.contact_record(
            actor=handler,
            complaint=complaint,
            occurred_on=day,
            way=spec.way,
            summary=spec.text,
            outcome=spec.outcome,
        )
    elif spec.what == HEARD:
        services.hearing_record(
            actor=handler, complaint=complaint, occurred_on=day, report=spec.text
        )
    else:
        _take_today(handler, complaint, spec, today)
        # The service wrote "today"; in the story it happened on ``day``.
        Step.objects.filter(complaint=complaint, occurred_on=today).update(occurred_on=day)
        Complaint.objects.filter(pk=complaint.pk, closed_on=today).update(closed_on=day)


def _take_today(handler, complaint: Complaint, spec: StepSpec, today: datetime.date) -> None:
    """A step whose service writes the day it is taken."""
    if spec.what == FORMAL:
        services.formal_start(actor=handler, complaint=complaint, reason=spec.text)
    elif spec.what == ACKNOWLEDGE:
        services.acknowledge(actor=handler, complaint=complaint)
    elif spec.what == EXTEND:
        services.extend(actor=handler, complaint=complaint, weeks=spec.weeks, reason=spec.text)
    elif spec.what == HEARING:
        at = datetime.datetime.combine(today + spec.in_days * DAY, datetime.time(14))
        services.hearing_plan(
            actor=handler, complaint=complaint, at=timezone.make_aware(at), place=spec.place
        )
    elif spec.what == DECIDE:
        services.decide(actor=handler, complaint=complaint, outcome=spec.outcome, reasons=spec.text)
    elif spec.what == WITHDRAW:
        services.withdraw(actor=handler, complaint=complaint, text=spec.text)
    else:
        raise ValueError(f"Onbekende stap in de demodata: {spec.what!r}")
