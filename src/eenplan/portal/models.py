"""The portal's own records: the citizen's account and what the household adds to its case.

A citizen's account (``Citizen``) ties a ``tenancy.User`` of kind citizen to one person; the portal
derives everything a citizen may see from that person. Proposals, messages and feedback belong to
a case; what a member hides from the rest of the household is kept per item. Complaints and
objections are the ``complaints`` app's.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from eenplan.common.constants import LifeDomain
from eenplan.common.models import PublicModel
from eenplan.people.constants import NetworkKind
from eenplan.portal.constants import SCORES, ProposalKind, ProposalStatus


class Citizen(PublicModel):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="citizen",
    )
    person = models.OneToOneField(
        "people.Person",
        verbose_name=_("persoon"),
        on_delete=models.CASCADE,
        related_name="citizen_account",
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("inwoneraccount")
        verbose_name_plural = _("inwoneraccounts")

    def __str__(self) -> str:
        return str(self.person)


class Proposal(PublicModel):
    """Something a household member wants in the plan: a goal, a strength or someone from their
    network. It stays a proposal until the coordinator takes it into the plan."""

    case = models.ForeignKey(
        "cases.Case", verbose_name=_("casus"), on_delete=models.CASCADE, related_name="proposals"
    )
    proposed_by = models.ForeignKey(
        "people.Person",
        verbose_name=_("voorgesteld door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    kind = models.CharField(_("soort"), max_length=20, choices=ProposalKind.choices)
    text = models.CharField(
        _("voorstel"), max_length=300, help_text=_("Het doel, wat goed gaat of de naam.")
    )
    detail = models.TextField(_("toelichting"), blank=True)
    life_domain = models.CharField(
        _("leefgebied"), max_length=40, choices=LifeDomain.choices, blank=True
    )
    network_kind = models.CharField(
        _("soort netwerklid"), max_length=30, choices=NetworkKind.choices, blank=True
    )
    relationship = models.CharField(_("relatie tot het gezin"), max_length=200, blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.OPEN
    )
    created_at = models.DateTimeField(_("voorgesteld op"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beslist door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("beslist op"), null=True, blank=True)
    answer = models.TextField(_("antwoord van de regisseur"), blank=True)
    goal = models.ForeignKey(
        "plans.Goal",
        verbose_name=_("doel in het plan"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    network_member = models.ForeignKey(
        "people.NetworkMember",
        verbose_name=_("netwerklid"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("voorstel van het huishouden")
        verbose_name_plural = _("voorstellen van het huishouden")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["case", "status"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text}"


class Message(PublicModel):
    """One message in the thread between a household and its coordinator."""

    case = models.ForeignKey(
        "cases.Case",
        verbose_name=_("casus"),
        on_delete=models.CASCADE,
        related_name="portal_messages",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("schrijver"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    from_household = models.BooleanField(_("van het huishouden"))
    body = models.TextField(_("bericht"))
    sent_at = models.DateTimeField(_("verstuurd op"), auto_now_add=True)
    read_at = models.DateTimeField(_("gelezen op"), null=True, blank=True)

    class Meta:
        verbose_name = _("bericht")
        verbose_name_plural = _("berichten")
        ordering = ["sent_at", "pk"]
        indexes = [models.Index(fields=["case", "sent_at"])]

    def __str__(self) -> str:
        return f"{self.case} {self.sent_at:%Y-%m-%d %H:%M}"


class Feedback(PublicModel):
    """A household member's report mark for one period of the plan (one agreed version)."""

    case = models.ForeignKey(
        "cases.Case", verbose_name=_("casus"), on_delete=models.CASCADE, related_name="feedback"
    )
    person = models.ForeignKey(
        "people.Person", verbose_name=_("van"), on_delete=models.PROTECT, related_name="+"
    )
    plan_version = models.PositiveIntegerField(_("planversie"))
    score = models.PositiveSmallIntegerField(
        _("cijfer"), validators=[MinValueValidator(SCORES[0]), MaxValueValidator(SCORES[-1])]
    )
    comment = models.TextField(_("toelichting"), blank=True)
    given_at = models.DateTimeField(_("gegeven op"))

    class Meta:
        verbose_name = _("waardering")
        verbose_name_plural = _("waarderingen")
        ordering = ["-given_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "person", "plan_version"], name="one_feedback_per_plan_period"
            ),
            models.CheckConstraint(
                condition=models.Q(score__gte=SCORES[0], score__lte=SCORES[-1]),
                name="feedback_score_1_to_10",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.score} ({self.case}, versie {self.plan_version})"


class HiddenItem(models.Model):
    """A member hides an item about themself from the rest of the household in the portal:
    an action they own or an organisation that helps only them. Professionals still see it."""

    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("verborgen door"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    action = models.ForeignKey(
        "plans.Action", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    involvement = models.ForeignKey(
        "cases.Involvement", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    hidden_at = models.DateTimeField(_("verborgen op"), auto_now_add=True)

    class Meta:
        verbose_name = _("verborgen voor het huishouden")
        verbose_name_plural = _("verborgen voor het huishouden")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(action__isnull=True) ^ models.Q(involvement__isnull=True),
                name="hidden_item_is_one_thing",
            ),
            models.UniqueConstraint(fields=["person", "action"], name="unique_hidden_action"),
            models.UniqueConstraint(
                fields=["person", "involvement"], name="unique_hidden_involvement"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.action or self.involvement}"
