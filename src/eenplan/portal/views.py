"""The portal's pages: what a household member sees and does in Mijn EenPlan.

Thin on purpose: ``portal.selectors`` read (and write the access log), ``portal.services`` change
(and check what this member may do), and ``complaints.services`` handle complaints and objections;
the forms only parse. Every object comes from a UUID through the portal's selectors, so another
household's UUID is "not found", exactly like an unknown one.
A service's ValidationError is shown to the member next to the form or as a message; changes end
in a redirect with a short note (POST-redirect-GET). Every page works without JavaScript.
"""

import functools
import json
import uuid

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from eenplan.cases.constants import DataCategory
from eenplan.cases.forms import add_service_errors
from eenplan.cases.models import Case, Involvement
from eenplan.complaints import services as complaint_services
from eenplan.complaints.letters import render_letter
from eenplan.complaints.models import Complaint, Step
from eenplan.plans.models import Action, Plan
from eenplan.portal import selectors, services
from eenplan.portal.forms import (
    PROPOSAL_FORMS,
    CitizenLoginForm,
    ComplaintAnswerForm,
    ComplaintForm,
    ComplaintWithdrawForm,
    ConsentForm,
    DataRequestForm,
    FeedbackForm,
    MessageForm,
    SwitchForm,
)
from eenplan.portal.models import Citizen
from eenplan.portal.pdf import render_my_data_pdf
from eenplan.portal.rules import persons_in_care

LOGIN_URL = reverse_lazy("portal:login")
NOT_FOUND = (
    Case.DoesNotExist,
    Action.DoesNotExist,
    Involvement.DoesNotExist,
    Citizen.DoesNotExist,
    Complaint.DoesNotExist,
    Step.DoesNotExist,
)
ACCESS_LOG_PAGE_SIZE = 50
STALE_FORM = "Er ging iets mis met het formulier. Laad de pagina opnieuw en probeer het nog eens."


class CitizenLoginView(auth_views.LoginView):
    form_class = CitizenLoginForm
    template_name = "portal/login.html"
    redirect_authenticated_user = False
    next_page = reverse_lazy("portal:home")
    extra_context = {"oidc_enabled": settings.CITIZEN_OIDC_ENABLED}


class CitizenLogoutView(auth_views.LogoutView):
    next_page = reverse_lazy("portal:login")


# ------------------------------------------------------------------------------ helpers


def _missing_is_404(view):
    """What is not the member's (or does not exist) answers 404, whatever the page."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except NOT_FOUND as exc:
            raise Http404 from exc

    return wrapper


def _revision(value) -> int:
    """The plan revision the member read, from the agree form."""
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ValidationError("Laad de pagina opnieuw en probeer het nog eens.") from None


def _show_errors(request, exc: ValidationError) -> None:
    for text in exc.messages:
        messages.error(request, text)


def _add_errors(form, exc: ValidationError) -> None:
    """A service's errors on the form: per field where the form has that field."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def _home(anchor: str = "") -> str:
    return reverse("portal:home") + (f"#{anchor}" if anchor else "")


def _me(request):
    return selectors.citizen_of(request.user).person


# ------------------------------------------------------------------------------ my plan


def _feedback_form(item, data=None) -> FeedbackForm:
    initial = None
    if item.feedback is not None:
        initial = {"score": item.feedback.score, "comment": item.feedback.comment}
    return FeedbackForm(data, initial=initial, auto_id=f"cijfer-{item.case.uuid}-%s")


def _render_home(request, *, bound: dict | None = None, status: int = 200):
    """The plan page; ``bound`` maps a case UUID to a feedback form with errors."""
    bound = bound or {}
    plans = selectors.my_plans(user=request.user)
    me = _me(request)
    for item in plans:
        if item.case is None:
            continue
        item.feedback_form = bound.get(item.case.uuid) or _feedback_form(item)
        for involvement in item.involvements:
            # Only an organisation that helps the member alone may be hidden from the others.
            involvement.helps_only_me = {p.pk for p in involvement.persons.all()} == {me.pk}
    error_form = next(iter(bound.values()), None)
    context = {"plans": plans, "me": me, "error_form": error_form}
    return render(request, "portal/home.html", context, status=status)


@login_required(login_url=LOGIN_URL)
@require_GET
@_missing_is_404
def home(request):
    return _render_home(request)


