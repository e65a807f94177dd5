"""The portal's pages. Every page requires a citizen account (the boundary middleware already
keeps every other account out of ``/mijn/``)."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse_lazy
from django.views.decorators.http import require_GET

from eenplan.portal import selectors
from eenplan.portal.forms import CitizenLoginForm
from eenplan.portal.models import Citizen

LOGIN_URL = reverse_lazy("portal:login")


class CitizenLoginView(auth_views.LoginView):
    form_class = CitizenLoginForm
    template_name = "portal/login.html"
    redirect_authenticated_user = False
    next_page = reverse_lazy("portal:home")


class CitizenLogoutView(auth_views.LogoutView):
    next_page = reverse_lazy("portal:login")


@login_required(login_url=LOGIN_URL)
@require_GET
def home(request):
    try:
        plans = selectors.my_plans(user=request.user)
    except Citizen.DoesNotExist as exc:
        raise Http404 from exc
    return render(request, "portal/home.html", {"plans": plans})
