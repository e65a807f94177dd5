"""Forms for the plan pages.

Every edit form carries, hidden, the ``lock_version`` (or for agreeing the ``revision``) of what
it was rendered from, so the service can refuse a save over someone else's change. The rules
themselves live in ``plans.services``; these forms only turn what was typed into arguments.
"""

import datetime
from dataclasses import dataclass

from django import forms
from django.utils import timezone

from eenplan.common.constants import LifeDomain
from eenplan.people.forms import DATE_INPUT_FORMATS
from eenplan.plans.constants import ActionStatus, AgreementMethod, GoalResult, OwnerKind
from eenplan.plans.services import Owner

DATE_HELP = "Dag-maand-jaar, bijvoorbeeld 15-09-2026."
DATE_ERRORS = {"invalid": "Vul een bestaande datum in, bijvoorbeeld 15-09-2026."}
STALE_FORM = "Dit formulier is niet compleet. Laad de pagina opnieuw en probeer het nog eens."


def _date_field(label: str, *, required: bool = False, help_text: str = DATE_HELP):
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_INPUT_FORMATS,
        help_text=help_text,
        error_messages={**DATE_ERRORS, "required": f"Vul in: {label.lower()}."},
        widget=forms.DateInput(
            format="%d-%m-%Y", attrs={"class": "eenplan-input--sm", "autocomplete": "off"}
        ),
    )


def _text(label: str, *, required: bool = True, rows: int = 3, max_length=None, **kwargs):
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": f"Vul in: {label.lower()}."},
        **kwargs,
    )


def _counter() -> forms.IntegerField:
    return forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=0,
        error_messages={key: STALE_FORM for key in ("required", "invalid", "min_value")},
    )


class LockedForm(forms.Form):
    """A form that edits a row: it posts the row's ``lock_version`` back."""

    lock_version = _counter()


class PlanFieldsForm(LockedForm):
    strengths = _text(
        "Wat gaat goed",
        required=False,
        rows=4,
        help_text="Waar is het gezin sterk in? Wie helpt al?",
    )
    concerns = _text(
        "Zorgen", required=False, rows=4, help_text="Wat gaat niet goed? Waar maakt u zich zorgen?"
    )
    evaluation_date = _date_field("Evaluatie gepland op")


class GoalForm(forms.Form):
    life_domain = forms.ChoiceField(
        label="Leefgebied",
        choices=[("", "Kies een leefgebied"), *LifeDomain.choices],
        error_messages={
            "required": "Kies een leefgebied.",
            "invalid_choice": "Kies een leefgebied uit de lijst.",
        },
    )
    title = forms.CharField(
        label="Doel",
        max_length=300,
        help_text="Wat wil het gezin bereiken? Schrijf het in de woorden van het gezin.",
        error_messages={"required": "Vul het doel in."},
    )
    description = _text("Toelichting", required=False, max_length=4000)


class GoalEditForm(LockedForm, GoalForm):
    pass


class RemoveForm(LockedForm):
    """Confirms removing a row: nothing to fill in but the lock."""


@dataclass(frozen=True)
class OwnerOption:
    value: str
    label: str
    owner: Owner


def owner_options(*, case, involvements, network, user) -> list[tuple[str, list[OwnerOption]]]:
    """Who may do an action, grouped by kind: active organisations (optionally a named
    professional), household members, the own network."""
    organisations = []
    for involvement in involvements:
        organisation = involvement.organisation
        organisations.append(
            OwnerOption(
                f"org:{organisation.uuid}",
                organisation.name,
                Owner(OwnerKind.ORGANISATION, organisation=organisation),
            )
        )
        for professional in _professionals(case, involvement, user):
            name = professional.get_full_name() or professional.username
            organisations.append(
                OwnerOption(
                    f"org:{organisation.uuid}:{professional.uuid}",
                    f"{name} ({organisation.name})",
                    Owner(
                        OwnerKind.ORGANISATION, organisation=organisation, professional=professional
                    ),
                )
            )
    members = [
        OwnerOption(
            f"person:{m.person.uuid}",
            m.person.full_name,
            Owner(OwnerKind.HOUSEHOLD_MEMBER, person=m.person),
        )
        for m in case.household.member_list
    ]
    helpers = [
        OwnerOption(
            f"network:{n.uuid}",
            f"{n.name} ({n.get_kind_display().lower()})",
            Owner(OwnerKind.NETWORK_MEMBER, network_member=n),
        )
        for n in network
    ]
    groups = [
        (OwnerKind.HOUSEHOLD_MEMBER.label, members),
        (OwnerKind.NETWORK_MEMBER.label, helpers),
        (OwnerKind.ORGANISATION.label, _unique(organisations)),
    ]
    return [(label, options) for label, options in groups if options]


def _professionals(case, involvement, user) -> list:
    """The professionals one may name for an organisation: its contact, the coordinator and the
    user, when they work there."""
    organisation_id = involvement.organisation_id
    candidates = [involvement.contact]
    if case.coordinator_organisation_id == organisation_id:
        candidates.append(case.coordinator)
    if any(m.organisation_id == organisation_id for m in user.active_memberships):
        candidates.append(user)
    return [c for c in candidates if c is not None]


