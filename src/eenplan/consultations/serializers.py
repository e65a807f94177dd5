"""Consultations in API v1: meetings, agenda items, minutes, agreements and policy signals.

Output serializers read what ``eenplan.consultations.selectors`` returns; input serializers check
shape only (types, choices, lengths). Who may do what is for ``eenplan.consultations.services``.

An agenda item is read by every attendee, also by those who may not see its case. It always shows
its case number and the question to the meeting; the household, the consent, the minutes,
decisions and agreements only when ``content`` is true. Without content those keys are left out
altogether, not sent empty: the serializer never touches them (``AgendaItemSerializer``). A
carried agreement follows the same rule.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from eenplan.api.pagination import PageQuerySerializer
from eenplan.api.serializers.common import OrganisationRefSerializer
from eenplan.api.serializers.network import ProfessionalRefSerializer
from eenplan.api.serializers.plan_input import OwnerInputSerializer
from eenplan.api.serializers.plans import OwnerSerializer
from eenplan.api.serializers.tenancy import MunicipalityRefSerializer
from eenplan.cases.constants import EscalationLevel, SharingGround
from eenplan.common.constants import LifeDomain
from eenplan.consultations.constants import (
    AgreementState,
    AttendeeKind,
    ConsultationKind,
    DecisionKind,
    PolicySignalStatus,
    PolicyTheme,
)
from eenplan.plans.constants import OwnerKind

TEXT_MAX = 5000
MAX_ORGANISATIONS = 50

# --- Output: meetings --------------------------------------------------------------------------


class SeriesRefSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    name = serializers.CharField()


class ConsultationSerializer(serializers.Serializer):
    """A meeting in a list: no personal data."""

    uuid = serializers.UUIDField(read_only=True)
    kind = serializers.CharField(read_only=True, help_text=_("netwerkoverleg, mdo of plangesprek."))
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    title = serializers.CharField(read_only=True)
    municipality = MunicipalityRefSerializer(read_only=True)
    date = serializers.DateField(read_only=True)
    start_time = serializers.TimeField(read_only=True, allow_null=True)
    location = serializers.CharField(read_only=True)
    chair = ProfessionalRefSerializer(read_only=True)
    series = SeriesRefSerializer(
        read_only=True, allow_null=True, help_text=_("De reeks waar het overleg bij hoort.")
    )
    is_closed = serializers.BooleanField(
        read_only=True, help_text=_("Het verslag is afgerond en ligt vast.")
    )
    minutes_closed_at = serializers.DateTimeField(read_only=True, allow_null=True)
    item_count = serializers.IntegerField(
        read_only=True, help_text=_("Aantal casussen op de agenda.")
    )


class AttendeeSerializer(serializers.Serializer):
    """Who attends. The name of a household member or someone of their network only shows to
    readers who may see that household's case content; otherwise ``name`` is null."""

    uuid = serializers.UUIDField()
    kind = serializers.CharField(help_text=_("professional, gezinslid of netwerklid."))
    kind_display = serializers.CharField(source="get_kind_display")
    professional = serializers.UUIDField(source="professional.uuid", allow_null=True, default=None)
    organisation = OrganisationRefSerializer(allow_null=True)
    name = serializers.SerializerMethodField()

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_name(self, attendee) -> str | None:
        if attendee.kind == AttendeeKind.PROFESSIONAL:
            return str(attendee.professional)
        if not attendee.name_visible:
            return None
        if attendee.kind == AttendeeKind.HOUSEHOLD_MEMBER:
            return attendee.person.full_name
        return attendee.network_member.name


class DecisionSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    kind = serializers.CharField(help_text=_("regisseur, opschaling of anders."))
    kind_display = serializers.CharField(source="get_kind_display")
    text = serializers.CharField()
    recorded_at = serializers.DateTimeField()


class AgreementCaseSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    reference = serializers.CharField()
    household = serializers.CharField(
        source="household.name", help_text=_("Naam van het huishouden.")
    )


class MeetingRefSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    title = serializers.CharField()
    date = serializers.DateField()


