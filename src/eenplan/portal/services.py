"""Every change a household member makes in the portal, and the coordinator's answers to it.

A citizen acts on a case through ``case_lock_visible(..., household=True)``: the case is locked
only when the citizen's person belongs to its household. Each function then checks what this
member may do (their own actions, their own consents and those of their children under 16) and
records the change on the case timeline or in the access log, with the citizen as actor.
"""

from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from eenplan.cases.constants import DataCategory, SharingGround, TimelineEventKind
from eenplan.cases.models import Case, Consent
from eenplan.cases.services import case_lock_visible, consent_build, timeline_record
from eenplan.common.constants import LifeDomain
from eenplan.common.locking import ConflictError
from eenplan.people.constants import NetworkKind
from eenplan.people.services import network_member_add
from eenplan.plans import services as plan_services
from eenplan.plans.constants import ActionStatus, AgreementMethod
from eenplan.plans.models import Plan
from eenplan.portal.constants import OWN_ACCOUNT_AGE, SCORES, ProposalKind, ProposalStatus
from eenplan.portal.models import Citizen, Feedback, HiddenItem, Message, Proposal
from eenplan.portal.rules import persons_in_care
from eenplan.privacy import requests as privacy_requests
from eenplan.privacy.constants import Action as LogAction
from eenplan.privacy.services import access_log_write
from eenplan.tenancy.constants import AccountKind
from eenplan.tenancy.models import User


