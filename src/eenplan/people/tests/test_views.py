"""Search and the household page (integrated client view), through the Django test client."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from eenplan.cases.constants import TimelineEventKind
from eenplan.cases.models import HelpQuestion
from eenplan.cases.tests.factories import CaseFactory, InvolvementFactory, TimelineEventFactory
from eenplan.people.constants import RelationKind
from eenplan.people.models import Person
from eenplan.people.tests.factories import HouseholdFactory, NetworkMemberFactory, RelationFactory
from eenplan.people.views import age_on
from eenplan.privacy.constants import Action
from eenplan.privacy.models import AccessLogEntry
from eenplan.tenancy.constants import Role
from eenplan.tenancy.tests.factories import OrganisationFactory, UserFactory, user_in

pytestmark = pytest.mark.django_db

SEARCH = reverse("people:search")
NOT_FOUND = "Geen huishoudens gevonden"
UNKNOWN_HOUSEHOLD = "6f1c1c52-0000-4000-8000-000000000000"
HIDDEN_ROLES = [
    Role.TEAM_LEADER,
    Role.DIRECTOR,
    Role.POLICY_OFFICER,
    Role.PRIVACY_OFFICER,
    Role.FUNCTIONAL_ADMIN,
]


def _household_url(household) -> str:
    return reverse("people:household", kwargs={"household_uuid": household.uuid})


def _contact(case) -> Person:
    return case.household.memberships.get(is_contact=True).person


@pytest.fixture
def superuser():
    return UserFactory(is_superuser=True, is_staff=True, username="root")


@pytest.fixture(params=["outsider", *HIDDEN_ROLES, "superuser"])
def user_without_access(request, involved_org):
    """Everyone who must not see ``case``: other organisations, non-case roles in the involved
    organisation itself, and a superuser without membership."""
    if request.param == "outsider":
        return request.getfixturevalue("outsider")
    if request.param == "superuser":
        return request.getfixturevalue("superuser")
    return user_in(involved_org, request.param)


# ---------------------------------------------------------------------------- search


def test_search_page_renders_empty_form(client, professional):
    client.force_login(professional)
    response = client.get(SEARCH)
    assert response.status_code == 200
    content = response.content.decode()
    for label in ('for="id_bsn"', 'for="id_name"', 'for="id_birth_date"', 'for="id_postcode"'):
        assert label in content
    assert NOT_FOUND not in content


def test_search_requires_login(client):
    response = client.post(SEARCH, {"name": "Bakker"})
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


@pytest.mark.parametrize(
    "criteria",
    [
        lambda p: {"bsn": p.bsn},
        lambda p: {"bsn": f"{p.bsn[:4]}.{p.bsn[4:6]}.{p.bsn[6:]}"},
        lambda p: {"name": f"{p.given_names} {p.surname}"},
        lambda p: {"birth_date": p.birth_date.strftime("%d-%m-%Y")},
        lambda p: {"birth_date": p.birth_date.isoformat()},
        lambda p: {"postcode": p.postcode.replace(" ", "").lower()},
    ],
    ids=["bsn", "bsn-with-dots", "name", "birth-date", "birth-date-iso", "postcode"],
)
def test_search_finds_household_for_involved_professional(client, case, professional, criteria):
    client.force_login(professional)
    response = client.post(SEARCH, criteria(_contact(case)))
    assert response.status_code == 200
    content = response.content.decode()
    assert NOT_FOUND not in content
    assert _contact(case).full_name in content
    assert _household_url(case.household) in content


def test_search_logs_every_hit_as_a_search(client, case, professional):
    client.force_login(professional)
    client.post(SEARCH, {"name": "Bakker"})
    entries = AccessLogEntry.objects.all()
    assert len(entries) == 3
    assert {e.action for e in entries} == {Action.SEARCH}
    assert {e.actor for e in entries} == {professional}


def test_search_counts_the_persons_found_in_dutch(client, case, professional):
    client.force_login(professional)
    assert "3 personen gevonden" in client.post(SEARCH, {"name": "Bakker"}).content.decode()
    one = client.post(SEARCH, {"bsn": _contact(case).bsn}).content.decode()
    assert "1 persoon gevonden" in one


def test_search_finds_nothing_for_users_without_access(client, case, user_without_access):
    client.force_login(user_without_access)
    contact = _contact(case)
    for criteria in ({"bsn": contact.bsn}, {"name": "Bakker"}, {"postcode": contact.postcode}):
        response = client.post(SEARCH, criteria)
        assert response.status_code == 200
        content = response.content.decode()
        assert NOT_FOUND in content
        assert contact.full_name not in content
        assert case.household.name not in content
    assert not AccessLogEntry.objects.exists()


def test_only_case_workers_are_pointed_to_emergency_access(client, case, outsider):
    emergency = reverse("privacy:emergency")
    client.force_login(outsider)
    assert emergency in client.post(SEARCH, {"name": "Bakker"}).content.decode()
    client.force_login(user_in(OrganisationFactory(), Role.POLICY_OFFICER))
    assert emergency not in client.post(SEARCH, {"name": "Bakker"}).content.decode()


def test_search_answers_hidden_and_unknown_person_alike(client, case, outsider):
    client.force_login(outsider)
    hidden = client.post(SEARCH, {"bsn": _contact(case).bsn})
    unknown = client.post(SEARCH, {"bsn": "999990019"})
    for response in (hidden, unknown):
        assert response.status_code == 200
        assert NOT_FOUND in response.content.decode()
        assert "Er is iets niet goed ingevuld" not in response.content.decode()


@pytest.mark.parametrize(
    ("data", "message", "field"),
    [
        ({"bsn": "123456789"}, "Dit is geen geldig BSN (9 cijfers, 11-proef).", "id_bsn"),
        ({"bsn": "12ab"}, "11-proef", "id_bsn"),
        ({"birth_date": "31-02-2020"}, "Vul een bestaande datum in", "id_birth_date"),
        ({"birth_date": "gisteren"}, "Vul een bestaande datum in", "id_birth_date"),
        ({"postcode": "0123 AB"}, "Vul een postcode in als 1234 AB.", "id_postcode"),
    ],
)
def test_search_invalid_input_shows_error_linked_to_field(
    client, case, professional, data, message, field
):
    client.force_login(professional)
    response = client.post(SEARCH, data)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Er is iets niet goed ingevuld" in content
    assert message in content
    assert f'href="#{field}"' in content
    assert f'aria-describedby="{field}_helptext {field}_error"' in content
    assert "<title>Fout: " in content
    assert NOT_FOUND not in content
    assert not AccessLogEntry.objects.exists()


def test_search_without_criteria_asks_for_one(client, professional):
    client.force_login(professional)
    response = client.post(SEARCH, {"name": "   "})
    assert response.status_code == 200
    assert "Vul minstens één zoekterm in" in response.content.decode()


def _search_queries(client, professional, involved_org, hits: int) -> int:
    surname = f"Achternaam{hits}"
    case = CaseFactory(household=HouseholdFactory(members=0))
    for index in range(hits):
        person = Person.objects.create(
            bsn="", given_names=f"Kind{index}", surname=surname, postcode="9934 AB"
        )
        case.household.memberships.create(person=person, is_contact=index == 0)
    InvolvementFactory(case=case, organisation=involved_org)
    client.post(SEARCH, {"name": surname})  # warm up
    with CaptureQueriesContext(connection) as queries:
        response = client.post(SEARCH, {"name": surname})
    content = response.content.decode()
    assert content.count(_household_url(case.household)) == hits
    return len(queries)


def test_search_query_count_does_not_grow_with_hits(client, professional, involved_org):
    client.force_login(professional)
    one = _search_queries(client, professional, involved_org, 1)
    eight = _search_queries(client, professional, involved_org, 8)
    assert one == eight


# ---------------------------------------------------------------------------- household page


def test_household_page_shows_integrated_client_view(client, case, professional, involved_org):
    coordinator = user_in(involved_org, Role.COORDINATOR, phone="0596-111111")
    coordinator.email = "regisseur@example.nl"
    coordinator.save()
    case.coordinator, case.coordinator_organisation = coordinator, involved_org
    case.save()
    members = [m.person for m in case.household.memberships.order_by("pk")]
    RelationFactory(household=case.household, person=members[0], related_person=members[1])
    NetworkMemberFactory(household=case.household, name="Oma Jansen", relationship="oma")
    HelpQuestion.objects.create(case=case, text="Werk vinden voor vader.", position=1)
    ended = InvolvementFactory(
        case=case,
        organisation=OrganisationFactory(name="Schuldhulp Noord"),
        end_date=timezone.localdate() - datetime.timedelta(days=1),
    )
    TimelineEventFactory(case=case, actor=professional, actor_organisation=involved_org)

    client.force_login(professional)
    response = client.get(_household_url(case.household))
    assert response.status_code == 200
    content = response.content.decode()
    for heading in ("Gezinsleden", "Eigen netwerk", "Betrokken organisaties", "Tijdlijn"):
        assert f">{heading}</h2>" in content
    assert case.priority_question in content
    assert "Prio-vraag" in content and "Werk vinden voor vader." in content
    assert coordinator.get_full_name() in content
    assert "0596-111111" in content and "regisseur@example.nl" in content
    assert f"{members[0].full_name} is ouder van {members[1].full_name}" in content
    assert "Oma Jansen" in content
    assert "Wijkteam Delfzijl" in content and ended.organisation.name in content
    assert "Gestopt" in content
    assert "Status van Aanmelding naar Intake." in content
    for person in members:
        assert person.full_name in content
        assert f"******{person.bsn[-3:]}" in content
        assert person.bsn not in content
    assert f"({age_on(members[0].birth_date, timezone.localdate())} jaar)" in content


def test_household_page_logs_one_read_per_member(client, case, professional):
    client.force_login(professional)
    client.get(_household_url(case.household))
    entries = AccessLogEntry.objects.all()
    assert sorted(e.person_uuid for e in entries) == sorted(
        p.uuid for p in case.household.members.all()
    )
    assert {(e.actor, e.action, e.case_uuid) for e in entries} == {
        (professional, Action.READ, case.uuid)
    }


def test_household_page_for_coordinator_organisation(client, case):
    organisation = OrganisationFactory(name="Gemeente Eemsdelta")
    coordinator = user_in(organisation, Role.COORDINATOR)
    case.coordinator, case.coordinator_organisation = coordinator, organisation
    case.save()
    client.force_login(coordinator)
    assert client.get(_household_url(case.household)).status_code == 200


def test_household_page_is_404_for_users_without_access(client, case, user_without_access):
    client.force_login(user_without_access)
    hidden = client.get(_household_url(case.household))
    unknown = client.get(reverse("people:household", kwargs={"household_uuid": UNKNOWN_HOUSEHOLD}))
    assert hidden.status_code == unknown.status_code == 404
    assert case.household.name not in hidden.content.decode()
    assert not AccessLogEntry.objects.exists()


def test_household_page_after_involvement_ended_is_404(client, case, professional):
    case.involvements.update(end_date=timezone.localdate() - datetime.timedelta(days=1))
    client.force_login(professional)
    assert client.get(_household_url(case.household)).status_code == 404


def test_household_page_redirects_anonymous_to_login(client, case):
    response = client.get(_household_url(case.household))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def _rich_case(involved_org, *, members: int, involvements: int, extras: int):
    case = CaseFactory(household__members=members)
    persons = [m.person for m in case.household.memberships.order_by("pk")]
    coordinator = user_in(involved_org, Role.COORDINATOR)
    case.coordinator, case.coordinator_organisation = coordinator, involved_org
    case.save()
    InvolvementFactory(case=case, organisation=involved_org, contact=coordinator)
    for index in range(involvements):
        organisation = OrganisationFactory()
        InvolvementFactory(
            case=case,
            organisation=organisation,
            contact=user_in(organisation),
            persons=persons[: index + 1],
            end_date=timezone.localdate() if index % 2 else None,
        )
    for index in range(1, members):
        RelationFactory(
            household=case.household,
            person=persons[0],
            related_person=persons[index],
            kind=RelationKind.PARENT,
        )
    for index in range(extras):
        NetworkMemberFactory(household=case.household)
        HelpQuestion.objects.create(case=case, text=f"Vraag {index}", position=index)
        TimelineEventFactory(
            case=case,
            actor=coordinator,
            actor_organisation=involved_org,
            kind=TimelineEventKind.STATUS_CHANGED,
        )
    return case


def _household_queries(client, case) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(_household_url(case.household))
    assert response.status_code == 200
    return len(queries)


def test_household_page_query_count_does_not_grow(client, professional, involved_org):
    small = _rich_case(involved_org, members=2, involvements=1, extras=1)
    large = _rich_case(involved_org, members=6, involvements=5, extras=6)
    client.force_login(professional)
    _household_queries(client, small)  # warm up
    assert _household_queries(client, small) == _household_queries(client, large)
    assert AccessLogEntry.objects.filter(case_uuid=large.uuid).count() == 6


def test_age_on_counts_whole_years():
    born = datetime.date(2000, 6, 15)
    assert age_on(born, datetime.date(2026, 6, 14)) == 25
    assert age_on(born, datetime.date(2026, 6, 15)) == 26
    assert age_on(None, datetime.date(2026, 1, 1)) is None
