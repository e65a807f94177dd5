"""Loading the demo region: ``demo_region_load`` turns ``eenplan.demo.data`` into database rows.

Reference data (regions, municipalities, organisations, accounts) has natural keys and is
upserted directly. Everything about households and cases goes through the same service functions
the pages and the API use, with the responsible demo professional as actor: a demo is only
convincing when its cases carry the timeline, the access log and the validation a real case
carries, and a loader that wrote rows itself would drift from the rules it demonstrates. The
household plans are loaded the same way, by ``eenplan.demo.plans``, while a case walks through its
steps. Then ``eenplan.demo.history`` dates the demo cases back and records two years of ZRM
assessments, the shipped population figures are loaded, ``eenplan.demo.synthetic_load`` adds a
synthetic history for the indicators (in bulk, invisible to every account),
``eenplan.demo.indicators`` writes stories and a local indicator, ``eenplan.demo.portal``
gives household members their Mijn EenPlan accounts and story, ``eenplan.demo.complaints``
registers and handles complaints and objections, and ``eenplan.demo.retention`` adds two cases
closed years ago for the retention run.

The load is idempotent. Reference data is looked up by name, CBS code or username and updated;
a household that already exists (same name in the same municipality) is skipped, with its case
and plan.
Passwords are reset to the given password on every run, so changing EENPLAN_DEMO_PASSWORD and
seeding again is how the demo password is changed.
"""

import datetime
from collections.abc import Iterator
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from eenplan.cases.constants import CaseStatus, DataCategory
from eenplan.cases.models import Case, Consent
from eenplan.cases.services import (
    case_escalate,
    case_open,
    case_set_coordinator,
    case_transition,
    consent_record,
    coordinator_propose,
    involvement_add,
    referral_send,
)
from eenplan.cases.services.network import AGE_OWN_CONSENT
from eenplan.common.bsn import synthetic_bsns
from eenplan.demo.complaints import complaints_load
from eenplan.demo.consultations import consultations_load
from eenplan.demo.data import ACCOUNTS, EEMSDELTA, HOUSEHOLDS, ORGANISATIONS, PLANS, REGIONS
from eenplan.demo.data.types import CaseSpec, HouseholdSpec, OrganisationSpec, PlanSpec, StepSpec
from eenplan.demo.history import history_load
from eenplan.demo.indicators import indicators_load
from eenplan.demo.messages import messages_load
from eenplan.demo.plans import PlanLoad, plan_evaluate, plan_make, plan_revise
from eenplan.demo.portal import portal_load
from eenplan.demo.provisions import provisions_load
from eenplan.demo.retention import retention_demo_load
from eenplan.demo.synthetic_load import synthetic_history_load
from eenplan.indicators.cbs import SHIPPED_FILE, SHIPPED_SOURCE, read_population_file
from eenplan.indicators.services import population_load
from eenplan.people.models import Household, Person
from eenplan.people.services import PersonData, household_create, network_member_add
from eenplan.tenancy.constants import Role
from eenplan.tenancy.models import Membership, Municipality, Organisation, Region, User

# The demo takes its BSNs from 99999xxxx starting at this suffix; the lower part of the block is
# left to the test factories, so a demo database and test data never compete for a number.
DEMO_BSN_START = 1000
DEMO_MAIL_DOMAIN = "demo.eenplan.nl"
DEMO_CONSENT_PURPOSE = "Samen één plan maken en uitvoeren (één gezin, één plan, één regisseur)"


@dataclass(frozen=True)
class DemoSummary:
    municipalities: int  # in Proeftuin Eemsdelta
    organisations: int
    households: int
    households_created: int
    users: int
    other_regions: tuple[tuple[str, int], ...]  # (name, number of municipalities)
    assessments: int = 0  # recorded in the demo households' history this run
    synthetic_cases: tuple[tuple[str, int], ...] = ()  # (municipality, cases) created this run
    citizens: int = 0  # household members with a Mijn EenPlan account
    complaints: int = 0  # complaints and objections registered this run


