"""Requests of data subjects to correct (AVG art. 16) or erase (art. 17) their data.

A citizen files one in Mijn EenPlan (for themselves or a child under 16); a privacy officer
registers one that came by letter or at the desk. The privacy officer decides with reasons
within a month of receipt (art. 12(3)) and then carries it out here, so the change goes through
one place that validates it and writes the access log: a correction changes the person's
details; an erasure anonymises the person and closes their citizen account. The access log
itself is kept: it is the proof of lawful processing the law requires.
"""

import calendar
import datetime
import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from eenplan.cases.constants import CaseStatus
from eenplan.cases.models import Case
from eenplan.common.validators import normalise_postcode
from eenplan.people.models import Person
from eenplan.privacy import policy
from eenplan.privacy.constants import Action, ProcessingActivity, RequestDecision, RequestKind
from eenplan.privacy.models import DataSubjectRequest
from eenplan.privacy.retention import citizen_account_close
from eenplan.privacy.services import access_log_write

# The person's own details a correction may change, with their labels.
CORRECTABLE_FIELDS = {
    "given_names": "Voornamen",
    "surname_prefix": "Tussenvoegsel",
    "surname": "Achternaam",
    "birth_date": "Geboortedatum",
    "street": "Straat",
    "house_number": "Huisnummer",
    "postcode": "Postcode",
    "city": "Woonplaats",
    "phone": "Telefoon",
    "email": "E-mail",
}
ERASED_NAME = "(gewist)"


def one_month_after(day: datetime.date) -> datetime.date:
    """The same day a month later, or the month's last day (31 January → 28/29 February)."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def _log(actor, request: DataSubjectRequest, name: str, action: Action) -> None:
    if request.person is None:
        return
    access_log_write(
        actor=actor,
        action=action,
        name=name,
        subjects=[(request.case, request.person)],
        activity=ProcessingActivity.DATA_SUBJECT_REQUEST,
    )


def _officer_only(actor) -> None:
    if not policy.may_read_access_log(actor):
        raise PermissionDenied


def person_for_request(user, bsn: str) -> Person | None:
    """The person a request that came by letter is about, found by BSN (privacy officers)."""
    _officer_only(user)
    return Person.objects.with_bsn(bsn).first()


def request_register(
    *,
    actor,
    person: Person,
    kind: str,
    description: str,
    received_on: datetime.date | None = None,
    case: Case | None = None,
) -> DataSubjectRequest:
    """Register a request; the caller has checked that ``actor`` may file it for ``person``
    (the portal: self or own child under 16; a privacy officer: any)."""
    if kind not in RequestKind.values:
        raise ValidationError({"kind": _("Kies wat u wilt: verbeteren of wissen.")})
    description = description.strip()
    if not description:
        raise ValidationError(
            {"description": _("Schrijf op wat u wilt laten verbeteren of wissen.")}
        )
    received_on = received_on or timezone.localdate()
    if received_on > timezone.localdate():
        raise ValidationError({"received_on": _("De ontvangstdatum ligt in de toekomst.")})
    request = DataSubjectRequest.objects.create(
        kind=kind,
        person=person,
        person_name=person.full_name,
        case=case,
        description=description,
        received_on=received_on,
        due_on=one_month_after(received_on),
        registered_by=actor,
    )
    _log(actor, request, f"verzoek {request.get_kind_display().lower()} registreren", Action.CREATE)
    return request


def _clean_corrections(person: Person, corrections: dict) -> dict:
    unknown = set(corrections) - set(CORRECTABLE_FIELDS)
    if unknown:
        raise ValidationError(_("Deze gegevens kunnen hier niet worden verbeterd: %s") % unknown)
    cleaned = {name: value for name, value in corrections.items() if value not in ("", None)}
    if "postcode" in cleaned:
        cleaned["postcode"] = normalise_postcode(cleaned["postcode"])
    return cleaned


@transaction.atomic
def request_decide(
    *,
    actor,
    request: DataSubjectRequest,
    decision: str,
    reasons: str,
    corrections: dict | None = None,
) -> DataSubjectRequest:
    """Decide with reasons. ``corrections`` (granted corrections only) are the new values of
    the person's own details; anything else granted is carried out by hand and described."""
    _officer_only(actor)
    if not request.is_open:
        raise ValidationError(_("Over dit verzoek is al beslist."))
    if decision not in RequestDecision.values:
        raise ValidationError({"decision": _("Kies een beslissing.")})
    if not reasons.strip():
        raise ValidationError({"reasons": _("Schrijf op waarom: de betrokkene leest dit.")})
    corrections = corrections or {}
    if corrections and (
        request.kind != RequestKind.CORRECTION or decision == RequestDecision.REFUSED
    ):
        raise ValidationError(
            _("Alleen een toegewezen verzoek om verbetering heeft verbeteringen.")
        )
    if request.person is not None:
        request.corrections = {
            name: str(value)
            for name, value in _clean_corrections(request.person, corrections).items()
        }
    request.decision, request.decision_reasons = decision, reasons.strip()
    request.decided_by, request.decided_on = actor, timezone.localdate()
    request.save()
    _log(actor, request, "verzoek beslissen", Action.UPDATE)
    return request