@transaction.atomic
def citizen_account_create(*, person, username: str, password: str | None = None) -> Citizen:
    """An account for ``person``; without ``password`` it cannot log in until one is set."""
    age = person.age_on(timezone.localdate())
    if age is not None and age < OWN_ACCOUNT_AGE:
        raise ValidationError(
            _("Kinderen onder de %d krijgen geen eigen account; hun ouders kijken mee.")
            % OWN_ACCOUNT_AGE
        )
    if not person.memberships.exists():
        raise ValidationError(_("Deze persoon hoort bij geen enkel huishouden."))
    if hasattr(person, "citizen_account"):
        raise ValidationError(_("Deze persoon heeft al een account."))
    if User.objects.filter(username=username).exists():
        raise ValidationError({"username": _("Deze gebruikersnaam bestaat al.")})
    user = User(
        username=username,
        first_name=person.given_names,
        last_name=" ".join(p for p in (person.surname_prefix, person.surname) if p),
        email=person.email,
        kind=AccountKind.CITIZEN,
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    return Citizen.objects.create(user=user, person=person)


def _own_case(user, case: Case) -> Case:
    """The case locked for a household member; ``Case.DoesNotExist`` for anyone else."""
    if not user.is_citizen:
        raise Case.DoesNotExist
    return case_lock_visible(actor=user, case=case, household=True)


def _household_log(*, user, case: Case, name: str, action=LogAction.UPDATE) -> None:
    members = case.household.memberships.select_related("person")
    access_log_write(
        actor=user, action=action, name=name, subjects=[(case, m.person) for m in members]
    )


# ------------------------------------------------------------------------------ plan


def plan_agree(*, user, case: Case, revision: int):
    """The member agrees the plan as they read it (``revision``): a draft becomes a version agreed
    digitally; an agreed version gets this member's agreement too. A plan changed since they
    read it is not agreed (``ConflictError``)."""
    plan = Plan.objects.get(case=case)  # fresh: another member may have agreed meanwhile
    if plan.revision != revision:
        raise ConflictError
    if plan.is_draft:
        return plan_services.plan_agree(
            actor=user,
            plan=plan,
            revision=revision,
            agreed_by=[user.citizen.person],
            method=AgreementMethod.DIGITAL,
        )
    return plan_services.plan_agree_also(actor=user, version=plan.versions.latest("number"))


def action_tick(*, user, action, done: bool = True):
    """Tick off (or reopen) an action the member owns."""
    return plan_services.action_set_status(
        actor=user,
        action=action,
        lock_version=action.lock_version,
        status=ActionStatus.DONE if done else ActionStatus.OPEN,
    )


# ------------------------------------------------------------------------------ proposals


@transaction.atomic
def proposal_submit(
    *,
    user,
    case: Case,
    kind: str,
    text: str,
    detail: str = "",
    life_domain: str = "",
    network_kind: str = "",
    relationship: str = "",
    phone: str = "",
) -> Proposal:
    case = _own_case(user, case)
    if case.is_closed:
        raise ValidationError(_("Deze casus is afgesloten."))
    if kind not in ProposalKind.values:
        raise ValidationError({"kind": _("Kies wat u wilt voorstellen.")})
    if not text.strip():
        raise ValidationError({"text": _("Schrijf uw voorstel op.")})
    if kind == ProposalKind.GOAL and life_domain not in LifeDomain.values:
        raise ValidationError({"life_domain": _("Kies waar het doel over gaat.")})
    if kind == ProposalKind.NETWORK_MEMBER and network_kind not in NetworkKind.values:
        raise ValidationError({"network_kind": _("Kies wie deze persoon is.")})
    proposal = Proposal(
        case=case,
        proposed_by=user.citizen.person,
        kind=kind,
        text=text.strip(),
        detail=detail.strip(),
        life_domain=life_domain if kind == ProposalKind.GOAL else "",
        network_kind=network_kind if kind == ProposalKind.NETWORK_MEMBER else "",
        relationship=relationship.strip() if kind == ProposalKind.NETWORK_MEMBER else "",
        phone=phone.strip() if kind == ProposalKind.NETWORK_MEMBER else "",
    )
    proposal.full_clean()
    proposal.save()
    timeline_record(
        actor=user,
        case=case,
        kind=TimelineEventKind.HOUSEHOLD_PROPOSAL,
        summary=_("%(who)s stelt voor (%(kind)s): %(text)s")
        % {
            "who": proposal.proposed_by.full_name,
            "kind": proposal.get_kind_display().lower(),
            "text": proposal.text,
        },
        data={"proposal": str(proposal.uuid)},
    )
    return proposal


def _lock_open_proposal(*, actor, proposal: Proposal) -> tuple[Proposal, Case]:
    """Only the coordinator takes proposals into the plan (while no coordinator is agreed, a
    professional who may change the plan)."""
    case = case_lock_visible(actor=actor, case=proposal.case, category=DataCategory.PLAN)
    if case.coordinator_id not in (None, actor.pk):
        raise ValidationError(_("De regisseur van dit huishouden beslist over voorstellen."))
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.status != ProposalStatus.OPEN:
        raise ValidationError(_("Over dit voorstel is al beslist."))
    return proposal, case


def _answer(*, actor, proposal: Proposal, case: Case, status: str, answer: str) -> Proposal:
    proposal.status, proposal.answer = status, answer.strip()
    proposal.decided_by, proposal.decided_at = actor, timezone.now()
    proposal.save()
    timeline_record(
        actor=actor,
        case=case,
        kind=TimelineEventKind.PROPOSAL_ANSWERED,
        summary=_("Voorstel %(text)s: %(status)s.")
        % {"text": proposal.text, "status": proposal.get_status_display().lower()},
        data={"proposal": str(proposal.uuid)},
    )
    return proposal


@transaction.atomic
def proposal_take_in(*, actor, proposal: Proposal, answer: str = "") -> Proposal:
    """Put the proposal into the plan through the plan's own services."""
    proposal, case = _lock_open_proposal(actor=actor, proposal=proposal)
    if proposal.kind == ProposalKind.NETWORK_MEMBER:
        proposal.network_member = network_member_add(
            actor=actor,
            household=case.household,
            name=proposal.text,
            kind=proposal.network_kind,
            relationship=proposal.relationship,
            phone=proposal.phone,
            contribution=proposal.detail,
        )
    else:
        plan = getattr(case, "plan", None) or plan_services.plan_create(actor=actor, case=case)
        if proposal.kind == ProposalKind.GOAL:
            proposal.goal = plan_services.goal_add(
                actor=actor,
                plan=plan,
                life_domain=proposal.life_domain,
                title=proposal.text,
                description=proposal.detail,
            )
        else:
            strength = " ".join(filter(None, (proposal.text, proposal.detail)))
            plan_services.plan_update(
                actor=actor,
                plan=plan,
                lock_version=plan.lock_version,
                strengths="\n".join(filter(None, (plan.strengths, strength))),
                concerns=plan.concerns,
                evaluation_date=plan.evaluation_date,
            )
    return _answer(
        actor=actor, proposal=proposal, case=case, status=ProposalStatus.TAKEN_IN, answer=answer
    )


@transaction.atomic
def proposal_decline(*, actor, proposal: Proposal, answer: str) -> Proposal:
    if not answer.strip():
        raise ValidationError({"answer": _("Schrijf aan het huishouden waarom niet.")})
    proposal, case = _lock_open_proposal(actor=actor, proposal=proposal)
    return _answer(
        actor=actor, proposal=proposal, case=case, status=ProposalStatus.DECLINED, answer=answer
    )


# ------------------------------------------------------------------------------ messages


def _notify(addresses: Iterable[str], subject: str, link: str) -> None:
    """A short notice without any content: the message itself stays behind the login."""
    addresses = sorted({a for a in addresses if a})
    if addresses:
        body = _("U heeft een nieuw bericht in EenPlan. Log in om het te lezen:\n%s") % link
        transaction.on_commit(lambda: send_mail(subject, body, None, addresses))


@transaction.atomic
def message_send(*, user, case: Case, body: str) -> Message:
    """A message in the thread between the household and its coordinator, with an e-mail notice
    to the other side."""
    if not body.strip():
        raise ValidationError({"body": _("Schrijf een bericht.")})
    if user.is_citizen:
        case = _own_case(user, case)
        if case.coordinator is None:
            raise ValidationError(
                _("Er is nog geen regisseur. Neem contact op met een van de organisaties.")
            )
    else:
        case = case_lock_visible(actor=user, case=case)
        if case.coordinator_id != user.pk:
            raise ValidationError(_("Alleen de regisseur schrijft het huishouden hier."))
    message = Message.objects.create(
        case=case, author=user, from_household=user.is_citizen, body=body.strip()
    )
    _household_log(
        user=user, case=case, name="bericht regisseur en huishouden", action=LogAction.CREATE
    )
    if user.is_citizen:
        link = settings.BASE_URL + reverse("household_input:page", args=[case.uuid])
        _notify([case.coordinator.email], _("Nieuw bericht van een huishouden"), link)
    else:
        accounts = Citizen.objects.filter(person__memberships__household=case.household)
        link = settings.BASE_URL + reverse("portal:messages")
        _notify(
            [c.user.email or c.person.email for c in accounts.select_related("user", "person")],
            _("Nieuw bericht van uw regisseur"),
            link,
        )
    return message


def messages_mark_read(*, user, case: Case) -> int:
    """The reader's side has read what the other side wrote."""
    return Message.objects.filter(
        case=case, from_household=not user.is_citizen, read_at__isnull=True
    ).update(read_at=timezone.now())


# ------------------------------------------------------------------------------ consent


def _check_in_care(*, user, case: Case, person) -> None:
    if person.pk not in {p.pk for p in persons_in_care(user.citizen, case.household)}:
        raise ValidationError(
            {"person": _("U beslist alleen over uzelf en uw kinderen onder de 16.")}
        )


@transaction.atomic
def consent_change(
    *, user, case: Case, organisation, person, categories: Iterable[str]
) -> Consent | None:
    """Set what ``organisation`` may receive about ``person``: the member's earlier consents for it
    end at once and, unless ``categories`` is empty, one new consent takes their place.

    A legal basis is not the household's to withdraw; it stays (and the portal says so).
    """
    case = _own_case(user, case)
    _check_in_care(user=user, case=case, person=person)
    if not case.involvements.active().filter(organisation=organisation).exists():
        raise ValidationError({"organisation": _("Deze organisatie helpt uw huishouden niet.")})
    categories = list(categories)
    now = timezone.now()
    ended = Consent.objects.active().filter(
        case=case, organisation=organisation, person=person, ground=SharingGround.CONSENT
    )
    ended_count = ended.update(
        withdrawn_at=now, withdrawn_by=user, withdrawal_note=_("Via Mijn EenPlan.")
    )
    consent = None
    if categories:
        consent = consent_build(
            actor=user,
            case=case,
            organisation=organisation,
            categories=categories,
            purpose=_("Toestemming gegeven in Mijn EenPlan."),
            ground=SharingGround.CONSENT,
            person=person,
            given_by=user.citizen.person,
        )
    if ended_count or consent:
        what = (
            ", ".join(str(DataCategory(c).label).split(":")[0].lower() for c in categories)
            if categories
            else _("niets meer")
        )
        timeline_record(
            actor=user,
            case=case,
            kind=(
                TimelineEventKind.CONSENT_RECORDED
                if consent
                else TimelineEventKind.CONSENT_WITHDRAWN
            ),
            summary=_("%(who)s via het portaal: %(org)s krijgt over %(person)s: %(what)s.")
            % {
                "who": user.citizen.person.full_name,
                "org": organisation.name,
                "person": person.full_name,
                "what": what,
            },
        )
    return consent


# ------------------------------------------------------------------------------ feedback


@transaction.atomic
def feedback_give(*, user, case: Case, score: int, comment: str = "") -> Feedback:
    """The member's report mark for the current plan period (the latest agreed version); a second
    mark in the same period replaces the first."""
    case = _own_case(user, case)
    version = getattr(getattr(case, "plan", None), "versions", None)
    latest = version.order_by("-number").first() if version is not None else None
    if latest is None:
        raise ValidationError(_("U kunt een cijfer geven als het plan is vastgesteld."))
    if score not in SCORES:
        raise ValidationError({"score": _("Geef een cijfer van 1 tot en met 10.")})
    feedback, _created = Feedback.objects.update_or_create(
        case=case,
        person=user.citizen.person,
        plan_version=latest.number,
        defaults={"score": score, "comment": comment.strip(), "given_at": timezone.now()},
    )
    access_log_write(
        actor=user,
        action=LogAction.CREATE,
        name="waardering geven",
        subjects=[(case, feedback.person)],
    )
    return feedback


# ------------------------------------------------------------------------------ hiding


@transaction.atomic
def item_hide(*, user, case: Case, action=None, involvement=None, hidden: bool = True) -> None:
    """Hide (or show again) an item about the member from the rest of the household: an action
    they own, or an organisation that helps only them."""
    case = _own_case(user, case)
    person = user.citizen.person
    if action is not None:
        if action.owner_person_id != person.pk or action.goal.plan.case_id != case.pk:
            raise ValidationError(_("U kunt alleen uw eigen acties verbergen."))
        item = {"action": action}
    elif involvement is not None:
        helps = set(involvement.persons.values_list("pk", flat=True))
        if involvement.case_id != case.pk or helps != {person.pk}:
            raise ValidationError(_("U kunt alleen een organisatie verbergen die alleen u helpt."))
        item = {"involvement": involvement}
    else:
        raise ValidationError(_("Kies wat u wilt verbergen."))
    if hidden:
        HiddenItem.objects.get_or_create(person=person, **item)
    else:
        HiddenItem.objects.filter(person=person, **item).delete()
    access_log_write(
        actor=user,
        action=LogAction.UPDATE,
        name="verbergen voor huisgenoten" if hidden else "weer tonen aan huisgenoten",
        subjects=[(case, person)],
    )


def data_request_file(*, user, person, kind: str, description: str):
    """A request to correct or erase data (AVG art. 16/17), for oneself or a child under 16;
    the privacy officer decides within a month."""
    if person not in persons_in_care(user.citizen):
        raise ValidationError({"person": _("Kies uzelf of uw kind onder de 16.")})
    return privacy_requests.request_register(
        actor=user, person=person, kind=kind, description=description
    )