@transaction.atomic
def demo_region_load(*, password: str) -> DemoSummary:
    """Load (or refresh) the demo region; every demo account gets ``password``."""
    if not password:
        raise ValueError("Het demowachtwoord is leeg; zet EENPLAN_DEMO_PASSWORD.")
    municipalities = _regions_load()
    organisations = _organisations_load(municipalities=municipalities)
    users = _accounts_load(organisations=organisations, password=password)
    bsns = synthetic_bsns(DEMO_BSN_START)
    created = sum(
        _household_load(spec=spec, municipalities=municipalities, users=users, bsns=bsns)
        for spec in HOUSEHOLDS
    )
    consultations_load(users=users, municipalities=municipalities)
    assessments = history_load()
    population_load(rows=read_population_file(SHIPPED_FILE), source=SHIPPED_SOURCE)
    synthetic = synthetic_history_load()  # after the consultations: their series are the demo's
    provisions_load(users=users, municipalities=municipalities)  # synthetic cases get decisions
    messages_load()
    indicators_load(users=users, municipalities=municipalities)
    citizens = portal_load(users=users, password=password)  # the plans and history exist
    complaints = complaints_load()  # after the decisions and the citizens' accounts
    retention_demo_load(users=users, municipalities=municipalities)  # after the synthetic team
    return DemoSummary(
        municipalities=Municipality.objects.filter(region__name=EEMSDELTA.name).count(),
        organisations=len(organisations),
        households=len(HOUSEHOLDS),
        households_created=created,
        users=len(users),
        other_regions=tuple(
            (region.name, len(region.municipalities)) for region in REGIONS if region != EEMSDELTA
        ),
        assessments=assessments,
        synthetic_cases=tuple(synthetic.items()),
        citizens=citizens,
        complaints=complaints,
    )


def _regions_load() -> dict[str, Municipality]:
    """Regions and municipalities, keyed by CBS code."""
    municipalities = {}
    for spec in REGIONS:
        region, _ = Region.objects.get_or_create(name=spec.name)
        for item in spec.municipalities:
            municipality, _ = Municipality.objects.update_or_create(
                cbs_code=item.cbs_code,
                defaults={"region": region, "name": item.name, "inhabitants": item.inhabitants},
            )
            municipality.full_clean()  # a typo in the data fails the load instead of lingering
            municipalities[item.cbs_code] = municipality
    return municipalities


def _organisations_load(*, municipalities: dict[str, Municipality]) -> dict[str, Organisation]:
    organisations = {}
    for spec in ORGANISATIONS:
        organisation, _ = Organisation.objects.update_or_create(
            name=spec.name, defaults=_organisation_fields(spec)
        )
        organisation.full_clean()
        organisation.municipalities.set([municipalities[code] for code in spec.municipalities])
        organisations[spec.name] = organisation
    return organisations


def _organisation_fields(spec: OrganisationSpec) -> dict[str, str]:
    return {
        "type": spec.type,
        "kvk_number": spec.kvk_number,
        "agb_code": spec.agb_code,
        "email": f"info@{spec.domain}.{DEMO_MAIL_DOMAIN}",
    }


def _accounts_load(*, organisations: dict[str, Organisation], password: str) -> dict[str, User]:
    """Demo users and their memberships, keyed by username, freshly read from the database."""
    domains = {spec.name: spec.domain for spec in ORGANISATIONS}
    hashed = make_password(password)  # hashed once: all demo accounts share the password
    for spec in ACCOUNTS:
        main_organisation = spec.memberships[0][0]
        local_part = ".".join(
            slugify(n).replace("-", "") for n in (spec.first_name, spec.last_name)
        )
        user, _ = User.objects.update_or_create(
            username=spec.username,
            defaults={
                "first_name": spec.first_name,
                "last_name": spec.last_name,
                "email": f"{local_part}@{domains[main_organisation]}.{DEMO_MAIL_DOMAIN}",
                "password": hashed,
                "is_active": True,
            },
        )
        for organisation_name, role in spec.memberships:
            Membership.objects.update_or_create(
                user=user,
                organisation=organisations[organisation_name],
                role=role,
                defaults={"is_active": True},
            )
    _functional_admins_in_beheer()
    # Fresh instances: no membership cache from before the memberships existed.
    usernames = [spec.username for spec in ACCOUNTS]
    return {user.username: user for user in User.objects.filter(username__in=usernames)}


