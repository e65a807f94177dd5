from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

WRONG_DOOR = _("Vul een juiste gebruikersnaam en wachtwoord in.")


class CitizenLoginForm(AuthenticationForm):
    """The portal's login: only citizen accounts. A professional gets the same answer as a wrong
    password, so the form tells nobody which accounts exist."""

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if not user.is_citizen:
            raise ValidationError(WRONG_DOOR, code="invalid_login")


class ProfessionalLoginForm(AuthenticationForm):
    """The professionals' login: never a citizen account."""

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if user.is_citizen:
            raise ValidationError(WRONG_DOOR, code="invalid_login")
