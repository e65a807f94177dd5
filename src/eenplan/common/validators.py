"""Validators for Dutch identifiers: BSN, postcode, KvK number, AGB code, CBS municipality code."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

_BSN_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)


def normalise_bsn(value: str) -> str:
    """Strip spaces, dots and dashes; pad 8-digit input with the leading zero it lost."""
    digits = re.sub(r"[\s.\-]", "", str(value))
    return digits.zfill(9) if len(digits) == 8 and digits.isdigit() else digits


def is_valid_bsn(value: str) -> bool:
    """The 11-proef: 9·d1 + 8·d2 + ... + 2·d8 - 1·d9 is divisible by 11; all zeros is refused."""
    bsn = normalise_bsn(value)
    if len(bsn) != 9 or not bsn.isascii() or not bsn.isdigit() or bsn == "000000000":
        return False
    return sum(w * int(d) for w, d in zip(_BSN_WEIGHTS, bsn, strict=True)) % 11 == 0


def validate_bsn(value: str) -> None:
    if not is_valid_bsn(value):
        raise ValidationError(
            _("Dit is geen geldig BSN (9 cijfers, 11-proef)."), code="invalid_bsn"
        )


def normalise_postcode(value: str) -> str:
    """'1234ab' and '1234 AB' become '1234 AB'."""
    compact = re.sub(r"\s", "", str(value)).upper()
    return f"{compact[:4]} {compact[4:]}" if len(compact) == 6 else str(value).strip().upper()


validate_postcode = RegexValidator(
    r"^[1-9][0-9]{3} [A-Z]{2}$", _("Vul een postcode in als 1234 AB."), code="invalid_postcode"
)
validate_kvk_number = RegexValidator(
    r"^[0-9]{8}$", _("Een KvK-nummer heeft 8 cijfers."), code="invalid_kvk"
)
validate_agb_code = RegexValidator(
    r"^[0-9]{8}$", _("Een AGB-code heeft 8 cijfers."), code="invalid_agb"
)
validate_cbs_municipality_code = RegexValidator(
    r"^GM[0-9]{4}$", _("Een CBS-gemeentecode is GM gevolgd door 4 cijfers."), code="invalid_cbs"
)
