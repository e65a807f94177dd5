"""Indicators in API v1: definitions and values, aggregates only.

A value row is a municipality's or a group's cell in one quarter. A suppressed cell (fewer than 5
cases) has ``suppressed: true`` and no value, numerator or denominator: they are null, exactly as
on the pages and in the export.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from eenplan.api.pagination import PageQuerySerializer
from eenplan.indicators.forms import quarter_range
from eenplan.indicators.periods import Quarter

MAX_QUARTERS = 12
FIRST_YEAR, LAST_YEAR = 2000, 2100


class MunicipalityNameSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    name = serializers.CharField()


class IndicatorSerializer(serializers.Serializer):
    """An indicator's definition; ``municipality`` is set for a local indicator only."""

    code = serializers.CharField()
    name = serializers.CharField()
    unit = serializers.CharField()
    scale = serializers.IntegerField(
        help_text=_("De verhouding maal dit getal: 1, 100 (procent), 1000 of 10000.")
    )
    counts = serializers.CharField(help_text=_("Wat telt, in woorden."))
    period = serializers.CharField()
    numerator_label = serializers.CharField(help_text=_("De teller; leeg zonder gegevens."))
    denominator_label = serializers.CharField(
        help_text=_("De noemer (bij een mediaan: waarover de mediaan gaat).")
    )
    is_median = serializers.BooleanField()
    is_core = serializers.BooleanField(help_text=_("Hoort bij de standaard kern."))
    available = serializers.BooleanField(
        help_text=_("false: EenPlan heeft hiervoor nog geen gegevens (geen waarden).")
    )
    municipality = MunicipalityNameSerializer(
        allow_null=True, help_text=_("De gemeente van een lokale indicator; null voor de kern.")
    )


class IndicatorValueSerializer(serializers.Serializer):
    indicator = serializers.CharField(help_text=_("De code van de indicator."))
    municipality = MunicipalityNameSerializer(
        allow_null=True, help_text=_("De gemeente; null voor een groep.")
    )
    peer_group = serializers.CharField(
        allow_null=True, help_text=_("De sleutel van de groep; null voor een gemeente.")
    )
    period = serializers.CharField(help_text=_("Het kwartaal, bijvoorbeeld 2026-K3."))
    value = serializers.FloatField(
        allow_null=True,
        help_text=_("Afgerond op 2 decimalen; null als onderdrukt of zonder gegevens."),
    )
    numerator = serializers.FloatField(allow_null=True)
    denominator = serializers.FloatField(allow_null=True)
    suppressed = serializers.BooleanField(
        help_text=_("Gebaseerd op minder dan 5 casussen: geen getallen.")
    )


class QuarterField(serializers.CharField):
    def to_internal_value(self, data) -> Quarter:
        text = super().to_internal_value(data)
        try:
            quarter = Quarter.parse(text)
        except ValueError:
            quarter = None
        if quarter is None or not FIRST_YEAR <= quarter.year <= LAST_YEAR:
            raise serializers.ValidationError(
                _(
                    "Geen kwartaal: %(value)s. Schrijf het jaar, -K en het kwartaal (1 tot en "
                    "met 4), bijvoorbeeld 2026-K3."
                )
                % {"value": text}
            )
        return quarter


def _count(start: Quarter, end: Quarter) -> int:
    return (end.year * 4 + end.number) - (start.year * 4 + start.number) + 1


class IndicatorValueQuerySerializer(PageQuerySerializer):
    municipality = serializers.ListField(
        child=serializers.UUIDField(),
        required=False,
        default=list,
        help_text=_("UUID van een gemeente; herhaal voor meer gemeenten. Standaard: alle."),
    )
    period = serializers.ListField(
        child=QuarterField(),
        required=False,
        default=list,
        max_length=MAX_QUARTERS,
        help_text=_(
            "Kwartaal, bijvoorbeeld 2026-K3; herhaal voor meer kwartalen (ten hoogste 12). "
            "Standaard: de laatste 4 kwartalen, het lopende meegeteld."
        ),
    )
    from_ = QuarterField(
        source="start",
        required=False,
        help_text=_("Begin van een reeks kwartalen (met to), bijvoorbeeld 2025-K1."),
    )
    to = QuarterField(
        source="end",
        required=False,
        help_text=_("Eind van de reeks (tot en met), bijvoorbeeld 2026-K2."),
    )
    peer_group = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text=_(
            "Sleutel van een vergelijkingsgroep (regio-<uuid>, grootte-<n>, "
            "probleem-<leefgebied>): alleen de gemeenten daarvan, met de groep als geheel. "
            "Zonder: per regio."
        ),
    )
    indicator = serializers.ListField(
        child=serializers.CharField(),
        required=False,
        default=list,
        help_text=_("Code van een indicator; herhaal voor meer. Standaard: alle."),
    )

    def get_fields(self):
        fields = super().get_fields()
        fields["from"] = fields.pop("from_")  # "from" is a Python keyword
        return fields

    def validate(self, attrs: dict) -> dict:
        start, end = attrs.pop("start", None), attrs.pop("end", None)
        if attrs["period"] and (start or end):
            raise serializers.ValidationError(
                {"period": [_("Vraag losse kwartalen (period) of een reeks (from en to).")]}
            )
        if bool(start) != bool(end):
            raise serializers.ValidationError(
                {"to" if start else "from": [_("Geef from en to allebei.")]}
            )
        if start and end:
            if start > end:
                raise serializers.ValidationError({"to": [_("Het eind ligt voor het begin.")]})
            if _count(start, end) > MAX_QUARTERS:
                raise serializers.ValidationError(
                    {"to": [_("Vraag ten hoogste 12 kwartalen tegelijk.")]}
                )
            attrs["period"] = quarter_range(start, end)
        attrs["period"] = sorted(set(attrs["period"]))
        return attrs
