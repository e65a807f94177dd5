"""Municipalities and organisations: no personal data."""

from rest_framework import serializers

from eenplan.tenancy.models import Municipality, Organisation, Region


class RegionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Region
        fields = ["uuid", "name"]


class MunicipalitySerializer(serializers.ModelSerializer):
    region = RegionSerializer(read_only=True)

    class Meta:
        model = Municipality
        fields = ["uuid", "name", "cbs_code", "inhabitants", "region"]


class MunicipalityRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Municipality
        fields = ["uuid", "name", "cbs_code"]


class OrganisationSerializer(serializers.ModelSerializer):
    type_display = serializers.CharField(source="get_type_display", read_only=True)
    municipalities = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="uuid", help_text="UUID's van de gemeenten."
    )

    class Meta:
        model = Organisation
        fields = [
            "uuid",
            "name",
            "type",
            "type_display",
            "kvk_number",
            "agb_code",
            "phone",
            "email",
            "municipalities",
        ]
