from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from eenplan.cases.constants import DataCategory
from eenplan.common.constants import LifeDomain
from eenplan.complaints.constants import Kind, Theme
from eenplan.people.constants import NetworkKind
from eenplan.plans.pdf import long_date
from eenplan.portal.constants import SCORES, ProposalKind
from eenplan.privacy.constants import RequestKind
from eenplan.provisions.constants import DecisionStatus

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


# Plain words for what a complaint is about (``Theme``), in the order a citizen thinks of them.
THEME_CHOICES = [
    (Theme.TREATMENT, "Hoe iemand met mij omging"),
    (Theme.COMMUNICATION, "De uitleg of informatie"),
    (Theme.WAITING, "Het duurde te lang"),
    (Theme.QUALITY, "De hulp zelf"),
    (Theme.REACHABILITY, "Ik kon niemand bereiken"),
    (Theme.PRIVACY, "Mijn gegevens (privacy)"),
    (Theme.DECISION, "Hoe er over mijn aanvraag is beslist"),
    (Theme.OTHER, "Iets anders"),
]
DECISION_WORDS = {
    DecisionStatus.GRANTED: "toegekend",
    DecisionStatus.REFUSED: "afgewezen",
    DecisionStatus.ENDED: "gestopt",
}
NO_CONTACT = "Vul een telefoonnummer of een e-mailadres in. Dan kunnen we u bereiken."


def _decision_label(item) -> str:
    """One objectable decision (``selectors.ObjectableDecision``) in plain words."""
    decision = item.decision
    label = f"{decision.product.name} voor {decision.person.given_names}"
    what = DECISION_WORDS.get(decision.status, decision.get_status_display().lower())
    if item.made_known_on:
        label += f": {what} op {long_date(item.made_known_on)}."
    else:
        label += f": {what}."
    if item.last_day:
        label += f" Bezwaar maken kan tot en met {long_date(item.last_day)}."
    if item.is_late:
        label += " Die dag is voorbij."
    return label