@login_required(login_url=LOGIN_URL)
@require_POST
@_missing_is_404
def plan_agree(request, case_uuid: uuid.UUID):
    case = selectors.own_case_get(user=request.user, case_uuid=case_uuid)
    try:
        version = services.plan_agree(
            user=request.user, case=case, revision=_revision(request.POST.get("revision"))
        )
    except Plan.DoesNotExist:
        messages.error(request, "Er is nog geen plan om mee akkoord te gaan.")
    except ValidationError as exc:
        _show_errors(request, exc)
    else:
        messages.success(
            request,
            f"U heeft ingestemd met versie {version.number} van het plan. "
            "Uw regisseur en de organisaties zien dat nu.",
        )
    return redirect(_home(f"plan-{case.uuid}"))


@login_required(login_url=LOGIN_URL)
@require_POST
@_missing_is_404
def feedback(request, case_uuid: uuid.UUID):
    case = selectors.own_case_get(user=request.user, case_uuid=case_uuid)
    form = FeedbackForm(request.POST, auto_id=f"cijfer-{case.uuid}-%s")
    if form.is_valid():
        try:
            services.feedback_give(user=request.user, case=case, **form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, "Dank u wel voor uw cijfer. Uw regisseur kan het lezen.")
            return redirect(_home(f"cijfer-{case.uuid}"))
    return _render_home(request, bound={case.uuid: form}, status=400)


@login_required(login_url=LOGIN_URL)
@require_POST
@_missing_is_404
def action_tick(request, action_uuid: uuid.UUID):
    action = selectors.own_action_get(user=request.user, action_uuid=action_uuid)
    form = SwitchForm(request.POST)
    if not form.is_valid():
        messages.error(request, STALE_FORM)
    else:
        try:
            services.action_tick(user=request.user, action=action, done=form.is_on)
        except ValidationError as exc:
            _show_errors(request, exc)
        else:
            done = (
                "Goed zo! De actie staat op klaar." if form.is_on else "De actie staat weer open."
            )
            messages.success(request, done)
    return redirect(_home(f"actie-{action.uuid}"))


@login_required(login_url=LOGIN_URL)
@require_POST
@_missing_is_404
def action_hide(request, action_uuid: uuid.UUID):
    action = selectors.own_action_get(user=request.user, action_uuid=action_uuid)
    _hide(request, case=action.goal.plan.case, action=action)
    return redirect(_home(f"actie-{action.uuid}"))


@login_required(login_url=LOGIN_URL)
@require_POST
@_missing_is_404
def involvement_hide(request, involvement_uuid: uuid.UUID):
    involvement = selectors.own_involvement_get(
        user=request.user, involvement_uuid=involvement_uuid
    )
    _hide(request, case=involvement.case, involvement=involvement)
    return redirect(_home(f"hulp-{involvement.uuid}"))


def _hide(request, *, case, **item) -> None:
    form = SwitchForm(request.POST)
    if not form.is_valid():
        messages.error(request, STALE_FORM)
        return
    try:
        services.item_hide(user=request.user, case=case, hidden=form.is_on, **item)
    except ValidationError as exc:
        _show_errors(request, exc)
        return
    if form.is_on:
        messages.success(request, "Uw huisgenoten zien dit nu niet meer in Mijn EenPlan.")
    else:
        messages.success(request, "Uw huisgenoten zien dit nu weer in Mijn EenPlan.")


# ------------------------------------------------------------------------------ proposals


def _proposal_forms(data=None, kind: str = "") -> dict:
    return {
        key: form_class(data if key == kind else None, prefix=key)
        for key, form_class in PROPOSAL_FORMS.items()
    }