def _apply_corrections(person: Person, corrections: dict) -> None:
    for name, value in corrections.items():
        field = Person._meta.get_field(name)
        setattr(person, name, field.to_python(value))
    person.full_clean()
    person.save()


def _erase(person: Person) -> None:
    """Anonymise the person: no name, number, birth date, address or contact details remain.
    Records of the help given keep pointing to this anonymous person."""
    person.given_names = person.surname = ERASED_NAME
    person.surname_prefix = person.street = person.house_number = ""
    person.postcode = person.city = person.phone = person.email = ""
    person.bsn = ""
    person.birth_date = None
    person.save()
    citizen_account_close(person)


@transaction.atomic
def request_carry_out(*, actor, request: DataSubjectRequest, note: str = "") -> DataSubjectRequest:
    """Carry out a granted request: the corrections, or the erasure of the person."""
    _officer_only(actor)
    if request.decision not in (RequestDecision.GRANTED, RequestDecision.PARTLY_GRANTED):
        raise ValidationError(_("Alleen een toegewezen verzoek wordt uitgevoerd."))
    if request.carried_out_at is not None:
        raise ValidationError(_("Dit verzoek is al uitgevoerd."))
    person = request.person
    if person is not None and request.kind == RequestKind.CORRECTION:
        _log(actor, request, "gegevens verbeteren op verzoek (AVG art. 16)", Action.UPDATE)
        _apply_corrections(person, request.corrections)
    elif person is not None:
        _log(actor, request, "gegevens wissen op verzoek (AVG art. 17)", Action.DELETE)
        _erase(person)
    request.carried_out_at, request.carried_out_note = timezone.now(), note.strip()
    request.save(update_fields=["carried_out_at", "carried_out_note"])
    return request


# Selectors


def request_queue(user) -> QuerySet:
    """For privacy officers: open requests first, by due date."""
    _officer_only(user)
    return DataSubjectRequest.objects.select_related("person", "case", "registered_by").order_by(
        F("decided_on").asc(nulls_first=True), "due_on", "pk"
    )


def request_get(user, request_uuid: uuid.UUID) -> DataSubjectRequest:
    """One request with the person's current details (logged: the officer reads them)."""
    request = get_object_or_404(request_queue(user), uuid=request_uuid)
    _log(user, request, "verzoek inzien", Action.READ)
    return request


def current_details(person: Person | None) -> list[tuple[str, object]]:
    """The person's details a correction may change, labelled, to compare with the request."""
    if person is None:
        return []
    return [(label, getattr(person, name) or "—") for name, label in CORRECTABLE_FIELDS.items()]


def open_cases(person: Person) -> list[Case]:
    """The person's cases that are still open: an erasure usually waits for them to close."""
    return list(
        Case.objects.filter(household__memberships__person=person)
        .exclude(status=CaseStatus.CLOSED)
        .distinct()
    )


def own_requests(persons: list[Person]) -> QuerySet:
    """The requests about these persons (the citizen and their children under 16)."""
    return DataSubjectRequest.objects.filter(person__in=persons).order_by("-received_on", "-pk")
