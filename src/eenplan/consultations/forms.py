"""Forms for the consultation pages (casusoverleg) and the policy signals.

They only turn what was typed into service arguments. Who may do what, and whether a text names
someone, is decided by ``consultations.services``; their errors land on these fields through
``cases.forms.add_service_errors``. Choices of people come from a selector or from the lookups
in ``views.lookups`` (staff of organisations are not citizens' data), so a form never offers a
household member the user may not see.
"""

import datetime

from django import forms
from django.utils import timezone

from eenplan.cases.constants import EscalationLevel, SharingGround
from eenplan.cases.forms import UUIDChoiceField
from eenplan.cases.services.network import AGE_OWN_CONSENT
from eenplan.common.constants import LifeDomain
from eenplan.consultations.constants import (
    AgreementState,
    ConsultationKind,
    DecisionKind,
    PolicySignalStatus,
    PolicyTheme,
)
from eenplan.consultations.models import Consultation
from eenplan.plans.forms import ActionForm, _date_field, _text
from eenplan.tenancy.models import Municipality, Organisation

NO_DETAILS = (
    "Iedereen aan tafel leest dit, ook wie het huishouden niet kent. Schrijf daarom geen namen, "
    "adressen, geboortedata, telefoonnummers of casusnummers."
)
TIME_FORMATS = ["%H:%M", "%H.%M", "%H"]


def _choice(label: str, choices, *, required: bool = True, what: str = "iets", **kwargs):
    return forms.ChoiceField(
        label=label,
        required=required,
        choices=choices,
        error_messages={
            "required": f"Kies {what}.",
            "invalid_choice": f"Kies {what} uit de lijst.",
        },
        **kwargs,
    )


def user_label(user) -> str:
    return user.get_full_name() or user.username


def _staff_choices(staff: dict, *, value) -> list:
    """Grouped choices of staff per organisation: ``value(organisation, user)`` is the value."""
    return [
        (organisation.name, [(value(organisation, user), user_label(user)) for user in users])
        for organisation, users in staff.items()
    ]


# ---------------------------------------------------------------------------- meetings


