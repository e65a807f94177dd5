"""Consent and legal bases, referrals between organisations, and notes on a case.

Like every case service: keyword-only, transactional, the case locked through what the actor may
see, a timeline event (which writes the access log) for every change.
"""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from eenplan.cases.constants import (
    DataCategory,
    NoteAudience,
    ReferralStatus,
    ServiceType,
    SharingGround,
    TimelineEventKind,
)
from eenplan.cases.models import Case, Consent, Note, Referral
from eenplan.cases.services.case import (
    case_lock_visible,
    involvement_create,
    is_working_member,
    timeline_record,
    validate_life_domains,
)
from eenplan.privacy import policy
from eenplan.tenancy.models import Organisation

AGE_OWN_CONSENT = 16  # from 16 a person decides about their own data (AVG art. 8 UAVG)


def _acting_organisation(actor) -> Organisation:
    organisation = actor.acting_organisation
    if organisation is None or not is_working_member(actor, organisation):
        raise ValidationError(_("U werkt niet namens een organisatie die casussen behandelt."))
    return organisation


def _check_consent_giver(*, case: Case, person, given_by) -> None:
    """From 16 a person consents for themself; for a younger child an adult member does."""
    members = {m.person_id: m.person for m in case.household.memberships.select_related("person")}
    if person.pk not in members or given_by.pk not in members:
        raise ValidationError({"person": _("Kies leden van dit huishouden.")})
    today = timezone.localdate()
    age = person.age_on(today)
    if given_by.pk == person.pk:
        if age is not None and age < AGE_OWN_CONSENT:
            raise ValidationError(
                {"given_by": _("Voor een kind onder de 16 geeft een ouder of voogd toestemming.")}
            )
        return
    if age is None or age >= AGE_OWN_CONSENT:
        raise ValidationError(
            {"given_by": _("Vanaf 16 jaar geeft iemand zelf toestemming over eigen gegevens.")}
        )
    giver_age = given_by.age_on(today)
    if giver_age is None or giver_age < 18:
        raise ValidationError({"given_by": _("Toestemming voor een kind geeft een volwassene.")})


def _category_fields(categories: Iterable[str]) -> dict[str, bool]:
    categories = set(categories)
    unknown = categories - set(DataCategory.values)
    if unknown or not categories:
        raise ValidationError({"categories": _("Kies welke gegevens gedeeld mogen worden.")})
    return {name: category in categories for category, name in policy.CATEGORY_FIELDS.items()}


def consent_build(
    *,
    actor,
    case: Case,
    organisation: Organisation,
    categories: Iterable[str],
    purpose: str,
    ground: str,
    person=None,
    given_by=None,
    justification: str = "",
    valid_from: datetime.date | None = None,
    valid_until: datetime.date | None = None,
    referral: Referral | None = None,
) -> Consent:
    """Validate and save a consent or legal basis on an already locked case (no timeline)."""
    if ground not in SharingGround.values:
        raise ValidationError({"ground": _("Kies toestemming of een wettelijke grondslag.")})
    if not purpose.strip():
        raise ValidationError({"purpose": _("Schrijf op waarvoor de gegevens gedeeld worden.")})
    if ground == SharingGround.CONSENT:
        if person is None:
            raise ValidationError({"person": _("Kies het gezinslid dat toestemming geeft.")})
        _check_consent_giver(case=case, person=person, given_by=given_by or person)
    else:
        if not justification.strip():
            raise ValidationError(
                {"justification": _("Onderbouw waarom deze wettelijke grondslag geldt.")}
            )
        if person is not None and not case.household.memberships.filter(person=person).exists():
            raise ValidationError({"person": _("Kies een lid van dit huishouden.")})
    consent = Consent(
        case=case,
        organisation=organisation,
        ground=ground,
        person=person,
        given_by=(given_by or person) if ground == SharingGround.CONSENT else None,
        purpose=purpose.strip(),
        justification=justification.strip(),
        valid_from=valid_from or timezone.localdate(),
        valid_until=valid_until,
        referral=referral,
        recorded_by=actor,
        **_category_fields(categories),
    )
    if consent.valid_until and consent.valid_until < consent.valid_from:
        raise ValidationError({"valid_until": _("De einddatum ligt voor de begindatum.")})
    consent.save()
    return consent


def _consent_summary(consent: Consent) -> str:
    categories = ", ".join(str(c.label).split(":")[0].lower() for c in consent.categories)
    if consent.is_consent:
        return _("Toestemming van %(person)s voor %(org)s: %(categories)s.") % {
            "person": consent.person.full_name,
            "org": consent.organisation.name,
            "categories": categories,
        }
    return _("Grondslag %(ground)s voor %(org)s: %(categories)s.") % {
        "ground": consent.get_ground_display().lower(),
        "org": consent.organisation.name,
        "categories": categories,
    }


