"""The network around a case: consent and legal bases, referrals, notes, coordinator proposals."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from eenplan.cases.constants import (
    DataCategory,
    NoteAudience,
    ProposalStatus,
    ReferralStatus,
    ServiceType,
    SharingGround,
)
from eenplan.common.models import PublicModel
from eenplan.privacy import policy


class ConsentQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ConsentQuerySet":
        return self.filter(policy.related_case_visibility(user, "case", category=None))

    def active(self, on=None) -> "ConsentQuerySet":
        return self.filter(policy.active_basis(on))


class Consent(PublicModel):
    """Why an organisation may see content of a case: a person's consent or a legal basis.

    A consent is given by (or for) one household member; a legal basis may cover the whole
    household (``person`` empty). Without an active one, an involved organisation sees only that
    the household is known and whom to contact.
    """

    case = models.ForeignKey(
        "cases.Case", verbose_name=_("casus"), on_delete=models.CASCADE, related_name="consents"
    )
    organisation = models.ForeignKey(
        "tenancy.Organisation",
        verbose_name=_("ontvangende organisatie"),
        on_delete=models.PROTECT,
        related_name="consents",
    )
    ground = models.CharField(
        _("grondslag"), max_length=30, choices=SharingGround.choices, default=SharingGround.CONSENT
    )
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("over wie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consents",
        help_text=_("Leeg bij een wettelijke grondslag voor het hele huishouden."),
    )
    given_by = models.ForeignKey(
        "people.Person",
        verbose_name=_("gegeven door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consents_given",
        help_text=_("Bij een kind onder de 16: de ouder of voogd."),
    )
    shares_plan = models.BooleanField(DataCategory.PLAN.label, default=False)
    shares_notes = models.BooleanField(DataCategory.NOTES.label, default=False)
    shares_assessments = models.BooleanField(DataCategory.ASSESSMENTS.label, default=False)
    shares_contact = models.BooleanField(DataCategory.CONTACT.label, default=False)
    purpose = models.TextField(_("doel"))
    justification = models.TextField(
        _("onderbouwing"), blank=True, help_text=_("Verplicht bij een wettelijke grondslag.")
    )
    valid_from = models.DateField(_("geldig vanaf"))
    valid_until = models.DateField(_("geldig tot en met"), null=True, blank=True)
    referral = models.ForeignKey(
        "cases.Referral",
        verbose_name=_("bij aanmelding"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="consents",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)
    withdrawn_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("intrekking vastgelegd door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    withdrawal_note = models.TextField(_("toelichting bij intrekken"), blank=True)

    objects = ConsentQuerySet.as_manager()

    class Meta:
        verbose_name = _("toestemming of grondslag")
        verbose_name_plural = _("toestemmingen en grondslagen")
        ordering = ["-recorded_at", "-pk"]
        indexes = [models.Index(fields=["case", "organisation"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(ground=SharingGround.CONSENT) | models.Q(person__isnull=False),
                name="consent_names_person",
            ),
            models.CheckConstraint(
                condition=models.Q(valid_until__isnull=True)
                | models.Q(valid_until__gte=models.F("valid_from")),
                name="consent_until_after_from",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_ground_display()}: {self.organisation} — {self.case}"

    @property
    def categories(self) -> list[DataCategory]:
        return [c for c in DataCategory if getattr(self, policy.CATEGORY_FIELDS[c])]

    @property
    def is_consent(self) -> bool:
        return self.ground == SharingGround.CONSENT


class ReferralQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ReferralQuerySet":
        return self.filter(policy.referral_visibility(user))


class Referral(PublicModel):
    """Aanmelding: one organisation asks another to help persons of a household."""

    case = models.ForeignKey(
        "cases.Case", verbose_name=_("casus"), on_delete=models.CASCADE, related_name="referrals"
    )
    from_organisation = models.ForeignKey(
        "tenancy.Organisation",
        verbose_name=_("van organisatie"),
        on_delete=models.PROTECT,
        related_name="referrals_sent",
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verstuurd door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    to_organisation = models.ForeignKey(
        "tenancy.Organisation",
        verbose_name=_("naar organisatie"),
        on_delete=models.PROTECT,
        related_name="referrals_received",
    )
    persons = models.ManyToManyField(
        "people.Person", verbose_name=_("voor personen"), related_name="referrals"
    )
    reason = models.TextField(_("reden"))
    life_domains = models.JSONField(_("leefgebieden"), default=list)
    service_type = models.CharField(_("gevraagde hulp"), max_length=30, choices=ServiceType.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=ReferralStatus.choices, default=ReferralStatus.SENT
    )
    sent_at = models.DateTimeField(_("verstuurd op"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beslist door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("beslist op"), null=True, blank=True)
    decline_reason = models.TextField(_("reden van afwijzen"), blank=True)
    involvement = models.OneToOneField(
        "cases.Involvement",
        verbose_name=_("betrokkenheid"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referral",
    )

    objects = ReferralQuerySet.as_manager()

    class Meta:
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        ordering = ["-sent_at", "-pk"]
        indexes = [models.Index(fields=["to_organisation", "status"])]

    def __str__(self) -> str:
        return f"{self.from_organisation} → {self.to_organisation} ({self.case})"


class NoteQuerySet(models.QuerySet):
    def visible_to(self, user) -> "NoteQuerySet":
        return self.filter(policy.note_visibility(user))


class Note(PublicModel):
    case = models.ForeignKey(
        "cases.Case", verbose_name=_("casus"), on_delete=models.CASCADE, related_name="notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("schrijver"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    author_organisation = models.ForeignKey(
        "tenancy.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    audience = models.CharField(
        _("wie mag dit lezen"),
        max_length=20,
        choices=NoteAudience.choices,
        default=NoteAudience.OWN_ORGANISATION,
    )
    text = models.TextField(_("notitie"))
    created_at = models.DateTimeField(_("geschreven op"), auto_now_add=True)

    objects = NoteQuerySet.as_manager()

    class Meta:
        verbose_name = _("notitie")
        verbose_name_plural = _("notities")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d} {self.author_organisation}"


class CoordinatorProposalQuerySet(models.QuerySet):
    def visible_to(self, user) -> "CoordinatorProposalQuerySet":
        return self.filter(policy.related_case_visibility(user, "case", category=None))


class CoordinatorProposal(PublicModel):
    """A proposed coordinator (or hand-over) and, once agreed, who agreed and when."""

    case = models.ForeignKey(
        "cases.Case",
        verbose_name=_("casus"),
        on_delete=models.CASCADE,
        related_name="coordinator_proposals",
    )
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("voorgestelde regisseur"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    organisation = models.ForeignKey(
        "tenancy.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    is_handover = models.BooleanField(_("overdracht"), default=False)
    motivation = models.TextField(_("toelichting"), blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("voorgesteld door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    proposed_at = models.DateTimeField(_("voorgesteld op"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.PROPOSED
    )
    agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingestemd door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    agreed_at = models.DateTimeField(_("ingestemd op"), null=True, blank=True)
    household_agreed = models.BooleanField(_("huishouden stemt in"), default=False)

    objects = CoordinatorProposalQuerySet.as_manager()

    class Meta:
        verbose_name = _("voorstel regisseur")
        verbose_name_plural = _("voorstellen regisseur")
        ordering = ["-proposed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.coordinator} ({self.organisation}) voor {self.case}"
