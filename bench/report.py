"""docs/performance.md from the JSON of each size (``bench/results/<N>.json``), with every
figure set against the targets of issue 12, and ``bench/notes.md`` as the analysis.

    .venv/bin/python -m bench.report [--output docs/performance.md] [bench/results/*.json]

Plain Python, no Django: the report can be rendered again without a database.
"""

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
NOTES = ROOT / "bench" / "notes.md"
REGION = 250_000  # the targets are for a region of this size; larger sizes are held to growth

CLIENT_VIEW = "client view (API)"
CASE_LIST = "mijn casussen, 50 per page, filtered (API)"
FLOOR = "floor: "
MAX_GROWTH = 1.5


@dataclass(frozen=True)
class Target:
    """A target of issue 12: ``value`` of one size's results must stay at or below ``limit``
    (or at or above, with ``at_least``)."""

    label: str
    value: Callable[[dict], float | None]
    limit: float
    unit: str
    at_least: bool = False
    every_size: bool = False  # judged at every size, not at region size only

    def met(self, value: float) -> bool:
        return value >= self.limit if self.at_least else value <= self.limit


def _latency(name: str, figure: str) -> Callable[[dict], float | None]:
    return lambda result: result["latency"].get(name, {}).get(figure)


def _floor_ratio(result: dict) -> float | None:
    app, floor = result["latency"].get(CLIENT_VIEW), result["latency"].get(FLOOR + CLIENT_VIEW)
    return app["p50_ms"] / floor["p50_ms"] if app and floor else None


def _inprocess(measure: str, figure: str) -> Callable[[dict], float]:
    return lambda result: result["inprocess"][measure][figure]


def _generation_minutes(result: dict) -> float | None:
    generation = result.get("generation")  # absent when the run reused the database
    return generation["seconds"] / 60 if generation else None


TARGETS = [
    *(
        Target(f"{name}: {figure[:3]} ≤ {limit} ms", _latency(name, figure), limit, "ms")
        for name in (CLIENT_VIEW, "client view (page)")
        for figure, limit in (("p50_ms", 25), ("p95_ms", 60))
    ),
    Target(f"{CLIENT_VIEW}: ≤ 3x the raw-SQL floor (p50)", _floor_ratio, 3, "x"),
    Target(
        f"{CLIENT_VIEW}: ≥ 150 per second at 8 clients",
        lambda result: result["throughput"].get(CLIENT_VIEW, {}).get("per_second"),
        150,
        "/s",
        at_least=True,
    ),
    *(
        Target(f"{name}: p95 ≤ 80 ms", _latency(name, "p95_ms"), 80, "ms")
        for name in (
            CASE_LIST,
            "mijn casussen, filtered (page)",
            "search by BSN (API)",
            "search by postcode (API)",
        )
    ),
    Target(
        "indicator dashboard (page): p95 ≤ 500 ms",
        _latency("indicator dashboard (page)", "p95_ms"),
        500,
        "ms",
    ),
    Target("full signals pass ≤ 30 s", _inprocess("signals_full_pass", "seconds"), 30, "s"),
    Target(
        "incremental signal check ≤ 20 ms added to a write (p50)",
        _inprocess("signal_check", "p50_ms"),
        20,
        "ms",
    ),
    Target(
        "access logging ≤ 30% of a read (client view, p50)",
        _inprocess("access_logging", "overhead_percent"),
        30,
        "%",
    ),
    Target(
        "a web worker < 300 MB resident (the largest; at every size)",
        lambda result: max(result["worker_rss_mb"]),
        300,
        "MB",
        every_size=True,
    ),
    Target(f"generating {REGION:,} inhabitants ≤ 10 min", _generation_minutes, 10, "min"),
]


def load(paths: list[Path]) -> list[dict]:
    """The results, smallest region first; the size from the file name if the JSON lacks it."""
    results = []
    for path in paths:
        result = json.loads(path.read_text(encoding="utf-8"))
        result.setdefault("inhabitants", int(path.stem) if path.stem.isdigit() else 0)
        results.append(result)
    return sorted(results, key=lambda result: result["inhabitants"])


def _size(result: dict) -> str:
    return f"{result['inhabitants']:,}"


