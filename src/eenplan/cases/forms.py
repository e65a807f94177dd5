"""Forms for the case pages: the filters of 'Mijn casussen', the status change, and the network
of a case (consent, referrals, notes, coordinator, escalation) with the referrals inbox.

Also the small helpers every page form here shares: reading a page number and putting a
service's ``ValidationError`` on the form fields it names.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from eenplan.cases import workflow
from eenplan.cases.constants import (
    CaseStatus,
    ClosingReason,
    DataCategory,
    EscalationLevel,
    NoteAudience,
    ReferralStatus,
    ServiceType,
    SharingGround,
)
from eenplan.cases.models import Involvement
from eenplan.cases.services.network import AGE_OWN_CONSENT
from eenplan.common.constants import LifeDomain
from eenplan.people.forms import DATE_INPUT_FORMATS
from eenplan.tenancy.constants import CASE_WORKER_ROLES
from eenplan.tenancy.models import Membership, Municipality, Organisation

MAX_PAGE = 10_000
ADULT_AGE = 18


def page_number(value) -> int:
    """The page asked for in the query string; anything that is not a page number means 1."""
    try:
        page = int(value)
    except (TypeError, ValueError):
        return 1
    return min(max(page, 1), MAX_PAGE)


def add_service_errors(
    form: forms.Form, error: ValidationError, fields: dict[str, str] | None = None
) -> None:
    """Show a service's validation error on the fields it names; the rest above the form.

    ``fields`` maps a service argument to the form field that holds it, where they differ.
    """
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        field = (fields or {}).get(field, field)
        form.add_error(field if field in form.fields else None, errors)


class UUIDChoiceField(forms.ModelChoiceField):
    """A model choice by UUID that answers anything else with its own 'invalid choice' message."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError as exc:
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            ) from exc


class CaseFilterForm(forms.Form):
    """GET filters for 'Mijn casussen'. Every field is optional."""

    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[("", "Alle statussen"), *CaseStatus.choices],
        error_messages={"invalid_choice": "Kies een status uit de lijst."},
    )
    municipality = UUIDChoiceField(
        label="Gemeente",
        required=False,
        queryset=Municipality.objects.order_by("name"),
        to_field_name="uuid",
        empty_label="Alle gemeenten",
        error_messages={"invalid_choice": "Kies een gemeente uit de lijst."},
    )
    mine = forms.BooleanField(label="Alleen casussen waarvan ik de regisseur ben", required=False)

    def filters(self, user) -> dict:
        """Keyword arguments for ``case_list``; call after ``is_valid()``."""
        municipality = self.cleaned_data["municipality"]
        return {
            "status": self.cleaned_data["status"],
            "municipality": municipality.uuid if municipality else None,
            "coordinator": user.uuid if self.cleaned_data["mine"] else None,
        }


class TransitionForm(forms.Form):
    """Change the status of a case: only the steps the workflow allows from its status now."""

    status = forms.ChoiceField(
        label="Nieuwe status",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies de nieuwe status.",
            "invalid_choice": "Deze stap kan nu niet. Kies een van de statussen in de lijst.",
        },
    )
    closing_reason = forms.ChoiceField(
        label="Reden van afsluiten",
        required=False,
        choices=[("", "Kies een reden"), *ClosingReason.choices],
        help_text="Alleen nodig als u de casus afsluit.",
        error_messages={"invalid_choice": "Kies een reden uit de lijst."},
    )
    note = forms.CharField(
        label="Toelichting",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Verplicht als u een afgesloten casus weer opent.",
    )

    def __init__(self, *args, current_status: str, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = workflow.allowed_transitions(current_status)
        self.fields["status"].choices = [(s.value, s.label) for s in CaseStatus if s in allowed]

    def service_kwargs(self) -> dict:
        """Keyword arguments for ``case_transition``; call after ``is_valid()``."""
        return {
            "to_status": self.cleaned_data["status"],
            "closing_reason": self.cleaned_data["closing_reason"],
            "note": self.cleaned_data["note"],
        }


# ---------------------------------------------------------------------------- network of a case
#
# The forms below only turn what was typed into service arguments. Who may do what, and whether
# a combination is allowed, is decided by the services in ``cases.services``; their errors are
# put on these fields with ``add_service_errors``. Household members come from a selector (the
# client view or ``case_get``), so a form never offers a person the user may not see.

DATE_HELP = "Dag-maand-jaar, bijvoorbeeld 31-12-2026."
LEGAL_GROUNDS = [(g.value, g.label) for g in SharingGround if g != SharingGround.CONSENT]


def _text(label: str, *, required: bool = True, rows: int = 3, max_length: int = 2000, **kwargs):
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": f"Vul in: {label.lower()}."},
        **kwargs,
    )


