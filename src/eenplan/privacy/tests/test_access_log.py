import pytest

from eenplan.cases import selectors as case_selectors
from eenplan.people import selectors as people_selectors
from eenplan.privacy.constants import Action, DataSubjectIdType
from eenplan.privacy.models import AccessLogEntry
from eenplan.privacy.services import pseudonymise_bsn

pytestmark = pytest.mark.django_db


def test_client_view_logs_one_entry_per_member(case, professional):
    people_selectors.household_client_view(user=professional, household_uuid=case.household.uuid)

    entries = AccessLogEntry.objects.order_by("person_uuid")
    members = sorted(case.household.members.all(), key=lambda p: p.uuid)
    assert [e.person_uuid for e in entries] == [p.uuid for p in members]
    entry = entries[0]
    assert entry.action == Action.READ
    assert entry.actor == professional
    assert entry.organisation_name == "Wijkteam Delfzijl"
    assert entry.case_uuid == case.uuid
    assert entry.data_subject_id_type == DataSubjectIdType.BSN
    assert entry.data_subject_id == pseudonymise_bsn(members[0].bsn)
    assert members[0].bsn not in entry.data_subject_id
    assert len(entry.trace_id) == 32 and len(entry.span_id) == 16
    assert entry.processing_activity_id.endswith("/casusregie")
    assert entry.purpose


def test_hidden_household_raises_and_logs_nothing(case, outsider):
    with pytest.raises(case.household.DoesNotExist):
        people_selectors.household_client_view(user=outsider, household_uuid=case.household.uuid)
    assert not AccessLogEntry.objects.exists()


def test_case_list_logs_contact_person_per_case(case, professional):
    listing = case_selectors.case_list(user=professional)
    assert listing.items == [case] and listing.count == 1
    contact = case.household.memberships.get(is_contact=True).person
    assert list(AccessLogEntry.objects.values_list("person_uuid", flat=True)) == [contact.uuid]
