"""Stories from practice: the list (viewers read all, a professional the ones they wrote) and
writing one (professionals, for a municipality their organisation serves)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from eenplan.cases.forms import add_service_errors
from eenplan.indicators import selectors, services
from eenplan.indicators.definitions import CORE_BY_CODE
from eenplan.indicators.forms import THEME_LABELS, StoryFilterForm, StoryForm
from eenplan.tenancy.constants import CASE_WORKER_ROLES
from eenplan.tenancy.models import Municipality


def _may_write(user) -> bool:
    return user.has_role(*CASE_WORKER_ROLES)


def labelled(story) -> dict:
    return {
        "story": story,
        "themes": [THEME_LABELS.get(theme, theme) for theme in story.themes],
        "indicators": [
            CORE_BY_CODE[code] for code in story.indicator_codes if code in CORE_BY_CODE
        ],
    }


@login_required
@require_GET
def story_list(request):
    viewer = selectors.may_view(request.user)
    if not viewer and not _may_write(request.user):
        raise PermissionDenied("Alleen voor beleid, management en professionals.")
    municipalities = (
        list(Municipality.objects.order_by("name"))
        if viewer
        else selectors.story_municipalities(request.user)
    )
    form = StoryFilterForm(request.GET, municipalities=municipalities)
    stories = []
    if form.is_valid():
        data = form.cleaned_data
        chosen = [m.pk for m in municipalities if str(m.uuid) == data["municipality"]]
        stories = selectors.stories(
            user=request.user,
            municipality_ids=chosen if data["municipality"] else None,
            indicator_code=data["indicator"],
        )
        if data["theme"]:
            stories = [story for story in stories if data["theme"] in story.themes]
    context = {
        "form": form,
        "stories": [labelled(story) for story in stories],
        "viewer": viewer,
        "may_write": _may_write(request.user),
        "filtered": any(request.GET.get(name) for name in form.fields),
    }
    return render(request, "indicators/stories/list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def story_write(request):
    municipalities = selectors.story_municipalities(request.user)
    if not municipalities:
        raise PermissionDenied("Verhalen schrijven professionals die met huishoudens werken.")
    data = request.POST if request.method == "POST" else None
    form = StoryForm(data, municipalities=municipalities, auto_id="verhaal-%s")
    if data is not None and form.is_valid():
        try:
            services.story_write(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, "Uw verhaal is opgeslagen. Beleid leest het naast de cijfers."
            )
            return redirect(reverse("indicators:stories"))
    status = 400 if data is not None else 200
    return render(request, "indicators/stories/write.html", {"form": form}, status=status)
