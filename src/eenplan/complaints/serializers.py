"""Complaints and objections in API v1, for professionals.

Output serializers read what ``eenplan.complaints.selectors`` returns; input serializers check
shape only. Whether a step fits the route (who handles it, what the law allows) is for the
services. A complaint or objection is called ``type`` here (``kind`` in the model), so a step's
``kind`` is never confused with it. Codes are plain strings with their labels next to them
(``*_display``), like the provisions endpoints.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from eenplan.api.serializers.common import OrganisationRefSerializer
from eenplan.api.serializers.network import ProfessionalRefSerializer
from eenplan.complaints.constants import (
    DECISION_OUTCOMES,
    LETTER_STEPS,
    Channel,
    ContactOutcome,
    ContactWay,
    Kind,
    Status,
    StepKind,
    Theme,
)

MAX_TEXT = 4000
# Longer than any postponement the law allows; the services apply the real limits.
MAX_EXTENSION_WEEKS = 52


def _codes(choices) -> str:
    return ", ".join(str(value) for value, _label in choices)


# ------------------------------------------------------------------------------ output


class ComplaintPersonSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    name = serializers.CharField(source="full_name")


class ComplaintSerializer(serializers.Serializer):
    """A complaint (Awb chapter 9) or objection (Awb chapters 6 and 7) in a list."""

    uuid = serializers.UUIDField()
    reference = serializers.CharField(help_text=_("Kenmerk, bijvoorbeeld K-2026-00012."))
    type = serializers.CharField(source="kind", help_text=_("klacht of bezwaar."))
    type_display = serializers.CharField(source="get_kind_display")
    status = serializers.CharField(help_text=_("Een van: %s.") % _codes(Status.choices))
    status_display = serializers.CharField(source="get_status_display")
    received_on = serializers.DateField()
    contact_due = serializers.DateField(help_text=_("Persoonlijk contact uiterlijk op deze dag."))
    decision_due = serializers.DateField(
        help_text=_("Wettelijke termijn: beslissen uiterlijk op deze dag (na uitstel).")
    )
    days_left = serializers.SerializerMethodField(
        help_text=_(
            "Dagen tot de beslistermijn, negatief als die voorbij is; null als afgehandeld."
        )
    )
    overdue = serializers.SerializerMethodField(
        help_text=_(
            "Open en over de beslistermijn, of nog nieuw en over de dag voor persoonlijk contact."
        )
    )
    handler = ProfessionalRefSerializer(allow_null=True, help_text=_("null: nog geen."))
    handling_organisation = OrganisationRefSerializer()
    case = serializers.UUIDField(source="case.uuid")
    person = ComplaintPersonSerializer(help_text=_("Van wie de klacht of het bezwaar is."))
    decision = serializers.UUIDField(
        source="decision.uuid",
        allow_null=True,
        help_text=_("Bij een bezwaar: het besluit waartegen het is; anders null."),
    )
    theme = serializers.CharField(help_text=_("Een van: %s.") % _codes(Theme.choices))
    theme_display = serializers.CharField(source="get_theme_display")
    channel = serializers.CharField(help_text=_("Een van: %s.") % _codes(Channel.choices))
    channel_display = serializers.CharField(source="get_channel_display")
    outcome = serializers.CharField(help_text=_("Hoe het afliep; leeg zolang het open is."))
    outcome_display = serializers.CharField(source="get_outcome_display")
    closed_on = serializers.DateField(allow_null=True)

    def get_days_left(self, complaint) -> int | None:
        return complaint.decision_days_left(timezone.localdate())

    def get_overdue(self, complaint) -> bool:
        return complaint.is_overdue(timezone.localdate())


class ComplaintStepSerializer(serializers.Serializer):
    """One thing that happened, in order. Steps are never changed afterwards."""

    uuid = serializers.UUIDField()
    kind = serializers.CharField(help_text=_("Een van: %s.") % _codes(StepKind.choices))
    kind_display = serializers.CharField(source="get_kind_display")
    occurred_on = serializers.DateField()
    recorded_at = serializers.DateTimeField()
    recorded_by = ProfessionalRefSerializer(help_text=_("Wie het vastlegde (of de inwoner)."))
    text = serializers.CharField(
        help_text=_("Samenvatting, reden, verslag of motivering, wat bij de stap hoort.")
    )
    contact_way = serializers.CharField(
        help_text=_("Bij contact: %s.") % _codes(ContactWay.choices)
    )
    contact_outcome = serializers.CharField(
        help_text=_("Bij contact: %s.") % _codes(ContactOutcome.choices)
    )
    outcome = serializers.CharField(help_text=_("Bij een besluit: de uitkomst."))
    weeks = serializers.IntegerField(allow_null=True, help_text=_("Bij uitstel: hoeveel weken."))
    due_on = serializers.DateField(
        allow_null=True, help_text=_("De beslistermijn zoals in de brief van deze stap.")
    )
    with_consent = serializers.BooleanField(help_text=_("Bij uitstel: met instemming."))
    hearing_at = serializers.DateTimeField(allow_null=True)
    place = serializers.CharField()
    has_letter = serializers.SerializerMethodField(
        help_text=_("Hoort er een brief aan de inwoner bij deze stap?")
    )

    def get_has_letter(self, step) -> bool:
        return step.kind in LETTER_STEPS


class ComplaintDetailSerializer(ComplaintSerializer):
    """A complaint or objection with what it is about, how to reach the citizen and its steps."""

    description = serializers.CharField()
    organisations = OrganisationRefSerializer(
        many=True, source="organisations.all", help_text=_("De organisaties waar het over gaat.")
    )
    decision_made_known_on = serializers.DateField(
        allow_null=True, help_text=_("Bij een bezwaar: de dag dat het besluit bekend werd.")
    )
    committee = serializers.BooleanField(help_text=_("Met advies van een commissie."))
    contact_phone = serializers.CharField()
    contact_email = serializers.CharField()
    contacted_on = serializers.DateField(
        allow_null=True,
        help_text=_("Het eerste persoonlijke contact; null als dat er nog niet was."),
    )
    extension_weeks = serializers.IntegerField(help_text=_("Samen uitgesteld met (weken)."))
    registered_at = serializers.DateTimeField()
    steps = ComplaintStepSerializer(many=True, source="steps.all")


class ComplaintReceiptSerializer(serializers.Serializer):
    """What the one who registered needs to tell the citizen. The complaint itself is seen by
    those who handle it or work on what it is about, which may not include the registrant."""

    uuid = serializers.UUIDField()
    reference = serializers.CharField()
    type = serializers.CharField(source="kind")
    handling_organisation = OrganisationRefSerializer()
    received_on = serializers.DateField()
    contact_due = serializers.DateField()
    decision_due = serializers.DateField()


# ------------------------------------------------------------------------------ input


class ComplaintQuerySerializer(serializers.Serializer):
    page = serializers.IntegerField(
        min_value=1,
        required=False,
        default=1,
        help_text=_("Paginanummer, vanaf 1 (50 per pagina)."),
    )
    type = serializers.ChoiceField(
        choices=Kind.choices,
        required=False,
        allow_blank=True,
        default="",
        help_text=_("Alleen klachten of alleen bezwaren."),
    )
    open = serializers.BooleanField(
        required=False, default=True, help_text=_("false: ook wat is afgehandeld.")
    )
    mine = serializers.BooleanField(
        required=False, default=False, help_text=_("true: alleen waar u de behandelaar bent.")
    )
    handler = serializers.UUIDField(
        required=False, allow_null=True, default=None, help_text=_("Alleen van deze behandelaar.")
    )
    organisation = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("Alleen wat deze organisatie behandelt."),
    )
    overdue = serializers.BooleanField(
        required=False, default=False, help_text=_("true: alleen wat over een termijn is.")
    )


class ComplaintInputSerializer(serializers.Serializer):
    """A complaint or objection registered on a citizen's behalf (by phone, letter, at the desk)."""

    type = serializers.ChoiceField(choices=Kind.choices)
    case = serializers.UUIDField(help_text=_("Een casus waaraan u werkt."))
    person = serializers.UUIDField(help_text=_("Van wie het is: een lid van het huishouden."))
    description = serializers.CharField(
        max_length=MAX_TEXT, allow_blank=True, help_text=_("Wat is er aan de hand?")
    )
    theme = serializers.ChoiceField(
        choices=Theme.choices,
        required=False,
        default=Theme.OTHER,
        help_text=_("Waar het over gaat; een bezwaar gaat altijd over een besluit."),
    )
    channel = serializers.ChoiceField(choices=Channel.choices)
    received_on = serializers.DateField(
        required=False, allow_null=True, default=None, help_text=_("Zonder: vandaag.")
    )
    organisations = serializers.ListField(
        child=serializers.UUIDField(),
        required=False,
        default=list,
        max_length=20,
        help_text=_("De organisaties waar het over gaat: betrokken bij het huishouden."),
    )
    decision = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("Bij een bezwaar (verplicht): het besluit in deze casus waartegen het is."),
    )
    contact_phone = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=30
    )
    contact_email = serializers.EmailField(required=False, allow_blank=True, default="")


