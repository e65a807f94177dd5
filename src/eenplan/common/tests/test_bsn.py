from hypothesis import given
from hypothesis import strategies as st

from eenplan.common.bsn import synthetic_bsns
from eenplan.common.validators import is_valid_bsn, normalise_bsn

WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)

eight_digits = st.lists(st.integers(0, 9), min_size=8, max_size=8)


def complete(first_eight: list[int]) -> str | None:
    """The BSN that starts with these digits, or None when no check digit makes it valid."""
    partial = sum(w * d for w, d in zip(WEIGHTS, first_eight, strict=False))
    check = partial % 11
    if check > 9:
        return None
    return "".join(map(str, first_eight)) + str(check)


@given(eight_digits)
def test_a_number_completed_by_the_11_proef_is_valid(digits):
    bsn = complete(digits)
    if bsn and bsn != "000000000":
        assert is_valid_bsn(bsn)


@given(eight_digits, st.integers(0, 8), st.integers(1, 9))
def test_changing_one_digit_makes_a_bsn_invalid(digits, position, delta):
    bsn = complete(digits)
    if not bsn or bsn == "000000000":
        return
    changed = list(bsn)
    changed[position] = str((int(changed[position]) + delta) % 10)
    assert not is_valid_bsn("".join(changed))


@given(st.text(max_size=12))
def test_arbitrary_text_never_crashes_and_non_digits_fail(text):
    result = is_valid_bsn(text)
    assert result is False or normalise_bsn(text).isdigit()


def test_known_values():
    assert is_valid_bsn("123456782")
    assert not is_valid_bsn("123456781")
    assert not is_valid_bsn("000000000")
    assert not is_valid_bsn("12345678")  # padded to 012345678, which fails the 11-proef
    assert normalise_bsn("1234.56.782") == "123456782"
    assert normalise_bsn("11222333") == "011222333"


def test_synthetic_bsns_are_valid_and_from_the_test_range():
    numbers = list(synthetic_bsns())
    assert len(numbers) > 800
    assert all(is_valid_bsn(n) and n.startswith("99999") for n in numbers)
    assert len(set(numbers)) == len(numbers)