def _unique(options: list[OwnerOption]) -> list[OwnerOption]:
    seen, unique = set(), []
    for option in options:
        if option.value not in seen:
            seen.add(option.value)
            unique.append(option)
    return unique


def owner_value(action) -> str:
    """The owner choice that matches an existing action."""
    if action.owner_kind == OwnerKind.HOUSEHOLD_MEMBER:
        return f"person:{action.owner_person.uuid}"
    if action.owner_kind == OwnerKind.NETWORK_MEMBER:
        return f"network:{action.owner_network_member.uuid}"
    value = f"org:{action.owner_organisation.uuid}"
    return f"{value}:{action.owner_professional.uuid}" if action.owner_professional else value


class ActionForm(forms.Form):
    description = _text(
        "Actie", rows=2, max_length=2000, help_text="Wat gaat er gebeuren? Schrijf het kort."
    )
    owner = forms.ChoiceField(
        label="Wie doet het",
        help_text="Iemand uit het gezin, iemand uit het eigen netwerk of een organisatie.",
        error_messages={
            "required": "Kies wie de actie doet.",
            "invalid_choice": "Kies iemand uit de lijst.",
        },
    )
    due_date = _date_field("Klaar op")

    def __init__(self, *args, options, **kwargs):
        super().__init__(*args, **kwargs)
        self._owners = {option.value: option.owner for _, group in options for option in group}
        self.fields["owner"].choices = [
            ("", "Kies wie het doet"),
            *((label, [(o.value, o.label) for o in group]) for label, group in options),
        ]

    def clean_owner(self) -> Owner:
        return self._owners[self.cleaned_data["owner"]]


class ActionEditForm(LockedForm, ActionForm):
    pass


class ActionStatusForm(LockedForm):
    status = forms.ChoiceField(
        label="Status",
        choices=ActionStatus.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies een status.",
            "invalid_choice": "Kies een status uit de lijst.",
        },
    )
    cancel_reason = _text(
        "Waarom gaat de actie niet door?",
        required=False,
        max_length=2000,
        help_text="Alleen nodig als u de actie annuleert.",
    )


class AgreeForm(forms.Form):
    revision = _counter()
    agreed_by = forms.MultipleChoiceField(
        label="Wie in het gezin is het eens met het plan?",
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Kies wie in het gezin heeft ingestemd.",
            "invalid_choice": "Kies iemand uit het gezin.",
        },
    )
    method = forms.ChoiceField(
        label="Hoe heeft het gezin ingestemd?",
        choices=AgreementMethod.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies hoe het gezin heeft ingestemd.",
            "invalid_choice": "Kies een manier uit de lijst.",
        },
    )
    agreed_on = _date_field("Datum van instemming", required=True)

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self._persons = {str(m.person.uuid): m.person for m in members}
        self.fields["agreed_by"].choices = [
            (str(m.person.uuid), m.person.full_name) for m in members
        ]

    def clean_agreed_by(self) -> list:
        return [self._persons[value] for value in self.cleaned_data["agreed_by"]]

    def clean_agreed_on(self) -> datetime.date:
        day = self.cleaned_data["agreed_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(
                "Deze datum ligt in de toekomst. Vul de datum van het gesprek in."
            )
        return day


class EvaluateForm(forms.Form):
    result = forms.ChoiceField(
        label="Is het doel bereikt?",
        choices=GoalResult.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies of het doel is bereikt.",
            "invalid_choice": "Kies een antwoord uit de lijst.",
        },
    )
    note = _text("Toelichting", required=False, max_length=4000)


class ProfessionalPlanForm(forms.Form):
    reference = forms.CharField(
        label="Kenmerk van het eigen plan",
        max_length=100,
        help_text="Het nummer of kenmerk in het systeem van uw organisatie.",
        error_messages={"required": "Vul het kenmerk in."},
    )
    summary = _text("Waar werkt het eigen plan aan?", required=False, max_length=2000)


class CompareForm(forms.Form):
    """Which two versions to compare; an empty 'naar' is the current draft."""

    van = forms.TypedChoiceField(
        label="Van versie",
        coerce=int,
        error_messages={
            "required": "Kies de versie waarmee u vergelijkt.",
            "invalid_choice": "Kies een versie uit de lijst.",
        },
    )
    naar = forms.TypedChoiceField(
        label="Naar versie",
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={"invalid_choice": "Kies een versie uit de lijst."},
    )

    def __init__(self, *args, numbers: list[int], has_draft: bool, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(n, f"Versie {n}") for n in sorted(numbers)]
        self.fields["van"].choices = choices
        draft = [("", "Het concept van nu")] if has_draft else []
        self.fields["naar"].choices = [*choices, *draft]


class MyActionsFilterForm(forms.Form):
    te_laat = forms.BooleanField(label="Alleen acties die te laat zijn", required=False)