@login_required(login_url=LOGIN_URL)
@require_http_methods(["GET", "POST"])
@_missing_is_404
def propose(request, case_uuid: uuid.UUID):
    case = selectors.own_case_get(user=request.user, case_uuid=case_uuid)
    kind = request.POST.get("soort", "")
    if request.method == "POST" and kind not in PROPOSAL_FORMS:
        messages.error(request, STALE_FORM)
        return redirect("portal:propose", case_uuid=case.uuid)
    forms = _proposal_forms(request.POST if request.method == "POST" else None, kind)
    form = forms.get(kind)
    if form is not None and form.is_valid():
        try:
            services.proposal_submit(user=request.user, case=case, kind=kind, **form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(
                request,
                "Dank u wel voor uw voorstel. "
                "Uw regisseur bespreekt uw voorstel met u en zet het in het plan.",
            )
            return redirect(_home(f"voorstellen-{case.uuid}"))
    context = {"case": case, "forms": forms, "error_form": form}
    return render(request, "portal/propose.html", context, status=400 if form else 200)


# ------------------------------------------------------------------------------ messages


def _render_messages(request, *, bound: dict | None = None, status: int = 200):
    """The threads with the coordinator; what the coordinator wrote counts as read once shown.
    ``bound`` maps a case UUID to a message form with errors."""
    bound = bound or {}
    threads = []
    for case, thread in selectors.my_messages(user=request.user):
        form = bound.get(case.uuid) or MessageForm(auto_id=f"bericht-{case.uuid}-%s")
        threads.append({"case": case, "messages": thread, "form": form})
        if request.method == "GET":
            services.messages_mark_read(user=request.user, case=case)
    context = {"threads": threads, "error_form": next(iter(bound.values()), None)}
    return render(request, "portal/messages.html", context, status=status)


@login_required(login_url=LOGIN_URL)
@require_GET
@_missing_is_404
def messages_page(request):
    return _render_messages(request)


@login_required(login_url=LOGIN_URL)
@require_POST
@_missing_is_404
def message_send(request, case_uuid: uuid.UUID):
    case = selectors.own_case_get(user=request.user, case_uuid=case_uuid)
    form = MessageForm(request.POST, auto_id=f"bericht-{case.uuid}-%s")
    if form.is_valid():
        try:
            services.message_send(user=request.user, case=case, body=form.cleaned_data["body"])
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(
                request, "Uw bericht is verstuurd. Uw regisseur krijgt een mail dat het er is."
            )
            return redirect(reverse("portal:messages") + f"#gesprek-{case.uuid}")
    return _render_messages(request, bound={case.uuid: form}, status=400)


# ------------------------------------------------------------------------------ consent


def _category_names(categories) -> str:
    names = [str(DataCategory(c).label).split(":")[0] for c in categories]
    names = [name[0].lower() + name[1:] for name in names]
    return ", ".join(names[:-1]) + " en " + names[-1] if len(names) > 1 else "".join(names)


def _consent_form(row, index: int, data=None) -> ConsentForm:
    initial = {
        "case": row.case.uuid,
        "organisation": row.organisation.uuid,
        "person": row.person.uuid,
        "categories": sorted(row.categories),
    }
    return ConsentForm(
        data,
        initial=initial,
        organisation_name=row.organisation.name,
        auto_id=f"toestemming-{index}-%s",
    )


def _consent_groups(rows, me, bound: tuple | None) -> list[dict]:
    """Rows per case and person, in the order the selector gives them (the member first)."""
    groups: list[dict] = []
    for index, row in enumerate(rows):
        form = bound[1] if bound and bound[0] == index else _consent_form(row, index)
        if not groups or (groups[-1]["case"], groups[-1]["person"]) != (row.case, row.person):
            groups.append({"case": row.case, "person": row.person, "is_me": row.person == me})
            groups[-1]["rows"] = []
        labels = [label for value, label in DataCategory.choices if value in row.categories]
        by_law = {c.value for basis in row.bases for c in basis.categories}
        groups[-1]["rows"].append(
            {
                "row": row,
                "form": form,
                "index": index,
                "labels": labels,
                # Consent adds nothing where the law already covers every category.
                "may_choose": row.consents or by_law != set(DataCategory.values),
            }
        )
    return groups


def _render_consents(request, rows, *, bound: tuple | None = None, status: int = 200):
    me = _me(request)
    context = {
        "groups": _consent_groups(rows, me, bound),
        "households": len({row.case.pk for row in rows}),
        "error_form": bound[1] if bound else None,
    }
    return render(request, "portal/consents.html", context, status=status)


def _posted_row(rows, form: ConsentForm):
    """The row the POSTed UUIDs point at, among the member's own rows only."""
    data = form.cleaned_data
    for index, row in enumerate(rows):
        if (row.case.uuid, row.organisation.uuid, row.person.uuid) == (
            data.get("case"),
            data.get("organisation"),
            data.get("person"),
        ):
            return index, row
    raise Http404


def _consent_changed(request, row, categories: list[str], me) -> None:
    org = row.organisation.name
    about = "u" if row.person == me else row.person.given_names
    if categories:
        text = (
            f"Opgeslagen. Dit geldt meteen. {org} mag nu dit zien: {_category_names(categories)}."
        )
    else:
        known = "u bekend bent" if row.person == me else f"{about} bekend is"
        text = f"Opgeslagen. Dit geldt meteen. {org} krijgt geen gegevens meer met uw toestemming. "
        if selectors.organisation_sees_plan(case=row.case, organisation=row.organisation):
            text += (
                f"{org} mag het plan van uw gezin nog wel zien, omdat een ander gezinslid "
                "toestemming gaf of omdat de wet het toestaat."
            )
        else:
            text += f"{org} ziet alleen nog dat {known} en wie de regisseur is."
    if row.bases:
        text += f" Let op: {org} mag door de wet nog wel sommige gegevens zien."
    messages.success(request, text)


@login_required(login_url=LOGIN_URL)
@require_http_methods(["GET", "POST"])
@_missing_is_404
def consents(request):
    rows = selectors.my_consents(user=request.user)
    if request.method == "GET":
        return _render_consents(request, rows)
    form = ConsentForm(request.POST)
    form.is_valid()
    if any(name in form.errors for name in ("case", "organisation", "person")):
        raise Http404
    index, row = _posted_row(rows, form)
    form = _consent_form(row, index, request.POST)
    withdraw_all = "intrekken" in request.POST
    if form.is_valid() or withdraw_all:
        categories = [] if withdraw_all else form.cleaned_data["categories"]
        try:
            services.consent_change(
                user=request.user,
                case=row.case,
                organisation=row.organisation,
                person=row.person,
                categories=categories,
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            _consent_changed(request, row, categories, _me(request))
            return redirect(reverse("portal:consents") + f"#toestemming-{index}")
    return _render_consents(request, rows, bound=(index, form), status=400)


# ------------------------------------------------------------------------------ access log


@login_required(login_url=LOGIN_URL)
@require_GET
@_missing_is_404
def access_log(request):
    entries = selectors.my_access_log(user=request.user)
    page = Paginator(entries, ACCESS_LOG_PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "portal/access_log.html",
        {
            "page": page,
            "total": len(entries),
            "emergencies": selectors.my_emergency_accesses(user=request.user),
        },
    )


# ------------------------------------------------------------------------------ my data


@login_required(login_url=LOGIN_URL)
@require_GET
@_missing_is_404
def export(request):
    return render(request, "portal/export.html")


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"  # personal data: keep it out of shared caches
    return response


@login_required(login_url=LOGIN_URL)
@require_GET
@_missing_is_404
def export_json(request):
    data = selectors.my_data(user=request.user)
    content = json.dumps(data, ensure_ascii=False, indent=2).encode()
    return _download(content, "application/json; charset=utf-8", "mijn-gegevens.json")


@login_required(login_url=LOGIN_URL)
@require_GET
@_missing_is_404
def export_pdf(request):
    data = selectors.my_data(user=request.user)
    return _download(render_my_data_pdf(data), "application/pdf", "mijn-gegevens.pdf")


# ------------------------------------------------------------------------------ complaints


def _working_days(case) -> str:
    days = complaint_services.settings_for(case.household.municipality).contact_working_days
    return f"{days} werkdag" if days == 1 else f"{days} werkdagen"


@login_required(login_url=LOGIN_URL)
@require_http_methods(["GET", "POST"])
@_missing_is_404
def complaint(request, case_uuid: uuid.UUID):
    """File a complaint or an objection, for oneself or a child under 16."""
    case = selectors.own_case_get(user=request.user, case_uuid=case_uuid)
    citizen = selectors.citizen_of(request.user)
    decisions = selectors.my_objectable_decisions(user=request.user, case=case)
    form = ComplaintForm(
        request.POST if request.method == "POST" else None,
        persons=persons_in_care(citizen, case.household),
        me=citizen.person,
        decisions=decisions,
        organisations=selectors.case_organisations(user=request.user, case=case),
        initial={
            "person": str(citizen.person.uuid),
            "contact_phone": citizen.person.phone,
            "contact_email": request.user.email,
        },
    )
    working_days = _working_days(case)
    if request.method == "POST" and form.is_valid():
        try:
            registered = complaint_services.complaint_register(
                actor=request.user, case=case, **form.arguments()
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(
                request,
                f"Dank u wel. We hebben uw {registered.get_kind_display().lower()} ontvangen. "
                f"Iemand neemt binnen {working_days} contact met u op. "
                f"Uw kenmerk is {registered.reference}.",
            )
            return redirect("portal:complaint-detail", complaint_uuid=registered.uuid)
    context = {
        "case": case,
        "form": form,
        "working_days": working_days,
        "has_decisions": bool(decisions),
        "any_late": any(item.is_late for item in decisions),
    }
    return render(request, "portal/complaint.html", context, status=400 if form.errors else 200)


@login_required(login_url=LOGIN_URL)
@require_GET
@_missing_is_404
def complaints(request):
    context = {
        "items": selectors.my_complaints(user=request.user),
        "cases": selectors.own_cases(request.user).select_related("household"),
        "me": _me(request),
    }
    return render(request, "portal/complaints.html", context)


def _render_complaint(request, item, *, answer_form=None, withdraw_form=None, status=200):
    context = {
        "item": item,
        "complaint": item.complaint,
        "me": _me(request),
        "answer_form": answer_form or ComplaintAnswerForm(auto_id="antwoord-%s"),
        "withdraw_form": withdraw_form or ComplaintWithdrawForm(auto_id="intrekken-%s"),
    }
    return render(request, "portal/complaint_detail.html", context, status=status)


@login_required(login_url=LOGIN_URL)
@require_GET
@_missing_is_404
def complaint_detail(request, complaint_uuid: uuid.UUID):
    item = selectors.my_complaint_get(user=request.user, complaint_uuid=complaint_uuid)
    return _render_complaint(request, item)


@login_required(login_url=LOGIN_URL)
@require_POST
@_missing_is_404
def complaint_answer(request, complaint_uuid: uuid.UUID):
    """'Is it resolved?': yes closes it, no puts it back in conversation."""
    item = selectors.my_complaint_get(user=request.user, complaint_uuid=complaint_uuid)
    form = ComplaintAnswerForm(request.POST, auto_id="antwoord-%s")
    if not form.is_valid():
        return _render_complaint(request, item, answer_form=form, status=400)
    try:
        complaint_services.resolution_answer(
            user=request.user,
            complaint=item.complaint,
            resolved=form.is_resolved,
            text=form.cleaned_data["text"],
        )
    except ValidationError as exc:
        _show_errors(request, exc)
    else:
        if form.is_resolved:
            messages.success(
                request, "Dank u wel. Fijn dat het is opgelost. Het is nu afgehandeld."
            )
        else:
            messages.success(
                request, "Dank u wel voor uw antwoord. We praten verder en nemen contact met u op."
            )
    return redirect("portal:complaint-detail", complaint_uuid=item.complaint.uuid)


@login_required(login_url=LOGIN_URL)
@require_POST
@_missing_is_404
def complaint_withdraw(request, complaint_uuid: uuid.UUID):
    item = selectors.my_complaint_get(user=request.user, complaint_uuid=complaint_uuid)
    form = ComplaintWithdrawForm(request.POST, auto_id="intrekken-%s")
    if not form.is_valid():
        return _render_complaint(request, item, withdraw_form=form, status=400)
    try:
        complaint_services.withdraw(
            actor=request.user, complaint=item.complaint, text=form.cleaned_data["text"]
        )
    except ValidationError as exc:
        _show_errors(request, exc)
    else:
        kind = item.complaint.get_kind_display().lower()
        messages.success(request, f"Uw {kind} is ingetrokken. We stoppen met de behandeling.")
    return redirect("portal:complaint-detail", complaint_uuid=item.complaint.uuid)


@login_required(login_url=LOGIN_URL)
@require_GET
@_missing_is_404
def complaint_letter(request, complaint_uuid: uuid.UUID, step_uuid: uuid.UUID):
    step = selectors.my_complaint_letter_step(
        user=request.user, complaint_uuid=complaint_uuid, step_uuid=step_uuid
    )
    filename = f"{step.complaint.reference}-{step.kind}.pdf"
    return _download(render_letter(step), "application/pdf", filename)


# ------------------------------------------------------------------------------ data requests


@login_required(login_url=LOGIN_URL)
@require_http_methods(["GET", "POST"])
@_missing_is_404
def data_requests(request):
    """Ask to correct or erase data (AVG art. 16/17), and see how earlier requests went."""
    persons = persons_in_care(selectors.citizen_of(request.user))
    form = DataRequestForm(request.POST or None, persons=persons)
    if request.method == "POST" and form.is_valid():
        try:
            services.data_request_file(user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, "Uw verzoek is verstuurd. U krijgt binnen een maand een antwoord."
            )
            return redirect("portal:data-requests")
    context = {"form": form, "items": selectors.my_data_requests(user=request.user)}
    return render(request, "portal/data_requests.html", context, status=400 if form.errors else 200)