def _date_field(label: str, *, help_text: str = DATE_HELP) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        help_text=help_text,
        error_messages={"invalid": "Vul een bestaande datum in, bijvoorbeeld 31-12-2026."},
        widget=forms.DateInput(
            format="%d-%m-%Y", attrs={"class": "eenplan-input--sm", "autocomplete": "off"}
        ),
    )


def _checkboxes(label: str, choices, *, error_messages=None, **kwargs):
    return forms.MultipleChoiceField(
        label=label,
        choices=choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Kies uit de lijst.", **(error_messages or {})},
        **kwargs,
    )


def _organisation_field(label: str, queryset, **kwargs) -> UUIDChoiceField:
    return UUIDChoiceField(
        label=label,
        queryset=queryset,
        to_field_name="uuid",
        empty_label="Kies een organisatie",
        error_messages={
            "required": "Kies een organisatie.",
            "invalid_choice": "Kies een organisatie uit de lijst.",
        },
        **kwargs,
    )


def is_adult(person, day: datetime.date) -> bool:
    """18 or older; a member whose birth date is unknown is offered too (the service checks)."""
    age = person.age_on(day)
    return age is None or age >= ADULT_AGE


def is_child(person, day: datetime.date) -> bool:
    """Under 16: a parent or guardian consents for them."""
    age = person.age_on(day)
    return age is not None and age < AGE_OWN_CONSENT


class PersonsForm(forms.Form):
    """A form with fields that name household members by UUID.

    ``persons`` are the members as a selector returned them; ``person_fields`` lists the fields
    whose choices are those members (``adult_fields``: only the adults).
    """

    person_fields: tuple[str, ...] = ()
    adult_fields: tuple[str, ...] = ()

    def __init__(self, *args, persons, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self._persons = {str(person.uuid): person for person in persons}
        everyone = [(str(p.uuid), p.full_name) for p in persons]
        adults = [(str(p.uuid), p.full_name) for p in persons if is_adult(p, today)]
        for name in self.person_fields + self.adult_fields:
            if name not in self.fields:
                continue
            field = self.fields[name]
            choices = adults if name in self.adult_fields else everyone
            if isinstance(field, forms.MultipleChoiceField):
                field.choices = choices
            else:
                field.choices = [("", "Kies een gezinslid"), *choices]

    def person(self, name: str):
        """The member chosen in field ``name`` (a list for a multiple choice), or None."""
        value = self.cleaned_data.get(name)
        if isinstance(value, list):
            return [self._persons[uuid] for uuid in value]
        return self._persons.get(value) if value else None


def _person_field(label: str, *, required: bool = False, **kwargs) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        required=required,
        error_messages={
            "required": "Kies een gezinslid.",
            "invalid_choice": "Kies een gezinslid uit de lijst.",
        },
        **kwargs,
    )


class ConsentForm(PersonsForm):
    """Record a member's consent, or a legal basis, for an organisation to see data."""

    person_fields = ("person",)
    adult_fields = ("given_by",)

    ground = forms.ChoiceField(
        label="Op grond waarvan?",
        choices=[
            (SharingGround.CONSENT, "Toestemming van het gezinslid"),
            *LEGAL_GROUNDS,
        ],
        initial=SharingGround.CONSENT,
        help_text="Toestemming van het gezinslid zelf, of een wettelijke grondslag.",
        error_messages={"invalid_choice": "Kies toestemming of een wettelijke grondslag."},
    )
    organisation = _organisation_field(
        "Welke organisatie mag de gegevens zien?", Organisation.objects.order_by("name")
    )
    person = _person_field(
        "Over wie?",
        help_text=(
            "Bij toestemming: het gezinslid over wie het gaat. Geldt een wettelijke grondslag "
            "voor het hele huishouden? Laat dit dan leeg."
        ),
    )
    given_by = _person_field(
        "Wie geeft de toestemming?",
        help_text="Alleen bij een kind onder de 16 jaar: de ouder of voogd.",
    )
    categories = _checkboxes(
        "Welke gegevens mag de organisatie zien?",
        DataCategory.choices,
        help_text="Kies alleen wat de organisatie nodig heeft voor haar werk.",
        error_messages={"required": "Kies welke gegevens gedeeld mogen worden."},
    )
    purpose = _text("Waarvoor?", rows=2, help_text="Waarvoor gebruikt de organisatie de gegevens?")
    justification = _text(
        "Onderbouwing",
        required=False,
        help_text=(
            "Verplicht bij een wettelijke grondslag: welke wet of maatregel, en waarom die hier "
            "geldt."
        ),
    )
    valid_until = _date_field(
        "Geldig tot en met",
        help_text="Leeg laten als het geldt tot het wordt ingetrokken. " + DATE_HELP,
    )

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "ground": data["ground"],
            "organisation": data["organisation"],
            "person": self.person("person"),
            "given_by": self.person("given_by"),
            "categories": data["categories"],
            "purpose": data["purpose"],
            "justification": data["justification"],
            "valid_until": data["valid_until"],
        }