# What a functional admin does in Beheer (/beheer/): accounts, memberships, organisations and
# municipalities, resetting a second factor, lifting a lockout, the complaints settings.
# Personal data stays read-only there for everyone (ADR 0003).
FUNCTIONAL_ADMIN_PERMISSIONS = {
    ("tenancy", "user"): ("view", "add", "change"),
    ("tenancy", "membership"): ("view", "add", "change"),
    ("tenancy", "organisation"): ("view", "add", "change"),
    ("tenancy", "municipality"): ("view", "change"),
    ("tenancy", "region"): ("view",),
    ("otp_totp", "totpdevice"): ("view", "delete"),
    ("axes", "accessattempt"): ("view", "delete"),
    ("complaints", "complaintsettings"): ("view", "add", "change"),
}


def _functional_admins_in_beheer() -> None:
    group, _ = Group.objects.get_or_create(name="Functioneel beheer")
    for (app_label, model), actions in FUNCTIONAL_ADMIN_PERMISSIONS.items():
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label=app_label,
                codename__in=[f"{action}_{model}" for action in actions],
            )
        )
    admins = User.objects.filter(
        memberships__role=Role.FUNCTIONAL_ADMIN, memberships__is_active=True
    ).distinct()
    for user in admins:
        user.groups.add(group)
        user.is_staff = True
        user.save(update_fields=["is_staff"])


def _household_load(
    *,
    spec: HouseholdSpec,
    municipalities: dict[str, Municipality],
    users: dict[str, User],
    bsns: Iterator[str],
) -> bool:
    """Register the household and its case; False when it already exists."""
    # Draw the BSNs before deciding to skip, so each person keeps the same number every run.
    candidates = [next(bsns) if member.has_bsn else "" for member in spec.members]
    municipality = municipalities[spec.municipality]
    if Household.objects.filter(name=spec.name, municipality=municipality).exists():
        return False
    opener = users[spec.case.opened_by]
    household = household_create(
        actor=opener,
        name=spec.name,
        municipality=municipality,
        members=_person_data(spec=spec, bsns=candidates),
        relations=list(spec.relations),
    )
    for item in spec.network:
        network_member_add(
            actor=opener,
            household=household,
            name=item.name,
            kind=item.kind,
            relationship=item.relationship,
            contribution=item.contribution,
        )
    _case_load(spec=spec.case, household=household, users=users, plan=PLANS.get(spec.name))
    return True


def _person_data(*, spec: HouseholdSpec, bsns: list[str]) -> list[PersonData]:
    taken = {person.bsn for person in Person.objects.with_any_bsn(bsns)}
    address = spec.address
    return [
        PersonData(
            given_names=member.given_names,
            surname_prefix=member.surname_prefix,
            surname=member.surname,
            # A number someone else already uses is left out rather than failing the load.
            bsn="" if bsn in taken else bsn,
            birth_date=member.birth_date,
            gender=member.gender,
            street=address.street,
            house_number=address.house_number,
            postcode=address.postcode,
            city=address.city,
        )
        for member, bsn in zip(spec.members, bsns, strict=True)
    ]


