"""The shapes of the ``me/`` API: what a household member reads about themself and sends in.

Output serializers render what ``portal.selectors`` returned (plans, consent rows, messages, the
access log); they never query on their own beyond what the selector prefetched. Input serializers
only parse: ``portal.services`` decide what the member may do. A member sees others by first name
or by role (an organisation, the coordinator), never by account.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from eenplan.api.serializers.plan_input import MAX_COUNTER
from eenplan.cases.constants import DataCategory
from eenplan.common.constants import LifeDomain
from eenplan.complaints.constants import Kind, Theme
from eenplan.people.constants import NetworkKind
from eenplan.plans.constants import ActionStatus
from eenplan.portal.constants import SCORES, ProposalKind
from eenplan.portal.rules import is_young_child

UNDER_16 = "onder 16"
OWN_ACCOUNT_AGE_GROUP = "16 of ouder"


def _name(user) -> str:
    return user.get_full_name() or user.username


# These choices are inlined in the schema: as named enums they would collide with other "kind"
# fields and with the network member's kind under another name.
@extend_schema_field({"type": "string", "enum": ProposalKind.values})
class ProposalKindField(serializers.ChoiceField):
    def __init__(self, **kwargs):
        super().__init__(choices=ProposalKind.choices, **kwargs)


@extend_schema_field({"type": "string", "enum": ["", *NetworkKind.values]})
class NetworkKindField(serializers.ChoiceField):
    def __init__(self, **kwargs):
        super().__init__(choices=NetworkKind.choices, **kwargs)


@extend_schema_field({"type": "string", "enum": Kind.values})
class ComplaintTypeField(serializers.ChoiceField):
    def __init__(self, **kwargs):
        super().__init__(choices=Kind.choices, **kwargs)


@extend_schema_field({"type": "string", "enum": Theme.values})
class ComplaintThemeField(serializers.ChoiceField):
    def __init__(self, **kwargs):
        super().__init__(choices=Theme.choices, **kwargs)


# ------------------------------------------------------------------------------ me


class MePersonSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    given_names = serializers.CharField()
    surname_prefix = serializers.CharField()
    surname = serializers.CharField()
    full_name = serializers.CharField()
    birth_date = serializers.DateField(allow_null=True)
    address = serializers.CharField(help_text=_("Straat, huisnummer, postcode en woonplaats."))
    phone = serializers.CharField()
    email = serializers.CharField()


class MeHouseholdSerializer(serializers.Serializer):
    name = serializers.CharField()
    members = serializers.SerializerMethodField(
        help_text=_("De voornamen van de leden. Meer ziet u niet van uw huisgenoten.")
    )

    def get_members(self, household) -> list[str]:
        members = sorted(household.memberships.all(), key=lambda m: (not m.is_contact, m.pk))
        return [m.person.given_names for m in members]


class MePersonInCareSerializer(serializers.Serializer):
    """A person the member decides for: themself and their children under 16."""

    uuid = serializers.UUIDField()
    name = serializers.CharField(source="full_name")
    age_group = serializers.SerializerMethodField(
        help_text=_("'onder 16' voor een kind waarvoor u beslist, anders '16 of ouder'.")
    )
    is_me = serializers.SerializerMethodField()

    def get_age_group(self, person) -> str:
        return UNDER_16 if is_young_child(person) else OWN_ACCOUNT_AGE_GROUP

    def get_is_me(self, person) -> bool:
        return person.pk == self.context["me"].pk


class MeSerializer(serializers.Serializer):
    person = MePersonSerializer()
    households = MeHouseholdSerializer(many=True)
    persons_in_care = MePersonInCareSerializer(many=True)


# ------------------------------------------------------------------------------ plan


class MeActionSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    description = serializers.CharField()
    owner = serializers.CharField(source="owner_label", help_text=_("Wie de actie doet."))
    mine = serializers.SerializerMethodField(help_text=_("Doet u deze actie zelf?"))
    due_date = serializers.DateField(allow_null=True)
    status = serializers.ChoiceField(choices=ActionStatus.choices)
    status_display = serializers.CharField(source="get_status_display")

    def get_mine(self, action) -> bool:
        return action.owner_person_id == self.context["me"].pk


class MeGoalSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    life_domain = serializers.ChoiceField(choices=LifeDomain.choices)
    life_domain_display = serializers.CharField(source="get_life_domain_display")
    title = serializers.CharField()
    description = serializers.CharField()
    actions = MeActionSerializer(
        source="visible_actions",
        many=True,
        help_text=_("Zonder wat een huisgenoot voor u heeft verborgen."),
    )


class MeCoordinatorSerializer(serializers.Serializer):
    name = serializers.CharField()
    phone = serializers.CharField()
    email = serializers.CharField()
    organisation = serializers.CharField(allow_null=True)


class MeInvolvementSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    organisation = serializers.CharField(source="organisation.name")
    contact = serializers.SerializerMethodField()
    phone = serializers.SerializerMethodField()
    service_type_display = serializers.CharField(source="get_service_type_display")

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_contact(self, involvement) -> str | None:
        return _name(involvement.contact) if involvement.contact else None

    def get_phone(self, involvement) -> str:
        contact_phone = involvement.contact.phone if involvement.contact else ""
        return contact_phone or involvement.organisation.phone


class MeProposalSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    kind = serializers.CharField(help_text=_("doel, sterkte of netwerklid."))
    kind_display = serializers.CharField(source="get_kind_display")
    text = serializers.CharField()
    detail = serializers.CharField()
    proposed_by = serializers.CharField(
        source="proposed_by.given_names", help_text=_("Voornaam van wie het voorstelde.")
    )
    created_at = serializers.DateTimeField()
    status = serializers.CharField(help_text=_("open, overgenomen of niet_overgenomen."))
    status_display = serializers.CharField(source="get_status_display")
    answer = serializers.CharField(help_text=_("Het antwoord van de regisseur."))


class MeCaseSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    reference = serializers.CharField()
    priority_question = serializers.CharField()
    is_closed = serializers.BooleanField()
    coordinator = serializers.SerializerMethodField()

    @extend_schema_field(MeCoordinatorSerializer(allow_null=True))
    def get_coordinator(self, case) -> dict | None:
        if case.coordinator is None:
            return None
        coordinator = case.coordinator
        organisation = case.coordinator_organisation
        return {
            "name": _name(coordinator),
            "phone": coordinator.phone,
            "email": coordinator.email,
            "organisation": organisation.name if organisation else None,
        }


class MePlanStateSerializer(serializers.Serializer):
    version = serializers.IntegerField(
        help_text=_("Het versienummer van het plan zoals het nu is (concept of vastgesteld).")
    )
    is_draft = serializers.BooleanField(help_text=_("Concept: nog niet vastgesteld."))
    revision = serializers.IntegerField(
        help_text=_("Telt elke wijziging van het plan; stuur mee als u instemt.")
    )
    agreed_version = serializers.IntegerField(
        allow_null=True, help_text=_("De laatst vastgestelde versie, als die er is.")
    )
    strengths = serializers.CharField()
    concerns = serializers.CharField()
    evaluation_date = serializers.DateField(allow_null=True)


class MeHouseholdPlanSerializer(serializers.Serializer):
    """One household of the member with its current case (null when there is none)."""

    household = serializers.CharField(source="household.name")
    case = MeCaseSerializer(allow_null=True)
    plan = serializers.SerializerMethodField()
    has_agreed = serializers.BooleanField(help_text=_("U stemde in met het plan zoals het is."))
    may_agree = serializers.BooleanField(help_text=_("U kunt nu instemmen met het plan."))
    goals = MeGoalSerializer(many=True)
    involvements = MeInvolvementSerializer(
        many=True, help_text=_("De organisaties die helpen (zonder wat een huisgenoot verborg).")
    )
    proposals = MeProposalSerializer(many=True)

    @extend_schema_field(MePlanStateSerializer(allow_null=True))
    def get_plan(self, item) -> dict | None:
        plan = item.plan
        if plan is None:
            return None
        return {
            "version": plan.version_number,
            "is_draft": plan.is_draft,
            "revision": plan.revision,
            "agreed_version": item.version.number if item.version else None,
            "strengths": plan.strengths,
            "concerns": plan.concerns,
            "evaluation_date": plan.evaluation_date,
        }


class MeAgreedSerializer(serializers.Serializer):
    version = serializers.IntegerField(source="number")
    agreed_on = serializers.DateField()
    agreement_method = serializers.CharField()


class MePlanAgreeSerializer(serializers.Serializer):
    revision = serializers.IntegerField(
        min_value=0,
        max_value=MAX_COUNTER,
        help_text=_(
            "De revision van het plan zoals u het las (uit me/plan/). Is het plan sindsdien "
            "gewijzigd, dan is het antwoord 409 en stemt u nergens mee in."
        ),
    )


class MeActionTickSerializer(serializers.Serializer):
    done = serializers.BooleanField(help_text=_("true: klaar; false: weer open."))


# ------------------------------------------------------------------------------ input


class MeCaseRefSerializer(serializers.Serializer):
    """The case a request is about: one of the member's households' cases."""

    case = serializers.UUIDField(help_text=_("UUID van de casus van uw huishouden."))


class MeProposalInputSerializer(MeCaseRefSerializer):
    kind = ProposalKindField()
    text = serializers.CharField(
        max_length=300, help_text=_("Het doel, wat goed gaat of de naam van de persoon.")
    )
    detail = serializers.CharField(required=False, allow_blank=True, default="")
    life_domain = serializers.ChoiceField(
        choices=LifeDomain.choices,
        required=False,
        allow_blank=True,
        default="",
        help_text=_("Verplicht bij een doel."),
    )
    network_kind = NetworkKindField(
        required=False,
        allow_blank=True,
        default="",
        help_text=_("Verplicht bij iemand uit het netwerk."),
    )
    relationship = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default=""
    )
    phone = serializers.CharField(max_length=30, required=False, allow_blank=True, default="")


class MeFeedbackInputSerializer(MeCaseRefSerializer):
    score = serializers.IntegerField(min_value=SCORES[0], max_value=SCORES[-1])
    comment = serializers.CharField(required=False, allow_blank=True, default="")


class MeFeedbackSerializer(serializers.Serializer):
    plan_version = serializers.IntegerField()
    score = serializers.IntegerField()
    comment = serializers.CharField()
    given_at = serializers.DateTimeField()


# ------------------------------------------------------------------------------ messages


class MeMessageInputSerializer(MeCaseRefSerializer):
    body = serializers.CharField(help_text=_("Het bericht aan uw regisseur."))


class MeMessageSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    from_household = serializers.BooleanField()
    mine = serializers.SerializerMethodField(help_text=_("Schreef u dit zelf?"))
    author = serializers.SerializerMethodField(
        help_text=_("'U', de voornaam van een huisgenoot, of de naam van de regisseur.")
    )
    body = serializers.CharField()
    sent_at = serializers.DateTimeField()
    read_at = serializers.DateTimeField(allow_null=True)

    def get_mine(self, message) -> bool:
        return message.author_id == self.context["request"].user.pk

    def get_author(self, message) -> str:
        if message.author_id == self.context["request"].user.pk:
            return "U"
        if message.from_household:
            return message.author.first_name or "Een huisgenoot"
        return _name(message.author)


class MeThreadSerializer(serializers.Serializer):
    """The thread of one case with its coordinator: ``{"case": Case, "messages": [...]}``."""

    case = serializers.UUIDField(source="case.uuid")
    household = serializers.CharField(source="case.household.name")
    coordinator = serializers.SerializerMethodField()
    messages = MeMessageSerializer(many=True)

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_coordinator(self, thread) -> str | None:
        coordinator = thread["case"].coordinator
        return _name(coordinator) if coordinator else None


# ------------------------------------------------------------------------------ consent


class MeNamedRefSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    name = serializers.CharField()


class MeLegalBasisSerializer(serializers.Serializer):
    ground = serializers.CharField()
    ground_display = serializers.CharField(source="get_ground_display")
    categories = serializers.ListField(child=serializers.CharField())


class MeConsentRowSerializer(serializers.Serializer):
    """What one organisation may receive about one person in the member's care."""

    case = serializers.UUIDField(source="case.uuid")
    organisation = MeNamedRefSerializer()
    person = serializers.SerializerMethodField()
    categories = serializers.SerializerMethodField(
        help_text=_("Wat de organisatie met toestemming krijgt: plan, notities, ... .")
    )
    legal_bases = MeLegalBasisSerializer(
        source="bases",
        many=True,
        help_text=_("Wettelijke grondslagen: niet door het huishouden in te trekken."),
    )
    level = serializers.CharField(
        help_text=_("'inhoud': de organisatie ziet gegevens; 'bekend': alleen dat u bekend bent.")
    )

    @extend_schema_field(MeNamedRefSerializer)
    def get_person(self, row) -> dict:
        return {"uuid": row.person.uuid, "name": row.person.full_name}

    def get_categories(self, row) -> list[str]:
        return sorted(row.categories)


