"""The access log page, for privacy officers; the selector refuses everyone else (403)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from eenplan.cases.forms import page_number
from eenplan.privacy import selectors
from eenplan.privacy.forms import AccessLogFilterForm


@login_required
@require_http_methods(["GET", "POST"])
def access_log(request):
    """Filters come by GET (links in the table) or POST (the form, so a BSN stays out of URLs).

    An invalid filter is not used: the page shows the error above the unfiltered log.
    """
    data = request.POST if request.method == "POST" else request.GET
    form = AccessLogFilterForm(data)
    filters = form.filters() if form.is_valid() else {}
    listing = selectors.access_log_list(
        user=request.user, page=page_number(data.get("page")), **filters
    )
    return render(
        request,
        "privacy/access_log.html",
        {"form": form, "listing": listing, "is_filtered": any(filters.values())},
    )
