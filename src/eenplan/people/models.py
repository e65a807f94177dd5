"""Persons, households, the relations between members and the household's own network."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from eenplan.common.models import PublicModel
from eenplan.common.validators import validate_bsn, validate_postcode
from eenplan.people.constants import Gender, NetworkKind, RelationKind
from eenplan.privacy import policy


class PersonQuerySet(models.QuerySet):
    def visible_to(self, user) -> "PersonQuerySet":
        return self.filter(policy.person_visibility(user))


class Person(PublicModel):
    bsn = models.CharField(
        _("BSN"), max_length=9, blank=True, validators=[validate_bsn], help_text=_("Optioneel.")
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
        ordering = ["surname", "given_names"]
        constraints = [
            models.UniqueConstraint(
                fields=["bsn"], condition=~models.Q(bsn=""), name="unique_person_bsn"
            )
        ]
        indexes = [
            models.Index(fields=["surname"]),
            models.Index(fields=["birth_date"]),
            models.Index(fields=["postcode"]),
        ]

    def __str__(self) -> str:
        return self.full_name

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


class Relation(models.Model):
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