class ConsentWithdrawForm(forms.Form):
    note = _text(
        "Toelichting",
        required=False,
        rows=2,
        help_text="Bijvoorbeeld: wie trok de toestemming in, en wanneer.",
    )


class ReferralForm(PersonsForm):
    """Refer persons of the household to another organisation (aanmelden)."""

    person_fields = ("persons",)
    adult_fields = ("guardian",)

    to_organisation = _organisation_field("Naar welke organisatie?", Organisation.objects.none())
    persons = _checkboxes(
        "Voor wie?",
        (),
        error_messages={
            "required": "Kies een of meer gezinsleden.",
            "invalid_choice": "Kies gezinsleden uit de lijst.",
        },
    )
    service_type = forms.ChoiceField(
        label="Welke hulp vraagt u?",
        choices=[("", "Kies de soort hulp"), *ServiceType.choices],
        error_messages={
            "required": "Kies de soort hulp.",
            "invalid_choice": "Kies de soort hulp uit de lijst.",
        },
    )
    life_domains = _checkboxes(
        "Om welke leefgebieden gaat het?", LifeDomain.choices, required=False
    )
    reason = _text(
        "Reden van de aanmelding",
        help_text="Wat is er aan de hand, en wat vraagt u van de organisatie?",
    )
    categories = _checkboxes(
        "Welke gegevens mag de organisatie zien?",
        DataCategory.choices,
        help_text=(
            "Pas als de organisatie de aanmelding accepteert. Kies alleen wat zij nodig heeft."
        ),
        error_messages={"required": "Kies welke gegevens gedeeld mogen worden."},
    )
    ground = forms.ChoiceField(
        label="Op grond waarvan?",
        choices=[(SharingGround.CONSENT, "Toestemming van het huishouden"), *LEGAL_GROUNDS],
        initial=SharingGround.CONSENT,
        error_messages={"invalid_choice": "Kies toestemming of een wettelijke grondslag."},
    )
    household_consent = forms.BooleanField(
        label="Het huishouden geeft toestemming voor deze aanmelding",
        required=False,
        help_text=(
            "Iedereen die u aanmeldt geeft zelf toestemming. Voor een kind onder de 16 jaar "
            "doet een ouder of voogd dat."
        ),
    )
    guardian = _person_field(
        "Ouder of voogd die toestemming geeft",
        help_text="Nodig als u een kind onder de 16 jaar aanmeldt.",
    )
    justification = _text(
        "Onderbouwing van de wettelijke grondslag",
        required=False,
        help_text="Alleen bij een wettelijke grondslag: welke wet of maatregel, en waarom.",
    )

    def __init__(self, *args, persons, organisations, **kwargs):
        super().__init__(*args, persons=persons, **kwargs)
        self.fields["to_organisation"].queryset = organisations
        today = timezone.localdate()
        if not any(is_child(person, today) for person in persons):
            del self.fields["guardian"]

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("ground") == SharingGround.CONSENT and not cleaned.get("household_consent"):
            self.add_error(
                "household_consent",
                "Vink aan dat het huishouden toestemming geeft. Of kies een wettelijke grondslag "
                "en schrijf op waarom die geldt.",
            )
        return cleaned

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "to_organisation": data["to_organisation"],
            "persons": self.person("persons"),
            "reason": data["reason"],
            "service_type": data["service_type"],
            "life_domains": data["life_domains"],
            "categories": data["categories"],
            "ground": data["ground"],
            "guardian": self.person("guardian") if "guardian" in self.fields else None,
            "justification": data["justification"],
        }