def _case_load(
    *, spec: CaseSpec, household: Household, users: dict[str, User], plan: PlanSpec | None
) -> Case:
    """Open the case, involve the organisations, choose the coordinator, then move it along."""
    opener = users[spec.opened_by]
    case = case_open(
        actor=opener,
        household=household,
        priority_question=spec.priority_question,
        priority_domain=spec.priority_domain.value,
        service_type=spec.service_type,
        other_questions=[(text, domain.value) for text, domain in spec.other_questions],
        organisation=opener.acting_organisation,
    )
    persons = [m.person for m in household.memberships.select_related("person").order_by("pk")]
    _consents_load(case=case, organisation=opener.acting_organisation, actor=opener)
    for item in spec.involvements:
        contact = users[item.contact]
        if item.consent:
            _consents_load(
                case=case,
                organisation=contact.acting_organisation,
                actor=opener,
                persons=[persons[index] for index in item.persons],
            )
        involvement_add(
            actor=opener,
            case=case,
            organisation=contact.acting_organisation,
            service_type=item.service_type,
            life_domains=[domain.value for domain in item.life_domains],
            persons=[persons[index] for index in item.persons] or persons,
            contact=contact,
            start_date=timezone.localdate() - datetime.timedelta(days=item.since_days),
        )
    for item in spec.referrals:
        referral_send(
            actor=users[item.by],
            case=case,
            to_organisation=users[item.to].acting_organisation,
            persons=[persons[index] for index in item.persons],
            reason=item.reason,
            service_type=item.service_type,
            life_domains=[domain.value for domain in item.life_domains],
            categories=[DataCategory.PLAN, DataCategory.CONTACT],
            guardian=persons[0],
        )
    if spec.proposal:
        proposed = users[spec.proposal.coordinator]
        coordinator_propose(
            actor=users[spec.proposal.by],
            case=case,
            coordinator=proposed,
            organisation=proposed.acting_organisation,
            motivation=spec.proposal.motivation,
        )
    if spec.coordinator:
        coordinator = users[spec.coordinator]
        case = case_set_coordinator(
            actor=opener,
            case=case,
            coordinator=coordinator,
            organisation=coordinator.acting_organisation,
        )
    return _case_progress(spec=spec, case=case, users=users, plan=plan)


def _consents_load(
    *, case: Case, organisation: Organisation, actor: User, persons: list | None = None
) -> None:
    """The members ``organisation`` works for (all when empty) consent to sharing everything
    with it for the joint approach; for a child under 16 the household's contact person does."""
    if Consent.objects.filter(case=case, organisation=organisation).exists():
        return
    members = list(case.household.memberships.select_related("person").order_by("-is_contact"))
    guardian = members[0].person
    today = timezone.localdate()
    for person in persons or [member.person for member in members]:
        minor = (person.age_on(today) or 0) < AGE_OWN_CONSENT
        consent_record(
            actor=actor,
            case=case,
            organisation=organisation,
            person=person,
            given_by=guardian if minor else person,
            categories=DataCategory.values,
            purpose=DEMO_CONSENT_PURPOSE,
        )


def _case_progress(
    *, spec: CaseSpec, case: Case, users: dict[str, User], plan: PlanSpec | None
) -> Case:
    """Walk the status steps as the coordinator (or, without one, the opener), working on the
    plan on the way (see ``eenplan.demo.plans``), then escalate if the story says so."""
    coordinator = users[spec.coordinator or spec.opened_by]
    load = plan and PlanLoad.start(spec=plan, case=case, coordinator=coordinator, users=users)
    for step in spec.steps:
        case = _case_step(step=step, case=case, coordinator=coordinator, load=load)
    if load:
        plan_revise(load)
    if spec.escalation:
        case = case_escalate(
            actor=users[spec.escalation.by],
            case=case,
            level=spec.escalation.level,
            reason=spec.escalation.reason,
        )
    return case


def _case_step(*, step: StepSpec, case: Case, coordinator: User, load: PlanLoad | None) -> Case:
    """One step; the case is read again after it, as the plan may have moved it on."""
    if step.status == case.status:
        return case  # agreeing the plan already took this step
    if load and load.plan and step.status == CaseStatus.EVALUATION:
        plan_evaluate(load)
    else:
        case_transition(
            actor=coordinator,
            case=case,
            to_status=step.status,
            closing_reason=step.closing_reason,
            note=step.note,
        )
    if load and load.plan is None and step.status == CaseStatus.PLAN:
        plan_make(load)
    return Case.objects.get(pk=case.pk)