class ItemAgreementSerializer(serializers.Serializer):
    """An agreement from the minutes, inside its agenda item. What, who and when live on the
    linked plan action (``action``); ``description`` keeps the words of the minutes."""

    uuid = serializers.UUIDField()
    description = serializers.CharField()
    action = serializers.UUIDField(
        source="action.uuid",
        allow_null=True,
        default=None,
        help_text=_("UUID van de actie in het plan; null als die uit het plan is verwijderd."),
    )
    owner = OwnerSerializer(source="action", allow_null=True, default=None)
    due_date = serializers.DateField(source="action.due_date", allow_null=True, default=None)
    state = serializers.CharField(help_text=_("open, te_laat, klaar of geannuleerd."))
    state_display = serializers.SerializerMethodField()
    recorded_at = serializers.DateTimeField()

    def get_state_display(self, agreement) -> str:
        return str(AgreementState(agreement.state).label)


class ConsultationAgreementSerializer(ItemAgreementSerializer):
    """An agreement with the case and the meeting it belongs to (the follow-up list)."""

    case = AgreementCaseSerializer(source="item.case")
    consultation = MeetingRefSerializer(source="item.consultation")
    agenda_item = serializers.UUIDField(source="item.uuid")


class CarriedAgreementBaseSerializer(serializers.Serializer):
    """What every attendee reads of an open agreement carried over from an earlier meeting."""

    content = serializers.BooleanField(
        read_only=True, help_text=_("U mag de inhoud van deze casus zien.")
    )
    case_reference = serializers.CharField(source="item.case.reference", read_only=True)
    due_date = serializers.DateField(
        source="action.due_date", read_only=True, allow_null=True, default=None
    )
    state = serializers.CharField(read_only=True, help_text=_("open of te_laat."))


class CarriedAgreementSerializer(CarriedAgreementBaseSerializer):
    """An open agreement of an earlier meeting of the series. Without ``content`` only the case
    number, the deadline and the state: what, who and which household are left out."""

    uuid = serializers.UUIDField(required=False, help_text=_("Alleen met content."))
    description = serializers.CharField(required=False, help_text=_("Alleen met content."))
    action = serializers.UUIDField(
        source="action.uuid", required=False, allow_null=True, help_text=_("Alleen met content.")
    )
    owner = OwnerSerializer(
        source="action", required=False, allow_null=True, help_text=_("Alleen met content.")
    )
    case = AgreementCaseSerializer(
        source="item.case", required=False, help_text=_("Alleen met content.")
    )
    consultation = MeetingRefSerializer(
        source="item.consultation", required=False, help_text=_("Uit welk overleg; met content.")
    )

    def to_representation(self, agreement):
        if not agreement.content:
            # Never read the content attributes: only the fields every attendee may see.
            return CarriedAgreementBaseSerializer(agreement, context=self.context).data
        return super().to_representation(agreement)


class AgendaConsentSerializer(serializers.Serializer):
    """Why the case may be discussed in this meeting."""

    ground = serializers.CharField(
        source="consent_ground", help_text=_("toestemming of een wettelijke grondslag.")
    )
    ground_display = serializers.CharField(source="get_consent_ground_display")
    given_by = serializers.CharField(
        source="consent_given_by.full_name",
        allow_null=True,
        default=None,
        help_text=_("Bij toestemming: wie uit het huishouden."),
    )
    note = serializers.CharField(
        source="consent_note", help_text=_("Onderbouwing bij een wettelijke grondslag.")
    )
    recorded_at = serializers.DateTimeField(source="consent_recorded_at")

    def to_representation(self, item):
        if not item.consent_ground:
            return None
        return super().to_representation(item)


