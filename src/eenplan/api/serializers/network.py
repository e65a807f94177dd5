"""The network around a case: consents and legal bases, referrals, notes, coordinator proposals.

Output serializers read instances returned by ``eenplan.cases.selectors`` and services; input
serializers check shape only (types, choices, lengths). Whether a person belongs to the household,
who may decide and so on is for ``eenplan.cases.services``; the views turn UUIDs into objects the
user may see first.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from eenplan.api.pagination import PageQuerySerializer
from eenplan.api.serializers.common import LifeDomainField, OrganisationRefSerializer
from eenplan.api.serializers.plans import PersonRefSerializer
from eenplan.api.serializers.tenancy import MunicipalityRefSerializer
from eenplan.cases.constants import (
    DataCategory,
    EscalationLevel,
    NoteAudience,
    ProposalStatus,
    ReferralStatus,
    ServiceType,
    SharingGround,
)
from eenplan.cases.models import Consent, CoordinatorProposal, Note, Referral
from eenplan.common.constants import LifeDomain

TEXT_MAX = 5000


class ProfessionalRefSerializer(serializers.Serializer):
    """A professional (a user), by UUID and name."""

    uuid = serializers.UUIDField()
    name = serializers.CharField(source="__str__", help_text=_("Volledige naam."))


class ProfessionalContactSerializer(ProfessionalRefSerializer):
    """A professional and how to reach them."""

    email = serializers.EmailField()
    phone = serializers.CharField()


def _categories_field(**kwargs) -> serializers.ListField:
    return serializers.ListField(
        child=serializers.ChoiceField(choices=DataCategory.choices),
        help_text=_("Soorten gegevens: plan, notities, diagnoses, contactgegevens."),
        **kwargs,
    )


# --- Consent and legal bases -------------------------------------------------------------------


class ConsentSerializer(serializers.ModelSerializer):
    """A consent of a household member, or a legal basis, for one organisation."""

    organisation = OrganisationRefSerializer(read_only=True)
    ground_display = serializers.CharField(source="get_ground_display", read_only=True)
    person = PersonRefSerializer(
        read_only=True, allow_null=True, help_text=_("Leeg bij een grondslag voor het hele gezin.")
    )
    given_by = PersonRefSerializer(read_only=True, allow_null=True)
    categories = _categories_field(read_only=True)
    is_active = serializers.SerializerMethodField()
    recorded_by = ProfessionalRefSerializer(read_only=True)
    withdrawn_by = ProfessionalRefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Consent
        fields = [
            "uuid",
            "organisation",
            "ground",
            "ground_display",
            "person",
            "given_by",
            "categories",
            "purpose",
            "justification",
            "valid_from",
            "valid_until",
            "is_active",
            "recorded_by",
            "recorded_at",
            "withdrawn_at",
            "withdrawn_by",
            "withdrawal_note",
        ]
        read_only_fields = fields

    @extend_schema_field(
        serializers.BooleanField(
            help_text=_("Nu van kracht: begonnen, niet verlopen, niet ingetrokken.")
        )
    )
    def get_is_active(self, consent: Consent) -> bool:
        today = timezone.localdate()
        return (
            consent.withdrawn_at is None
            and consent.valid_from <= today
            and (consent.valid_until is None or consent.valid_until >= today)
        )


class ConsentInputSerializer(serializers.Serializer):
    """Consent of a household member, or a legal basis with its justification."""

    organisation = serializers.UUIDField(
        help_text=_("UUID van de organisatie die de gegevens krijgt.")
    )
    ground = serializers.ChoiceField(
        choices=SharingGround.choices,
        required=False,
        default=SharingGround.CONSENT,
        help_text=_("toestemming, of een wettelijke grondslag (dan is justification verplicht)."),
    )
    person = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_(
            "UUID van het gezinslid om wie het gaat; verplicht bij toestemming, leeg bij een "
            "grondslag voor het hele huishouden."
        ),
    )
    given_by = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("UUID van wie toestemming geeft; bij een kind onder de 16 een ouder of voogd."),
    )
    categories = _categories_field(min_length=1, max_length=len(DataCategory.values))
    purpose = serializers.CharField(max_length=TEXT_MAX, help_text=_("Waarvoor wordt gedeeld."))
    justification = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=TEXT_MAX,
        help_text=_("Onderbouwing; verplicht bij een wettelijke grondslag."),
    )
    valid_from = serializers.DateField(
        required=False, allow_null=True, default=None, help_text=_("Standaard vandaag.")
    )
    valid_until = serializers.DateField(
        required=False, allow_null=True, default=None, help_text=_("Leeg: tot intrekking.")
    )


class ConsentWithdrawSerializer(serializers.Serializer):
    note = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=TEXT_MAX,
        help_text=_("Toelichting bij het intrekken."),
    )


# --- Referrals ---------------------------------------------------------------------------------


class ReferralCaseSerializer(serializers.Serializer):
    """The case a referral is about: enough to recognise the household, no content."""

    uuid = serializers.UUIDField()
    reference = serializers.CharField()
    household = serializers.CharField(
        source="household.name", help_text=_("Naam van het huishouden.")
    )
    municipality = MunicipalityRefSerializer(source="household.municipality")


class ReferralSerializer(serializers.ModelSerializer):
    case = ReferralCaseSerializer(read_only=True)
    from_organisation = OrganisationRefSerializer(read_only=True)
    sent_by = ProfessionalContactSerializer(read_only=True)
    to_organisation = OrganisationRefSerializer(read_only=True)
    persons = PersonRefSerializer(many=True, read_only=True)
    life_domains = serializers.ListField(child=LifeDomainField(), read_only=True)
    service_type_display = serializers.CharField(source="get_service_type_display", read_only=True)
    status = serializers.ChoiceField(choices=ReferralStatus.choices, read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    decided_by = ProfessionalContactSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Referral
        fields = [
            "uuid",
            "case",
            "from_organisation",
            "sent_by",
            "to_organisation",
            "persons",
            "reason",
            "life_domains",
            "service_type",
            "service_type_display",
            "status",
            "status_display",
            "sent_at",
            "decided_by",
            "decided_at",
            "decline_reason",
        ]
        read_only_fields = fields


class ReferralListQuerySerializer(PageQuerySerializer):
    direction = serializers.ChoiceField(
        choices=[
            ("incoming", _("Aan mijn organisaties")),
            ("outgoing", _("Van mijn organisaties")),
        ],
        required=False,
        default="incoming",
        help_text=_("incoming (standaard): aanmeldingen bij uw organisaties; outgoing: door hen."),
    )
    status = serializers.ChoiceField(
        choices=ReferralStatus.choices,
        required=False,
        allow_blank=True,
        default="",
        help_text=_("Alleen aanmeldingen met deze status; leeg: alle."),
    )
    case = serializers.UUIDField(
        source="case_uuid", required=False, help_text=_("Alleen aanmeldingen voor deze casus.")
    )


class ReferralInputSerializer(serializers.Serializer):
    """Refer household members to another organisation, with their consent or a legal basis."""

    to_organisation = serializers.UUIDField(help_text=_("UUID van de organisatie."))
    persons = serializers.ListField(
        child=serializers.UUIDField(),
        min_length=1,
        max_length=50,
        help_text=_("UUID's van de gezinsleden die worden aangemeld."),
    )
    reason = serializers.CharField(max_length=TEXT_MAX, help_text=_("Reden van de aanmelding."))
    service_type = serializers.ChoiceField(
        choices=ServiceType.choices, help_text=_("De gevraagde hulp.")
    )
    life_domains = serializers.ListField(
        child=serializers.ChoiceField(choices=LifeDomain.choices),
        required=False,
        default=list,
        max_length=len(LifeDomain.values),
    )
    categories = _categories_field(min_length=1, max_length=len(DataCategory.values))
    guardian = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("UUID van de ouder of voogd die toestemming geeft voor een kind onder de 16."),
    )
    ground = serializers.ChoiceField(
        choices=SharingGround.choices,
        required=False,
        default=SharingGround.CONSENT,
        help_text=_("toestemming, of een wettelijke grondslag (dan is justification verplicht)."),
    )
    justification = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=TEXT_MAX
    )


class ReferralAcceptSerializer(serializers.Serializer):
    contact = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("UUID van de contactpersoon bij uw organisatie; standaard uzelf."),
    )


class ReferralDeclineSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=TEXT_MAX, help_text=_("Waarom u afwijst."))


# --- Notes -------------------------------------------------------------------------------------


class NoteSerializer(serializers.ModelSerializer):
    author = ProfessionalRefSerializer(read_only=True)
    author_organisation = OrganisationRefSerializer(read_only=True)
    audience_display = serializers.CharField(source="get_audience_display", read_only=True)

    class Meta:
        model = Note
        fields = [
            "uuid",
            "author",
            "author_organisation",
            "audience",
            "audience_display",
            "text",
            "created_at",
        ]
        read_only_fields = fields


class NoteInputSerializer(serializers.Serializer):
    audience = serializers.ChoiceField(
        choices=NoteAudience.choices,
        required=False,
        default=NoteAudience.OWN_ORGANISATION,
        help_text=_("Wie mag de notitie lezen; standaard alleen uw organisatie."),
    )
    text = serializers.CharField(max_length=TEXT_MAX)


# --- Coordinator -------------------------------------------------------------------------------


class CoordinatorProposalSerializer(serializers.ModelSerializer):
    coordinator = ProfessionalContactSerializer(read_only=True)
    organisation = OrganisationRefSerializer(read_only=True)
    proposed_by = ProfessionalRefSerializer(read_only=True)
    status = serializers.ChoiceField(choices=ProposalStatus.choices, read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    agreed_by = ProfessionalRefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = CoordinatorProposal
        fields = [
            "uuid",
            "coordinator",
            "organisation",
            "is_handover",
            "motivation",
            "proposed_by",
            "proposed_at",
            "status",
            "status_display",
            "agreed_by",
            "agreed_at",
            "household_agreed",
        ]
        read_only_fields = fields


class CoordinatorProposalInputSerializer(serializers.Serializer):
    coordinator = serializers.UUIDField(help_text=_("UUID van de voorgestelde regisseur."))
    organisation = serializers.UUIDField(
        help_text=_("UUID van de betrokken organisatie waarvoor de regisseur werkt.")
    )
    motivation = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=TEXT_MAX
    )


class CoordinatorAgreeSerializer(serializers.Serializer):
    household_agreed = serializers.BooleanField(
        help_text=_("Het huishouden stemt in met deze regisseur (verplicht true).")
    )


class EscalationInputSerializer(serializers.Serializer):
    level = serializers.IntegerField(
        min_value=EscalationLevel.PROFESSIONALS,
        max_value=EscalationLevel.MUNICIPALITY,
        help_text=_(
            "Opschalingsniveau: 1 uitvoerders onderling, 2 regisseur, 3 teamleiders, "
            "4 directeuren / bestuurders, 5 gemeente (doorzettingsmacht)."
        ),
    )
    reason = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=TEXT_MAX,
        help_text=_("Verplicht boven niveau 1."),
    )
    decision = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=TEXT_MAX,
        help_text=_("Besluit (doorzettingsmacht); alleen de regisseur of de gemeente."),
    )
