"""Messages with providers in API v1. Output serializers read what the selectors and services
return; input serializers check shape only."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from eenplan.api.pagination import PageQuerySerializer
from eenplan.api.serializers.tenancy import MunicipalityRefSerializer
from eenplan.provisions.messages import codes, uploads


class MessageProviderSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    name = serializers.CharField()
    agb_code = serializers.CharField()


class MessageSerializer(serializers.Serializer):
    """A message without its content: no personal data."""

    uuid = serializers.UUIDField()
    municipality = MunicipalityRefSerializer()
    provider = MessageProviderSerializer(allow_null=True)
    standard = serializers.ChoiceField(
        choices=[(s.value, s.label) for s in codes.STANDARDS], help_text=_("iwmo of ijw.")
    )
    code = serializers.CharField(
        help_text=_("301 toewijzing, 305 start, 307 stop, 323 declaratie, 325 antwoord.")
    )
    name = serializers.SerializerMethodField(help_text=_("Bijvoorbeeld WMO301 of JW325."))
    incoming = serializers.BooleanField(help_text=_("Ontvangen van de aanbieder."))
    identification = serializers.CharField(help_text=_("BerichtIdentificatie."))
    file_name = serializers.CharField()
    created_at = serializers.DateTimeField()
    summary = serializers.SerializerMethodField(help_text=_("Het resultaat in één zin."))
    in_reply_to = serializers.SerializerMethodField(help_text=_("Bij een 325: de 323."))
    reply = serializers.SerializerMethodField(help_text=_("Bij een 323: het antwoord (325)."))

    def get_name(self, message) -> str:
        return codes.message_name(message.standard, message.code)

    def get_summary(self, message) -> str:
        outcome = message.outcome
        return outcome.get("summary", "") if isinstance(outcome, dict) else ""

    @extend_schema_field(OpenApiTypes.UUID)
    def get_in_reply_to(self, message):
        return message.in_reply_to.uuid if message.in_reply_to_id else None

    @extend_schema_field(OpenApiTypes.UUID)
    def get_reply(self, message):
        reply = getattr(message, "reply", None)
        return reply.uuid if reply else None


class OutcomeLineSerializer(serializers.Serializer):
    line = serializers.IntegerField()
    allocation = serializers.IntegerField(allow_null=True, help_text=_("ToewijzingNummer."))
    decision = serializers.CharField(help_text=_("Het besluit, leeg als het niet bekend is."))
    reference = serializers.CharField(required=False, help_text=_("ReferentieNummer (323)."))
    status = serializers.CharField(help_text=_("goedgekeurd, afgekeurd of verstuurd."))
    codes = serializers.ListField(child=serializers.CharField(), help_text=_("Retourcodes."))
    explanation = serializers.CharField()


class MessageDetailSerializer(MessageSerializer):
    content = serializers.CharField(help_text=_("Het XML-bericht zoals verstuurd of ontvangen."))
    lines = serializers.SerializerMethodField()

    @extend_schema_field(OutcomeLineSerializer(many=True))
    def get_lines(self, message):
        outcome = message.outcome
        lines = outcome.get("lines", []) if isinstance(outcome, dict) else []
        return OutcomeLineSerializer(lines, many=True).data


class MessageListQuerySerializer(PageQuerySerializer):
    municipality = serializers.UUIDField(
        required=False, allow_null=True, default=None, help_text=_("Alleen van deze gemeente.")
    )


class MunicipalityInputSerializer(serializers.Serializer):
    municipality = serializers.UUIDField(help_text=_("De gemeente (UUID)."))


class MessageImportSerializer(MunicipalityInputSerializer):
    file = serializers.FileField(
        allow_empty_file=True,
        help_text=_(
            "Een 305, 307 of 323: een .xml-bestand van hoogstens EENPLAN_MAX_UPLOAD_MB "
            "(standaard 5) MB."
        ),
    )

    def validate_file(self, upload):
        try:
            uploads.check_file(upload)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.messages, code=exc.code) from None
        return upload


class ExportResultSerializer(serializers.Serializer):
    messages = MessageSerializer(many=True, help_text=_("De geschreven toewijzingen (301)."))
    skipped = serializers.ListField(
        child=serializers.CharField(),
        help_text=_("Besluiten die niet als bericht kunnen, met de reden."),
    )