class ComplaintForm(forms.Form):
    """A complaint or an objection. The view gives the choices: the persons the citizen acts
    for, the decisions they may object to and the organisations that help; the complaints
    services check them again."""

    kind = _choice(
        "Wat wilt u doen?",
        [
            (
                Kind.COMPLAINT,
                "Een klacht indienen. U bent niet tevreden over hoe iemand met u omging, "
                "of over de hulp.",
            ),
            (
                Kind.OBJECTION,
                "Bezwaar maken. U bent het niet eens met een besluit (een brief van de gemeente "
                "over een voorziening).",
            ),
        ],
        empty="",
        error="Kies: klacht of bezwaar.",
        widget=forms.RadioSelect,
    )
    person = _choice(
        "Voor wie is het?",
        [],
        empty="",
        error="Kies uzelf of uw kind onder de 16.",
        widget=forms.RadioSelect,
    )
    decision = _choice(
        "Bij een bezwaar: tegen welk besluit?",
        [],
        empty="",
        error="Kies het besluit uit de lijst.",
        required=False,
        widget=forms.RadioSelect,
    )
    description = _text(
        "Wat is er aan de hand?",
        max_length=10_000,
        rows=6,
        help_text=(
            "Schrijf het in uw eigen woorden. Wat ging er mis? Wanneer was dat? "
            "Bij een bezwaar: waarom bent u het niet eens met het besluit?"
        ),
        missing="Schrijf op wat er aan de hand is.",
    )
    theme = _choice(
        "Bij een klacht: waar gaat het over?",
        THEME_CHOICES,
        empty="Weet ik niet",
        error="Kies uit de lijst.",
        required=False,
        help_text="Dit hoeft niet.",
    )
    organisations = forms.MultipleChoiceField(
        label="Over welke organisatie gaat het?",
        choices=[],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Dit hoeft niet. U mag er meer kiezen.",
        error_messages={"invalid_choice": "Kies een organisatie uit de lijst."},
    )
    contact_phone = forms.CharField(
        label="Uw telefoonnummer",
        required=False,
        max_length=30,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    contact_email = forms.EmailField(
        label="Uw e-mailadres",
        required=False,
        error_messages={"invalid": "Vul een goed e-mailadres in, zoals naam@voorbeeld.nl."},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def __init__(self, *args, persons=(), me=None, decisions=(), organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.persons = {str(p.uuid): p for p in persons}
        self.fields["person"].choices = [
            (key, "Uzelf" if p == me else f"Uw kind {p.given_names}")
            for key, p in self.persons.items()
        ]
        self.decisions = {str(item.decision.uuid): item for item in decisions}
        self.fields["decision"].choices = [
            (key, _decision_label(item)) for key, item in self.decisions.items()
        ]
        self.organisations = {str(o.uuid): o for o in organisations}
        self.fields["organisations"].choices = [
            (key, o.name) for key, o in self.organisations.items()
        ]

    def clean(self):
        data = super().clean()
        person = self.persons.get(data.get("person"))
        if data.get("kind") == Kind.OBJECTION:
            item = self.decisions.get(data.get("decision"))
            if item is None:
                self.add_error("decision", "Kies het besluit waartegen u bezwaar maakt.")
            elif person is not None and item.decision.person_id != person.pk:
                name = item.decision.person.given_names
                self.add_error(
                    "decision",
                    f"Dit besluit gaat over {name}. Kies dan bij 'Voor wie is het?': {name}.",
                )
        if not (data.get("contact_phone", "").strip() or data.get("contact_email")):
            self.add_error("contact_phone", NO_CONTACT)
        return data

    def arguments(self) -> dict:
        """The cleaned form as arguments for ``complaints.services.complaint_register``."""
        data = self.cleaned_data
        objection = data["kind"] == Kind.OBJECTION
        return {
            "person": self.persons[data["person"]],
            "kind": data["kind"],
            "decision": self.decisions[data["decision"]].decision if objection else None,
            "description": data["description"],
            "theme": data["theme"] or Theme.OTHER,
            "organisations": [self.organisations[key] for key in data["organisations"]],
            "contact_phone": data["contact_phone"],
            "contact_email": data["contact_email"],
        }


class ComplaintAnswerForm(forms.Form):
    """The citizen's answer to 'is it resolved?' after a conversation."""

    resolved = forms.ChoiceField(choices=[(YES, YES), (NO, NO)])
    text = _text(
        "Wilt u er iets over zeggen?",
        required=False,
        max_length=4000,
        rows=3,
        help_text="Dit hoeft niet. De behandelaar leest het.",
    )

    @property
    def is_resolved(self) -> bool:
        return self.cleaned_data["resolved"] == YES


class ComplaintWithdrawForm(forms.Form):
    text = _text(
        "Waarom trekt u het in?",
        required=False,
        max_length=4000,
        rows=3,
        help_text="Dit hoeft niet.",
    )


class DataRequestForm(forms.Form):
    """A request to correct or erase data; the view gives the persons the citizen acts for."""

    kind = _choice(
        "Wat wilt u?",
        [
            (
                RequestKind.CORRECTION,
                "Iets in mijn gegevens klopt niet. Ik wil dat het wordt verbeterd.",
            ),
            (RequestKind.ERASURE, "Ik wil dat mijn gegevens worden gewist."),
        ],
        empty="",
        error="Kies: verbeteren of wissen.",
        widget=forms.RadioSelect,
    )
    person = _choice(
        "Over wie gaat het?",
        [],
        empty="",
        error="Kies uzelf of uw kind onder de 16.",
        widget=forms.RadioSelect,
    )
    description = forms.CharField(
        label="Wat klopt er niet, of wat moet weg?",
        help_text="Bijvoorbeeld: mijn achternaam is Jansen, niet Janssen.",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Schrijf op wat u wilt."},
    )

    def __init__(self, *args, persons, **kwargs):
        super().__init__(*args, **kwargs)
        self.persons = {str(person.uuid): person for person in persons}
        self.fields["person"].choices = [
            (key, person.full_name) for key, person in self.persons.items()
        ]

    def clean_person(self):
        return self.persons[self.cleaned_data["person"]]