class NoteForm(forms.Form):
    text = _text("Notitie", rows=4, max_length=5000)
    audience = forms.ChoiceField(
        label="Wie mag de notitie lezen?",
        choices=NoteAudience.choices,
        initial=NoteAudience.OWN_ORGANISATION,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies wie de notitie mag lezen.",
            "invalid_choice": "Kies wie de notitie mag lezen.",
        },
    )

    def __init__(self, *args, has_coordinator: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not has_coordinator:
            self.fields["audience"].choices = [
                c for c in NoteAudience.choices if c[0] != NoteAudience.COORDINATOR
            ]


def involved_organisations(case_uuid):
    """The organisations involved in a case now. Call it only for a case a selector has shown
    the user: which organisations work with a household is the known level of that case."""
    involved = Involvement.objects.active().filter(case__uuid=case_uuid).values("organisation_id")
    return Organisation.objects.filter(pk__in=involved).order_by("name")


def professionals_by_organisation(organisations) -> dict:
    """Per organisation, the users who work on cases there (staff, not citizens): one query."""
    memberships = (
        Membership.objects.filter(
            organisation__in=organisations, is_active=True, role__in=CASE_WORKER_ROLES
        )
        .select_related("user", "organisation")
        .order_by("organisation__name", "user__first_name", "user__last_name", "user__pk")
    )
    grouped: dict = {}
    for membership in memberships:
        users = grouped.setdefault(membership.organisation, [])
        if membership.user not in users:
            users.append(membership.user)
    return grouped


def _user_label(user) -> str:
    return user.get_full_name() or user.username


class ProposeCoordinatorForm(forms.Form):
    """Propose a professional of an involved organisation as coordinator (or hand-over)."""

    organisation = _organisation_field("Organisatie", Organisation.objects.none())
    coordinator = forms.ChoiceField(
        label="Professional",
        help_text="Iemand die bij de gekozen organisatie werkt.",
        error_messages={
            "required": "Kies een professional.",
            "invalid_choice": "Kies een professional uit de lijst.",
        },
    )
    motivation = _text(
        "Waarom deze regisseur?",
        required=False,
        help_text=(
            "Bijvoorbeeld: het gezin kent deze persoon al, of die werkt aan het belangrijkste "
            "leefgebied."
        ),
    )

    def __init__(self, *args, organisations, professionals: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self._professionals = professionals
        self.fields["coordinator"].choices = [
            ("", "Kies een professional"),
            *(
                (organisation.name, [(str(u.uuid), _user_label(u)) for u in users])
                for organisation, users in professionals.items()
            ),
        ]

    def clean(self) -> dict:
        cleaned = super().clean()
        organisation, chosen = cleaned.get("organisation"), cleaned.get("coordinator")
        if organisation is None or not chosen:
            return cleaned
        users = {str(u.uuid): u for u in self._professionals.get(organisation, [])}
        if chosen not in users:
            self.add_error("coordinator", "Kies een professional van de gekozen organisatie.")
        else:
            cleaned["coordinator"] = users[chosen]
        return cleaned


class AgreeCoordinatorForm(forms.Form):
    household_agreed = forms.BooleanField(
        label="Het huishouden is het eens met deze regisseur",
        error_messages={"required": "Vink aan dat het huishouden instemt met deze regisseur."},
    )


class EscalationForm(forms.Form):
    level = forms.TypedChoiceField(
        label="Niveau",
        coerce=int,
        choices=EscalationLevel.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies een niveau.",
            "invalid_choice": "Kies een niveau van 1 tot en met 5.",
        },
    )
    reason = _text(
        "Reden",
        required=False,
        help_text="Verplicht vanaf niveau 2: wat zit vast, en wie moet nu beslissen?",
    )
    decision = _text(
        "Besluit",
        required=False,
        help_text=(
            "Wat de regisseur of de gemeente besluit om de casus vlot te trekken "
            "(doorzettingsmacht)."
        ),
    )

    def __init__(self, *args, may_decide: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_decide:
            del self.fields["decision"]

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "level": data["level"],
            "reason": data["reason"],
            "decision": data.get("decision", ""),
        }


# ---------------------------------------------------------------------------- referrals inbox


class ReferralFilterForm(forms.Form):
    OPEN, ALL = ReferralStatus.SENT.value, "alle"

    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[
            (OPEN, "Open"),
            (ReferralStatus.ACCEPTED.value, "Geaccepteerd"),
            (ReferralStatus.DECLINED.value, "Afgewezen"),
            (ALL, "Alle"),
        ],
        error_messages={"invalid_choice": "Kies een status uit de lijst."},
    )

    def status_filter(self) -> str:
        """The status for ``referral_list``: open by default, '' for all."""
        status = self.cleaned_data["status"] or self.OPEN
        return "" if status == self.ALL else status


class AcceptReferralForm(forms.Form):
    contact = forms.ChoiceField(
        label="Contactpersoon voor het huishouden",
        required=False,
        help_text="Leeg laten als u zelf de contactpersoon bent.",
        error_messages={"invalid_choice": "Kies een collega uit de lijst."},
    )

    def __init__(self, *args, professionals: list, **kwargs):
        super().__init__(*args, **kwargs)
        self._users = {str(user.uuid): user for user in professionals}
        self.fields["contact"].choices = [
            ("", "Ikzelf"),
            *((str(user.uuid), _user_label(user)) for user in professionals),
        ]

    def clean_contact(self):
        return self._users.get(self.cleaned_data["contact"])


class DeclineReferralForm(forms.Form):
    decline_reason = _text(
        "Waarom wijst u de aanmelding af?",
        rows=2,
        help_text=(
            "De organisatie die aanmeldde leest dit. Weet u wie beter kan helpen? Schrijf dat "
            "er dan bij."
        ),
    )