class MeetingForm(forms.Form):
    """Plan a meeting. ``staff`` (organisation -> users) offers the chair."""

    kind = _choice(
        "Soort overleg",
        [("", "Kies de soort overleg"), *ConsultationKind.choices],
        what="de soort overleg",
    )
    title = forms.CharField(
        label="Titel",
        max_length=200,
        help_text="Bijvoorbeeld: Netwerkoverleg Delfzijl, mei.",
        error_messages={"required": "Vul de titel in."},
    )
    municipality = UUIDChoiceField(
        label="Gemeente",
        queryset=Municipality.objects.order_by("name"),
        to_field_name="uuid",
        empty_label="Kies een gemeente",
        error_messages={
            "required": "Kies de gemeente.",
            "invalid_choice": "Kies een gemeente uit de lijst.",
        },
    )
    date = _date_field("Datum", required=True)
    start_time = forms.TimeField(
        label="Begintijd",
        required=False,
        input_formats=TIME_FORMATS,
        help_text="Uren en minuten, bijvoorbeeld 14:00.",
        error_messages={"invalid": "Vul een tijd in, bijvoorbeeld 14:00."},
        widget=forms.TimeInput(format="%H:%M", attrs={"class": "eenplan-input--xs"}),
    )
    location = forms.CharField(
        label="Plaats",
        required=False,
        max_length=200,
        help_text="Een adres of zaal, of 'online'.",
    )
    chair = _choice("Voorzitter", (), what="de voorzitter")
    organisations = forms.ModelMultipleChoiceField(
        label="Deelnemende organisaties",
        queryset=Organisation.objects.order_by("name"),
        to_field_name="uuid",
        widget=forms.CheckboxSelectMultiple,
        help_text=(
            "Wie van deze organisaties werkt, ziet het overleg en de vraag bij elke casus. Namen "
            "en inhoud ziet alleen wie toestemming heeft voor die casus."
        ),
        error_messages={
            "required": "Kies de deelnemende organisaties.",
            "invalid_choice": "Kies organisaties uit de lijst.",
            "invalid_pk_value": "Kies organisaties uit de lijst.",
        },
    )

    def __init__(self, *args, staff: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self._users = {str(u.uuid): u for users in staff.values() for u in users}
        self.fields["chair"].choices = [
            ("", "Kies de voorzitter"),
            *_staff_choices(staff, value=lambda organisation, user: str(user.uuid)),
        ]

    def clean_chair(self):
        return self._users[self.cleaned_data["chair"]]


class NextMeetingForm(forms.Form):
    date = _date_field("Datum van het volgende overleg", required=True)


# ---------------------------------------------------------------------------- the agenda


def _question_field() -> forms.CharField:
    return _text("Vraag aan het overleg", rows=3, max_length=2000, help_text=NO_DETAILS)


class AgendaAddForm(forms.Form):
    """Put a case on the agenda of this meeting by its case number."""

    reference = forms.CharField(
        label="Casusnummer",
        max_length=20,
        help_text=(
            "Het casusnummer staat bovenaan de pagina van het huishouden. Daar kunt u de casus "
            "ook op de agenda zetten."
        ),
        error_messages={"required": "Vul het casusnummer in."},
        widget=forms.TextInput(attrs={"class": "eenplan-input--sm", "autocomplete": "off"}),
    )
    question = _question_field()


class CaseAgendaForm(forms.Form):
    """Put one case on the agenda of a meeting to come."""

    consultation = UUIDChoiceField(
        label="Overleg",
        queryset=Consultation.objects.none(),
        to_field_name="uuid",
        empty_label="Kies een overleg",
        error_messages={
            "required": "Kies een overleg.",
            "invalid_choice": "Kies een overleg uit de lijst.",
        },
    )
    question = _question_field()

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["consultation"]
        field.queryset = meetings
        field.label_from_instance = lambda meeting: (
            f"{meeting.title}, {meeting.date:%d-%m-%Y} ({meeting.get_kind_display()})"
        )


class AttendeeForm(forms.Form):
    """Who joins: a professional of a participating organisation, or in a plan meeting a
    member of a household (or its network) whose case the user sees on the agenda."""

    who = _choice("Wie schuift aan?", (), what="wie aanschuift")

    def __init__(self, *args, staff: dict, persons: list, network: list, **kwargs):
        super().__init__(*args, **kwargs)
        self._attendees = {}
        professionals = []
        for organisation, users in staff.items():
            for user in users:
                value = f"pro:{organisation.uuid}:{user.uuid}"
                self._attendees[value] = {"professional": user, "organisation": organisation}
                professionals.append((value, f"{user_label(user)} ({organisation.name})"))
        members = []
        for person in persons:
            self._attendees[f"person:{person.uuid}"] = {"person": person}
            members.append((f"person:{person.uuid}", person.full_name))
        helpers = []
        for member in network:
            self._attendees[f"network:{member.uuid}"] = {"network_member": member}
            helpers.append((f"network:{member.uuid}", member.name))
        groups = [
            ("Professionals", professionals),
            ("Gezinsleden", members),
            ("Eigen netwerk", helpers),
        ]
        self.fields["who"].choices = [
            ("", "Kies wie aanschuift"),
            *((label, options) for label, options in groups if options),
        ]

    def service_kwargs(self) -> dict:
        return self._attendees[self.cleaned_data["who"]]


def may_consent(person, day: datetime.date) -> bool:
    """16 or older gives consent; a member whose birth date is unknown is offered too."""
    age = person.age_on(day)
    return age is None or age >= AGE_OWN_CONSENT


class ConsentToDiscussForm(forms.Form):
    """Why the case may be discussed in this meeting."""

    ground = _choice(
        "Op grond waarvan mag de casus besproken worden?",
        [
            (SharingGround.CONSENT, "Het huishouden stemt in (toestemming van een gezinslid)"),
            *((g.value, g.label) for g in SharingGround if g != SharingGround.CONSENT),
        ],
        what="de grond",
        initial=SharingGround.CONSENT,
        widget=forms.RadioSelect,
    )
    given_by = _choice(
        "Wie gaf toestemming?",
        (),
        required=False,
        what="een gezinslid",
        help_text="Iemand uit het huishouden van 16 jaar of ouder. Alleen bij toestemming.",
    )
    note = _text(
        "Toelichting",
        required=False,
        rows=2,
        max_length=2000,
        help_text="Verplicht bij een wettelijke grond: waarom geldt die hier?",
    )

    def __init__(self, *args, persons: list, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self._persons = {str(p.uuid): p for p in persons if may_consent(p, today)}
        self.fields["given_by"].choices = [
            ("", "Kies een gezinslid"),
            *((key, person.full_name) for key, person in self._persons.items()),
        ]

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "ground": data["ground"],
            "given_by": self._persons.get(data["given_by"]),
            "note": data["note"],
        }


class MinutesForm(forms.Form):
    summary = _text(
        "Samenvatting van de bespreking",
        rows=5,
        max_length=10_000,
        help_text="Wat is er besproken? Afspraken en besluiten legt u hieronder apart vast.",
    )


class DecisionForm(forms.Form):
    """A decision; for a coordinator a professional of an involved organisation, for an
    escalation the level. ``professionals``: organisation -> users (case workers)."""

    kind = _choice(
        "Soort besluit",
        DecisionKind.choices,
        what="de soort besluit",
        initial=DecisionKind.OTHER,
        widget=forms.RadioSelect,
    )
    text = _text("Besluit", rows=3, max_length=4000)
    coordinator = _choice(
        "Wie wordt regisseur?",
        (),
        required=False,
        what="de regisseur",
        help_text="Alleen bij 'Regisseur afgesproken': iemand van een betrokken organisatie.",
    )
    escalation_level = forms.TypedChoiceField(
        label="Opschalingsniveau",
        required=False,
        coerce=int,
        empty_value=None,
        help_text="Alleen bij 'Opschaling'.",
        error_messages={"invalid_choice": "Kies een niveau van 1 tot en met 5."},
    )

    def __init__(self, *args, professionals: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self._coordinators = {
            f"{organisation.uuid}:{user.uuid}": (user, organisation)
            for organisation, users in professionals.items()
            for user in users
        }
        self.fields["coordinator"].choices = [
            ("", "Kies de regisseur"),
            *_staff_choices(
                professionals, value=lambda organisation, user: f"{organisation.uuid}:{user.uuid}"
            ),
        ]
        self.fields["escalation_level"].choices = [
            ("", "Kies een niveau"),
            *EscalationLevel.choices,
        ]

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        coordinator, organisation = self._coordinators.get(data["coordinator"], (None, None))
        return {
            "kind": data["kind"],
            "text": data["text"],
            "coordinator": coordinator,
            "coordinator_organisation": organisation,
            "escalation_level": data["escalation_level"],
        }


# Service arguments whose errors belong on another field of ``DecisionForm``.
DECISION_FIELDS = {
    "organisation": "coordinator",
    "coordinator_organisation": "coordinator",
    "level": "escalation_level",
    "reason": "text",
    "decision": "text",
}
NEW_GOAL = ""


class AgreementForm(ActionForm):
    """An agreement becomes an action in the household's plan: the plan's action form, with
    the goal it serves (an existing one, or a new one)."""

    goal = _choice("Bij welk doel?", (), required=False, what="een doel")
    life_domain = _choice(
        "Leefgebied van het nieuwe doel",
        [("", "Kies een leefgebied"), *LifeDomain.choices],
        required=False,
        what="een leefgebied",
    )
    goal_title = forms.CharField(
        label="Nieuw doel",
        required=False,
        max_length=300,
        help_text="Alleen als de afspraak bij geen van de doelen past.",
    )

    def __init__(self, *args, options, goals: list, **kwargs):
        super().__init__(*args, options=options, **kwargs)
        self.fields["description"].label = "Afspraak"
        self.fields["description"].help_text = "Wat is afgesproken? Het komt als actie in het plan."
        self.fields["description"].error_messages["required"] = "Vul de afspraak in."
        self.fields["due_date"].required = True
        self.fields["due_date"].error_messages["required"] = "Spreek af wanneer het klaar is."
        self._goals = {str(goal.uuid): goal for goal in goals}
        self.fields["goal"].choices = [
            (NEW_GOAL, "Een nieuw doel (vul het hieronder in)"),
            *(
                (key, f"{goal.title} ({goal.get_life_domain_display()})")
                for key, goal in self._goals.items()
            ),
        ]
        if self._goals:
            self.fields["goal"].initial = next(iter(self._goals))

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("goal") == NEW_GOAL and "goal" not in self.errors:
            if not cleaned.get("goal_title", "").strip():
                self.add_error("goal_title", "Vul het nieuwe doel in, of kies een doel.")
            if not cleaned.get("life_domain"):
                self.add_error("life_domain", "Kies het leefgebied van het nieuwe doel.")
        return cleaned

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        goal = self._goals.get(data["goal"])
        return {
            "description": data["description"],
            "owner": data["owner"],
            "due_date": data["due_date"],
            "goal": goal,
            "life_domain": "" if goal else data["life_domain"],
            "goal_title": "" if goal else data["goal_title"],
        }


# ---------------------------------------------------------------------------- follow-up


class FollowUpFilterForm(forms.Form):
    """GET filters of the agreements to follow up. Every field is optional."""

    OPEN = ""

    consultation = UUIDChoiceField(
        label="Overleg",
        required=False,
        queryset=Consultation.objects.none(),
        to_field_name="uuid",
        empty_label="Alle overleggen",
        error_messages={"invalid_choice": "Kies een overleg uit de lijst."},
    )
    organisation = UUIDChoiceField(
        label="Organisatie",
        required=False,
        queryset=Organisation.objects.order_by("name"),
        to_field_name="uuid",
        empty_label="Alle organisaties",
        error_messages={"invalid_choice": "Kies een organisatie uit de lijst."},
    )
    state = _choice(
        "Stand",
        [
            (OPEN, "Open (ook te laat)"),
            (AgreementState.OVERDUE.value, "Te laat"),
            (AgreementState.DONE.value, "Klaar"),
            (AgreementState.CANCELLED.value, "Geannuleerd"),
        ],
        required=False,
        what="een stand",
    )
    mine = forms.BooleanField(label="Alleen mijn afspraken", required=False)

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["consultation"]
        field.queryset = meetings
        field.label_from_instance = lambda meeting: f"{meeting.title}, {meeting.date:%d-%m-%Y}"

    def filters(self, user) -> dict:
        """Keyword arguments for ``agreement_list``; call after ``is_valid()``."""
        data = self.cleaned_data
        return {
            "consultation": data["consultation"].uuid if data["consultation"] else None,
            "organisation": data["organisation"].uuid if data["organisation"] else None,
            "owner": user.uuid if data["mine"] else None,
            "state": data["state"],
        }


# ---------------------------------------------------------------------------- policy signals


class PolicySignalForm(forms.Form):
    theme = _choice("Thema", [("", "Kies een thema"), *PolicyTheme.choices], what="een thema")
    title = forms.CharField(
        label="Knelpunt of les",
        max_length=200,
        help_text="In één zin, bijvoorbeeld: Wachtlijst schuldhulp is drie maanden.",
        error_messages={"required": "Vul het knelpunt of de les in."},
    )
    description = _text(
        "Toelichting",
        rows=4,
        max_length=4000,
        help_text=(
            "Wat loopt vast, en wat zou helpen? Een beleidssignaal gaat over regels, contracten "
            "of samenwerking, niet over één huishouden. Schrijf daarom geen namen, adressen, "
            "casusnummers of andere gegevens waarmee iemand te herkennen is."
        ),
    )


class PolicySignalRaiseForm(PolicySignalForm):
    """A policy signal outside a meeting: for which municipality."""

    municipality = UUIDChoiceField(
        label="Gemeente",
        queryset=Municipality.objects.none(),
        to_field_name="uuid",
        empty_label="Kies een gemeente",
        error_messages={
            "required": "Kies voor welke gemeente het signaal is.",
            "invalid_choice": "Kies een gemeente uit de lijst.",
        },
    )
    field_order = ["municipality", "theme", "title", "description"]

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities


class PolicyResponseForm(forms.Form):
    status = _choice(
        "Status", PolicySignalStatus.choices, what="een status", widget=forms.RadioSelect
    )
    response = _text(
        "Reactie",
        required=False,
        rows=4,
        max_length=4000,
        help_text=(
            "De deelnemers van het overleg en de organisatie die het signaal inbracht lezen dit."
        ),
    )


class PolicySignalFilterForm(forms.Form):
    theme = _choice(
        "Thema", [("", "Alle thema's"), *PolicyTheme.choices], required=False, what="een thema"
    )
    status = _choice(
        "Status",
        [("", "Alle statussen"), *PolicySignalStatus.choices],
        required=False,
        what="een status",
    )


YEARS_BACK = 5


class ReportForm(forms.Form):
    year = forms.TypedChoiceField(
        label="Jaar",
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={"invalid_choice": "Kies een jaar uit de lijst."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        self.fields["year"].choices = [
            (year, str(year)) for year in range(this_year, this_year - YEARS_BACK, -1)
        ]

    def chosen_year(self) -> int:
        """The chosen year; this year by default. Call after ``is_valid()``."""
        return self.cleaned_data.get("year") or timezone.localdate().year