class AgendaItemBaseSerializer(serializers.Serializer):
    """What every attendee reads of an agenda item."""

    uuid = serializers.UUIDField(read_only=True)
    consultation = serializers.UUIDField(source="consultation.uuid", read_only=True)
    case_reference = serializers.CharField(source="case.reference", read_only=True)
    question = serializers.CharField(read_only=True)
    position = serializers.IntegerField(read_only=True)
    content = serializers.BooleanField(
        read_only=True,
        help_text=_(
            "U mag de inhoud van deze casus zien (betrokken, met toestemming voor het plan). "
            "Zo niet, dan ontbreken case, household, consent, summary, decisions en agreements."
        ),
    )
    may_be_discussed = serializers.BooleanField(
        read_only=True,
        help_text=_("Vastgelegd is dat het huishouden instemt met bespreken (of op welke grond)."),
    )


class AgendaItemSerializer(AgendaItemBaseSerializer):
    """An agenda item; the fields below ``may_be_discussed`` only when ``content`` is true."""

    case = serializers.UUIDField(
        source="case.uuid", required=False, help_text=_("Alleen met content.")
    )
    household = serializers.CharField(
        source="case.household.name",
        required=False,
        help_text=_("Naam van het huishouden; alleen met content."),
    )
    consent = AgendaConsentSerializer(
        source="*",
        required=False,
        allow_null=True,
        help_text=_("Grond om te bespreken; null zolang die niet is vastgelegd. Met content."),
    )
    summary = serializers.CharField(required=False, help_text=_("Alleen met content."))
    discussed_at = serializers.DateTimeField(
        required=False, allow_null=True, help_text=_("Alleen met content.")
    )
    decisions = DecisionSerializer(
        source="decision_list", many=True, required=False, help_text=_("Alleen met content.")
    )
    agreements = ItemAgreementSerializer(
        source="agreement_list", many=True, required=False, help_text=_("Alleen met content.")
    )

    def to_representation(self, item):
        if not item.content:
            # Never read the content attributes: only the fields every attendee may see.
            return AgendaItemBaseSerializer(item, context=self.context).data
        return super().to_representation(item)


class PolicySignalRefSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    theme = serializers.CharField()
    theme_display = serializers.CharField(source="get_theme_display")
    title = serializers.CharField()
    status = serializers.CharField()
    status_display = serializers.CharField(source="get_status_display")


class ConsultationDetailSerializer(serializers.Serializer):
    """One meeting (``selectors.consultation_get``): its participants, the open agreements it
    carries over from earlier meetings of the series, its agenda and its policy signals."""

    uuid = serializers.UUIDField(source="consultation.uuid")
    kind = serializers.CharField(
        source="consultation.kind", help_text=_("netwerkoverleg, mdo of plangesprek.")
    )
    kind_display = serializers.CharField(source="consultation.get_kind_display")
    title = serializers.CharField(source="consultation.title")
    municipality = MunicipalityRefSerializer(source="consultation.municipality")
    date = serializers.DateField(source="consultation.date")
    start_time = serializers.TimeField(source="consultation.start_time", allow_null=True)
    location = serializers.CharField(source="consultation.location")
    chair = ProfessionalRefSerializer(source="consultation.chair")
    series = SeriesRefSerializer(source="consultation.series", allow_null=True)
    is_closed = serializers.BooleanField(source="consultation.is_closed")
    minutes_closed_at = serializers.DateTimeField(
        source="consultation.minutes_closed_at", allow_null=True
    )
    is_chair = serializers.BooleanField(
        help_text=_("U bent de voorzitter: u rondt het verslag af.")
    )
    organisations = OrganisationRefSerializer(source="consultation.organisations.all", many=True)
    attendees = AttendeeSerializer(many=True)
    carried = CarriedAgreementSerializer(
        many=True,
        help_text=_("Open afspraken uit eerdere overleggen van de reeks, vroegste deadline eerst."),
    )
    items = AgendaItemSerializer(many=True, help_text=_("De agenda, in volgorde."))
    policy_signals = PolicySignalRefSerializer(many=True)


# --- Input: meetings ---------------------------------------------------------------------------


class ConsultationListQuerySerializer(PageQuerySerializer):
    upcoming = serializers.BooleanField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_(
            "true: vanaf vandaag, eerstvolgende eerst; false: voorbije overleggen; weglaten: alle."
        ),
    )


class ConsultationInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=ConsultationKind.choices)
    title = serializers.CharField(max_length=200)
    municipality = serializers.UUIDField(help_text=_("UUID van de gemeente."))
    date = serializers.DateField()
    start_time = serializers.TimeField(required=False, allow_null=True, default=None)
    location = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
    chair = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("UUID van de voorzitter (een professional); standaard uzelf."),
    )
    organisations = serializers.ListField(
        child=serializers.UUIDField(),
        max_length=MAX_ORGANISATIONS,
        help_text=_("UUID's van de deelnemende organisaties, waaronder de uwe."),
    )


class AgendaItemInputSerializer(serializers.Serializer):
    case = serializers.UUIDField(help_text=_("UUID van de casus."))
    question = serializers.CharField(
        max_length=2000,
        help_text=_(
            "De vraag aan het overleg. Iedereen aan tafel leest haar: zonder namen, "
            "casusnummer, adres of andere gegevens waarmee iemand te herkennen is."
        ),
    )


class AgendaConsentInputSerializer(serializers.Serializer):
    ground = serializers.ChoiceField(
        choices=SharingGround.choices,
        required=False,
        default=SharingGround.CONSENT,
        help_text=_("toestemming (dan given_by), of een wettelijke grondslag (dan note)."),
    )
    given_by = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("UUID van het gezinslid (16 jaar of ouder) dat toestemming gaf."),
    )
    note = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=TEXT_MAX,
        help_text=_("Waarom de grondslag van toepassing is."),
    )


class MinutesInputSerializer(serializers.Serializer):
    summary = serializers.CharField(max_length=TEXT_MAX, help_text=_("Wat is besproken."))


class DecisionInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=DecisionKind.choices)
    text = serializers.CharField(max_length=TEXT_MAX)
    coordinator = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("Bij regisseur: UUID van de professional die regisseur wordt."),
    )
    coordinator_organisation = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("Bij regisseur: UUID van de organisatie waarvoor."),
    )
    escalation_level = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        min_value=EscalationLevel.PROFESSIONALS,
        max_value=EscalationLevel.MUNICIPALITY,
        help_text=_("Bij opschaling: het niveau, 1 tot en met 5."),
    )


class AgreementListQuerySerializer(PageQuerySerializer):
    consultation = serializers.UUIDField(
        required=False, allow_null=True, default=None, help_text=_("UUID van het overleg.")
    )
    organisation = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("UUID van de organisatie die de actie doet."),
    )
    owner = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("UUID van de professional die de actie doet."),
    )
    state = serializers.ChoiceField(
        choices=AgreementState.choices,
        required=False,
        allow_blank=True,
        default="",
        help_text=_("Weglaten: de open en te late afspraken."),
    )


OWNER_INPUT = {
    "owner_organisation": "organisation",
    "owner_professional": "professional",
    "owner_person": "person",
    "owner_network_member": "network_member",
}


class ConsultationAgreementInputSerializer(serializers.Serializer):
    """An agreement becomes an action in the household's plan: under an existing goal
    (``goal``) or a new one (``life_domain`` and ``goal_title``)."""

    description = serializers.CharField(max_length=TEXT_MAX)
    owner_kind = serializers.ChoiceField(choices=OwnerKind.choices)
    owner_organisation = serializers.UUIDField(required=False, help_text=_("Bij organisatie."))
    owner_professional = serializers.UUIDField(
        required=False, help_text=_("Bij organisatie, als een professional het doet.")
    )
    owner_person = serializers.UUIDField(required=False, help_text=_("Bij gezinslid."))
    owner_network_member = serializers.UUIDField(required=False, help_text=_("Bij netwerklid."))
    due_date = serializers.DateField(help_text=_("Wanneer het klaar is."))
    goal = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("UUID van een doel uit het plan; of geef life_domain en goal_title."),
    )
    life_domain = serializers.ChoiceField(
        choices=LifeDomain.choices, required=False, allow_blank=True, default=""
    )
    goal_title = serializers.CharField(required=False, allow_blank=True, default="", max_length=300)

    def validate(self, attrs: dict) -> dict:
        """The owner fields checked by the plan API's ``OwnerInputSerializer`` (same rules),
        its errors on the names of this body; ``owner`` is the input for ``owner_from``."""
        owner = {"kind": attrs.pop("owner_kind")} | {
            owner_field: attrs.pop(name)
            for name, owner_field in OWNER_INPUT.items()
            if name in attrs
        }
        serializer = OwnerInputSerializer(data=owner)
        if not serializer.is_valid():
            raise serializers.ValidationError(
                {f"owner_{name}": errors for name, errors in serializer.errors.items()}
            )
        attrs["owner"] = dict(serializer.validated_data)
        return attrs


