"""The period report of complaints and objections: counts only, for the municipalities the user
reports on (``selectors.report_municipality_ids``), on the page and as CSV. Themes with fewer
than 5 items are not counted out (small cells)."""

import csv
import io

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from eenplan.common.routing import replica_reads
from eenplan.complaints import selectors
from eenplan.complaints.constants import Kind
from eenplan.complaints.forms import ReportForm
from eenplan.complaints.selectors import Report
from eenplan.indicators.constants import SMALL_CELL
from eenplan.tenancy.models import Municipality

FEWER = f"minder dan {SMALL_CELL}"
NO_DATA = "geen gegevens"
RECEIVED = {Kind.COMPLAINT: "Klachten ontvangen", Kind.OBJECTION: "Bezwaren ontvangen"}


def _percent(share: float | None) -> str:
    return NO_DATA if share is None else f"{round(share * 100)}%"


def _days(median: float | None) -> str:
    if median is None:
        return NO_DATA
    number = f"{median:g}".replace(".", ",")
    return f"{number} dag" if median == 1 else f"{number} dagen"


def report_rows(report: Report) -> list[tuple[str, str]]:
    """The report's figures as (what, how many) in words, for the page and the CSV alike."""
    rows = [(RECEIVED[kind], str(report.received[kind.value])) for kind in Kind]
    return [
        *rows,
        ("Afgehandeld", str(report.closed)),
        ("Daarvan opgelost in een gesprek", _percent(report.informal_share)),
        ("Doorlooptijd opgelost in een gesprek (mediaan)", _days(report.lead_days_informal)),
        ("Doorlooptijd formele behandeling (mediaan)", _days(report.lead_days_formal)),
        ("Persoonlijk contact op tijd", _percent(report.contact_in_time_share)),
    ]


def theme_rows(report: Report) -> list[tuple[str, str]]:
    return [(label, FEWER if count is None else str(count)) for label, count in report.themes]


def _report(request) -> tuple[ReportForm, Report | None]:
    ids = selectors.report_municipality_ids(request.user)
    if not ids:
        raise PermissionDenied("U maakt voor geen enkele gemeente het overzicht van klachten.")
    form = ReportForm(
        request.GET or None,
        municipalities=Municipality.objects.filter(pk__in=ids).order_by("name"),
        auto_id="rapport-%s",
    )
    if form.is_bound and not form.is_valid():
        return form, None
    start, end, chosen = form.period()
    report = selectors.period_report(
        user=request.user, start=start, end=end, municipality_ids=chosen
    )
    return form, report


@login_required
@require_GET
@replica_reads
def report_page(request):
    form, report = _report(request)
    context = {
        "form": form,
        "report": report,
        "rows": report_rows(report) if report else [],
        "themes": theme_rows(report) if report else [],
    }
    return render(request, "complaints/report.html", context, status=200 if report else 400)


@login_required
@require_GET
@replica_reads
def report_csv(request):
    form, report = _report(request)
    if report is None:
        return render(request, "complaints/report.html", {"form": form}, status=400)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Onderdeel", "Waarde"])
    writer.writerow(["Van", report.start.isoformat()])
    writer.writerow(["Tot en met", report.end.isoformat()])
    writer.writerows(report_rows(report))
    writer.writerows((f"Onderwerp: {label}", value) for label, value in theme_rows(report))
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    filename = f"klachten-en-bezwaren-{report.start.isoformat()}-{report.end.isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
