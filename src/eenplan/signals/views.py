"""Pages for professionals about signals: the inbox and resolving a signal.

Views stay thin: the selectors decide which signals a user sees and write the access log; the
service decides who may resolve. A signal the user may not see is a 404, exactly like one that
does not exist. Without JavaScript "Afhandelen" opens a page with the form; with htmx the form
opens in the signal's card and a post answers with the card.
"""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods

from eenplan.cases.forms import add_service_errors, page_number
from eenplan.signals import selectors, services
from eenplan.signals.forms import InboxFilterForm, ResolveForm

PAGE_SIZE = 25
RESOLVED = "Het signaal is afgehandeld en staat niet meer in de lijst met open signalen."


@login_required
@require_GET
def inbox(request):
    form = InboxFilterForm(request.GET)
    listing = None
    if form.is_valid():
        listing = selectors.signal_inbox(
            user=request.user,
            page=page_number(request.GET.get("page")),
            page_size=PAGE_SIZE,
            **form.filters(),
        )
    context = {"form": form, "listing": listing, "next": request.get_full_path()}
    return render(request, "signals/inbox.html", context)


def _next_url(request, value: str) -> str:
    if value and url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return value
    return reverse("signals:inbox")


def _load(request, signal_uuid: uuid.UUID):
    try:
        return selectors.signal_get(user=request.user, signal_uuid=signal_uuid)
    except ObjectDoesNotExist as exc:
        raise Http404 from exc


def _answer(request, signal, form, *, notice: str = "", status: int = 200):
    """The resolve page, or for htmx the form (GET) or the signal's card (POST)."""
    context = {
        "signal": signal,
        "resolve_form": form,
        "notice": notice,
        "next": _next_url(request, form["next"].value() or ""),
    }
    if request.htmx:
        template = (
            "signals/_resolve_form.html" if request.method == "GET" else "signals/_signal.html"
        )
        return render(request, template, context, status=status)
    return render(request, "signals/resolve.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def resolve(request, signal_uuid: uuid.UUID):
    signal = _load(request, signal_uuid)
    data = request.POST if request.method == "POST" else None
    form = ResolveForm(data, signal=signal, initial={"next": request.GET.get("next", "")})
    if data is None:
        return _answer(request, signal, form)
    if form.is_valid():
        try:
            services.signal_resolve(actor=request.user, signal=signal, **form.service_kwargs())
        except ObjectDoesNotExist as exc:
            raise Http404 from exc
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            if request.htmx:
                return _answer(request, _load(request, signal_uuid), form, notice=RESOLVED)
            messages.success(request, RESOLVED)
            return redirect(_next_url(request, form.cleaned_data["next"]))
    return _answer(request, signal, form, status=400)