@transaction.atomic
def consent_record(
    *,
    actor,
    case: Case,
    organisation: Organisation,
    categories: Iterable[str],
    purpose: str,
    ground: str = SharingGround.CONSENT,
    person=None,
    given_by=None,
    justification: str = "",
    valid_from: datetime.date | None = None,
    valid_until: datetime.date | None = None,
) -> Consent:
    """Record a household member's consent, or a legal basis with its justification, for
    ``organisation`` to receive ``categories`` of this case.

    A legal basis is recorded by the organisation that relies on it (or the coordinator).
    """
    case = case_lock_visible(actor=actor, case=case)
    if ground != SharingGround.CONSENT and not (
        is_working_member(actor, organisation) or case.coordinator_id == actor.pk
    ):
        raise ValidationError(
            {"ground": _("Een wettelijke grondslag legt de organisatie zelf of de regisseur vast.")}
        )
    consent = consent_build(
        actor=actor,
        case=case,
        organisation=organisation,
        categories=categories,
        purpose=purpose,
        ground=ground,
        person=person,
        given_by=given_by,
        justification=justification,
        valid_from=valid_from,
        valid_until=valid_until,
    )
    timeline_record(
        actor=actor,
        case=case,
        kind=TimelineEventKind.CONSENT_RECORDED,
        summary=_consent_summary(consent),
        data={"consent": str(consent.uuid)},
    )
    return consent


@transaction.atomic
def consent_withdraw(*, actor, consent: Consent, note: str = "") -> Consent:
    """Withdraw a consent (or end a legal basis); it stops opening content at once.

    Recorded on the household's word by a professional who may see the plan, or by the
    receiving organisation itself; an organisation at the known level withdraws only its own.
    """
    case = case_lock_visible(actor=actor, case=consent.case)
    consent = Consent.objects.select_for_update().get(pk=consent.pk)
    if not (
        is_working_member(actor, consent.organisation)
        or Case.objects.filter(
            policy.case_content_visibility(actor, DataCategory.PLAN), pk=case.pk
        ).exists()
    ):
        raise ValidationError(
            _("Alleen wie het plan mag zien of de ontvangende organisatie trekt dit in.")
        )
    if consent.withdrawn_at is not None:
        raise ValidationError(_("Deze toestemming is al ingetrokken."))
    consent.withdrawn_at, consent.withdrawn_by = timezone.now(), actor
    consent.withdrawal_note = note.strip()
    consent.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_note"])
    timeline_record(
        actor=actor,
        case=case,
        kind=TimelineEventKind.CONSENT_WITHDRAWN,
        summary=_("Ingetrokken: %(summary)s %(note)s")
        % {"summary": _consent_summary(consent), "note": consent.withdrawal_note},
        data={"consent": str(consent.uuid)},
    )
    return consent


@transaction.atomic
def referral_send(
    *,
    actor,
    case: Case,
    to_organisation: Organisation,
    persons: list,
    reason: str,
    service_type: str,
    life_domains: list[str],
    categories: Iterable[str],
    guardian=None,
    ground: str = SharingGround.CONSENT,
    justification: str = "",
) -> Referral:
    """Refer persons of the household to another organisation, with the household's consent.

    Each referred person consents for themself; for a child under 16, ``guardian`` (an adult
    member) consents. Instead of consent a legal basis with justification may be given. The
    consent lets the receiver see ``categories`` once it accepts.
    """
    case = case_lock_visible(actor=actor, case=case)
    from_organisation = _acting_organisation(actor)
    if not case.involvements.active().filter(organisation=from_organisation).exists():
        raise ValidationError(_("Alleen een betrokken organisatie kan aanmelden."))
    _check_referral(
        case=case,
        from_organisation=from_organisation,
        to_organisation=to_organisation,
        persons=persons,
        reason=reason,
        service_type=service_type,
    )
    referral = Referral.objects.create(
        case=case,
        from_organisation=from_organisation,
        sent_by=actor,
        to_organisation=to_organisation,
        reason=reason.strip(),
        life_domains=validate_life_domains(life_domains),
        service_type=service_type,
    )
    referral.persons.set(persons)
    purpose = _("Aanmelding bij %(org)s: %(service)s") % {
        "org": to_organisation.name,
        "service": ServiceType(service_type).label,
    }
    basis = {"categories": categories, "purpose": purpose, "ground": ground, "referral": referral}
    if ground == SharingGround.CONSENT:
        today = timezone.localdate()
        for person in persons:
            age = person.age_on(today)
            minor = age is not None and age < AGE_OWN_CONSENT
            consent_build(
                actor=actor,
                case=case,
                organisation=to_organisation,
                person=person,
                given_by=guardian if minor else person,
                **basis,
            )
    else:
        consent_build(
            actor=actor,
            case=case,
            organisation=to_organisation,
            justification=justification,
            **basis,
        )
    timeline_record(
        actor=actor,
        case=case,
        kind=TimelineEventKind.REFERRAL_SENT,
        summary=_("%(from)s meldt aan bij %(to)s: %(service)s.")
        % {
            "from": from_organisation.name,
            "to": to_organisation.name,
            "service": ServiceType(service_type).label,
        },
        data={"referral": str(referral.uuid)},
    )
    return referral


