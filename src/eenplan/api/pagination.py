"""Pages of a list: ``?page=&page_size=`` in, ``{count, next, previous, results}`` out.

Selectors return a ``Listing`` (one page plus the total count); these helpers validate the page
parameters (bad input is a 400, never a 500 or a silent 404) and render a Listing as a response.
"""

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from eenplan.common.selectors import Listing

DEFAULT_PAGE_SIZE = 25
MAX_PAGE_SIZE = 100
# Far beyond any list; a larger number would overflow the database's OFFSET (a 500).
MAX_PAGE = 1_000_000


class PageQuerySerializer(serializers.Serializer):
    page = serializers.IntegerField(
        min_value=1,
        max_value=MAX_PAGE,
        required=False,
        default=1,
        help_text=_("Paginanummer, vanaf 1."),
    )
    page_size = serializers.IntegerField(
        min_value=1,
        max_value=MAX_PAGE_SIZE,
        required=False,
        default=DEFAULT_PAGE_SIZE,
        help_text=_("Aantal resultaten per pagina (maximaal 100)."),
    )


def validated(serializer_class: type[serializers.Serializer], data) -> dict:
    """``data`` (a request body or query) validated by ``serializer_class``; ValidationError
    (400) if not."""
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


def validated_query(request: Request, serializer_class: type[serializers.Serializer]) -> dict:
    """The query parameters validated by ``serializer_class``; ValidationError (400) if not."""
    return validated(serializer_class, request.query_params)


def listing_from_queryset(queryset: QuerySet, *, page: int, page_size: int) -> Listing:
    """One page of a queryset of non-personal data (municipalities, organisations)."""
    offset = (page - 1) * page_size
    return Listing(
        items=list(queryset[offset : offset + page_size]),
        count=queryset.count(),
        page=page,
        page_size=page_size,
    )


def _page_url(request: Request, page: int) -> str:
    return replace_query_param(request.build_absolute_uri(), "page", page)


def listing_response(
    request: Request, listing: Listing, serializer_class: type[serializers.Serializer]
) -> Response:
    previous_page = min(listing.page - 1, listing.num_pages)
    return Response(
        {
            "count": listing.count,
            "next": _page_url(request, listing.page + 1) if listing.has_next else None,
            "previous": _page_url(request, previous_page) if listing.has_previous else None,
            "results": serializer_class(
                listing.items, many=True, context={"request": request}
            ).data,
        }
    )


def paginated(serializer_class: type[serializers.Serializer]) -> type[serializers.Serializer]:
    """The schema of one page of ``serializer_class`` items (for ``extend_schema``)."""
    base = serializer_class.__name__.removesuffix("Serializer")
    return type(
        f"Paginated{base}List",
        (serializers.Serializer,),
        {
            "__module__": __name__,
            "count": serializers.IntegerField(help_text=_("Totaal aantal resultaten.")),
            "next": serializers.URLField(allow_null=True, help_text=_("Volgende pagina.")),
            "previous": serializers.URLField(allow_null=True, help_text=_("Vorige pagina.")),
            "results": serializer_class(many=True),
        },
    )
