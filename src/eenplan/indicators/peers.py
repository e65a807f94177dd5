"""Peer groups: the scenarios a municipality compares itself in. Municipalities differ in size and
in which problems dominate, so a fair comparison is with municipalities like it: the same region,
the same size class, or the same dominant problem. Groups are derived from the data, not kept.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from eenplan.cases.models import Case
from eenplan.common.constants import LifeDomain
from eenplan.indicators.constants import SIZE_CLASSES
from eenplan.indicators.models import PopulationFigure
from eenplan.tenancy.models import Municipality, Region

DOMINANT_PROBLEM_DAYS = 365


@dataclass(frozen=True)
class PeerGroup:
    key: str
    label: str
    kind: str
    municipality_ids: frozenset[int]
    region_id: int | None = None


def inhabitants_by_municipality() -> dict[int, int]:
    """The latest CBS figure per municipality, else the number kept on the municipality."""
    inhabitants = dict(Municipality.objects.values_list("pk", "inhabitants"))
    for municipality_id, count in PopulationFigure.objects.order_by("year").values_list(
        "municipality_id", "inhabitants"
    ):
        inhabitants[municipality_id] = count
    return inhabitants


def size_class(inhabitants: int) -> int:
    return next(
        i
        for i, (low, high, _label) in enumerate(SIZE_CLASSES)
        if high is None or inhabitants < high
    )


def dominant_problems(today: datetime.date | None = None) -> dict[int, str]:
    """Per municipality, the life domain most often the priority question's over the last
    year (one grouped query); ties go to the domain listed first."""
    since = (today or timezone.localdate()) - datetime.timedelta(days=DOMINANT_PROBLEM_DAYS)
    rows = (
        Case.objects.exclude(priority_domain="")
        .filter(Q(closed_at__isnull=True) | Q(closed_at__date__gte=since))
        .values("household__municipality_id", "priority_domain")
        .annotate(n=Count("pk"))
        .order_by()
    )
    order = {code: i for i, code in enumerate(LifeDomain.values)}
    best: dict[int, tuple[int, int, str]] = {}
    for row in rows:
        candidate = (row["n"], -order[row["priority_domain"]], row["priority_domain"])
        municipality_id = row["household__municipality_id"]
        best[municipality_id] = max(best.get(municipality_id, candidate), candidate)
    return {municipality_id: domain for municipality_id, (_n, _o, domain) in best.items()}


def peer_groups(today: datetime.date | None = None) -> list[PeerGroup]:
    """Regions, size classes and dominant problems, each with its member municipalities."""
    groups = [
        PeerGroup(
            f"regio-{region.uuid}",
            region.name,
            "regio",
            frozenset(region.municipalities.values_list("pk", flat=True)),
            region.pk,
        )
        for region in Region.objects.order_by("name")
    ]
    by_size: dict[int, set[int]] = {}
    for municipality_id, count in inhabitants_by_municipality().items():
        by_size.setdefault(size_class(count), set()).add(municipality_id)
    groups += [
        PeerGroup(f"grootte-{i}", str(SIZE_CLASSES[i][2]), "grootte", frozenset(members))
        for i, members in sorted(by_size.items())
    ]
    by_problem: dict[str, set[int]] = {}
    for municipality_id, domain in dominant_problems(today).items():
        by_problem.setdefault(domain, set()).add(municipality_id)
    groups += [
        PeerGroup(
            f"probleem-{domain}",
            f"Vooral {LifeDomain(domain).label.lower()}",
            "probleem",
            frozenset(members),
        )
        for domain, members in sorted(by_problem.items())
    ]
    return groups
