"""Building blocks shared by the serializers: life domains with their labels, user references."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from eenplan.common.constants import LifeDomain


class LifeDomainSerializer(serializers.Serializer):
    code = serializers.ChoiceField(choices=LifeDomain.choices)
    label = serializers.CharField()


@extend_schema_field(LifeDomainSerializer)
class LifeDomainField(serializers.Field):
    """A life-domain code as ``{"code", "label"}``; an empty code as ``null``."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        if not value:
            return None
        label = LifeDomain(value).label if value in LifeDomain.values else value
        return {"code": value, "label": str(label)}


class ContactSerializer(serializers.Serializer):
    """How to reach a professional: name, e-mail, telephone."""

    name = serializers.CharField(source="__str__", help_text=_("Volledige naam."))
    email = serializers.EmailField()
    phone = serializers.CharField()


class OrganisationRefSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    name = serializers.CharField()


class CoordinatorSerializer(serializers.Serializer):
    """The case's coordinator (regisseur) and the organisation they coordinate for."""

    uuid = serializers.UUIDField(source="user.uuid")
    name = serializers.CharField(source="user.__str__")
    email = serializers.EmailField(source="user.email")
    phone = serializers.CharField(source="user.phone")
    organisation = OrganisationRefSerializer(allow_null=True)


class ConflictSerializer(serializers.Serializer):
    """A refused change: someone else saved first."""

    detail = serializers.CharField()
    code = serializers.CharField(help_text=_("Altijd conflict."))
