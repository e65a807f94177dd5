"""Signals in the API: the signal as output, the list filters and the resolution as input.

Every signal here was read through ``eenplan.signals.selectors`` (organisations, contacts and the
resolution prefetched), so serializing adds no queries per signal. A match carries no content:
its ``details`` are all null; only the fact, the person and whom to contact.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from eenplan.api.pagination import PageQuerySerializer
from eenplan.api.serializers.common import (
    ContactSerializer,
    LifeDomainField,
    OrganisationRefSerializer,
)
from eenplan.signals.constants import SignalKind, SignalOutcome, SignalStatus
from eenplan.signals.models import Signal


class SignalListQuerySerializer(PageQuerySerializer):
    kind = serializers.ChoiceField(
        choices=SignalKind.choices,
        required=False,
        allow_blank=True,
        default="",
        help_text=_("Alleen signalen van deze soort."),
    )
    status = serializers.ChoiceField(
        choices=SignalStatus.choices,
        required=False,
        allow_blank=True,
        default="",
        help_text=_("Alleen signalen met deze status (open is de inbox)."),
    )
    case = serializers.UUIDField(required=False, help_text=_("UUID van de casus."))


class SignalResolveSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(
        choices=SignalOutcome.choices,
        help_text=_(
            "wie_gaat_door: wie doorgaat en wie stopt (alleen bij match en overlap); "
            "goed_zo: het is goed zo, met de reden in note."
        ),
    )
    continuing_organisation = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("Bij wie_gaat_door: de organisatie die doorgaat (een van organisations)."),
    )
    stopping_organisations = serializers.ListField(
        child=serializers.UUIDField(),
        required=False,
        default=list,
        help_text=_(
            "Bij wie_gaat_door: de organisaties die stoppen. Dit legt de afspraak vast; de "
            "betrokkenheid stopt er niet vanzelf door."
        ),
    )
    note = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=2000,
        help_text=_("Toelichting; verplicht bij goed_zo."),
    )


class SignalPartySerializer(serializers.Serializer):
    """An organisation the signal concerns, and whom to contact there."""

    organisation = OrganisationRefSerializer()
    contact = ContactSerializer(allow_null=True)


class SignalCaseSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    reference = serializers.CharField()
    household = serializers.UUIDField(source="household.uuid")
    household_name = serializers.CharField(source="household.name")


class SignalPersonSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    full_name = serializers.CharField()


class SignalDetailsSerializer(serializers.Serializer):
    """What the situation is about, for kinds other than match (a match has none)."""

    life_domain = LifeDomainField(allow_null=True, default=None)
    service_type = serializers.CharField(
        allow_null=True, default=None, help_text=_("Soort hulp, bij overlap.")
    )
    goal = serializers.UUIDField(allow_null=True, default=None)
    action = serializers.UUIDField(allow_null=True, default=None)
    due_date = serializers.DateField(allow_null=True, default=None)
    evaluation_date = serializers.DateField(allow_null=True, default=None)
    since = serializers.DateField(
        allow_null=True, default=None, help_text=_("Bij geen_regisseur: sinds wanneer.")
    )


class SignalResolutionSerializer(serializers.Serializer):
    outcome = serializers.CharField(help_text=_("wie_gaat_door of goed_zo."))
    outcome_display = serializers.CharField(source="get_outcome_display")
    note = serializers.CharField()
    continuing_organisation = OrganisationRefSerializer(allow_null=True)
    stopping_organisations = OrganisationRefSerializer(
        many=True, source="stopping_organisations.all"
    )
    resolved_by = serializers.CharField(source="resolved_by.__str__", help_text=_("Naam."))
    resolved_at = serializers.DateTimeField()


class SignalSerializer(serializers.ModelSerializer):
    # Output fields with a fixed set of values are plain strings (the values are in their help
    # text); the query parameters and the request body carry the enums.
    kind = serializers.CharField(
        help_text=_("match, overlap, gat, geen_regisseur of stilstand."), read_only=True
    )
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    status = serializers.CharField(help_text=_("open, afgehandeld of vervallen."), read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    case = SignalCaseSerializer(read_only=True)
    person = SignalPersonSerializer(
        read_only=True, allow_null=True, help_text=_("Bij een match: om wie het gaat.")
    )
    organisations = SignalPartySerializer(source="parties.all", many=True, read_only=True)
    details = SignalDetailsSerializer(source="data", read_only=True)
    resolution = serializers.SerializerMethodField()
    may_resolve = serializers.BooleanField(
        read_only=True, help_text=_("U mag dit signaal nu afhandelen.")
    )

    class Meta:
        model = Signal
        fields = [
            "uuid",
            "kind",
            "kind_display",
            "status",
            "status_display",
            "present",
            "explanation",
            "case",
            "person",
            "organisations",
            "details",
            "resolution",
            "may_resolve",
            "raised_at",
            "updated_at",
            "reopened_count",
        ]
        read_only_fields = fields

    @extend_schema_field(SignalResolutionSerializer(allow_null=True))
    def get_resolution(self, signal: Signal) -> dict | None:
        if not signal.outcome:
            return None
        return SignalResolutionSerializer(signal).data
