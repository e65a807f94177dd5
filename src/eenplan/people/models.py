"""Persons, households, the relations between members and the household's own network."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from eenplan.common.identifiers import bsn_digest, bsn_digests, decrypt_bsn, encrypt_bsn
from eenplan.common.models import ChoiceLabels, PublicModel
from eenplan.common.validators import normalise_bsn, validate_bsn, validate_postcode
from eenplan.people.constants import Gender, NetworkKind, RelationKind
from eenplan.privacy import policy


class PersonQuerySet(models.QuerySet):
    def visible_to(self, user) -> "PersonQuerySet":
        return self.filter(policy.person_visibility(user))

    def with_bsn(self, bsn: str) -> "PersonQuerySet":
        """The person with this BSN (as typed: spaces, dots and dashes allowed)."""
        return self.with_any_bsn([bsn])

    def with_any_bsn(self, bsns: Iterable[str]) -> "PersonQuerySet":
        """Persons with one of these BSNs, found by digest under every configured hash key."""
        digests = [d for bsn in bsns if (plain := normalise_bsn(bsn)) for d in bsn_digests(plain)]
        return self.filter(bsn_digest__in=digests) if digests else self.none()


class Person(PublicModel):
    """A person. The BSN is never stored in plain text: ``bsn`` reads and writes it through
    ``bsn_encrypted`` and ``bsn_digest`` (see ``eenplan.common.identifiers``); search with
    ``Person.objects.with_bsn``."""

    bsn_encrypted = models.TextField(_("BSN (versleuteld)"), blank=True, editable=False)
    bsn_digest = models.CharField(
        _("BSN (sleutel-hash)"), max_length=64, blank=True, editable=False, db_index=True
    )
    given_names = models.CharField(_("voornamen"), max_length=200)
    surname_prefix = models.CharField(_("tussenvoegsel"), max_length=20, blank=True)
    surname = models.CharField(_("achternaam"), max_length=200)
    birth_date = models.DateField(_("geboortedatum"), null=True, blank=True)
    gender = models.CharField(
        _("geslacht"), max_length=1, choices=Gender.choices, default=Gender.UNKNOWN
    )
    street = models.CharField(_("straat"), max_length=200, blank=True)
    house_number = models.CharField(_("huisnummer"), max_length=20, blank=True)
    postcode = models.CharField(
        _("postcode"), max_length=7, blank=True, validators=[validate_postcode]
    )
    city = models.CharField(_("woonplaats"), max_length=120, blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")
        ordering = ["surname", "given_names", "pk"]  # pk: namesakes in a stable order
        constraints = [
            models.UniqueConstraint(
                fields=["bsn_digest"],
                condition=~models.Q(bsn_digest=""),
                name="unique_person_bsn_digest",
            )
        ]
        indexes = [
            models.Index(fields=["surname"]),
            models.Index(fields=["birth_date"]),
            models.Index(fields=["postcode"]),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def bsn(self) -> str:
        """The plain BSN, or "" when unknown; decrypted once per stored value."""
        token = self.bsn_encrypted
        cached = self.__dict__.get("_bsn_plain")
        if cached is None or cached[0] != token:
            cached = (token, decrypt_bsn(token) if token else "")
            self.__dict__["_bsn_plain"] = cached
        return cached[1]

    @bsn.setter
    def bsn(self, value: str) -> None:
        plain = normalise_bsn(value) if value else ""
        self.bsn_encrypted = encrypt_bsn(plain) if plain else ""
        self.bsn_digest = bsn_digest(plain) if plain else ""
        self.__dict__["_bsn_plain"] = (self.bsn_encrypted, plain)

    def clean(self) -> None:
        bsn = self.bsn
        if not bsn:
            return
        try:
            validate_bsn(bsn)
        except ValidationError as error:
            raise ValidationError({"bsn": error}) from error
        if Person.objects.with_bsn(bsn).exclude(pk=self.pk).exists():
            duplicate = ValidationError(_("Er is al een persoon met dit BSN."), code="unique_bsn")
            raise ValidationError({"bsn": duplicate})

    def __getstate__(self) -> dict:
        # A pickled person (in a cache, say) carries the token, never the decrypted BSN.
        state = super().__getstate__()
        state.pop("_bsn_plain", None)
        return state

    def validate_constraints(self, exclude=None) -> None:
        # clean() checked the BSN against the digests of every hash key, with a clearer message.
        super().validate_constraints(exclude={*(exclude or ()), "bsn_digest"})

    def age_on(self, day) -> int | None:
        if self.birth_date is None:
            return None
        born = self.birth_date
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.given_names, self.surname_prefix, self.surname) if p)

    @property
    def address(self) -> str:
        street = " ".join(p for p in (self.street, self.house_number) if p)
        place = " ".join(p for p in (self.postcode, self.city) if p)
        return ", ".join(p for p in (street, place) if p)


class HouseholdQuerySet(models.QuerySet):
    def visible_to(self, user) -> "HouseholdQuerySet":
        return self.filter(policy.household_visibility(user))


class Household(PublicModel):
    name = models.CharField(_("naam"), max_length=200, help_text=_("Bijvoorbeeld Familie Bakker."))
    municipality = models.ForeignKey(
        "tenancy.Municipality",
        verbose_name=_("gemeente"),
        on_delete=models.PROTECT,
        related_name="households",
    )
    members = models.ManyToManyField(
        Person, through="HouseholdMember", verbose_name=_("leden"), related_name="households"
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    objects = HouseholdQuerySet.as_manager()

    class Meta:
        verbose_name = _("huishouden")
        verbose_name_plural = _("huishoudens")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class HouseholdMember(models.Model):
    household = models.ForeignKey(
        Household,
        verbose_name=_("huishouden"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    person = models.ForeignKey(
        Person, verbose_name=_("persoon"), on_delete=models.PROTECT, related_name="memberships"
    )
    is_contact = models.BooleanField(
        _("contactpersoon"), default=False, help_text=_("Het eerste aanspreekpunt in het gezin.")
    )

    class Meta:
        verbose_name = _("gezinslid")
        verbose_name_plural = _("gezinsleden")
        constraints = [
            models.UniqueConstraint(fields=["household", "person"], name="unique_household_member")
        ]

    def __str__(self) -> str:
        return f"{self.person} in {self.household}"


class Relation(ChoiceLabels):
    """'person is <kind> of related_person', both members of the same household."""

    household = models.ForeignKey(
        Household,
        verbose_name=_("huishouden"),
        on_delete=models.CASCADE,
        related_name="relations",
    )
    person = models.ForeignKey(
        Person, verbose_name=_("persoon"), on_delete=models.CASCADE, related_name="+"
    )
    related_person = models.ForeignKey(
        Person, verbose_name=_("gerelateerde persoon"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("relatie"), max_length=20, choices=RelationKind.choices)

    class Meta:
        verbose_name = _("relatie")
        verbose_name_plural = _("relaties")
        constraints = [
            models.UniqueConstraint(
                fields=["household", "person", "related_person"], name="unique_relation"
            ),
            models.CheckConstraint(
                condition=~models.Q(person=models.F("related_person")), name="relation_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} is {self.get_kind_display()} van {self.related_person}"


class NetworkMember(PublicModel):
    """Someone from the household's own network (eigen netwerk) who helps."""

    household = models.ForeignKey(
        Household,
        verbose_name=_("huishouden"),
        on_delete=models.CASCADE,
        related_name="network_members",
    )
    name = models.CharField(_("naam"), max_length=200)
    kind = models.CharField(_("soort"), max_length=30, choices=NetworkKind.choices)
    relationship = models.CharField(
        _("relatie tot het gezin"), max_length=200, blank=True, help_text=_("Bijvoorbeeld oma.")
    )
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    contribution = models.TextField(_("wat doet deze persoon"), blank=True)

    class Meta:
        verbose_name = _("netwerklid")
        verbose_name_plural = _("eigen netwerk")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
