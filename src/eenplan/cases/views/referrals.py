"""'Aanmeldingen': referrals to the user's organisations (received) and from them (sent).

A received referral shows what the household agreed to share at referral: the case reference,
the persons referred, the reason, the help asked for, and whom to contact at the sender. The
receiver accepts (and becomes involved, with a contact person) or declines with a reason.
"""

import uuid
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.views.decorators.http import require_GET, require_POST

from eenplan.cases import selectors, services
from eenplan.cases.constants import ReferralStatus
from eenplan.cases.forms import (
    AcceptReferralForm,
    DeclineReferralForm,
    ReferralFilterForm,
    add_service_errors,
    page_number,
    professionals_by_organisation,
)
from eenplan.common.constants import LifeDomain
from eenplan.privacy import policy
from eenplan.tenancy.models import Organisation

RECEIVED, SENT = "ontvangen", "verstuurd"
INBOX = "referrals:inbox"


@dataclass
class ReferralRow:
    referral: object
    accept_form: AcceptReferralForm | None = None
    decline_form: DeclineReferralForm | None = None

    @property
    def life_domains(self) -> list[str]:
        codes = self.referral.life_domains
        return [LifeDomain(code).label for code in codes if code in LifeDomain.values]

    @property
    def is_open(self) -> bool:
        return self.referral.status == ReferralStatus.SENT


def _accept_form(referral, professionals: dict, data=None) -> AcceptReferralForm:
    return AcceptReferralForm(
        data,
        professionals=professionals.get(referral.to_organisation, []),
        auto_id=f"accepteren-{referral.uuid}-%s",
    )


def _decline_form(referral, data=None) -> DeclineReferralForm:
    return DeclineReferralForm(data, auto_id=f"afwijzen-{referral.uuid}-%s")


def _own_professionals(user) -> dict:
    """The colleagues who can be contact person, per organisation the user works for."""
    own = Organisation.objects.filter(pk__in=policy.working_organisation_ids(user))
    return professionals_by_organisation(own)


def render_inbox(request, *, bound: dict | None = None, status: int = 200):
    """The inbox; after a post with an error, the open received referrals with that form bound
    (``bound`` maps a referral UUID to its accept or decline form)."""
    bound = bound or {}
    direction = SENT if request.GET.get("richting") == SENT else RECEIVED
    form = ReferralFilterForm(request.GET)
    listing, rows = None, []
    if form.is_valid():
        listing = selectors.referral_list(
            user=request.user,
            incoming=direction == RECEIVED,
            status=form.status_filter(),
            page=page_number(request.GET.get("page")),
        )
        professionals = _own_professionals(request.user) if direction == RECEIVED else {}
        for referral in listing.items:
            row = ReferralRow(referral=referral)
            if direction == RECEIVED and row.is_open:
                forms_bound = bound.get(referral.uuid, {})
                row.accept_form = forms_bound.get("accept") or _accept_form(referral, professionals)
                row.decline_form = forms_bound.get("decline") or _decline_form(referral)
            rows.append(row)
    context = {
        "form": form,
        "direction": direction,
        "listing": listing,
        "rows": rows,
        "has_errors": any(f.errors for forms in bound.values() for f in forms.values()),
    }
    return render(request, "cases/referrals.html", context, status=status)


@login_required
@require_GET
def inbox(request):
    return render_inbox(request)


def _referral_or_404(request, referral_uuid: uuid.UUID):
    try:
        return selectors.referral_get(user=request.user, referral_uuid=referral_uuid)
    except ObjectDoesNotExist as exc:
        raise Http404 from exc


def _service_error(request, form, error: ValidationError) -> None:
    """A field error shows at the form; one about the referral as a whole (say, someone else
    decided meanwhile) at the top, because the form is then no longer on the page."""
    if hasattr(error, "error_dict"):
        add_service_errors(form, error)
    else:
        messages.error(request, " ".join(error.messages))


@login_required
@require_POST
def referral_accept(request, referral_uuid: uuid.UUID):
    referral = _referral_or_404(request, referral_uuid)
    form = _accept_form(referral, _own_professionals(request.user), request.POST)
    if form.is_valid():
        try:
            services.referral_accept(
                actor=request.user, referral=referral, contact=form.cleaned_data["contact"]
            )
        except ObjectDoesNotExist as exc:
            raise Http404 from exc
        except ValidationError as exc:
            _service_error(request, form, exc)
        else:
            url = reverse(
                "people:household", kwargs={"household_uuid": referral.case.household.uuid}
            )
            messages.success(
                request,
                format_html(
                    "U heeft de aanmelding voor casus {} geaccepteerd. Uw organisatie is nu "
                    'betrokken. <a href="{}">Naar het huishouden</a>',
                    referral.case.reference,
                    url,
                ),
            )
            return redirect(INBOX)
    return render_inbox(request, bound={referral.uuid: {"accept": form}}, status=400)


@login_required
@require_POST
def referral_decline(request, referral_uuid: uuid.UUID):
    referral = _referral_or_404(request, referral_uuid)
    form = _decline_form(referral, request.POST)
    if form.is_valid():
        try:
            services.referral_decline(
                actor=request.user,
                referral=referral,
                reason=form.cleaned_data["decline_reason"],
            )
        except ObjectDoesNotExist as exc:
            raise Http404 from exc
        except ValidationError as exc:
            _service_error(request, form, exc)
        else:
            messages.success(
                request,
                f"U heeft de aanmelding voor casus {referral.case.reference} afgewezen. "
                f"{referral.from_organisation.name} leest uw reden.",
            )
            return redirect(INBOX)
    return render_inbox(request, bound={referral.uuid: {"decline": form}}, status=400)
