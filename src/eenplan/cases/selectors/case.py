"""Every read of case data goes through these functions; each filters with ``visible_to(user)``,
redacts the content the user's organisation holds no consent or legal basis for (see
``cases.redaction``), and writes the access log for the data subjects it returns. Query counts
are fixed: they do not grow with the number of cases, persons or involvements.
"""

import uuid

from django.db.models import Prefetch
from django.utils import timezone

from eenplan.cases.models import Case, Involvement, TimelineEvent
from eenplan.cases.redaction import redact_case, redact_involvement
from eenplan.common.selectors import Listing
from eenplan.people.models import HouseholdMember
from eenplan.privacy import policy
from eenplan.privacy.constants import Action
from eenplan.privacy.exceptions import NotShared
from eenplan.privacy.services import access_log_write

MAX_PAGE_SIZE = 100


def _contacts_prefetch() -> Prefetch:
    return Prefetch(
        "household__memberships",
        queryset=HouseholdMember.objects.filter(is_contact=True).select_related("person"),
        to_attr="contacts",
    )


def members_prefetch() -> Prefetch:
    return Prefetch(
        "household__memberships",
        queryset=HouseholdMember.objects.select_related("person"),
        to_attr="member_list",
    )


def log_case_read(*, user, case: Case, name: str, started_at) -> None:
    persons = [m.person for m in case.household.member_list]
    access_log_write(
        actor=user,
        action=Action.READ,
        name=name,
        subjects=[(case, person) for person in persons] or [(case, None)],
        started_at=started_at,
    )


def case_list(
    *,
    user,
    status: str = "",
    municipality: uuid.UUID | None = None,
    coordinator: uuid.UUID | None = None,
    page: int = 1,
    page_size: int = 25,
) -> Listing:
    """The cases the user may see, newest first, one page at a time.

    Each listed case shows the household's name and contact person, so each is logged as a read
    of that contact person.
    """
    started_at = timezone.now()
    page, page_size = max(1, page), min(max(1, page_size), MAX_PAGE_SIZE)
    cases = Case.objects.visible_to(user)
    if status:
        cases = cases.filter(status=status)
    if municipality:
        cases = cases.filter(household__municipality__uuid=municipality)
    if coordinator:
        cases = cases.filter(coordinator__uuid=coordinator)
    count = cases.count()
    offset = (page - 1) * page_size
    items = list(
        cases.select_related(
            "household__municipality", "coordinator", "coordinator_organisation"
        ).prefetch_related(_contacts_prefetch())[offset : offset + page_size]
    )
    access = policy.case_access(user, [case.pk for case in items])
    for case in items:
        redact_case(case, access[case.pk])
    subjects = [
        (case, case.household.contacts[0].person if case.household.contacts else None)
        for case in items
    ]
    if subjects:
        access_log_write(
            actor=user,
            action=Action.READ,
            name="casussen bekijken",
            subjects=subjects,
            started_at=started_at,
        )
    return Listing(items=items, count=count, page=page, page_size=page_size)


def case_get(*, user, case_uuid: uuid.UUID) -> Case:
    """One case with its household, questions and coordinator; ``Case.DoesNotExist`` if hidden.

    ``case.access`` says what the user may see beyond the known level.
    """
    started_at = timezone.now()
    case = (
        Case.objects.visible_to(user)
        .select_related("household__municipality", "coordinator", "coordinator_organisation")
        .prefetch_related(members_prefetch())
        .get(uuid=case_uuid)
    )
    redact_case(case, policy.case_access(user, [case.pk])[case.pk], questions=True)
    log_case_read(user=user, case=case, name="casus bekijken", started_at=started_at)
    return case


def case_involvements(*, user, case_uuid: uuid.UUID) -> list[Involvement]:
    """Every organisation involved in a case, past and present, with its contact and persons."""
    started_at = timezone.now()
    case = (
        Case.objects.visible_to(user)
        .prefetch_related(
            members_prefetch(),
            Prefetch(
                "involvements",
                queryset=Involvement.objects.select_related(
                    "organisation", "contact"
                ).prefetch_related("persons"),
            ),
        )
        .get(uuid=case_uuid)
    )
    access = policy.case_access(user, [case.pk])[case.pk]
    log_case_read(user=user, case=case, name="betrokkenheden bekijken", started_at=started_at)
    return [redact_involvement(involvement, access) for involvement in case.involvements.all()]


def case_timeline(*, user, case_uuid: uuid.UUID, limit: int = 200) -> list[TimelineEvent]:
    """The newest ``limit`` events of a case's timeline; ``NotShared`` without plan consent."""
    started_at = timezone.now()
    case = Case.objects.visible_to(user).prefetch_related(members_prefetch()).get(uuid=case_uuid)
    if not policy.case_access(user, [case.pk])[case.pk].plan:
        raise NotShared()
    events = list(
        TimelineEvent.objects.filter(case=case).select_related("actor", "actor_organisation")[
            :limit
        ]
    )
    log_case_read(user=user, case=case, name="tijdlijn bekijken", started_at=started_at)
    return events