def _number(value: float | None, unit: str = "") -> str:
    if value is None:
        return "—"
    text = f"{value:,.0f}" if abs(value) >= 100 else f"{value:.1f}"
    return f"{text}{unit}" if unit in ("x", "%", "/s") else f"{text} {unit}".strip()


def _verdict(met: bool | None) -> str:
    return "—" if met is None else ("met" if met else "**missed**")


def _table(header: list[str], rows: list[list]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return [*lines, *("| " + " | ".join(str(cell) for cell in row) + " |" for row in rows), ""]


def _growth(results: list[dict], value: Callable[[dict], float | None]) -> float | None:
    """Largest size over the smallest: how the figure grows with the region."""
    if len(results) < 2:
        return None
    small, large = value(results[0]), value(results[-1])
    return large / small if small and large else None


def _growth_header(results: list[dict]) -> str:
    return f"growth {results[-1]['inhabitants'] // 1000}k/{results[0]['inhabitants'] // 1000}k"


def _region_result(results: list[dict]) -> dict:
    return next((r for r in results if r["inhabitants"] == REGION), results[0])


def _latency_names(results: list[dict]) -> list[str]:
    names = dict.fromkeys(name for result in results for name in result["latency"])
    return [name for name in names if not name.startswith(FLOOR)]


def targets_section(results: list[dict]) -> list[str]:
    region = _region_result(results)
    rows = []
    for target in TARGETS:
        values = [target.value(result) for result in results]
        judged = values if target.every_size else [target.value(region)]
        known = [value for value in judged if value is not None]
        met = all(target.met(value) for value in known) if known else None
        rows.append([target.label, *(_number(v, target.unit) for v in values), _verdict(met)])
    if len(results) > 1:
        growth = {
            name: _growth(results, _latency(name, "p50_ms")) for name in _latency_names(results)
        }
        known = {name: factor for name, factor in growth.items() if factor}
        worst = max(known, key=known.get) if known else None
        rows.append(
            [
                f"latencies grow ≤ {MAX_GROWTH}x from {_size(results[0])} to "
                f"{_size(results[-1])} (p50, the largest growth)",
                *([""] * (len(results) - 1)),
                f"{known[worst]:.2f}x ({worst})" if worst else "—",
                _verdict(max(known.values()) <= MAX_GROWTH if known else None),
            ]
        )
    header = ["target (issue 12)", *(_size(r) for r in results), f"verdict at {REGION:,}"]
    intro = [
        "## Targets",
        "",
        f"The targets hold for a region of {REGION:,} inhabitants on a 2-core machine with "
        f"PostgreSQL on the same host; the larger size is held to the growth of the latencies "
        f"and to the worker's memory. Latencies are at one client, over HTTP (below).",
        "",
    ]
    return [*intro, *_table(header, rows)]


def latency_section(results: list[dict]) -> list[str]:
    header = ["request"]
    for result in results:
        header += [f"{_size(result)} p50", "p95"]
    if len(results) > 1:
        header += [f"{_growth_header(results)} p50", "p95"]
    rows = []
    for name in _latency_names(results):
        row = [name]
        for result in results:
            figures = result["latency"].get(name, {})
            row += [_number(figures.get("p50_ms")), _number(figures.get("p95_ms"))]
        if len(results) > 1:
            for figure in ("p50_ms", "p95_ms"):
                growth = _growth(results, _latency(name, figure))
                row.append(f"{growth:.2f}x" if growth else "—")
        rows.append(row)
    settings = results[0]["settings"]
    return [
        "## Latency at one client (ms)",
        "",
        f"One request after the other over loopback, each on a new connection, against gunicorn "
        f"with {settings['workers']} sync workers: {settings['repetitions']} timed requests per "
        f"row after {settings['warmup']} untimed ones, cycling through samples of what the "
        f"reader sees.",
        "",
        *_table(header, rows),
    ]


def floor_section(results: list[dict]) -> list[str]:
    rows = []
    for name in (CLIENT_VIEW, CASE_LIST):
        for result in results:
            app, floor = result["latency"].get(name), result["latency"].get(FLOOR + name)
            app_rate = result["throughput"].get(name, {}).get("per_second")
            floor_rate = result["throughput"].get(FLOOR + name, {}).get("per_second")
            if not (app and floor):
                continue
            rows.append(
                [
                    name,
                    _size(result),
                    *(
                        f"{app[f]:.1f} / {floor[f]:.1f} = {app[f] / floor[f]:.1f}x"
                        for f in ("p50_ms", "p95_ms")
                    ),
                    f"{app_rate:,.0f} / {floor_rate:,.0f}" if app_rate and floor_rate else "—",
                ]
            )
    parity = [
        f"{_size(r)}: "
        + (
            "the same JSON for every request compared"
            if not r.get("parity_problems")
            else "differences: " + "; ".join(r["parity_problems"][:5])
        )
        for r in results
    ]
    return [
        "## Against the raw-SQL floor",
        "",
        "The floor (`bench/baseline.py`) answers the same requests with the same JSON through "
        "psycopg and a minimal WSGI handler under the same gunicorn: the ratio is what the "
        "framework and the app's way of working cost. Parity check: " + "; ".join(parity) + ".",
        "",
        *_table(
            [
                "request",
                "size",
                "p50 app / floor (ms)",
                "p95 app / floor (ms)",
                "per s at 8 clients",
            ],
            rows,
        ),
    ]


def throughput_section(results: list[dict]) -> list[str]:
    rows = [
        [
            name,
            _size(result),
            *(_number(figures[key]) for key in ("per_second", "p50_ms", "p95_ms")),
        ]
        for result in results
        for name, figures in result["throughput"].items()
    ]
    clients = results[0]["settings"]["clients"]
    return [
        f"## Throughput at {clients} clients",
        "",
        f"Client threads send requests back to back for {results[0]['settings']['seconds']:g} s; "
        "they share the machine's cores with the server and PostgreSQL.",
        "",
        *_table(["request", "size", "per second", "p50 ms", "p95 ms"], rows),
    ]


def _inprocess_rows(result: dict) -> dict[str, str]:
    measured = result["inprocess"]
    check, logging = measured["signal_check"], measured["access_logging"]
    read, log = logging["read"], logging["logging"]
    imported, full = measured["claim_import"], measured["signals_full_pass"]
    return {
        "incremental signal check, p50 / p95": f"{check['p50_ms']} / {check['p95_ms']} ms",
        "client view read in-process, p50 / p95": f"{read['p50_ms']} / {read['p95_ms']} ms",
        "of which the access log (written and sealed), p50": f"{log['p50_ms']} ms",
        "access logging / the rest of the read, p50": f"{logging['overhead_percent']}%",
        "iWmo 323 import": f"{imported['seconds']} s for {imported['lines']:,} lines "
        f"({imported['accepted']:,} accepted)",
        "building that 323 (not part of the import)": f"{imported['build_xml_seconds']} s, "
        f"{imported['xml_mib']} MB" + _over_limit(imported),
        "counting the dashboard cold (the refresh job)": _refresh(measured),
        "full signals pass": f"{full['seconds']} s over {full['cases']:,} cases (raised "
        f"{full['raised']}, cleared {full['cleared']}, updated {full['updated']})",
    }


def _refresh(measured: dict) -> str:
    refresh = measured.get("dashboard_refresh")
    return f"{refresh['seconds']} s for {refresh['cells']:,} cells" if refresh else "-"


def _over_limit(imported: dict) -> str:
    if imported["xml_mib"] <= imported["upload_limit_mb"]:
        return ""
    return f" (over the upload limit of {imported['upload_limit_mb']} MB: raised for the measure)"


def inprocess_section(results: list[dict]) -> list[str]:
    columns = [_inprocess_rows(result) for result in results]
    rows = [[label, *(column[label] for column in columns)] for label in columns[0]]
    return [
        "## Inside the app",
        "",
        "Measured in one Django process against the same database, after the HTTP part: "
        "`signals_refresh_case` inside a write's transaction for 100 of the reader's open cases; "
        "`household_client_view` for 100 households with the time of its `access_log_write` "
        "(the INSERT, and queueing the seal for the worker) taken apart; a 323 of "
        "Thuiszorg Veenland to Lindeveen, imported by a consulent and rolled back (its commit is "
        "not timed); the refresh job counting the default dashboard (8 quarters, every "
        "municipality) without its cache; `signals_full_pass` over every open case.",
        "",
        *_table(["measure", *(_size(r) for r in results)], rows),
    ]


def region_section(results: list[dict]) -> list[str]:
    labels = {
        "households": "households",
        "persons": "persons",
        "cases": "cases",
        "open_cases": "open cases",
        "involvements": "involvements",
        "signals": "signals",
        "access_log_entries": "access-log entries",
    }
    rows = [
        [label, *(_number(r.get("region", {}).get(key)) for r in results)]
        for key, label in labels.items()
    ]
    rows.append(
        ["the reader sees (cases)", *(_number(r["targets"]["visible_cases"]) for r in results)]
    )
    rows.append(
        [
            "worker memory, resident (MB)",
            *(", ".join(str(size) for size in r.get("worker_rss_mb", [])) for r in results),
        ]
    )
    rows.append(
        [
            "generating the region (`eenplan generate-region`)",
            *(
                f"{g['seconds'] // 60} min {g['seconds'] % 60} s ({g['date']})"
                if (g := r.get("generation"))
                else "not timed (an existing database was reused)"
                for r in results
            ),
        ]
    )
    return [
        "## The regions",
        "",
        "Generated by `eenplan generate-region` ([region.md](region.md)); counted at the start "
        "of the run. The reader is the coordinator with the most open cases among those who "
        "coordinate a household with a BSN (the search by BSN needs hits): "
        f"`{results[0]['targets']['reader']}` at {_size(results[0])}.",
        "",
        *_table(["", *(_size(r) for r in results)], rows),
    ]


def machine_section(results: list[dict]) -> list[str]:
    machine = results[0]["machine"]
    postgresql = machine["postgresql"]
    rows = [
        ["CPU", f"{machine['cpu']}, {machine['cores']} cores"],
        ["memory", f"{machine['memory_gb']} GB"],
        ["system", machine["os"]],
        ["software", f"Python {machine['python']}, Django {machine['django']}"],
        [
            "PostgreSQL",
            f"{postgresql['server_version']} on the same host: shared_buffers "
            f"{postgresql['shared_buffers']}, work_mem {postgresql['work_mem']}, jit "
            f"{postgresql['jit']} (as the app's connections have it)",
        ],
    ]
    for result in results:
        load = result.get("load_average", {})
        rows.append(
            [
                f"run at {_size(result)}",
                f"{result['machine']['date']}, commit {result['machine']['commit']}, "
                f"1-minute load average {load.get('before')} before, {load.get('after')} after",
            ]
        )
    return ["## Machine", "", *_table(["", ""], rows)]


REPRODUCE = """## How to reproduce

```sh
make bench                        # both sizes; creates and generates the databases the first time
.venv/bin/python bench/run.py --sizes 250000 --repetitions 50 --seconds 5   # quicker, one size
.venv/bin/python -m bench.size --output bench/results/250000.json \\
    --database-url postgres://postgres@127.0.0.1:5432/eenplan_bench_250000   # one existing region
.venv/bin/python -m bench.report                # render this page again from bench/results/
```

Run it on a quiet machine: the load average above shows what else ran. See
[bench/README.md](../bench/README.md) for what each part does.
"""


def render(paths: list[Path]) -> str:
    results = load(paths)
    if not results:
        raise ValueError("No results to report.")
    machine = results[0]["machine"]
    lines = [
        "# Performance",
        "",
        "<!-- Generated by bench/report.py from bench/results/*.json: edit bench/notes.md, "
        "not this file. -->",
        "",
        f"EenPlan served by gunicorn against PostgreSQL, holding a synthetic region of "
        f"{' and '.join(_size(r) for r in results)} inhabitants; measured with the suite in "
        f"[bench/](../bench/README.md) on {machine['date']} ({machine['cores']} cores, commit "
        f"{machine['commit']}).",
        "",
        *targets_section(results),
        *latency_section(results),
        *floor_section(results),
        *throughput_section(results),
        *inprocess_section(results),
        *region_section(results),
        *machine_section(results),
        REPRODUCE,
        "## Analysis",
        "",
        NOTES.read_text(encoding="utf-8").strip() if NOTES.exists() else "(bench/notes.md)",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results", type=Path, nargs="*", help="default: bench/results/*.json")
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "performance.md")
    args = parser.parse_args(argv)
    paths = args.results or sorted(RESULTS.glob("*.json"))
    args.output.write_text(render(paths), encoding="utf-8")
    print(f"written to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
