"""Reads of consents, referrals, notes and coordinator proposals: each through its
``visible_to(user)`` rule, each logged for the persons it shows."""

import uuid
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import timezone

from eenplan.cases.constants import ReferralStatus
from eenplan.cases.models import Case, Consent, CoordinatorProposal, Note, Referral
from eenplan.cases.redaction import redact_consent
from eenplan.cases.selectors.case import MAX_PAGE_SIZE, log_case_read, members_prefetch
from eenplan.common.selectors import Listing
from eenplan.people.models import Person
from eenplan.privacy import policy
from eenplan.privacy.constants import Action
from eenplan.privacy.policy import CaseAccess
from eenplan.privacy.services import access_log_write


@dataclass(frozen=True)
class CaseNetwork:
    """Consents, notes, coordinator proposals and referrals of one case, as the user may see
    them; ``referrals`` holds ``(referral, sent)`` pairs, ``sent`` by the user's organisations."""

    consents: list[Consent]
    notes: list[Note]
    proposals: list[CoordinatorProposal]
    referrals: list[tuple[Referral, bool]]


def case_network(*, user, case: Case) -> CaseNetwork:
    """The network rows of a case the caller already read through ``visible_to(user)`` and
    redacted (``case.access``).

    Writes no access log: it is part of a read (the client view) that logs for every member.
    """
    working = set(policy.working_organisation_ids(user).values_list("organisation_id", flat=True))
    referrals = list(_referrals(user).filter(case=case))
    return CaseNetwork(
        consents=[redact_consent(consent, case.access) for consent in _consents(case)],
        notes=list(_notes(user, case)),
        proposals=list(_proposals(user, case)),
        referrals=[(r, r.from_organisation_id in working) for r in referrals],
    )


def _consents(case: Case):
    return Consent.objects.filter(case=case).select_related(
        "organisation", "person", "given_by", "recorded_by", "withdrawn_by"
    )


def _notes(user, case: Case):
    return (
        Note.objects.visible_to(user)
        .filter(case=case)
        .select_related("author", "author_organisation")
    )


def _proposals(user, case: Case):
    return (
        CoordinatorProposal.objects.visible_to(user)
        .filter(case=case)
        .select_related("coordinator", "organisation", "proposed_by", "agreed_by")
    )


def case_access_get(*, user, case_uuid: uuid.UUID) -> CaseAccess:
    """What the user may see of a case beyond the known level; ``Case.DoesNotExist`` if hidden."""
    case_id = Case.objects.visible_to(user).values_list("pk", flat=True).get(uuid=case_uuid)
    return policy.case_access(user, [case_id])[case_id]


def _visible_case(user, case_uuid: uuid.UUID) -> Case:
    return Case.objects.visible_to(user).prefetch_related(members_prefetch()).get(uuid=case_uuid)


def consent_list(*, user, case_uuid: uuid.UUID) -> list[Consent]:
    """Every consent and legal basis of a case, newest first. Seen at the known level, so an
    organisation can tell why it sees what it sees and whom to ask for consent."""
    started_at = timezone.now()
    case = _visible_case(user, case_uuid)
    access = policy.case_access(user, [case.pk])[case.pk]
    consents = [redact_consent(consent, access) for consent in _consents(case)]
    log_case_read(user=user, case=case, name="toestemmingen bekijken", started_at=started_at)
    return consents


def note_list(*, user, case_uuid: uuid.UUID) -> list[Note]:
    """The notes of a case the user is an audience of, newest first."""
    started_at = timezone.now()
    case = _visible_case(user, case_uuid)
    notes = list(_notes(user, case))
    if notes:
        log_case_read(user=user, case=case, name="notities bekijken", started_at=started_at)
    return notes


def consent_get(*, user, consent_uuid: uuid.UUID) -> Consent:
    """One consent of a case the user may see; ``Consent.DoesNotExist`` otherwise."""
    started_at = timezone.now()
    consent = _consents_of_visible_cases(user).get(uuid=consent_uuid)
    case = _visible_case(user, consent.case.uuid)
    log_case_read(user=user, case=case, name="toestemming bekijken", started_at=started_at)
    return consent


def _consents_of_visible_cases(user):
    return Consent.objects.visible_to(user).select_related(
        "case", "organisation", "person", "given_by", "recorded_by", "withdrawn_by"
    )


def coordinator_proposal_list(*, user, case_uuid: uuid.UUID) -> list[CoordinatorProposal]:
    """The coordinator proposals of a case, newest first."""
    started_at = timezone.now()
    case = _visible_case(user, case_uuid)
    proposals = list(_proposals(user, case))
    log_case_read(
        user=user, case=case, name="voorstellen regisseur bekijken", started_at=started_at
    )
    return proposals


def coordinator_proposal_get(*, user, proposal_uuid: uuid.UUID) -> CoordinatorProposal:
    """One coordinator proposal of a case the user may see; ``DoesNotExist`` otherwise."""
    started_at = timezone.now()
    proposal = (
        CoordinatorProposal.objects.visible_to(user)
        .select_related("case", "coordinator", "organisation", "proposed_by", "agreed_by")
        .get(uuid=proposal_uuid)
    )
    case = _visible_case(user, proposal.case.uuid)
    log_case_read(user=user, case=case, name="voorstel regisseur bekijken", started_at=started_at)
    return proposal


def _referrals(user):
    return (
        Referral.objects.visible_to(user)
        .select_related(
            "case__household__municipality",
            "from_organisation",
            "to_organisation",
            "sent_by",
            "decided_by",
        )
        .prefetch_related(Prefetch("persons", queryset=Person.objects.order_by("birth_date")))
    )


def _log_referral_read(*, user, referrals: list[Referral], started_at) -> None:
    subjects = [(r.case, person) for r in referrals for person in r.persons.all()]
    if subjects:
        access_log_write(
            actor=user,
            action=Action.READ,
            name="aanmeldingen bekijken",
            subjects=subjects,
            started_at=started_at,
        )


def referral_list(
    *,
    user,
    incoming: bool = True,
    status: str = ReferralStatus.SENT,
    case_uuid: uuid.UUID | None = None,
    page: int = 1,
    page_size: int = 25,
) -> Listing:
    """Referrals to (``incoming``) or from the user's organisations, newest first."""
    started_at = timezone.now()
    page, page_size = max(1, page), min(max(1, page_size), MAX_PAGE_SIZE)
    side = "to_organisation_id__in" if incoming else "from_organisation_id__in"
    referrals = _referrals(user).filter(**{side: policy.working_organisation_ids(user)})
    if status:
        referrals = referrals.filter(status=status)
    if case_uuid:
        referrals = referrals.filter(case__uuid=case_uuid)
    count = referrals.count()
    offset = (page - 1) * page_size
    items = list(referrals[offset : offset + page_size])
    _log_referral_read(user=user, referrals=items, started_at=started_at)
    return Listing(items=items, count=count, page=page, page_size=page_size)


def referral_get(*, user, referral_uuid: uuid.UUID) -> Referral:
    """One referral; ``Referral.DoesNotExist`` when the user is neither sender nor receiver."""
    started_at = timezone.now()
    referral = _referrals(user).get(uuid=referral_uuid)
    _log_referral_read(user=user, referrals=[referral], started_at=started_at)
    return referral