def _check_referral(
    *, case: Case, from_organisation, to_organisation, persons, reason: str, service_type: str
) -> None:
    if to_organisation == from_organisation:
        raise ValidationError({"to_organisation": _("Kies een andere organisatie.")})
    if case.referrals.filter(to_organisation=to_organisation, status=ReferralStatus.SENT).exists():
        raise ValidationError(
            {"to_organisation": _("Er staat al een aanmelding open bij deze organisatie.")}
        )
    if service_type not in ServiceType.values:
        raise ValidationError({"service_type": _("Kies de soort hulp.")})
    if not reason.strip():
        raise ValidationError({"reason": _("Schrijf de reden van de aanmelding op.")})
    member_ids = set(case.household.memberships.values_list("person_id", flat=True))
    if not persons or any(person.pk not in member_ids for person in persons):
        raise ValidationError({"persons": _("Kies een of meer leden van dit huishouden.")})


def _lock_received(*, actor, referral: Referral) -> tuple[Referral, Case]:
    """The referral and its case, locked, if the actor works for the receiving organisation."""
    referral = (
        Referral.objects.visible_to(actor)
        .select_for_update(of=("self",))
        .get(pk=referral.pk, to_organisation_id__in=policy.working_organisation_ids(actor))
    )
    if referral.status != ReferralStatus.SENT:
        raise ValidationError(_("Over deze aanmelding is al beslist."))
    case = Case.objects.select_related("household").select_for_update().get(pk=referral.case_id)
    return referral, case


@transaction.atomic
def referral_accept(*, actor, referral: Referral, contact=None) -> Referral:
    """The receiver accepts: it becomes involved for the referred persons, with ``contact``
    (default: the actor) as its contact person."""
    referral, case = _lock_received(actor=actor, referral=referral)
    if case.is_closed:
        raise ValidationError(_("De casus is afgesloten."))
    referral.involvement = involvement_create(
        actor=actor,
        case=case,
        organisation=referral.to_organisation,
        service_type=referral.service_type,
        life_domains=referral.life_domains,
        persons=list(referral.persons.all()),
        contact=contact or actor,
    )
    referral.status, referral.decided_by, referral.decided_at = (
        ReferralStatus.ACCEPTED,
        actor,
        timezone.now(),
    )
    referral.save(update_fields=["involvement", "status", "decided_by", "decided_at"])
    timeline_record(
        actor=actor,
        case=case,
        kind=TimelineEventKind.REFERRAL_ACCEPTED,
        summary=_("%(org)s accepteert de aanmelding.") % {"org": referral.to_organisation.name},
        data={"referral": str(referral.uuid)},
    )
    return referral


@transaction.atomic
def referral_decline(*, actor, referral: Referral, reason: str) -> Referral:
    """The receiver declines with a reason; the consent given for this referral ends."""
    referral, case = _lock_received(actor=actor, referral=referral)
    if not reason.strip():
        raise ValidationError({"decline_reason": _("Schrijf op waarom u de aanmelding afwijst.")})
    now = timezone.now()
    referral.status, referral.decided_by, referral.decided_at = ReferralStatus.DECLINED, actor, now
    referral.decline_reason = reason.strip()
    referral.save(update_fields=["status", "decided_by", "decided_at", "decline_reason"])
    referral.consents.filter(withdrawn_at__isnull=True).update(
        withdrawn_at=now, withdrawn_by=actor, withdrawal_note=_("Aanmelding afgewezen.")
    )
    timeline_record(
        actor=actor,
        case=case,
        kind=TimelineEventKind.REFERRAL_DECLINED,
        summary=_("%(org)s wijst de aanmelding af: %(reason)s")
        % {"org": referral.to_organisation.name, "reason": referral.decline_reason},
        data={"referral": str(referral.uuid)},
    )
    return referral


@transaction.atomic
def note_add(
    *, actor, case: Case, text: str, audience: str = NoteAudience.OWN_ORGANISATION
) -> Note:
    """Write a note for ``audience``: own organisation, all involved, or only the coordinator."""
    case = case_lock_visible(actor=actor, case=case)
    organisation = _acting_organisation(actor)
    if audience not in NoteAudience.values:
        raise ValidationError({"audience": _("Kies wie de notitie mag lezen.")})
    if audience == NoteAudience.COORDINATOR and case.coordinator_id is None:
        raise ValidationError({"audience": _("Deze casus heeft nog geen regisseur.")})
    if not text.strip():
        raise ValidationError({"text": _("Schrijf een notitie.")})
    note = Note.objects.create(
        case=case,
        author=actor,
        author_organisation=organisation,
        audience=audience,
        text=text.strip(),
    )
    # The timeline says only that a note exists and for whom, never its text.
    timeline_record(
        actor=actor,
        case=case,
        kind=TimelineEventKind.NOTE_ADDED,
        summary=_("Notitie van %(org)s voor: %(audience)s.")
        % {"org": organisation.name, "audience": NoteAudience(audience).label.lower()},
        data={"note": str(note.uuid)},
    )
    return note
