"""Agreeing on one coordinator (regisseur): a proposal, then agreement by another party and the
household; a hand-over is a proposal made while a coordinator is in place."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from eenplan.cases.constants import ProposalStatus, TimelineEventKind
from eenplan.cases.models import Case, CoordinatorProposal
from eenplan.cases.services.case import (
    case_lock_visible,
    case_set_coordinator,
    is_working_member,
    timeline_record,
)
from eenplan.privacy import policy
from eenplan.tenancy.models import Organisation


def _name(user) -> str:
    return user.get_full_name() or user.username


@transaction.atomic
def coordinator_propose(
    *, actor, case: Case, coordinator, organisation: Organisation, motivation: str = ""
) -> CoordinatorProposal:
    """Propose ``coordinator`` of ``organisation`` (involved in the case) as coordinator."""
    case = case_lock_visible(actor=actor, case=case)
    if case.is_closed:
        raise ValidationError(_("De casus is afgesloten."))
    if not case.involvements.active().filter(organisation=organisation).exists():
        raise ValidationError(
            {"organisation": _("De regisseur komt van een organisatie die betrokken is.")}
        )
    if not is_working_member(coordinator, organisation):
        raise ValidationError(
            {"coordinator": _("De regisseur moet als professional bij deze organisatie werken.")}
        )
    if case.coordinator_id == coordinator.pk:
        raise ValidationError({"coordinator": _("Deze professional is al de regisseur.")})
    proposal = CoordinatorProposal.objects.create(
        case=case,
        coordinator=coordinator,
        organisation=organisation,
        is_handover=case.coordinator_id is not None,
        motivation=motivation.strip(),
        proposed_by=actor,
    )
    template = (
        _("Overdracht voorgesteld aan %(name)s (%(org)s).")
        if proposal.is_handover
        else _("%(name)s (%(org)s) voorgesteld als regisseur.")
    )
    timeline_record(
        actor=actor,
        case=case,
        kind=TimelineEventKind.COORDINATOR_PROPOSED,
        summary=template % {"name": _name(coordinator), "org": organisation.name},
        data={"proposal": str(proposal.uuid)},
    )
    return proposal


def _lock_open_proposal(*, actor, proposal: CoordinatorProposal) -> CoordinatorProposal:
    case_lock_visible(actor=actor, case=proposal.case)
    proposal = CoordinatorProposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.status != ProposalStatus.PROPOSED:
        raise ValidationError(_("Over dit voorstel is al beslist."))
    return proposal


def _may_agree(actor, proposal: CoordinatorProposal) -> bool:
    """Someone other than the proposer: the proposed coordinator accepting, the coordinator
    handing over, or a professional of another involved organisation."""
    if actor.pk == proposal.proposed_by_id:
        return False
    if actor.pk in (proposal.coordinator_id, proposal.case.coordinator_id):
        return True
    proposer_organisations = proposal.proposed_by.memberships.filter(is_active=True).values(
        "organisation_id"
    )
    return (
        proposal.case.involvements.active()
        .exclude(organisation_id__in=proposer_organisations)
        .filter(organisation_id__in=policy.working_organisation_ids(actor))
        .exists()
    )


@transaction.atomic
def coordinator_agree(
    *, actor, proposal: CoordinatorProposal, household_agreed: bool
) -> CoordinatorProposal:
    """Record the agreement: who agreed and when, with the household's consent to it. The
    proposed professional becomes coordinator; other open proposals lapse."""
    proposal = _lock_open_proposal(actor=actor, proposal=proposal)
    if not household_agreed:
        raise ValidationError(
            {"household_agreed": _("Het huishouden moet instemmen met de regisseur.")}
        )
    if not _may_agree(actor, proposal):
        raise ValidationError(
            _(
                "Instemmen doet de voorgestelde regisseur, de huidige regisseur of een andere "
                "betrokken organisatie dan die van de voorsteller."
            )
        )
    previous = proposal.case.coordinator
    case_set_coordinator(
        actor=actor,
        case=proposal.case,
        coordinator=proposal.coordinator,
        organisation=proposal.organisation,
        note=_("Afgesproken met het huishouden; ingestemd door %(name)s.") % {"name": _name(actor)}
        + (f" {_('Overgedragen door %(name)s.') % {'name': _name(previous)}}" if previous else ""),
    )
    proposal.status, proposal.agreed_by, proposal.agreed_at = (
        ProposalStatus.AGREED,
        actor,
        timezone.now(),
    )
    proposal.household_agreed = True
    proposal.save(update_fields=["status", "agreed_by", "agreed_at", "household_agreed"])
    CoordinatorProposal.objects.filter(case=proposal.case, status=ProposalStatus.PROPOSED).update(
        status=ProposalStatus.WITHDRAWN
    )
    return proposal


@transaction.atomic
def coordinator_proposal_withdraw(*, actor, proposal: CoordinatorProposal) -> CoordinatorProposal:
    """The proposer or the proposed professional withdraws an open proposal."""
    proposal = _lock_open_proposal(actor=actor, proposal=proposal)
    if actor.pk not in (proposal.proposed_by_id, proposal.coordinator_id):
        raise ValidationError(_("Alleen de voorsteller of de voorgestelde regisseur trekt in."))
    proposal.status = ProposalStatus.WITHDRAWN
    proposal.save(update_fields=["status"])
    timeline_record(
        actor=actor,
        case=proposal.case,
        kind=TimelineEventKind.COORDINATOR_PROPOSED,
        summary=_("Voorstel voor %(name)s als regisseur ingetrokken.")
        % {"name": _name(proposal.coordinator)},
        data={"proposal": str(proposal.uuid)},
    )
    return proposal
