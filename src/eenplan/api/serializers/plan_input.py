"""Request bodies and query parameters of the plan endpoints.

They check shape only (types, choices, lengths). Whether an owner, a person or an organisation
belongs to the case is for ``eenplan.plans.services`` to decide; the views turn UUIDs into objects
the user may see first.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from eenplan.common.constants import LifeDomain
from eenplan.plans.constants import ActionStatus, AgreementMethod, GoalResult, OwnerKind

MAX_COUNTER = 2**31 - 1  # lock versions, revisions and version numbers fit a database integer
OWNER_FIELDS = {
    OwnerKind.ORGANISATION: ("organisation", "professional"),
    OwnerKind.HOUSEHOLD_MEMBER: ("person",),
    OwnerKind.NETWORK_MEMBER: ("network_member",),
}
REQUIRED_OWNER_FIELD = {
    OwnerKind.ORGANISATION: "organisation",
    OwnerKind.HOUSEHOLD_MEMBER: "person",
    OwnerKind.NETWORK_MEMBER: "network_member",
}


def counter_field(help_text: str, **kwargs) -> serializers.IntegerField:
    return serializers.IntegerField(
        min_value=0, max_value=MAX_COUNTER, help_text=help_text, **kwargs
    )


def lock_version_field() -> serializers.IntegerField:
    return counter_field(
        _(
            "De lock_version die u las. Is het intussen gewijzigd, dan volgt 409 en wordt niets "
            "opgeslagen."
        )
    )


class PlanUpdateSerializer(serializers.Serializer):
    """Only the fields given change."""

    lock_version = lock_version_field()
    strengths = serializers.CharField(
        required=False, allow_blank=True, max_length=5000, help_text=_("Wat gaat goed.")
    )
    concerns = serializers.CharField(required=False, allow_blank=True, max_length=5000)
    evaluation_date = serializers.DateField(required=False, allow_null=True)


class GoalInputSerializer(serializers.Serializer):
    life_domain = serializers.ChoiceField(choices=LifeDomain.choices)
    title = serializers.CharField(max_length=300)
    description = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=5000
    )


class GoalUpdateSerializer(GoalInputSerializer):
    """Only the fields given change."""

    lock_version = lock_version_field()
    life_domain = serializers.ChoiceField(choices=LifeDomain.choices, required=False)
    title = serializers.CharField(max_length=300, required=False)
    description = serializers.CharField(required=False, allow_blank=True, max_length=5000)


class LockVersionQuerySerializer(serializers.Serializer):
    lock_version = lock_version_field()


class OwnerInputSerializer(serializers.Serializer):
    """Who does the action: an involved organisation (optionally one of its professionals), a
    member of the household, or someone from its own network. Give the UUIDs of ``kind`` only."""

    kind = serializers.ChoiceField(choices=OwnerKind.choices)
    organisation = serializers.UUIDField(required=False, help_text=_("Bij organisatie."))
    professional = serializers.UUIDField(
        required=False, help_text=_("Bij organisatie, als een professional de actie doet.")
    )
    person = serializers.UUIDField(required=False, help_text=_("Bij gezinslid."))
    network_member = serializers.UUIDField(required=False, help_text=_("Bij netwerklid."))

    def validate(self, attrs: dict) -> dict:
        kind = OwnerKind(attrs["kind"])
        errors = {
            name: [_("Hoort niet bij deze soort eigenaar.")]
            for name in ("organisation", "professional", "person", "network_member")
            if name in attrs and name not in OWNER_FIELDS[kind]
        }
        required = REQUIRED_OWNER_FIELD[kind]
        if required not in attrs:
            errors[required] = [_("Dit veld is verplicht bij deze soort eigenaar.")]
        if errors:
            raise serializers.ValidationError(errors)
        return attrs


class ActionInputSerializer(serializers.Serializer):
    description = serializers.CharField(max_length=5000)
    owner = OwnerInputSerializer()
    due_date = serializers.DateField(required=False, allow_null=True, default=None)


class ActionUpdateSerializer(ActionInputSerializer):
    """Only the fields given change."""

    lock_version = lock_version_field()
    description = serializers.CharField(max_length=5000, required=False)
    owner = OwnerInputSerializer(required=False)
    due_date = serializers.DateField(required=False, allow_null=True)


class ActionProgressSerializer(serializers.Serializer):
    lock_version = lock_version_field()
    status = serializers.ChoiceField(choices=ActionStatus.choices)
    cancel_reason = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=2000,
        help_text=_("Verplicht bij geannuleerd."),
    )


class GoalEvaluationInputSerializer(serializers.Serializer):
    result = serializers.ChoiceField(choices=GoalResult.choices)
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=5000)


class AgreementSerializer(serializers.Serializer):
    revision = counter_field(
        _(
            "De revision van het plan dat het huishouden zag. Is het plan sindsdien gewijzigd, "
            "dan volgt 409."
        )
    )
    agreed_by = serializers.ListField(
        child=serializers.UUIDField(),
        allow_empty=False,
        max_length=20,
        help_text=_("UUID's van de leden van het huishouden die instemden."),
    )
    method = serializers.ChoiceField(choices=AgreementMethod.choices)
    agreed_on = serializers.DateField(
        required=False, allow_null=True, default=None, help_text=_("Standaard vandaag.")
    )

    def validate_agreed_on(self, value):
        if value and value > timezone.localdate():
            raise serializers.ValidationError(_("Deze datum ligt in de toekomst."))
        return value


class VersionCompareQuerySerializer(serializers.Serializer):
    """``?from=1&to=2``; without ``to`` the current draft is compared with version ``from``."""

    from_ = serializers.IntegerField(
        source="old", min_value=1, max_value=MAX_COUNTER, help_text=_("De oudere versie.")
    )
    to = serializers.IntegerField(
        source="new",
        min_value=1,
        max_value=MAX_COUNTER,
        required=False,
        default=None,
        help_text=_("De nieuwere versie; weglaten vergelijkt met het huidige concept."),
    )

    def get_fields(self):
        fields = super().get_fields()
        fields["from"] = fields.pop("from_")  # "from" is a Python keyword
        return fields
