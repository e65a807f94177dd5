"""The selection the dashboard, the indicator page and the export share (a GET form with
defaults), the benchmark computed for it, and how a cell reads in a table."""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied

from eenplan.indicators import selectors
from eenplan.indicators.export import Column, applies, cell_of, columns
from eenplan.indicators.forms import BenchmarkForm
from eenplan.indicators.peers import peer_groups
from eenplan.indicators.values import Cell
from eenplan.tenancy.models import Municipality

NO_DATA = "-"
NOT_APPLICABLE = "n.v.t."


@dataclass
class Selection:
    form: BenchmarkForm
    benchmark: selectors.Benchmark | None = None
    columns: list[Column] = field(default_factory=list)

    @property
    def municipality_ids(self) -> list[int]:
        return [c.municipality.pk for c in self.columns if c.municipality is not None]


def require_viewer(user) -> None:
    if not selectors.may_view(user):
        raise PermissionDenied("Alleen voor beleid, management en functioneel beheer.")


def select(request, *, indicator_codes: list[str] | None = None) -> Selection:
    """The form (bound to the query with defaults) and, when valid, the benchmark for it.
    Refuses (403) anyone who may not see the indicators."""
    require_viewer(request.user)
    municipalities = Municipality.objects.select_related("region").order_by("region__name", "name")
    groups = peer_groups()
    form = BenchmarkForm.with_defaults(request.GET, groups=groups, municipalities=municipalities)
    if not form.is_valid():
        return Selection(form)
    benchmark = selectors.benchmark(
        user=request.user,
        quarters=form.quarters,
        municipality_uuids=form.municipality_uuids or None,
        peer_group=form.cleaned_data["peer_group"],
        indicator_codes=indicator_codes,
        groups=groups,
    )
    return Selection(form, benchmark, columns(benchmark, form.group))


def owner_selection(request, selection: Selection, code: str) -> Selection | None:
    """A local indicator outside the chosen municipalities: the selection of its own
    municipality alone. None when ``code`` is no local indicator."""
    benchmark = selectors.benchmark(
        user=request.user, quarters=selection.form.quarters, indicator_codes=[code]
    )
    owner = benchmark.local_owner.get(code)
    if owner is None:
        return None
    benchmark.municipalities = [m for m in benchmark.municipalities if m.pk == owner]
    return Selection(selection.form, benchmark, columns(benchmark, None)[:1])


@dataclass(frozen=True)
class Shown:
    """A cell as a table shows it."""

    text: str
    suppressed: bool = False
    muted: bool = False


def shown(cell: Cell | None) -> Shown:
    if cell is None:
        return Shown(NO_DATA, muted=True)
    if cell.suppressed:
        return Shown(cell.display, suppressed=True)
    return Shown(cell.display, muted=cell.value is None)


def shown_at(benchmark, indicator, column: Column, quarter) -> Shown:
    if not applies(benchmark, indicator, column):
        return Shown(NOT_APPLICABLE, muted=True)
    return shown(cell_of(benchmark, indicator, column, quarter))
