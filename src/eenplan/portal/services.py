"""Citizen accounts are made through these functions."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from eenplan.portal.models import Citizen
from eenplan.tenancy.constants import AccountKind
from eenplan.tenancy.models import User

# From this age a person decides about their own data (standards.md) and may have an account;
# for a younger child the parents act.
OWN_ACCOUNT_AGE = 16


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