class MeConsentRefSerializer(MeCaseRefSerializer):
    """Which row of ``me/consents/``: case, organisation and person."""

    organisation = serializers.UUIDField()
    person = serializers.UUIDField(help_text=_("Uzelf of uw kind onder de 16."))


class MeConsentInputSerializer(MeConsentRefSerializer):
    categories = serializers.ListField(
        child=serializers.ChoiceField(choices=DataCategory.choices),
        allow_empty=True,
        help_text=_("Wat de organisatie mag krijgen; een lege lijst trekt alles in."),
    )


# ------------------------------------------------------------------------------ complaints

MAX_COMPLAINT_TEXT = 10_000


class MeComplaintStepSerializer(serializers.Serializer):
    """One step of the complaint or objection, in plain words (``selectors.OwnStep``)."""

    uuid = serializers.UUIDField(source="step.uuid")
    kind = serializers.CharField(source="step.kind")
    occurred_on = serializers.DateField(source="step.occurred_on")
    title = serializers.CharField(help_text=_("Wat er gebeurde, in gewone woorden."))
    text = serializers.CharField(
        help_text=_("Wat erbij hoort: de samenvatting van een gesprek, de reden, het besluit.")
    )
    has_letter = serializers.BooleanField(
        help_text=_("Er is een brief bij deze stap; die staat in Mijn EenPlan.")
    )


class MeComplaintDecisionSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    product = serializers.CharField(source="product.name")
    reference = serializers.CharField()


class MeComplaintHandlerSerializer(serializers.Serializer):
    """Who handles it and how to reach them."""

    name = serializers.CharField(allow_null=True, help_text=_("null: nog niemand gekozen."))
    organisation = serializers.CharField()
    phone = serializers.CharField()
    email = serializers.CharField()


class MeComplaintSerializer(serializers.Serializer):
    """A complaint or objection of the member or of their child under 16
    (``selectors.OwnComplaint``)."""

    uuid = serializers.UUIDField(source="complaint.uuid")
    reference = serializers.CharField(
        source="complaint.reference", help_text=_("Kenmerk, bijvoorbeeld K-2026-00012.")
    )
    type = serializers.CharField(source="complaint.kind", help_text=_("klacht of bezwaar."))
    type_display = serializers.CharField(source="complaint.get_kind_display")
    case = serializers.UUIDField(source="complaint.case.uuid")
    person = serializers.SerializerMethodField(help_text=_("Van wie: u of uw kind onder de 16."))
    decision = MeComplaintDecisionSerializer(
        source="complaint.decision",
        allow_null=True,
        help_text=_("Bij een bezwaar: het besluit waartegen het is; anders null."),
    )
    description = serializers.CharField(source="complaint.description")
    theme = serializers.CharField(source="complaint.theme")
    theme_display = serializers.CharField(source="complaint.get_theme_display")
    organisations = MeNamedRefSerializer(
        source="complaint.organisations.all",
        many=True,
        help_text=_("De organisaties waar het over gaat."),
    )
    contact_phone = serializers.CharField(source="complaint.contact_phone")
    contact_email = serializers.CharField(source="complaint.contact_email")
    received_on = serializers.DateField(source="complaint.received_on")
    contact_due = serializers.DateField(
        source="complaint.contact_due",
        help_text=_("Iemand neemt uiterlijk op deze dag contact op."),
    )
    decision_due = serializers.DateField(
        source="complaint.decision_due", help_text=_("We beslissen uiterlijk op deze dag.")
    )
    status = serializers.CharField(source="complaint.status")
    status_text = serializers.CharField(
        source="status", help_text=_("Hoe het ervoor staat, in gewone woorden.")
    )
    outcome = serializers.CharField(
        source="complaint.outcome", help_text=_("Hoe het afliep; leeg zolang het open is.")
    )
    outcome_text = serializers.CharField(source="outcome")
    closed_on = serializers.DateField(source="complaint.closed_on", allow_null=True)
    handler = serializers.SerializerMethodField()
    may_answer = serializers.BooleanField(
        help_text=_("We vragen of het is opgelost: antwoord met answer/.")
    )
    may_withdraw = serializers.BooleanField(help_text=_("Het is nog open: intrekken kan."))
    steps = MeComplaintStepSerializer(many=True)

    @extend_schema_field(MeNamedRefSerializer)
    def get_person(self, item) -> dict:
        person = item.complaint.person
        return {"uuid": person.uuid, "name": person.full_name}

    @extend_schema_field(MeComplaintHandlerSerializer)
    def get_handler(self, item) -> dict:
        handler = item.complaint.handler
        organisation = item.complaint.handling_organisation
        return {
            "name": _name(handler) if handler else None,
            "organisation": organisation.name,
            "phone": (handler.phone if handler else "") or organisation.phone,
            "email": handler.email if handler else "",
        }


