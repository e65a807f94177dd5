"""BSNs at rest: encrypted in the database, found through a keyed hash, and the keys rotate."""

import io

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, transaction
from django.test import override_settings
from django.urls import reverse

from eenplan.common.identifiers import BsnKeyError, bsn_digest
from eenplan.people import selectors
from eenplan.people.models import Person
from eenplan.people.services import PersonData, person_build
from eenplan.people.tests.factories import PersonFactory
from eenplan.tenancy.constants import Role
from eenplan.tenancy.tests.factories import user_in

pytestmark = pytest.mark.django_db

KEY_A, KEY_B = Fernet.generate_key().decode(), Fernet.generate_key().decode()
HASH_1, HASH_2 = "hash-key-one-" + "1" * 32, "hash-key-two-" + "2" * 32
BSNS = ["999990019", "999990032"]


def _contact(case) -> Person:
    return case.household.memberships.get(is_contact=True).person


def _fresh(person: Person) -> Person:
    return Person.objects.get(pk=person.pk)


def _rotate(*args: str) -> str:
    output = io.StringIO()
    call_command("rotate_bsn_keys", *args, stdout=output)
    return output.getvalue()


def _check_output() -> str:
    """The report of ``--check``, which fails while a row still uses an old key."""
    output = io.StringIO()
    with pytest.raises(CommandError, match="rotate-bsn-keys"):
        call_command("rotate_bsn_keys", "--check", stdout=output)
    return output.getvalue()


# ---------------------------------------------------------------------------- at rest


def test_the_database_holds_no_plain_bsn():
    person = PersonFactory(bsn=BSNS[0])
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {Person._meta.db_table}")
        rows = cursor.fetchall()
    assert rows and not any(BSNS[0] in str(value) for row in rows for value in row)
    stored = Person.objects.values("bsn_encrypted", "bsn_digest").get(pk=person.pk)
    assert BSNS[0] not in stored["bsn_encrypted"] and BSNS[0] not in stored["bsn_digest"]
    assert _fresh(person).bsn == BSNS[0]


def test_equal_bsns_encrypt_differently_but_share_the_digest():
    first, second = Person(bsn=BSNS[0]), Person(bsn=BSNS[0])
    assert first.bsn_encrypted != second.bsn_encrypted
    assert first.bsn_digest == second.bsn_digest == bsn_digest(BSNS[0])


def test_a_person_without_bsn_stores_nothing():
    person = PersonFactory(bsn="")
    assert (person.bsn_encrypted, person.bsn_digest) == ("", "")
    assert _fresh(person).bsn == ""
    assert not Person.objects.with_bsn("")


def test_a_bsn_is_stored_normalised():
    person = PersonFactory(bsn="9999.90.019")
    assert _fresh(person).bsn == BSNS[0]
    assert person.bsn_digest == bsn_digest(BSNS[0])


# ---------------------------------------------------------------------------- search


def test_search_by_bsn_finds_the_person(case, professional):
    contact = _contact(case)
    typed = f"{contact.bsn[:4]} {contact.bsn[4:6]}-{contact.bsn[6:]}"

    hits = selectors.person_search(user=professional, bsn=typed)

    assert [hit.pk for hit in hits] == [contact.pk]
    assert list(Person.objects.with_bsn(contact.bsn)) == [contact]


def test_search_by_an_unknown_bsn_finds_nobody(case, professional):
    assert selectors.person_search(user=professional, bsn="999990020") == []


def test_the_admin_finds_a_person_by_bsn_but_never_shows_it(client, case, involved_org):
    client.force_login(user_in(involved_org, Role.PROFESSIONAL, is_staff=True))
    contact = _contact(case)

    found = client.get(reverse("admin:people_person_changelist"), {"q": contact.bsn})
    page = client.get(reverse("admin:people_person_change", args=[contact.pk]))

    assert list(found.context["cl"].result_list) == [contact]
    content = found.content.decode()
    assert contact.full_name in content
    # The only trace of the BSN is the search term itself, echoed in the search box and links.
    for echo in (f'value="{contact.bsn}"', f"q={contact.bsn}", f"q%3D{contact.bsn}"):
        content = content.replace(echo, "")
    assert contact.bsn not in content
    assert page.status_code == 200
    assert contact.bsn not in page.content.decode()
    for stored in (contact.bsn_encrypted, contact.bsn_digest):
        assert stored not in found.content.decode() and stored not in page.content.decode()


# ---------------------------------------------------------------------------- validation


def test_a_second_person_with_the_same_bsn_is_refused_in_dutch():
    PersonFactory(bsn=BSNS[0])

    with pytest.raises(ValidationError) as refused:
        person_build(data=PersonData(given_names="Ander", surname="Mens", bsn=BSNS[0]))

    assert refused.value.message_dict == {"bsn": ["Er is al een persoon met dit BSN."]}