# --- Policy signals ----------------------------------------------------------------------------


class PolicySignalMeetingSerializer(serializers.Serializer):
    """The meeting a signal came from: its kind and date, not its title (that may name a
    household, and policy reads the signal)."""

    uuid = serializers.UUIDField()
    kind = serializers.CharField()
    kind_display = serializers.CharField(source="get_kind_display")
    date = serializers.DateField()


class PolicySignalSerializer(serializers.Serializer):
    """A bottleneck or lesson for policy. It holds no personal data."""

    uuid = serializers.UUIDField()
    theme = serializers.CharField(
        help_text=_("regels, contracten, wachtlijsten, samenwerking, financiering of anders.")
    )
    theme_display = serializers.CharField(source="get_theme_display")
    title = serializers.CharField()
    description = serializers.CharField()
    municipality = MunicipalityRefSerializer()
    consultation = PolicySignalMeetingSerializer(allow_null=True)
    raised_by_organisation = OrganisationRefSerializer()
    raised_at = serializers.DateTimeField()
    status = serializers.CharField(help_text=_("open, in_behandeling, opgepakt of afgewezen."))
    status_display = serializers.CharField(source="get_status_display")
    response = serializers.CharField()
    responded_by = serializers.CharField(
        source="responded_by.__str__", allow_null=True, default=None, help_text=_("Naam.")
    )
    responded_at = serializers.DateTimeField(allow_null=True)
    may_respond = serializers.BooleanField(help_text=_("U mag op dit signaal reageren."))


class PolicySignalListQuerySerializer(PageQuerySerializer):
    theme = serializers.ChoiceField(
        choices=PolicyTheme.choices, required=False, allow_blank=True, default=""
    )
    status = serializers.ChoiceField(
        choices=PolicySignalStatus.choices, required=False, allow_blank=True, default=""
    )


class PolicySignalInputSerializer(serializers.Serializer):
    theme = serializers.ChoiceField(choices=PolicyTheme.choices)
    title = serializers.CharField(max_length=200)
    description = serializers.CharField(max_length=TEXT_MAX)
    consultation = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_(
            "UUID van het overleg waaruit het signaal komt; de gemeente is dan die van het overleg."
        ),
    )
    municipality = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("UUID van de gemeente, als het signaal niet uit een overleg komt."),
    )


class PolicySignalRespondSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=PolicySignalStatus.choices)
    response = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=TEXT_MAX,
        help_text=_("Reactie voor de deelnemers; verplicht tenzij de status open blijft."),
    )


class PolicySignalReportQuerySerializer(serializers.Serializer):
    year = serializers.IntegerField(
        min_value=2000,
        max_value=2100,
        required=False,
        allow_null=True,
        default=None,
        help_text=_("Jaar; standaard dit jaar."),
    )


class PolicySignalReportRowSerializer(serializers.Serializer):
    theme = serializers.CharField()
    label = serializers.CharField()
    per_quarter = serializers.ListField(
        child=serializers.IntegerField(), help_text=_("Aantal per kwartaal, Q1 tot en met Q4.")
    )
    total = serializers.IntegerField()
    acted_on = serializers.IntegerField(help_text=_("Waarvan opgepakt."))
