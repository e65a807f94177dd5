"""Property-based tests of BSN handling: normalising, the 11-proef, storage at rest and lookup."""

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eenplan.common.bsn import synthetic_bsns
from eenplan.common.identifiers import bsn_digest, bsn_digests, decrypt_bsn, encrypt_bsn
from eenplan.common.validators import is_valid_bsn, normalise_bsn, validate_bsn
from eenplan.people.models import Person

SYNTHETIC = list(synthetic_bsns())
INVALID_MESSAGE = "Dit is geen geldig BSN (9 cijfers, 11-proef)."

synthetic_bsn = st.sampled_from(SYNTHETIC)
nine_digits = st.text(alphabet="0123456789", min_size=9, max_size=9)
separators = st.lists(st.sampled_from([" ", ".", "-"]), min_size=9, max_size=9)


def typed(bsn: str, after: list[str]) -> str:
    """The BSN as someone might type it, with a space, dot or dash after some digits."""
    return "".join(digit + sep for digit, sep in zip(bsn, after, strict=True)).strip(" .-")


@given(st.text())
def test_normalise_and_validate_never_crash_on_any_text(text):
    normalised = normalise_bsn(text)
    assert isinstance(normalised, str)
    if is_valid_bsn(text):
        validate_bsn(text)
        assert len(normalised) == 9 and normalised.isascii() and normalised.isdigit()
    else:
        with pytest.raises(ValidationError, match="11-proef"):
            validate_bsn(text)


@given(synthetic_bsn, separators)
def test_a_valid_bsn_typed_with_separators_normalises_to_itself(bsn, after):
    assert normalise_bsn(typed(bsn, after)) == bsn
    assert is_valid_bsn(typed(bsn, after))


@given(synthetic_bsn)
def test_every_valid_bsn_round_trips_through_encryption(bsn):
    token = encrypt_bsn(bsn)
    assert bsn not in token
    assert decrypt_bsn(token) == bsn
    assert bsn_digest(bsn) == bsn_digests(bsn)[0] != bsn


@given(st.lists(synthetic_bsn, min_size=2, max_size=2, unique=True))
def test_different_bsns_have_different_digests(pair):
    assert bsn_digest(pair[0]) != bsn_digest(pair[1])


@given(st.one_of(nine_digits, st.text(max_size=12)))
def test_an_invalid_bsn_is_refused_by_model_validation(text):
    person = Person(given_names="Fuzz", surname="Test", bsn=text)
    if not normalise_bsn(text):
        assert person.bsn == ""  # nothing typed: no BSN, nothing to refuse
        return
    if is_valid_bsn(text):
        return
    with pytest.raises(ValidationError) as refused:
        person.clean()
    assert refused.value.message_dict == {"bsn": [INVALID_MESSAGE]}


@pytest.mark.django_db
@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(bsn=synthetic_bsn, after=separators)
def test_a_stored_bsn_is_found_however_it_is_typed(bsn, after):
    with transaction.atomic():
        person = Person.objects.create(given_names="Fuzz", surname="Test", bsn=bsn)
        assert Person.objects.with_bsn(typed(bsn, after)).get() == person
        assert Person.objects.get(pk=person.pk).bsn == bsn
        transaction.set_rollback(True)
