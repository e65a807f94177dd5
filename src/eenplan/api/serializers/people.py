"""Persons: the search parameters, a person, a search hit with its households."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from eenplan.common.validators import is_valid_bsn, normalise_postcode, validate_postcode
from eenplan.people.models import HouseholdMember, NetworkMember, Person, Relation


class PersonSearchQuerySerializer(serializers.Serializer):
    """Search criteria: at least one; a person must match every criterion given."""

    bsn = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=20, help_text=_("BSN (11-proef).")
    )
    name = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=200,
        help_text=_("Naam; elk woord moet voorkomen in voornamen, tussenvoegsel of achternaam."),
    )
    birth_date = serializers.DateField(
        required=False,
        allow_null=True,
        default=None,
        input_formats=["%Y-%m-%d"],
        help_text=_("Geboortedatum als JJJJ-MM-DD."),
    )
    postcode = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=10, help_text=_("Postcode.")
    )

    def validate_bsn(self, value: str) -> str:
        if value and not is_valid_bsn(value):
            raise serializers.ValidationError(_("Dit is geen geldig BSN (9 cijfers, 11-proef)."))
        return value

    def validate_postcode(self, value: str) -> str:
        if not value:
            return value
        postcode = normalise_postcode(value)
        try:
            validate_postcode(postcode)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.messages) from error
        return postcode

    def validate(self, attrs: dict) -> dict:
        if not any((attrs["bsn"], attrs["name"].strip(), attrs["birth_date"], attrs["postcode"])):
            raise serializers.ValidationError(_("Vul minstens één zoekterm in."))
        return attrs


class PersonSerializer(serializers.ModelSerializer):
    bsn = serializers.CharField(read_only=True, help_text=_("BSN; leeg als het niet bekend is."))
    full_name = serializers.CharField(read_only=True)
    gender_display = serializers.CharField(source="get_gender_display", read_only=True)
    address = serializers.CharField(read_only=True)

    class Meta:
        model = Person
        fields = [
            "uuid",
            "bsn",
            "given_names",
            "surname_prefix",
            "surname",
            "full_name",
            "birth_date",
            "gender",
            "gender_display",
            "street",
            "house_number",
            "postcode",
            "city",
            "address",
            "phone",
            "email",
        ]
        read_only_fields = fields


class PersonHouseholdSerializer(serializers.ModelSerializer):
    """A household the person belongs to (and which the user may see)."""

    uuid = serializers.UUIDField(source="household.uuid", read_only=True)
    name = serializers.CharField(source="household.name", read_only=True)

    class Meta:
        model = HouseholdMember
        fields = ["uuid", "name", "is_contact"]
        read_only_fields = fields


class PersonSearchHitSerializer(PersonSerializer):
    households = PersonHouseholdSerializer(source="search_households", many=True, read_only=True)

    class Meta(PersonSerializer.Meta):
        fields = [*PersonSerializer.Meta.fields, "households"]
        read_only_fields = fields


class PersonSearchResultSerializer(serializers.Serializer):
    count = serializers.IntegerField(help_text=_("Aantal gevonden personen (maximaal 50)."))
    results = PersonSearchHitSerializer(many=True)


class HouseholdMemberSerializer(PersonSerializer):
    """A member of the household: the person's fields and whether they are the contact."""

    is_contact = serializers.BooleanField(read_only=True, default=False)

    class Meta(PersonSerializer.Meta):
        fields = [*PersonSerializer.Meta.fields, "is_contact"]
        read_only_fields = fields

    def to_representation(self, instance: HouseholdMember) -> dict:
        data = super().to_representation(instance.person)
        data["is_contact"] = instance.is_contact
        return data


class RelationSerializer(serializers.ModelSerializer):
    """'person is <kind> of related_person'."""

    person = serializers.UUIDField(source="person.uuid", read_only=True)
    person_name = serializers.CharField(source="person.full_name", read_only=True)
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    related_person = serializers.UUIDField(source="related_person.uuid", read_only=True)
    related_person_name = serializers.CharField(source="related_person.full_name", read_only=True)

    class Meta:
        model = Relation
        fields = [
            "person",
            "person_name",
            "kind",
            "kind_display",
            "related_person",
            "related_person_name",
        ]
        read_only_fields = fields


class NetworkMemberSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)

    class Meta:
        model = NetworkMember
        fields = [
            "uuid",
            "name",
            "kind",
            "kind_display",
            "relationship",
            "phone",
            "email",
            "contribution",
        ]
        read_only_fields = fields
