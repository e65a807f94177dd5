"""Benchmark EenPlan's main reads on a throwaway database filled with a synthetic region.

    .venv/bin/python bench/run.py [--households N] [--database-url URL] [--output bench/report.md]

Without ``--database-url`` the run uses a temporary SQLite file; with a PostgreSQL URL it creates
that database, and drops it at the end. It migrates, writes the region with bulk_create, times the
reads and writes a Markdown report (also printed). See ``bench/README.md``.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # `python bench/run.py` puts bench/, not the project, on the path


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=2000, help="default: 2000")
    parser.add_argument(
        "--database-url",
        default="",
        help="postgres://user@host:5432/NEW_DB (created and dropped); default: temporary SQLite",
    )
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "report.md")
    parser.add_argument("--repetitions", type=int, default=30, help="timed calls per read")
    parser.add_argument("--warmup", type=int, default=3, help="untimed calls per read first")
    parser.add_argument(
        "--access-log-rows",
        type=int,
        default=None,
        help="access-log rows written beforehand; default: 25 per household",
    )
    parser.add_argument(
        "--explain", action="store_true", help="add the plan of each read's slowest SELECT"
    )
    return parser.parse_args(argv)


def configure_django(database_url: str, workdir: Path) -> None:
    """Point the settings at the throwaway database, before Django reads them."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "eenplan.conf.settings"
    os.environ["DATABASE_URL"] = database_url
    os.environ["EENPLAN_DATA_DIR"] = str(workdir)  # static and data folders go here, not ./var
    os.environ["DEBUG"] = "False"  # no query log kept for every statement while timing
    os.environ["LOG_LEVEL"] = "WARNING"
    import django

    django.setup()


def step(message: str, started: float) -> None:
    print(f"[{time.perf_counter() - started:6.1f} s] {message}", file=sys.stderr, flush=True)


def benchmark(args: argparse.Namespace, started: float) -> str:
    """Migrate, generate, time; return the report. Runs after ``django.setup()``."""
    from django.core.management import call_command

    from bench import measure, region, report

    call_command("migrate", verbosity=0, interactive=False)
    step("migrated", started)
    log_rows = 25 * args.households if args.access_log_rows is None else args.access_log_rows
    region.build_region(households=args.households, access_log_rows=log_rows)
    region.refresh_statistics()
    before = report.row_counts()
    step(f"generated {before}", started)
    targets = measure.find_targets()
    load_before = os.getloadavg()[0]
    measurements = measure.run_all(targets, repetitions=args.repetitions, warmup=args.warmup)
    load = (load_before, os.getloadavg()[0])
    step(f"timed the reads (load average {load[0]:.2f} -> {load[1]:.2f})", started)
    plans = {m.name: measure.explain(m.slowest_sql) for m in measurements} if args.explain else {}
    return report.render(
        machine=report.machine_info(load=load),
        reader=report.reader_info(targets),
        before=before,
        after=report.row_counts(),
        measurements=measurements,
        plans=plans,
    )


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    from bench.database import throwaway_database

    with (
        tempfile.TemporaryDirectory(prefix="eenplan-bench-") as workdir,
        throwaway_database(args.database_url, Path(workdir)) as database_url,
    ):
        configure_django(database_url, Path(workdir))
        from django.db import connections

        try:
            text = benchmark(args, started)
        finally:
            connections.close_all()
    args.output.write_text(text + "\n", encoding="utf-8")
    print(text)
    step(f"report written to {args.output}", started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
