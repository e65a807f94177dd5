"""Reads for the dashboard, the export and the API: aggregates only.

Who may read: team leaders, directors, policy officers and functional admins (``may_view``).
They see every municipality side by side, because a suppressed aggregate is not personal data
and comparison is the point. Nothing here returns a case, a household or a person, and a story has
no link to any of them.
"""

import uuid
from dataclasses import dataclass, field, replace

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from eenplan.indicators.constants import Level
from eenplan.indicators.definitions import CORE, Indicator, local_indicator
from eenplan.indicators.models import LocalIndicator, Story
from eenplan.indicators.peers import PeerGroup, peer_groups
from eenplan.indicators.periods import Quarter
from eenplan.indicators.values import Cell, case_filter, indicator_cells, pooled_cell
from eenplan.privacy.policy import POLICY_ROLES, role_municipality_ids
from eenplan.tenancy.constants import CASE_WORKER_ROLES, Role
from eenplan.tenancy.models import Municipality

VIEWER_ROLES = frozenset({*POLICY_ROLES, Role.FUNCTIONAL_ADMIN})


def may_view(user) -> bool:
    return user.is_authenticated and user.has_role(*VIEWER_ROLES)


def _check(user) -> None:
    if not may_view(user):
        raise PermissionDenied("Alleen voor beleid, management en functioneel beheer.")


@dataclass
class Benchmark:
    """Indicators by municipality and quarter, and the same per peer group."""

    quarters: list[Quarter]
    indicators: list[Indicator]
    municipalities: list[Municipality]
    groups: list[PeerGroup]
    cells: dict[tuple[str, int, str], Cell] = field(default_factory=dict)
    group_cells: dict[tuple[str, str, str], Cell | None] = field(default_factory=dict)
    local_owner: dict[str, int] = field(default_factory=dict)  # local indicator → municipality

    def cell(self, code: str, municipality_id: int, quarter: Quarter) -> Cell | None:
        return self.cells.get((code, municipality_id, quarter.label))

    def group_cell(self, code: str, group_key: str, quarter: Quarter) -> Cell | None:
        return self.group_cells.get((code, group_key, quarter.label))

    def applies(self, indicator: Indicator, municipality_id: int) -> bool:
        """A local indicator belongs to one municipality; the core to all."""
        return indicator.is_core or self.local_owner.get(indicator.code) == municipality_id


def benchmark(
    *,
    user,
    quarters: list[Quarter],
    municipality_uuids: list[uuid.UUID] | None = None,
    peer_group: str = "",
    indicator_codes: list[str] | None = None,
    groups: list[PeerGroup] | None = None,
) -> Benchmark:
    """The benchmark for the chosen municipalities (default: all, or the peer group's members)
    and indicators (default: the core and the local indicators of those municipalities)."""
    _check(user)
    groups = peer_groups() if groups is None else groups
    municipalities = Municipality.objects.select_related("region").order_by("region__name", "name")
    if municipality_uuids:
        municipalities = municipalities.filter(uuid__in=municipality_uuids)
    chosen = next((g for g in groups if g.key == peer_group), None)
    if chosen is not None:
        municipalities = municipalities.filter(pk__in=chosen.municipality_ids)
    municipalities = list(municipalities)
    locals_ = list(
        LocalIndicator.objects.filter(municipality__in=municipalities).select_related(
            "municipality"
        )
    )
    indicators = [*CORE, *(local_indicator(local) for local in locals_)]
    if indicator_codes:
        indicators = [i for i in indicators if i.code in indicator_codes]
    result = Benchmark(
        quarters=quarters,
        indicators=indicators,
        municipalities=municipalities,
        groups=groups,
        local_owner={local.code: local.municipality_id for local in locals_},
    )
    result.cells = indicator_cells(indicators, quarters, filters=_local_filters(locals_))
    _pool_groups(result)
    return result


def _local_filters(locals_: list[LocalIndicator]) -> dict[str, Q]:
    return {
        local.code: case_filter(
            priority_domain=local.priority_domain, service_type=local.service_type
        )
        for local in locals_
    }


def _region_medians(quarters: list[Quarter], *, refresh: bool = False) -> dict:
    medians = [indicator for indicator in CORE if indicator.is_median]
    return indicator_cells(medians, quarters, level=Level.REGION, refresh=refresh)


def dashboard_refresh(quarters: list[Quarter]) -> int:
    """Count every measure of the default dashboard (all municipalities, the core and every local
    indicator, ``quarters``) into the cache, so its viewers do not wait for the counting. Returns
    the number of cells."""
    locals_ = list(LocalIndicator.objects.all())
    indicators = [*CORE, *(local_indicator(local) for local in locals_)]
    cells = indicator_cells(indicators, quarters, filters=_local_filters(locals_), refresh=True)
    return len(cells) + len(_region_medians(quarters, refresh=True))


def _pool_groups(result: Benchmark) -> None:
    """Peer groups and regions pool their members' shown cells; a region's median is computed
    over the region's cases directly, without its base count when a member is suppressed."""
    core = [indicator for indicator in result.indicators if indicator.is_core]
    medians = _region_medians(result.quarters)
    for group in result.groups:
        for indicator in core:
            for quarter in result.quarters:
                members = [
                    result.cells.get((indicator.code, m, quarter.label))
                    for m in group.municipality_ids
                ]
                if indicator.is_median and group.region_id is not None:
                    cell = medians.get((indicator.code, group.region_id, quarter.label))
                    if cell is not None and any(m is not None and m.suppressed for m in members):
                        # The region's base counts a suppressed member's cases too: minus the
                        # shown members' bases it would give that member's count away.
                        cell = replace(cell, denominator=None)
                else:
                    cell = pooled_cell(indicator, quarter, members)
                result.group_cells[(indicator.code, group.key, quarter.label)] = cell


def local_definitions() -> list[tuple[Indicator, Municipality]]:
    """Every local indicator as a definition, with its municipality: no numbers."""
    found = LocalIndicator.objects.select_related("municipality").order_by(
        "municipality__name", "name"
    )
    return [(local_indicator(local), local.municipality) for local in found]


# ---------------------------------------------------------------------------------- stories


def stories(*, user, municipality_ids=None, indicator_code: str = "") -> list[Story]:
    """Stories for the dashboard (viewers: all, or those of the given municipalities); a
    professional sees the stories they wrote."""
    found = Story.objects.select_related("municipality", "organisation")
    if not may_view(user):
        found = found.filter(author_id=user.pk)
    if municipality_ids is not None:
        found = found.filter(municipality_id__in=municipality_ids)
    found = list(found)
    if indicator_code:
        found = [story for story in found if indicator_code in story.indicator_codes]
    return found


def story_municipalities(user) -> list[Municipality]:
    """Where a professional may write stories: the municipalities their organisations serve."""
    return list(
        Municipality.objects.filter(
            Q(pk__in=role_municipality_ids(user, CASE_WORKER_ROLES))
        ).order_by("name")
    )


def local_indicator_municipalities(user) -> list[Municipality]:
    """Where a functional admin may define local indicators."""
    return list(
        Municipality.objects.filter(
            pk__in=role_municipality_ids(user, [Role.FUNCTIONAL_ADMIN])
        ).order_by("name")
    )
