from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from eenplan.cases.constants import DataCategory
from eenplan.common.constants import LifeDomain
from eenplan.people.constants import NetworkKind
from eenplan.portal.constants import SCORES, ContactPreference, ProposalKind

WRONG_DOOR = _("Vul een juiste gebruikersnaam en wachtwoord in.")


class CitizenLoginForm(AuthenticationForm):
    """The portal's login: only citizen accounts. A professional gets the same answer as a wrong
    password, so the form tells nobody which accounts exist."""

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if not user.is_citizen:
            raise ValidationError(WRONG_DOOR, code="invalid_login")


class ProfessionalLoginForm(AuthenticationForm):
    """The professionals' login: never a citizen account."""

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if user.is_citizen:
            raise ValidationError(WRONG_DOOR, code="invalid_login")


# ------------------------------------------------------------------------------ portal pages
#
# These forms only turn what a household member typed into arguments for ``portal.services``;
# the rules live there. Labels and messages are plain Dutch (B1). Pages with several forms give
# each its own ``auto_id`` so every label points at exactly one field.

YES, NO = "ja", "nee"


def _text(
    label: str,
    *,
    required: bool = True,
    max_length=None,
    help_text: str = "",
    rows=None,
    missing: str = "",
):
    widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput()
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        help_text=help_text,
        widget=widget,
        error_messages={"required": missing or f"Vul in: {label.lower()}."},
    )


def _choice(label: str, choices, *, empty: str, error: str, widget=None, **kwargs):
    if empty:
        choices = [("", empty), *choices]
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=widget or forms.Select,
        error_messages={"required": error, "invalid_choice": error},
        **kwargs,
    )


class SwitchForm(forms.Form):
    """One button that turns something on or off (tick an action, hide an item)."""

    on = forms.ChoiceField(choices=[(YES, YES), (NO, NO)])

    @property
    def is_on(self) -> bool:
        return self.cleaned_data["on"] == YES


class FeedbackForm(forms.Form):
    score = forms.TypedChoiceField(
        label="Welk cijfer geeft u het plan en de hulp?",
        help_text="1 is heel slecht, 10 is heel goed.",
        choices=[(score, str(score)) for score in SCORES],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies een cijfer van 1 tot en met 10.",
            "invalid_choice": "Kies een cijfer van 1 tot en met 10.",
        },
    )
    comment = _text(
        "Wilt u iets uitleggen?",
        required=False,
        max_length=4000,
        rows=3,
        help_text="Dit hoeft niet. Uw regisseur leest het.",
    )


class GoalProposalForm(forms.Form):
    kind = ProposalKind.GOAL
    life_domain = _choice(
        "Waar gaat het doel over?",
        LifeDomain.choices,
        empty="Kies een onderwerp",
        error="Kies waar het doel over gaat.",
    )
    text = _text(
        "Wat wilt u bereiken?",
        max_length=300,
        help_text="Bijvoorbeeld: werk vinden.",
        missing="Schrijf op wat u wilt bereiken.",
    )
    detail = _text("Wilt u er iets over vertellen?", required=False, max_length=4000, rows=3)


class StrengthProposalForm(forms.Form):
    kind = ProposalKind.STRENGTH
    text = _text(
        "Wat gaat goed?",
        max_length=300,
        help_text="Bijvoorbeeld: we eten elke avond samen.",
        missing="Schrijf op wat goed gaat.",
    )
    detail = _text("Wilt u er iets over vertellen?", required=False, max_length=4000, rows=3)


class NetworkProposalForm(forms.Form):
    kind = ProposalKind.NETWORK_MEMBER
    text = _text("Naam", max_length=300, missing="Vul de naam in.")
    network_kind = _choice(
        "Wie is het?",
        NetworkKind.choices,
        empty="Kies wie het is",
        error="Kies wie deze persoon is.",
    )
    relationship = _text(
        "Wat is deze persoon van u?",
        required=False,
        max_length=200,
        help_text="Bijvoorbeeld: mijn zus of de buurvrouw.",
    )
    phone = forms.CharField(
        label="Telefoonnummer",
        required=False,
        max_length=30,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
    )
    detail = _text(
        "Wat doet deze persoon voor u of uw gezin?",
        required=False,
        max_length=4000,
        rows=3,
        help_text="Bijvoorbeeld: past op woensdag op de kinderen.",
    )


PROPOSAL_FORMS = {
    form.kind: form for form in (GoalProposalForm, StrengthProposalForm, NetworkProposalForm)
}


class MessageForm(forms.Form):
    body = _text("Uw bericht", max_length=10_000, rows=5, missing="Schrijf een bericht.")


class ConsentForm(forms.Form):
    """What one organisation may receive about one person. The UUIDs only point at a row the
    page showed; the view resolves them among the citizen's own rows."""

    case = forms.UUIDField(widget=forms.HiddenInput)
    organisation = forms.UUIDField(widget=forms.HiddenInput)
    person = forms.UUIDField(widget=forms.HiddenInput)
    categories = forms.MultipleChoiceField(
        label="Wat mag deze organisatie zien?",
        choices=DataCategory.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Kies uit de lijst."},
    )

    def __init__(self, *args, organisation_name: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if organisation_name:
            label = f"Wat mag {organisation_name} zien met uw toestemming?"
            self.fields["categories"].label = label


UNKNOWN_ORGANISATION = ""


class ComplaintForm(forms.Form):
    organisation = _choice(
        "Over welke organisatie gaat het?",
        [],
        empty="",
        error="Kies een organisatie uit de lijst.",
        required=False,
        widget=forms.RadioSelect,
    )
    description = _text(
        "Wat is er gebeurd?",
        max_length=10_000,
        rows=6,
        help_text="Schrijf het in uw eigen woorden. Wat ging er mis? Wanneer was dat?",
        missing="Schrijf op wat er is gebeurd.",
    )
    contact_by = _choice(
        "Hoe wilt u dat we contact met u opnemen?",
        ContactPreference.choices,
        empty="",
        error="Kies hoe we contact met u opnemen.",
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [
            *((str(o.uuid), o.name) for o in organisations),
            (UNKNOWN_ORGANISATION, "Weet ik niet of een andere organisatie"),
        ]
        self.fields["organisation"].initial = UNKNOWN_ORGANISATION
