"""The access log in the fields of Logboek Dataverwerkingen."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from eenplan.api.pagination import PageQuerySerializer
from eenplan.privacy.models import AccessLogEntry


class AccessLogQuerySerializer(PageQuerySerializer):
    case = serializers.UUIDField(
        source="case_uuid",
        required=False,
        help_text=_("Alleen regels over deze casus (UUID)."),
    )
    person = serializers.UUIDField(
        source="person_uuid",
        required=False,
        help_text=_("Alleen regels over deze persoon (UUID)."),
    )


class AccessLogEntrySerializer(serializers.ModelSerializer):
    class Meta:
        model = AccessLogEntry
        fields = [
            "uuid",
            "trace_id",
            "span_id",
            "parent_span_id",
            "name",
            "start_time",
            "end_time",
            "status_code",
            "processing_activity_id",
            "purpose",
            "action",
            "actor_username",
            "organisation_name",
            "case_uuid",
            "case_reference",
            "person_uuid",
            "data_subject_id_type",
            "data_subject_id",
        ]
        read_only_fields = fields
