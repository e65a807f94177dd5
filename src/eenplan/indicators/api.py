"""Indicators in API v1: the definitions (``indicators/``) and the values (``indicator-values/``).

Aggregates only, for team leaders, directors, policy officers and functional admins (403 for
everyone else). The values are the cells the dashboard shows, read through
``indicators.selectors.benchmark`` and ``indicators.export``: a suppressed cell has no numbers
here either. A value row never refers to a case, a household or a person.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import BasePermission
from rest_framework.views import APIView

from eenplan.api.pagination import (
    PageQuerySerializer,
    listing_response,
    paginated,
    validated_query,
)
from eenplan.api.permissions import IsProfessional
from eenplan.api.views.responses import BAD_REQUEST, FORBIDDEN
from eenplan.common.selectors import Listing
from eenplan.indicators import selectors
from eenplan.indicators.definitions import CORE, Indicator
from eenplan.indicators.export import FlatRow, columns, flat_rows
from eenplan.indicators.peers import peer_groups
from eenplan.indicators.periods import last_quarters
from eenplan.indicators.serializers import (
    IndicatorSerializer,
    IndicatorValueQuerySerializer,
    IndicatorValueSerializer,
)
from eenplan.tenancy.models import Municipality

TAGS = ["indicators"]
DEFAULT_QUARTERS = 4


class MayViewIndicators(BasePermission):
    message = _(
        "Alleen teamleiders, directeuren, beleidsmedewerkers en functioneel beheerders zien de "
        "indicatoren."
    )

    def has_permission(self, request, view) -> bool:
        return selectors.may_view(request.user)


def _page(items: list, *, page: int, page_size: int) -> Listing:
    offset = (page - 1) * page_size
    return Listing(
        items=items[offset : offset + page_size], count=len(items), page=page, page_size=page_size
    )


def _municipality(municipality: Municipality | None) -> dict | None:
    if municipality is None:
        return None
    return {"uuid": municipality.uuid, "name": municipality.name}


def _definition(indicator: Indicator, municipality: Municipality | None = None) -> dict:
    return {
        "code": indicator.code,
        "name": str(indicator.name),
        "unit": str(indicator.unit),
        "scale": int(indicator.scale),
        "counts": str(indicator.counts),
        "period": str(indicator.period),
        "numerator_label": str(indicator.numerator_label),
        "denominator_label": str(indicator.denominator_label),
        "is_median": indicator.is_median,
        "is_core": indicator.is_core,
        "available": indicator.available,
        "municipality": _municipality(municipality),
    }


def _value(row: FlatRow) -> dict:
    return {
        "indicator": row.indicator.code,
        "municipality": _municipality(row.column.municipality),
        "peer_group": row.column.group.key if row.column.is_group else None,
        "period": row.quarter.label,
        "value": row.value,
        "numerator": row.numerator,
        "denominator": row.denominator,
        "suppressed": row.suppressed,
    }


class IndicatorListView(APIView):
    permission_classes = [IsProfessional, MayViewIndicators]

    @extend_schema(
        operation_id="indicators_list",
        summary="Indicatoren (definities)",
        description=(
            "De standaard kern, dan de lokale indicatoren per gemeente: code, naam, eenheid, "
            "schaal, wat telt, teller en noemer. Alleen voor teamleiders, directeuren, "
            "beleidsmedewerkers en functioneel beheerders."
        ),
        parameters=[PageQuerySerializer],
        responses={200: paginated(IndicatorSerializer), 400: BAD_REQUEST, 403: FORBIDDEN},
        tags=TAGS,
    )
    def get(self, request):
        query = validated_query(request, PageQuerySerializer)
        definitions = [_definition(indicator) for indicator in CORE] + [
            _definition(indicator, municipality)
            for indicator, municipality in selectors.local_definitions()
        ]
        return listing_response(request, _page(definitions, **query), IndicatorSerializer)


class IndicatorValueListView(APIView):
    permission_classes = [IsProfessional, MayViewIndicators]

    @extend_schema(
        operation_id="indicator_values_list",
        summary="Waarden van de indicatoren",
        description=(
            "Per indicator, per gemeente en per kwartaal een rij, met daarna de groep als geheel "
            "(de gekozen vergelijkingsgroep, anders de regio's van de gemeenten). Standaard de "
            "laatste 4 kwartalen (het lopende meegeteld); ten hoogste 12 per vraag. Een rij met "
            "suppressed=true is gebaseerd op minder dan 5 casussen en heeft geen getallen. "
            "value null zonder onderdrukking: geen gegevens (of een mediaan van een groep die "
            "geen regio is). Een lokale indicator heeft alleen rijen voor zijn eigen gemeente; "
            "een indicator zonder gegevens (available=false) geen."
        ),
        parameters=[IndicatorValueQuerySerializer],
        responses={200: paginated(IndicatorValueSerializer), 400: BAD_REQUEST, 403: FORBIDDEN},
        tags=TAGS,
    )
    def get(self, request):
        query = validated_query(request, IndicatorValueQuerySerializer)
        quarters = query["period"] or last_quarters(DEFAULT_QUARTERS)
        group = _group(query["peer_group"])
        municipalities = _municipality_uuids(query["municipality"])
        codes = list(dict.fromkeys(query["indicator"]))
        benchmark = selectors.benchmark(
            user=request.user,
            quarters=quarters,
            municipality_uuids=municipalities or None,
            peer_group=query["peer_group"],
            indicator_codes=codes or None,
        )
        found = {indicator.code for indicator in benchmark.indicators}
        unknown = [code for code in codes if code not in found]
        if unknown:
            raise ValidationError(
                {
                    "indicator": [
                        _(
                            "Onbekende indicator: %(codes)s (of een lokale indicator van een "
                            "gemeente buiten deze keuze)."
                        )
                        % {"codes": ", ".join(unknown)}
                    ]
                }
            )
        rows = [_value(row) for row in flat_rows(benchmark, columns(benchmark, group), quarters)]
        listing = _page(rows, page=query["page"], page_size=query["page_size"])
        return listing_response(request, listing, IndicatorValueSerializer)


def _group(key: str):
    if not key:
        return None
    group = next((g for g in peer_groups() if g.key == key), None)
    if group is None:
        raise ValidationError(
            {"peer_group": [_("Onbekende vergelijkingsgroep: %(key)s.") % {"key": key}]}
        )
    return group


def _municipality_uuids(values: list) -> list:
    """The asked municipalities (no personal data); an unknown UUID is a 400."""
    asked = set(values)
    known = set(Municipality.objects.filter(uuid__in=asked).values_list("uuid", flat=True))
    if asked - known:
        raise ValidationError({"municipality": [_("Onbekende gemeente.")]})
    return sorted(asked, key=str)
