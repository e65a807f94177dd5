"""Provisions: the regional catalogue, contracts, mandates, decisions, one budget and messages.

Money is stored in euro cents (integers), as the iStandaarden do. A decision's amount is fixed
when it is taken (volume x tariff over its period, see ``amounts.py``), so a later tariff change
never rewrites what was granted.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from eenplan.common.fields import EncryptedTextField
from eenplan.common.models import PublicModel
from eenplan.privacy import policy
from eenplan.provisions.constants import (
    BudgetDomain,
    ClaimStatus,
    DecisionStatus,
    Frequency,
    LegalBasis,
    Route,
    Standard,
    Unit,
)
from eenplan.tenancy.constants import Role


class Product(PublicModel):
    """A product of the regional catalogue: iWmo/iJw (category + code) or a product outside them
    (debt help, re-integration, special assistance, a community initiative)."""

    region = models.ForeignKey(
        "tenancy.Region", verbose_name=_("regio"), on_delete=models.PROTECT, related_name="products"
    )
    name = models.CharField(_("naam"), max_length=200)
    description = models.TextField(_("omschrijving voor de inwoner"), blank=True)
    standard = models.CharField(
        _("iStandaard"), max_length=4, choices=Standard.choices, blank=True, default=Standard.NONE
    )
    category = models.CharField(_("productcategorie"), max_length=2, blank=True)
    code = models.CharField(_("productcode"), max_length=5, blank=True)
    unit = models.CharField(_("eenheid"), max_length=2, choices=Unit.choices)
    frequency = models.CharField(_("frequentie"), max_length=1, choices=Frequency.choices)
    legal_basis = models.CharField(_("wet"), max_length=20, choices=LegalBasis.choices)
    budget_domain = models.CharField(_("budgetdomein"), max_length=20, choices=BudgetDomain.choices)
    list_price_cents = models.PositiveIntegerField(
        _("richtprijs per eenheid (cent)"),
        null=True,
        blank=True,
        help_text=_("Voor een toekenning zonder gecontracteerde aanbieder."),
    )
    is_active = models.BooleanField(_("in gebruik"), default=True)

    class Meta:
        verbose_name = _("product")
        verbose_name_plural = _("producten")
        ordering = ["standard", "category", "code", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "standard", "category", "code"],
                condition=~models.Q(standard=""),
                name="unique_istandaard_product",
            )
        ]

    def __str__(self) -> str:
        if self.standard:
            return f"{self.name} ({self.category}{self.code and '/' + self.code})"
        return self.name


class Contract(PublicModel):
    """Regional procurement: a provider delivers products at tariffs, for a period, for a set of
    municipalities."""

    region = models.ForeignKey(
        "tenancy.Region",
        verbose_name=_("regio"),
        on_delete=models.PROTECT,
        related_name="contracts",
    )
    provider = models.ForeignKey(
        "tenancy.Organisation",
        verbose_name=_("aanbieder"),
        on_delete=models.PROTECT,
        related_name="contracts",
    )
    reference = models.CharField(_("kenmerk"), max_length=60)
    valid_from = models.DateField(_("geldig vanaf"))
    valid_until = models.DateField(_("geldig tot en met"), null=True, blank=True)
    municipalities = models.ManyToManyField(
        "tenancy.Municipality", verbose_name=_("voor gemeenten"), related_name="contracts"
    )

    class Meta:
        verbose_name = _("contract")
        verbose_name_plural = _("contracten")
        ordering = ["provider__name", "-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "reference"], name="unique_contract_reference"
            )
        ]

    def __str__(self) -> str:
        return f"{self.reference} — {self.provider}"


class ContractProduct(models.Model):
    contract = models.ForeignKey(
        Contract, verbose_name=_("contract"), on_delete=models.CASCADE, related_name="lines"
    )
    product = models.ForeignKey(
        Product, verbose_name=_("product"), on_delete=models.PROTECT, related_name="contract_lines"
    )
    tariff_cents = models.PositiveIntegerField(_("tarief per eenheid (cent)"))

    class Meta:
        verbose_name = _("product in contract")
        verbose_name_plural = _("producten in contract")
        constraints = [
            models.UniqueConstraint(fields=["contract", "product"], name="unique_contract_product")
        ]

    def __str__(self) -> str:
        return f"{self.product} — {self.contract}"


class Mandate(PublicModel):
    """What a role and/or team may grant for one municipality without municipal approval."""

    municipality = models.ForeignKey(
        "tenancy.Municipality",
        verbose_name=_("gemeente"),
        on_delete=models.CASCADE,
        related_name="mandates",
    )
    name = models.CharField(_("naam"), max_length=200)
    role = models.CharField(_("rol"), max_length=40, choices=Role.choices, blank=True)
    organisation = models.ForeignKey(
        "tenancy.Organisation",
        verbose_name=_("team"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="mandates",
        help_text=_("Leeg: iedereen met de rol bij een organisatie die voor de gemeente werkt."),
    )
    products = models.ManyToManyField(Product, verbose_name=_("producten"), related_name="mandates")
    max_per_decision_cents = models.PositiveIntegerField(_("maximaal per besluit (cent)"))
    max_per_year_cents = models.PositiveIntegerField(
        _("maximaal per inwoner per jaar (cent)"),
        help_text=_("Alle besluiten binnen dit mandaat voor één inwoner die in een jaar starten."),
    )
    max_months = models.PositiveSmallIntegerField(_("maximale duur (maanden)"))
    is_active = models.BooleanField(_("in gebruik"), default=True)

    class Meta:
        verbose_name = _("mandaat")
        verbose_name_plural = _("mandaten")
        ordering = ["municipality__name", "name"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role="") | models.Q(organisation__isnull=False),
                name="mandate_role_or_team",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.municipality})"


class DecisionQuerySet(models.QuerySet):
    def visible_to(self, user) -> "DecisionQuerySet":
        return self.filter(policy.decision_visibility(user))

    def committing(self) -> "DecisionQuerySet":
        """Decisions whose money is committed: granted, or ended (up to their end date)."""
        return self.filter(status__in=[DecisionStatus.GRANTED, DecisionStatus.ENDED])


class Decision(PublicModel):
    """A beschikking: a provision for one person of a case, from request to end.

    Its primary key is the ToewijzingNummer of the iStandaard messages.
    """

    case = models.ForeignKey(
        "cases.Case", verbose_name=_("casus"), on_delete=models.PROTECT, related_name="decisions"
    )
    person = models.ForeignKey(
        "people.Person", verbose_name=_("inwoner"), on_delete=models.PROTECT, related_name="+"
    )
    product = models.ForeignKey(
        Product, verbose_name=_("product"), on_delete=models.PROTECT, related_name="decisions"
    )
    goal = models.ForeignKey(
        "plans.Goal",
        verbose_name=_("doel in het plan"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decisions",
    )
    provider = models.ForeignKey(
        "tenancy.Organisation",
        verbose_name=_("aanbieder"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="allocations",
    )
    contract = models.ForeignKey(
        Contract, verbose_name=_("contract"), on_delete=models.PROTECT, null=True, blank=True
    )
    volume = models.PositiveIntegerField(_("omvang"))
    unit = models.CharField(_("eenheid"), max_length=2, choices=Unit.choices)
    frequency = models.CharField(_("frequentie"), max_length=1, choices=Frequency.choices)
    start_date = models.DateField(_("ingangsdatum"))
    end_date = models.DateField(_("einddatum"))
    tariff_cents = models.PositiveIntegerField(_("tarief per eenheid (cent)"))
    amount_cents = models.PositiveBigIntegerField(_("bedrag (cent)"))
    legal_basis = models.CharField(_("wet"), max_length=20, choices=LegalBasis.choices)
    motivation = models.TextField(_("waarom deze voorziening"))
    status = models.CharField(_("status"), max_length=20, choices=DecisionStatus.choices)
    route = models.CharField(_("route"), max_length=20, choices=Route.choices)
    mandate = models.ForeignKey(
        Mandate, verbose_name=_("mandaat"), on_delete=models.PROTECT, null=True, blank=True
    )
    beyond_mandate = models.TextField(_("waarom boven mandaat"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("aangevraagd door"), on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    requested_by_organisation = models.ForeignKey(
        "tenancy.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("besloten door"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )  # fmt: skip
    decided_at = models.DateTimeField(_("besloten op"), null=True, blank=True)
    decision_reason = models.TextField(_("motivering van het besluit"), blank=True)
    ended_on = models.DateField(_("laatste dag"), null=True, blank=True)
    ended_at = models.DateTimeField(_("beëindigd op"), null=True, blank=True)
    end_reason = models.TextField(_("reden van beëindiging"), blank=True)
    delivery_started_on = models.DateField(_("levering gestart op"), null=True, blank=True)
    delivery_ended_on = models.DateField(_("levering gestopt op"), null=True, blank=True)
    delivery_stop_reason = models.CharField(_("reden stop levering"), max_length=2, blank=True)
    allocation_message = models.ForeignKey(
        "Message",
        verbose_name=_("toewijzingsbericht"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="allocations",
    )

    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("besluit (beschikking)")
        verbose_name_plural = _("besluiten (beschikkingen)")
        ordering = ["-requested_at", "-pk"]
        indexes = [
            models.Index(fields=["case", "status"]),
            models.Index(fields=["status", "route"]),
            models.Index(fields=["provider", "status"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="decision_period_in_order",
            )
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.product}"

    @property
    def reference(self) -> str:
        return f"B{self.pk:07d}"

    @property
    def allocation_number(self) -> int:
        return self.pk


class Claim(PublicModel):
    """A line of a provider's claim (323), accepted or refused against its allocation."""

    decision = models.ForeignKey(
        Decision,
        verbose_name=_("besluit"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="claims",
    )
    message = models.ForeignKey(
        "Message", verbose_name=_("bericht"), on_delete=models.PROTECT, related_name="claims"
    )
    reference = models.CharField(_("referentie aanbieder"), max_length=40)
    period_start = models.DateField(_("begindatum"))
    period_end = models.DateField(_("einddatum"))
    volume = models.PositiveIntegerField(_("geleverd volume"))
    amount_cents = models.BigIntegerField(_("bedrag (cent)"))
    status = models.CharField(_("status"), max_length=20, choices=ClaimStatus.choices)
    refusal_code = models.CharField(_("retourcode"), max_length=4, blank=True)

    class Meta:
        verbose_name = _("declaratieregel")
        verbose_name_plural = _("declaratieregels")
        ordering = ["period_start", "pk"]
        # By reference: a provider may not claim one reference twice, checked for every line.
        indexes = [models.Index(fields=["decision", "status"]), models.Index(fields=["reference"])]

    def __str__(self) -> str:
        return f"{self.reference} ({self.get_status_display()})"


class Message(PublicModel):
    """An iWmo/iJw message written or read, kept as sent for audit (encrypted: it holds BSNs)."""

    municipality = models.ForeignKey(
        "tenancy.Municipality",
        verbose_name=_("gemeente"),
        on_delete=models.PROTECT,
        related_name="messages",
    )
    provider = models.ForeignKey(
        "tenancy.Organisation",
        verbose_name=_("aanbieder"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="messages",
    )
    standard = models.CharField(_("iStandaard"), max_length=4, choices=Standard.choices)
    code = models.CharField(_("berichtcode"), max_length=3)
    incoming = models.BooleanField(_("ontvangen"))
    identification = models.CharField(_("berichtidentificatie"), max_length=20, blank=True)
    file_name = models.CharField(_("bestandsnaam"), max_length=200, blank=True)
    content = EncryptedTextField(_("inhoud"))
    outcome = models.JSONField(_("verwerking"), default=dict, blank=True)
    in_reply_to = models.OneToOneField(
        "self",
        verbose_name=_("antwoord op"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reply",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("bericht")
        verbose_name_plural = _("berichten")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["municipality", "code", "created_at"])]

    def __str__(self) -> str:
        prefix = "JW" if self.standard == Standard.IJW else "WMO"
        return f"{prefix}{self.code} {self.identification}"


class Budget(PublicModel):
    """The one social-domain budget of a municipality for a year."""

    municipality = models.ForeignKey(
        "tenancy.Municipality",
        verbose_name=_("gemeente"),
        on_delete=models.PROTECT,
        related_name="budgets",
    )
    year = models.PositiveSmallIntegerField(_("jaar"))

    class Meta:
        verbose_name = _("budget sociaal domein")
        verbose_name_plural = _("budgetten sociaal domein")
        ordering = ["municipality__name", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "year"], name="one_budget_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.municipality} {self.year}"


class Allocation(models.Model):
    budget = models.ForeignKey(
        Budget, verbose_name=_("budget"), on_delete=models.CASCADE, related_name="allocations"
    )
    domain = models.CharField(_("domein"), max_length=20, choices=BudgetDomain.choices)
    amount_cents = models.PositiveBigIntegerField(_("bedrag (cent)"))

    class Meta:
        verbose_name = _("budgetverdeling")
        verbose_name_plural = _("budgetverdeling")
        constraints = [
            models.UniqueConstraint(fields=["budget", "domain"], name="one_allocation_per_domain")
        ]

    def __str__(self) -> str:
        return f"{self.budget} {self.get_domain_display()}"


class BudgetShift(models.Model):
    """Money moved between two domains of one budget; the total stays the same."""

    budget = models.ForeignKey(
        Budget, verbose_name=_("budget"), on_delete=models.CASCADE, related_name="shifts"
    )
    from_domain = models.CharField(_("van"), max_length=20, choices=BudgetDomain.choices)
    to_domain = models.CharField(_("naar"), max_length=20, choices=BudgetDomain.choices)
    amount_cents = models.PositiveBigIntegerField(_("bedrag (cent)"))
    reason = models.TextField(_("reden"))
    shifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    shifted_at = models.DateTimeField(_("verschoven op"), auto_now_add=True)

    class Meta:
        verbose_name = _("budgetverschuiving")
        verbose_name_plural = _("budgetverschuivingen")
        ordering = ["-shifted_at"]

    def __str__(self) -> str:
        return f"{self.budget}: {self.from_domain} → {self.to_domain}"