class MeComplaintInputSerializer(MeCaseRefSerializer):
    type = ComplaintTypeField(
        help_text=_("klacht: over hoe iemand met u omging; bezwaar: tegen een besluit.")
    )
    person = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_(
            "Voor wie: uzelf of uw kind onder de 16. Zonder: uzelf, of bij een bezwaar degene "
            "over wie het besluit gaat."
        ),
    )
    decision = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("Bij een bezwaar (verplicht): het besluit waartegen het is."),
    )
    description = serializers.CharField(
        max_length=MAX_COMPLAINT_TEXT, help_text=_("Wat is er aan de hand?")
    )
    theme = ComplaintThemeField(
        required=False,
        default=Theme.OTHER,
        help_text=_("Bij een klacht: waar het over gaat. Een bezwaar gaat over een besluit."),
    )
    organisations = serializers.ListField(
        child=serializers.UUIDField(),
        required=False,
        default=list,
        max_length=20,
        help_text=_("De organisaties waar het over gaat: die helpen of hielpen uw huishouden."),
    )
    contact_phone = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=30
    )
    contact_email = serializers.EmailField(required=False, allow_blank=True, default="")

    def validate(self, data):
        if not (data["contact_phone"].strip() or data["contact_email"]):
            raise serializers.ValidationError(
                {"contact_phone": _("Vul een telefoonnummer of een e-mailadres in.")}
            )
        return data


class MeComplaintAnswerSerializer(serializers.Serializer):
    resolved = serializers.BooleanField(
        help_text=_("true: het is opgelost (dan is het afgehandeld); false: nog niet.")
    )
    text = serializers.CharField(required=False, allow_blank=True, default="", max_length=4000)


class MeComplaintWithdrawSerializer(serializers.Serializer):
    text = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=4000,
        help_text=_("Waarom u het intrekt (hoeft niet)."),
    )


# ------------------------------------------------------------------------------ access log


class MeLookedAtSerializer(serializers.Serializer):
    when = serializers.DateTimeField()
    who = serializers.CharField(help_text=_("De organisatie (of: een gezinslid, EenPlan)."))
    what = serializers.CharField()
    action = serializers.CharField()
    about = serializers.CharField(help_text=_("Over wie: u of uw kind onder de 16."))
    emergency = serializers.BooleanField(
        help_text=_("Waar: in een noodsituatie, door iemand die niet bij u betrokken is.")
    )
