"""'Mijn acties': the open actions of the user and of the user's organisations."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from eenplan.cases.forms import page_number
from eenplan.plans import selectors
from eenplan.plans.forms import MyActionsFilterForm

PAGE_SIZE = 25


@login_required
@require_GET
def my_actions(request):
    form = MyActionsFilterForm(request.GET)
    overdue_only = form.is_valid() and form.cleaned_data["te_laat"]
    listing = selectors.my_actions(
        user=request.user,
        overdue_only=overdue_only,
        page=page_number(request.GET.get("page")),
        page_size=PAGE_SIZE,
    )
    context = {"form": form, "listing": listing, "overdue_only": overdue_only}
    return render(request, "plans/my_actions.html", context)