# One serializer per kind of step; ``kind`` says which (the discriminator in the schema).


class _ComplaintStepInputSerializer(serializers.Serializer):
    kind = serializers.CharField(help_text=_("Welke stap."))


class ComplaintHandlerStepSerializer(_ComplaintStepInputSerializer):
    handler = serializers.UUIDField(help_text=_("Een klachtbehandelaar van de organisatie."))


class ComplaintContactStepSerializer(_ComplaintStepInputSerializer):
    occurred_on = serializers.DateField()
    way = serializers.ChoiceField(choices=ContactWay.choices)
    summary = serializers.CharField(
        max_length=MAX_TEXT,
        allow_blank=True,
        help_text=_("Wat er achter de klacht zit en wat u afsprak."),
    )
    outcome = serializers.ChoiceField(
        choices=ContactOutcome.choices,
        help_text=_("opgelost sluit het af; formeel start de formele behandeling."),
    )


class ComplaintFormalStepSerializer(_ComplaintStepInputSerializer):
    reason = serializers.CharField(max_length=MAX_TEXT, allow_blank=True)


class ComplaintAcknowledgeStepSerializer(_ComplaintStepInputSerializer):
    """The acknowledgement of receipt, with its letter; nothing to fill in."""


class ComplaintExtendStepSerializer(_ComplaintStepInputSerializer):
    weeks = serializers.IntegerField(
        min_value=1,
        max_value=MAX_EXTENSION_WEEKS,
        help_text=_(
            "Klacht: één keer, ten hoogste 4. Bezwaar: één keer ten hoogste 6, verder "
            "alleen met instemming."
        ),
    )
    reason = serializers.CharField(max_length=MAX_TEXT, allow_blank=True)
    with_consent = serializers.BooleanField(
        required=False, default=False, help_text=_("Bij een bezwaar: de indiener stemt in.")
    )


