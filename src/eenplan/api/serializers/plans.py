"""The household plan as output: the plan with its goals, actions, evaluations and versions.

Every object here was read through ``eenplan.plans.selectors`` (or returned by a service), with
goals, actions, owners and versions prefetched: serializing adds no queries per goal or action.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from eenplan.api.serializers.common import LifeDomainField, OrganisationRefSerializer
from eenplan.plans.models import (
    Action,
    Commitment,
    Goal,
    GoalEvaluation,
    PlanVersion,
    ProfessionalPlanLink,
)
from eenplan.plans.selectors import is_overdue


def _uuid_or_none(obj) -> str | None:
    return str(obj.uuid) if obj is not None else None


class OwnerSerializer(serializers.Serializer):
    """Who does an action. Only the UUIDs that belong to ``kind`` are filled."""

    # Output fields with a fixed set of values are plain strings in this module (the values are in
    # their help text); the request bodies carry the enums, so each enum has one schema name.

    kind = serializers.CharField(
        source="owner_kind", help_text=_("organisatie, gezinslid of netwerklid.")
    )
    kind_display = serializers.CharField(source="get_owner_kind_display")
    label = serializers.CharField(source="owner_label", help_text=_("Wie, in woorden."))
    organisation = serializers.UUIDField(
        source="owner_organisation.uuid", allow_null=True, default=None
    )
    professional = serializers.UUIDField(
        source="owner_professional.uuid",
        allow_null=True,
        default=None,
        help_text=_("De professional die de actie doet, als die genoemd is."),
    )
    person = serializers.UUIDField(source="owner_person.uuid", allow_null=True, default=None)
    network_member = serializers.UUIDField(
        source="owner_network_member.uuid", allow_null=True, default=None
    )


class ActionSerializer(serializers.ModelSerializer):
    owner = OwnerSerializer(source="*", read_only=True)
    status = serializers.CharField(
        read_only=True, help_text=_("open, bezig, klaar of geannuleerd.")
    )
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    is_overdue = serializers.SerializerMethodField(
        help_text=_("Open of bezig, en de datum is verstreken.")
    )
    agreement = serializers.SerializerMethodField(
        help_text=_("UUID van de afspraak uit een casusoverleg waaruit de actie komt, of null.")
    )

    class Meta:
        model = Action
        fields = [
            "uuid",
            "description",
            "owner",
            "due_date",
            "status",
            "status_display",
            "cancel_reason",
            "is_overdue",
            "agreement",
            "position",
            "lock_version",
            "updated_at",
        ]
        read_only_fields = fields

    def get_is_overdue(self, action: Action) -> bool:
        return is_overdue(action, self.context.get("today") or timezone.localdate())

    @extend_schema_field(serializers.UUIDField(allow_null=True))
    def get_agreement(self, action: Action) -> str | None:
        # The reverse one-to-one is select_related by the plan selectors (None when absent).
        return _uuid_or_none(getattr(action, "agreement", None))


class GoalEvaluationSerializer(serializers.ModelSerializer):
    result = serializers.CharField(read_only=True, help_text=_("bereikt, deels of niet_bereikt."))
    result_display = serializers.CharField(source="get_result_display", read_only=True)

    class Meta:
        model = GoalEvaluation
        fields = ["uuid", "version_number", "result", "result_display", "note", "evaluated_at"]
        read_only_fields = fields


class ProfessionalPlanLinkSerializer(serializers.ModelSerializer):
    organisation = OrganisationRefSerializer(read_only=True)

    class Meta:
        model = ProfessionalPlanLink
        fields = ["uuid", "organisation", "reference", "summary"]
        read_only_fields = fields


class GoalSerializer(serializers.ModelSerializer):
    life_domain = LifeDomainField()
    actions = ActionSerializer(many=True, read_only=True)
    evaluations = GoalEvaluationSerializer(
        many=True, read_only=True, help_text=_("Nieuwste eerst.")
    )
    professional_plans = ProfessionalPlanLinkSerializer(
        many=True, read_only=True, help_text=_("Eigen plannen van organisaties bij dit doel.")
    )

    class Meta:
        model = Goal
        fields = [
            "uuid",
            "life_domain",
            "title",
            "description",
            "position",
            "lock_version",
            "actions",
            "evaluations",
            "professional_plans",
        ]
        read_only_fields = fields


class PersonRefSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    full_name = serializers.CharField()


class CommitmentSummarySerializer(serializers.ModelSerializer):
    organisation = OrganisationRefSerializer(read_only=True)

    class Meta:
        model = Commitment
        fields = ["organisation", "committed_at"]
        read_only_fields = fields


class CommitmentSerializer(CommitmentSummarySerializer):
    committed_by = serializers.CharField(source="committed_by.__str__", read_only=True)

    class Meta(CommitmentSummarySerializer.Meta):
        fields = ["organisation", "committed_by", "committed_at"]
        read_only_fields = fields


class PlanVersionSummarySerializer(serializers.ModelSerializer):
    """An agreed version without its content."""

    agreement_method = serializers.CharField(
        read_only=True, help_text=_("op_papier, in_overleg of digitaal.")
    )
    agreement_method_display = serializers.CharField(
        source="get_agreement_method_display", read_only=True
    )
    agreed_by = PersonRefSerializer(
        many=True, read_only=True, help_text=_("Wie in het huishouden heeft ingestemd.")
    )
    commitments = CommitmentSummarySerializer(many=True, read_only=True)

    class Meta:
        model = PlanVersion
        fields = [
            "number",
            "agreed_on",
            "agreement_method",
            "agreement_method_display",
            "agreed_by",
            "commitments",
            "recorded_at",
        ]
        read_only_fields = fields


class SnapshotActionSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    description = serializers.CharField()
    owner_kind = serializers.CharField()
    owner = serializers.CharField(help_text=_("Wie, in woorden, zoals vastgesteld."))
    due_date = serializers.CharField(help_text=_("JJJJ-MM-DD of leeg."))
    status = serializers.CharField()


class SnapshotGoalSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    title = serializers.CharField()
    life_domain = serializers.CharField()
    life_domain_label = serializers.CharField()
    description = serializers.CharField()
    actions = SnapshotActionSerializer(many=True)


class PlanSnapshotSerializer(serializers.Serializer):
    """The content the household agreed to, frozen at agreement: it never changes."""

    household = serializers.CharField()
    case_reference = serializers.CharField()
    priority_question = serializers.CharField()
    other_questions = serializers.ListField(child=serializers.CharField())
    strengths = serializers.CharField()
    concerns = serializers.CharField()
    evaluation_date = serializers.CharField(help_text=_("JJJJ-MM-DD of leeg."))
    goals = SnapshotGoalSerializer(many=True)


@extend_schema_field(PlanSnapshotSerializer)
class SnapshotField(serializers.JSONField):
    """The stored snapshot as it is; documented by ``PlanSnapshotSerializer``."""


class PlanVersionSerializer(PlanVersionSummarySerializer):
    """An agreed version with its immutable content and who committed to it."""

    content = SnapshotField(read_only=True)
    recorded_by = serializers.CharField(source="recorded_by.__str__", read_only=True)
    commitments = CommitmentSerializer(many=True, read_only=True)

    class Meta(PlanVersionSummarySerializer.Meta):
        fields = [*PlanVersionSummarySerializer.Meta.fields, "recorded_by", "content"]
        read_only_fields = fields


class ProgressSerializer(serializers.Serializer):
    goals = serializers.IntegerField()
    goals_achieved = serializers.IntegerField(help_text=_("Doelen ooit als bereikt geëvalueerd."))
    actions = serializers.IntegerField(help_text=_("Acties, zonder de geannuleerde."))
    actions_done = serializers.IntegerField()
    actions_overdue = serializers.IntegerField()
    percent_done = serializers.IntegerField()


class PlanCaseSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    reference = serializers.CharField()
    status = serializers.CharField()
    status_display = serializers.CharField(source="get_status_display")


class PlanSerializer(serializers.Serializer):
    """The plan of a case (``plans.selectors.plan_view``) with its progress.

    ``is_draft`` says whether ``version_number`` is a concept or the latest agreed version.
    ``lock_version`` guards the plan's own fields (PATCH); ``revision`` counts every change of
    goals and actions and is what the household agrees to (POST agreement).
    """

    uuid = serializers.UUIDField(source="view.plan.uuid")
    case = PlanCaseSerializer(source="view.case")
    strengths = serializers.CharField(source="view.plan.strengths")
    concerns = serializers.CharField(source="view.plan.concerns")
    evaluation_date = serializers.DateField(source="view.plan.evaluation_date", allow_null=True)
    version_number = serializers.IntegerField(
        source="view.plan.version_number",
        help_text=_("Nummer van het concept of de laatste versie."),
    )
    is_draft = serializers.BooleanField(source="view.plan.is_draft")
    lock_version = serializers.IntegerField(source="view.plan.lock_version")
    revision = serializers.IntegerField(source="view.plan.revision")
    updated_at = serializers.DateTimeField(source="view.plan.updated_at")
    goals = GoalSerializer(source="view.goals", many=True)
    versions = PlanVersionSummarySerializer(
        source="view.versions", many=True, help_text=_("Vastgestelde versies, nieuwste eerst.")
    )
    progress = ProgressSerializer()


class ChangeSerializer(serializers.Serializer):
    """One difference between two versions."""

    kind = serializers.CharField(help_text=_("toegevoegd, verwijderd of gewijzigd."))
    subject = serializers.CharField(help_text=_("Het plan, een doel of een actie."))
    field = serializers.CharField(help_text=_("Welk deel, bij gewijzigd."))
    before = serializers.CharField()
    after = serializers.CharField()


class VersionCompareSerializer(serializers.Serializer):
    from_ = serializers.IntegerField(source="old", help_text=_("De oudere versie."))
    to = serializers.IntegerField(
        source="new",
        allow_null=True,
        help_text=_("De nieuwere versie; null is het huidige concept."),
    )
    changes = ChangeSerializer(many=True)

    def get_fields(self):
        fields = super().get_fields()
        fields["from"] = fields.pop("from_")  # "from" is a Python keyword
        return {name: fields[name] for name in ("from", "to", "changes")}
