"""'Afspraken': the agreements from meetings to follow up, per meeting, organisation, owner and
state. The reminder e-mails link here (``consultations:follow-up``)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from eenplan.cases.forms import page_number
from eenplan.consultations import selectors
from eenplan.consultations.forms import FollowUpFilterForm
from eenplan.consultations.views.detail import mark_states
from eenplan.consultations.views.lookups import visible_meetings

PAGE_SIZE = 25


@login_required
@require_GET
def follow_up(request):
    form = FollowUpFilterForm(request.GET, meetings=visible_meetings(request.user))
    listing = None
    if form.is_valid():
        listing = selectors.agreement_list(
            user=request.user,
            page=page_number(request.GET.get("page")),
            page_size=PAGE_SIZE,
            **form.filters(request.user),
        )
        mark_states(listing.items)
    filtered = any(request.GET.get(name) for name in form.fields)
    context = {
        "form": form,
        "listing": listing,
        "filtered": filtered,
    }
    return render(request, "consultations/follow_up.html", context)