def test_the_database_refuses_a_duplicate_bsn_too():
    PersonFactory(bsn=BSNS[0])
    with pytest.raises(IntegrityError), transaction.atomic():
        Person.objects.create(given_names="Ander", surname="Mens", bsn=BSNS[0])


def test_an_invalid_bsn_is_refused_with_the_11_proef_message():
    with pytest.raises(ValidationError) as refused:
        person_build(data=PersonData(given_names="Ander", surname="Mens", bsn="123456789"))

    assert refused.value.message_dict == {"bsn": ["Dit is geen geldig BSN (9 cijfers, 11-proef)."]}


def test_saving_a_person_again_keeps_its_own_bsn_valid():
    person = PersonFactory(bsn=BSNS[0])
    person.full_clean()


# ---------------------------------------------------------------------------- rotation


def test_rotating_the_encryption_key():
    with override_settings(BSN_ENCRYPTION_KEYS=[KEY_A]):
        persons = [PersonFactory(bsn=bsn) for bsn in BSNS] + [PersonFactory(bsn="")]

    with override_settings(BSN_ENCRYPTION_KEYS=[KEY_B, KEY_A]):
        assert [_fresh(p).bsn for p in persons] == [*BSNS, ""]  # readable before the run
        assert "2 BSN's zijn versleuteld met een oude sleutel." in _check_output()
        output = _rotate()
        assert "2/2 personen met een BSN nagelopen, 2 bijgewerkt." in output
        assert "0 BSN's zijn versleuteld met een oude sleutel." in _rotate("--check")

    with override_settings(BSN_ENCRYPTION_KEYS=[KEY_B]):
        for person, bsn in zip(persons, BSNS, strict=False):
            assert _fresh(person).bsn == bsn
            assert Person.objects.with_bsn(bsn).get() == person


def test_rotating_the_hash_key():
    with override_settings(BSN_HASH_KEYS=[HASH_1]):
        person = PersonFactory(bsn=BSNS[0])

    with override_settings(BSN_HASH_KEYS=[HASH_2, HASH_1]):
        # Between deploying the new key and the run: still found, still unique.
        assert Person.objects.with_bsn(BSNS[0]).get() == person
        with pytest.raises(ValidationError):
            person_build(data=PersonData(given_names="Ander", surname="Mens", bsn=BSNS[0]))
        assert "1 BSN's hebben een zoekhash met een oude sleutel." in _check_output()
        _rotate()

    with override_settings(BSN_HASH_KEYS=[HASH_2]):
        assert _fresh(person).bsn_digest == bsn_digest(BSNS[0], HASH_2)
        assert Person.objects.with_bsn(BSNS[0]).get() == person


def test_rotation_is_safe_to_rerun_after_an_interruption():
    with override_settings(BSN_ENCRYPTION_KEYS=[KEY_A]):
        persons = [PersonFactory(bsn=bsn) for bsn in BSNS]

    with override_settings(BSN_ENCRYPTION_KEYS=[KEY_B, KEY_A]):
        done_before = _fresh(persons[0])
        done_before.bsn = done_before.bsn  # as if an interrupted run had reached it
        done_before.save()
        token = done_before.bsn_encrypted

        assert "1 bijgewerkt" in _rotate("--batch-size", "1")
        assert _fresh(persons[0]).bsn_encrypted == token
        assert "0 bijgewerkt" in _rotate()

    with override_settings(BSN_ENCRYPTION_KEYS=[KEY_B]):
        assert [_fresh(p).bsn for p in persons] == BSNS


# ---------------------------------------------------------------------------- wrong keys


def test_a_removed_key_gives_a_clear_error_not_garbage():
    with override_settings(BSN_ENCRYPTION_KEYS=[KEY_A]):
        person = PersonFactory(bsn=BSNS[0])

    with override_settings(BSN_ENCRYPTION_KEYS=[KEY_B]):
        with pytest.raises(BsnKeyError, match="EENPLAN_BSN_KEYS"):
            _fresh(person).bsn  # noqa: B018 - reading is what fails
        with pytest.raises(CommandError, match="EENPLAN_BSN_KEYS"):
            _rotate()


@pytest.mark.parametrize(
    ("keys", "message"),
    [
        ({"BSN_ENCRYPTION_KEYS": []}, "EENPLAN_BSN_KEYS"),
        ({"BSN_ENCRYPTION_KEYS": ["geen-fernet-sleutel"]}, "Fernet key"),
        ({"BSN_HASH_KEYS": []}, "EENPLAN_BSN_HASH_KEYS"),
    ],
)
def test_missing_or_malformed_keys_refuse_to_store_a_bsn(keys, message):
    with override_settings(**keys), pytest.raises(BsnKeyError, match=message):
        Person(given_names="Ander", surname="Mens", bsn=BSNS[0])
