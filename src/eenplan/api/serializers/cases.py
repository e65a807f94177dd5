"""Cases, their involvements and timeline, the integrated client view, and the transition input."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from eenplan.api.pagination import PageQuerySerializer
from eenplan.api.serializers.common import (
    ContactSerializer,
    CoordinatorSerializer,
    LifeDomainField,
    OrganisationRefSerializer,
)
from eenplan.api.serializers.people import (
    HouseholdMemberSerializer,
    NetworkMemberSerializer,
    RelationSerializer,
)
from eenplan.api.serializers.tenancy import MunicipalityRefSerializer
from eenplan.cases import workflow
from eenplan.cases.constants import CaseStatus, ClosingReason, DataCategory, ServiceType
from eenplan.cases.models import Case, HelpQuestion, Involvement, TimelineEvent
from eenplan.people.models import Household
from eenplan.privacy.policy import CaseAccess

ACCESS_CONTENT = "inhoud"
ACCESS_KNOWN = "bekend"


class CaseListQuerySerializer(PageQuerySerializer):
    status = serializers.ChoiceField(
        choices=CaseStatus.choices,
        required=False,
        allow_blank=True,
        default="",
        help_text=_("Alleen casussen met deze status."),
    )
    municipality = serializers.UUIDField(required=False, help_text=_("UUID van de gemeente."))
    coordinator = serializers.UUIDField(required=False, help_text=_("UUID van de regisseur."))


class CaseTransitionSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=CaseStatus.choices, help_text=_("De nieuwe status."))
    closing_reason = serializers.ChoiceField(
        choices=ClosingReason.choices,
        required=False,
        allow_blank=True,
        default="",
        help_text=_("Verplicht bij afsluiten."),
    )
    note = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=2000,
        help_text=_("Toelichting; verplicht bij heropenen."),
    )


class HelpQuestionSerializer(serializers.ModelSerializer):
    life_domain = LifeDomainField(allow_null=True)

    class Meta:
        model = HelpQuestion
        fields = ["uuid", "text", "life_domain", "position"]
        read_only_fields = fields


class EscalationSerializer(serializers.Serializer):
    level = serializers.IntegerField(source="escalation_level")
    label = serializers.CharField(source="get_escalation_level_display")
    reason = serializers.CharField(source="escalation_reason")


class EscalationDetailSerializer(EscalationSerializer):
    decision = serializers.CharField(
        source="escalation_decision",
        help_text=_("Besluit van de regisseur of de gemeente (doorzettingsmacht)."),
    )


class CaseAccessSerializer(serializers.Serializer):
    """What the user's organisations may see of the case.

    ``bekend``: that the household is known, its members, the involved organisations and whom to
    contact. ``inhoud``: also the content of the categories listed, through an active consent or
    legal basis.
    """

    level = serializers.ChoiceField(
        choices=[
            (ACCESS_CONTENT, _("Inhoud, binnen de toestemming")),
            (ACCESS_KNOWN, _("Alleen bekend")),
        ]
    )
    categories = serializers.ListField(
        child=serializers.ChoiceField(choices=DataCategory.choices),
        help_text=_("De soorten gegevens waarvoor een toestemming of grondslag geldt."),
    )

    def to_representation(self, access: CaseAccess) -> dict:
        return {
            "level": ACCESS_CONTENT if access.has_content else ACCESS_KNOWN,
            "categories": [c.value for c in DataCategory if c in access.categories],
        }


class CaseSerializer(serializers.ModelSerializer):
    """A case: status, questions, coordinator and escalation. Without consent for the plan the
    questions are blank (``priority_question`` empty, ``other_questions`` none)."""

    status_display = serializers.CharField(source="get_status_display", read_only=True)
    allowed_transitions = serializers.SerializerMethodField()
    priority_domain = LifeDomainField(allow_null=True)
    other_questions = HelpQuestionSerializer(many=True, read_only=True)
    coordinator = serializers.SerializerMethodField()
    escalation = EscalationSerializer(source="*", read_only=True)
    closing_reason_display = serializers.CharField(
        source="get_closing_reason_display", read_only=True
    )

    class Meta:
        model = Case
        fields = [
            "uuid",
            "reference",
            "status",
            "status_display",
            "allowed_transitions",
            "priority_question",
            "priority_domain",
            "other_questions",
            "coordinator",
            "escalation",
            "closing_reason",
            "closing_reason_display",
            "closing_note",
            "opened_at",
            "closed_at",
            "updated_at",
        ]
        read_only_fields = fields

    @extend_schema_field(
        serializers.ListField(
            child=serializers.CharField(),
            help_text=_("De statussen waarnaar de casus nu kan gaan."),
        )
    )
    def get_allowed_transitions(self, case: Case) -> list[str]:
        return sorted(status.value for status in workflow.allowed_transitions(case.status))

    @extend_schema_field(CoordinatorSerializer(allow_null=True))
    def get_coordinator(self, case: Case) -> dict | None:
        if case.coordinator is None:
            return None
        return CoordinatorSerializer(
            {"user": case.coordinator, "organisation": case.coordinator_organisation}
        ).data


class CaseHouseholdSerializer(serializers.ModelSerializer):
    municipality = MunicipalityRefSerializer(read_only=True)

    class Meta:
        model = Household
        fields = ["uuid", "name", "municipality"]
        read_only_fields = fields


class CaseMemberSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(source="person.uuid")
    full_name = serializers.CharField(source="person.full_name")
    is_contact = serializers.BooleanField()


class CaseDetailSerializer(CaseSerializer):
    """One case, as ``cases_retrieve`` reads it; ``access`` says what the reader may see."""

    escalation = EscalationDetailSerializer(source="*", read_only=True)
    household = CaseHouseholdSerializer(read_only=True)
    members = CaseMemberSerializer(source="household.member_list", many=True, read_only=True)
    access = CaseAccessSerializer(read_only=True)

    class Meta(CaseSerializer.Meta):
        fields = [*CaseSerializer.Meta.fields, "household", "members", "access"]
        read_only_fields = fields


class CaseListItemSerializer(serializers.ModelSerializer):
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    household = CaseHouseholdSerializer(read_only=True)
    contact = serializers.SerializerMethodField()
    coordinator = serializers.SerializerMethodField()
    access = CaseAccessSerializer(read_only=True)

    class Meta:
        model = Case
        fields = [
            "uuid",
            "reference",
            "status",
            "status_display",
            "household",
            "contact",
            "coordinator",
            "escalation_level",
            "access",
            "opened_at",
            "updated_at",
        ]
        read_only_fields = fields

    @extend_schema_field(CaseMemberSerializer(allow_null=True))
    def get_contact(self, case: Case) -> dict | None:
        contacts = case.household.contacts
        return CaseMemberSerializer(contacts[0]).data if contacts else None

    get_coordinator = CaseSerializer.get_coordinator


class CaseSummarySerializer(serializers.ModelSerializer):
    status_display = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = Case
        fields = ["uuid", "reference", "status", "status_display", "opened_at", "closed_at"]
        read_only_fields = fields


class InvolvementSerializer(serializers.ModelSerializer):
    """An involved organisation. Without plan consent what it does for the household is left
    out: ``service_type`` and ``service_type_display`` are null, ``life_domains`` empty."""

    organisation = OrganisationRefSerializer(read_only=True)
    contact = ContactSerializer(read_only=True, allow_null=True)
    persons = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="uuid", help_text=_("UUID's van de personen.")
    )
    life_domains = serializers.ListField(child=LifeDomainField(), read_only=True)
    service_type = serializers.ChoiceField(
        choices=ServiceType.choices,
        allow_null=True,
        read_only=True,
        help_text=_("De soort hulp; null zonder toestemming voor het plan."),
    )
    service_type_display = serializers.SerializerMethodField()

    class Meta:
        model = Involvement
        fields = [
            "uuid",
            "organisation",
            "contact",
            "persons",
            "life_domains",
            "service_type",
            "service_type_display",
            "start_date",
            "end_date",
        ]
        read_only_fields = fields

    def to_representation(self, involvement: Involvement) -> dict:
        data = super().to_representation(involvement)
        data["service_type"] = data["service_type"] or None
        return data

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_service_type_display(self, involvement: Involvement) -> str | None:
        return involvement.get_service_type_display() if involvement.service_type else None


class TimelineEventSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    actor_name = serializers.CharField(source="actor", allow_null=True, read_only=True)
    actor_organisation = OrganisationRefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = TimelineEvent
        fields = [
            "uuid",
            "occurred_at",
            "kind",
            "kind_display",
            "summary",
            "actor_name",
            "actor_organisation",
            "data",
        ]
        read_only_fields = fields


class ClientViewSerializer(serializers.Serializer):
    """The integrated client view of one household, in one response.

    At the known level (``access.level`` is ``bekend``) the questions, network, timeline and what
    each organisation does are left out, and a member's address, phone and e-mail are blank
    unless contact details are shared for that member.
    """

    uuid = serializers.UUIDField(source="household.uuid")
    name = serializers.CharField(source="household.name")
    municipality = MunicipalityRefSerializer(source="household.municipality")
    members = HouseholdMemberSerializer(many=True)
    relations = RelationSerializer(many=True)
    network = NetworkMemberSerializer(
        many=True, help_text=_("Eigen netwerk; leeg zonder toestemming voor het plan.")
    )
    case = CaseSerializer(allow_null=True, help_text=_("De huidige casus."))
    cases = CaseSummarySerializer(many=True, help_text=_("Alle casussen van het huishouden."))
    involvements = serializers.SerializerMethodField()
    timeline = TimelineEventSerializer(
        many=True,
        help_text=_("Tijdlijn van de huidige casus; leeg zonder toestemming voor het plan."),
    )
    access = CaseAccessSerializer(help_text=_("Wat u mag zien van de huidige casus."))

    @extend_schema_field(InvolvementSerializer(many=True))
    def get_involvements(self, view) -> list[dict]:
        if view.case is None:
            return []
        return InvolvementSerializer(view.case.involvements.all(), many=True).data
