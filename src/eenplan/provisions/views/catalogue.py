"""The catalogue for professionals (read-only): the products of the regions they work in, the
contracts with their tariffs, and the mandates of their municipalities. Functional admins add a
product or a mandate here; ``services.product_create`` and ``mandate_create`` check again that
they may, for the region or municipality chosen. No personal data."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from eenplan.cases.forms import add_service_errors
from eenplan.privacy import policy
from eenplan.provisions import selectors, services
from eenplan.provisions.forms import MANDATE_FIELDS, PRODUCT_FIELDS, MandateForm, ProductForm
from eenplan.provisions.models import Product
from eenplan.tenancy.constants import Role
from eenplan.tenancy.models import Municipality, Organisation, Region


@dataclass(frozen=True)
class RegionCatalogue:
    region: Region
    products: list
    contracts: list


def _municipalities(user, roles) -> list[Municipality]:
    ids = policy.role_municipality_ids(user, roles)
    return list(Municipality.objects.filter(pk__in=ids).select_related("region"))


def _admin_forms(user, bound: dict) -> dict:
    municipalities = _municipalities(user, [Role.FUNCTIONAL_ADMIN])
    if not municipalities:
        return {}
    ids = [m.pk for m in municipalities]
    regions = Region.objects.filter(municipalities__in=ids).distinct()
    product_form = bound.get("product") or ProductForm(regions=regions)
    mandate_form = bound.get("mandate") or MandateForm(
        municipalities=Municipality.objects.filter(pk__in=ids),
        organisations=Organisation.objects.filter(municipalities__in=ids).distinct(),
        products=Product.objects.filter(region__in=regions, is_active=True),
    )
    return {"product_form": product_form, "mandate_form": mandate_form}


def render_catalogue(request, *, bound: dict | None = None, status: int = 200):
    municipalities = _municipalities(request.user, Role.values)
    regions = {m.region_id: m for m in municipalities}  # one municipality per region
    catalogues = [
        RegionCatalogue(
            region=m.region,
            products=list(selectors.products_for(m)),
            contracts=list(selectors.contracts_in(m.region_id)),
        )
        for m in regions.values()
    ]
    context = {
        "catalogues": catalogues,
        "mandates": [(m, list(selectors.mandates_for(m))) for m in municipalities],
        **_admin_forms(request.user, bound or {}),
    }
    return render(request, "provisions/catalogue.html", context, status=status)


@login_required
@require_GET
def catalogue(request):
    return render_catalogue(request)


def _blank_admin_forms(user) -> dict:
    forms = _admin_forms(user, {})
    if not forms:
        raise PermissionDenied("Alleen een functioneel beheerder mag de catalogus aanvullen.")
    return forms


@login_required
@require_POST
def product_new(request):
    blank = _blank_admin_forms(request.user)["product_form"]
    form = ProductForm(request.POST, regions=blank.fields["region"].queryset)
    if form.is_valid():
        try:
            product = services.product_create(actor=request.user, **form.service_kwargs())
        except ValidationError as exc:
            add_service_errors(form, exc, PRODUCT_FIELDS)
        else:
            messages.success(request, f"{product} staat in de catalogus.")
            return redirect(reverse("provisions:catalogue") + f"#product-{product.uuid}")
    return render_catalogue(request, bound={"product": form}, status=400)


@login_required
@require_POST
def mandate_new(request):
    blank = _blank_admin_forms(request.user)["mandate_form"]
    form = MandateForm(
        request.POST,
        municipalities=blank.fields["municipality"].queryset,
        organisations=blank.fields["organisation"].queryset,
        products=blank.fields["products"].queryset,
    )
    if form.is_valid():
        try:
            mandate = services.mandate_create(actor=request.user, **form.service_kwargs())
        except ValidationError as exc:
            add_service_errors(form, exc, MANDATE_FIELDS)
        else:
            messages.success(request, f"Het mandaat {mandate} is vastgelegd.")
            return redirect(reverse("provisions:catalogue") + f"#mandaat-{mandate.uuid}")
    return render_catalogue(request, bound={"mandate": form}, status=400)
