"""Token login: ``POST auth/token/`` with username and password returns ``{"token": ...}``."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.throttling import AnonRateThrottle

from eenplan.api.views.responses import BAD_REQUEST


class LoginRateThrottle(AnonRateThrottle):
    """Slows down password guessing: at most 20 attempts a minute per address."""

    scope = "api-login"
    rate = "20/minute"


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(
        read_only=True, help_text="Meesturen als header: Authorization: Token <token>."
    )


class TokenObtainView(ObtainAuthToken):
    authentication_classes = ()
    throttle_classes = (LoginRateThrottle,)

    @extend_schema(
        operation_id="auth_token_create",
        summary="Token ophalen met gebruikersnaam en wachtwoord",
        request=AuthTokenSerializer,
        responses={200: TokenSerializer, 400: BAD_REQUEST},
        auth=[],
        tags=["auth"],
    )
    def post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)