class ComplaintHearingPlanStepSerializer(_ComplaintStepInputSerializer):
    hearing_at = serializers.DateTimeField(help_text=_("Een moment in de toekomst."))
    place = serializers.CharField(max_length=200, allow_blank=True)


class ComplaintHearingHeldStepSerializer(_ComplaintStepInputSerializer):
    occurred_on = serializers.DateField()
    report = serializers.CharField(max_length=MAX_TEXT, allow_blank=True)


class ComplaintDecideStepSerializer(_ComplaintStepInputSerializer):
    outcome = serializers.ChoiceField(choices=[(o.value, o.label) for o in DECISION_OUTCOMES])
    reasons = serializers.CharField(max_length=MAX_TEXT, allow_blank=True)


class ComplaintWithdrawStepSerializer(_ComplaintStepInputSerializer):
    text = serializers.CharField(required=False, allow_blank=True, default="", max_length=MAX_TEXT)


STEP_INPUTS = {
    StepKind.HANDLER: ComplaintHandlerStepSerializer,
    StepKind.CONTACT: ComplaintContactStepSerializer,
    StepKind.FORMAL: ComplaintFormalStepSerializer,
    StepKind.ACKNOWLEDGED: ComplaintAcknowledgeStepSerializer,
    StepKind.EXTENDED: ComplaintExtendStepSerializer,
    StepKind.HEARING_PLANNED: ComplaintHearingPlanStepSerializer,
    StepKind.HEARING_HELD: ComplaintHearingHeldStepSerializer,
    StepKind.DECIDED: ComplaintDecideStepSerializer,
    StepKind.WITHDRAWN: ComplaintWithdrawStepSerializer,
}


class ComplaintStepKindSerializer(serializers.Serializer):
    """Only the kind, to know which serializer reads the rest."""

    kind = serializers.ChoiceField(choices=[(kind.value, kind.label) for kind in STEP_INPUTS])
