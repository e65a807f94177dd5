"""Token login: ``POST auth/token/`` with username and password (and, with two-factor login on,
the app's ``code``) returns ``{"token": ...}``."""

from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.throttling import AnonRateThrottle

from eenplan.api.views.responses import BAD_REQUEST
from eenplan.tenancy import twofactor
from eenplan.tenancy.models import User


class LoginRateThrottle(AnonRateThrottle):
    """Slows down password guessing: at most 20 attempts a minute per address."""

    scope = "api-login"
    rate = "20/minute"


# DRF's own text, so the other kind of account gets exactly the answer of a wrong password.
WRONG_CREDENTIALS = gettext_lazy("Unable to log in with provided credentials.")
USERNAME_MAX_LENGTH = User._meta.get_field("username").max_length


class AccountAuthTokenSerializer(AuthTokenSerializer):
    """Refuses the other kind of account like a wrong password: trying tells nothing."""

    for_citizens = False

    def validate(self, attrs):
        # No account has a longer name; checked first, as the lockout's record of a failed
        # attempt would not hold it (a database error on PostgreSQL).
        if len(attrs.get("username", "")) > USERNAME_MAX_LENGTH:
            raise serializers.ValidationError(WRONG_CREDENTIALS, code="authorization")
        attrs = super().validate(attrs)
        if attrs["user"].is_citizen != self.for_citizens:
            raise serializers.ValidationError(WRONG_CREDENTIALS, code="authorization")
        return attrs


class ProfessionalAuthTokenSerializer(AccountAuthTokenSerializer):
    """With two-factor login on (``EENPLAN_REQUIRE_2FA``), the code of the authenticator app too;
    a missing or wrong code gets the answer of a wrong password."""

    code = serializers.CharField(
        required=False,
        allow_blank=True,
        write_only=True,
        max_length=12,
        help_text="De code uit de authenticator-app (zes cijfers); verplicht als "
        "tweestapsverificatie aan staat.",
    )

    def validate(self, attrs):
        attrs = super().validate(attrs)
        user = attrs["user"]
        if twofactor.is_required_for(user) and not twofactor.verify_code(user, attrs.get("code")):
            raise serializers.ValidationError(WRONG_CREDENTIALS, code="authorization")
        return attrs


class CitizenAuthTokenSerializer(AccountAuthTokenSerializer):
    for_citizens = True


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(
        read_only=True, help_text="Meesturen als header: Authorization: Token <token>."
    )


class TokenObtainView(ObtainAuthToken):
    serializer_class = ProfessionalAuthTokenSerializer
    authentication_classes = ()
    throttle_classes = (LoginRateThrottle,)

    @extend_schema(
        operation_id="auth_token_create",
        summary="Token ophalen met gebruikersnaam en wachtwoord",
        description="Met gebruikersnaam en wachtwoord, en als tweestapsverificatie aan staat ook "
        "de code uit de authenticator-app (code). Een verkeerd wachtwoord en een ontbrekende of "
        "verkeerde code krijgen hetzelfde antwoord.",
        request=ProfessionalAuthTokenSerializer,
        responses={200: TokenSerializer, 400: BAD_REQUEST},
        auth=[],
        tags=["auth"],
    )
    def post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)
