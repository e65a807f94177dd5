"""The list of complaints and objections, nearest deadline first, with the tallies above it."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from eenplan.cases.forms import page_number
from eenplan.complaints import selectors
from eenplan.complaints.forms import ComplaintFilterForm
from eenplan.complaints.views.deadlines import Row, deadlines_of


@login_required
@require_GET
def complaint_list(request):
    per_handler, per_organisation = selectors.overview(user=request.user)
    form = ComplaintFilterForm(
        request.GET, per_handler=per_handler, per_organisation=per_organisation
    )
    page, rows = None, []
    if form.is_valid():
        page = selectors.complaint_page(
            user=request.user,
            chosen=form.chosen(),
            number=page_number(request.GET.get("page")),
        )
        today = timezone.localdate()
        rows = [Row(complaint, deadlines_of(complaint, today)) for complaint in page.object_list]
    context = {
        "form": form,
        "page": page,
        "rows": rows,
        "per_handler": per_handler,
        "per_organisation": per_organisation,
        "filtered": any(request.GET.get(name) for name in form.fields),
        "may_report": bool(selectors.report_municipality_ids(request.user)),
    }
    return render(request, "complaints/list.html", context)
