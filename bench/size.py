"""Measure one region size: the HTTP scenarios against gunicorn, the raw-SQL floor beside them,
then in-process the signal check, the access log's share of a read, a 10,000-line iWmo 323
import, counting the dashboard and the full signals pass; the results, with the machine, as JSON
for ``bench/report.py``. Configured as the deployment guide's server: Redis for the jobs (a
Celery worker seals the access log) and for the shared cache.

    .venv/bin/python -m bench.size --database-url postgres://.../eenplan_bench_250000 --output F

The database must hold a generated region (``eenplan generate-region``). The run writes to it
as users would (access-log rows, plan saves, signals) and seals the access log before the
in-process part; the import is rolled back.
"""

import argparse
import io
import json
import os
import sys
from pathlib import Path


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers (default 4)")
    parser.add_argument("--repetitions", type=int, default=200, help="timed requests at 1 client")
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=20, help="per throughput run")
    parser.add_argument(
        "--password", default=os.environ.get("EENPLAN_DEMO_PASSWORD", "eenplan-demo")
    )
    parser.add_argument(
        "--redis-url",
        default="redis://127.0.0.1:6379",
        help="the Redis for jobs (database 14) and the shared cache (13), as in production",
    )
    return parser.parse_args(argv)


def production_env(args: argparse.Namespace) -> dict:
    """The settings of the deployment guide: a broker with a worker, and a shared cache."""
    return {
        "DATABASE_URL": args.database_url,
        "DEBUG": "False",
        "LOG_LEVEL": "WARNING",
        "EENPLAN_BROKER_URL": f"{args.redis_url}/14",
        "EENPLAN_CACHE_URL": f"{args.redis_url}/13",
    }


def _figures(latency) -> dict:
    return {"p50_ms": round(latency.p50, 1), "p95_ms": round(latency.p95, 1)}


def measure(args: argparse.Namespace) -> dict:
    from django.core.management import call_command

    from bench import baseline, inprocess, load, machine, scenarios, server
    from bench.targets import find_targets

    results: dict = {"machine": machine.describe(), "region": _region()}
    load_before = machine.load_average()
    targets = find_targets()
    env = production_env(args)
    results["targets"] = {"reader": targets.reader, "visible_cases": targets.visible_cases}
    results["settings"] = {
        name: getattr(args, name)
        for name in ("workers", "repetitions", "warmup", "clients", "seconds")
    }
    latencies, throughputs = {}, {}

    def run(host, port, name, next_request, expect=(200,)):
        latencies[name] = _figures(
            load.latency(
                host,
                port,
                next_request,
                repetitions=args.repetitions,
                warmup=args.warmup,
                expect=expect,
            )
        )
        print(f"  {name}: {latencies[name]}", file=sys.stderr, flush=True)

    def flood(host, port, name, next_request):
        measured = load.throughput(
            host, port, next_request, clients=args.clients, seconds=args.seconds
        )
        throughputs[name] = {
            "per_second": round(measured.per_second, 1),
            **_figures(measured.latency),
        }
        print(f"  {name} x{args.clients}: {throughputs[name]}", file=sys.stderr, flush=True)

    with server.gunicorn(
        "eenplan.wsgi", workers=args.workers, env=env, ready_path="/gezond/"
    ) as app:
        session = scenarios.login(app.host, app.port, targets.reader, args.password)
        reader = scenarios.reader_scenarios(targets, session)
        for scenario in reader:
            run(app.host, app.port, scenario.name, scenario.next_request, scenario.expect)
        run(
            app.host,
            app.port,
            "plan save (API)",
            scenarios.plan_saves(targets, lambda request: load.send(app.host, app.port, request)),
        )
        officer = scenarios.login(app.host, app.port, targets.policy_officer, args.password)
        dashboard = scenarios.dashboard(officer)
        run(app.host, app.port, dashboard.name, dashboard.next_request)
        flood(app.host, app.port, reader[0].name, reader[0].next_request)
        flood(app.host, app.port, reader[2].name, reader[2].next_request)
        results["worker_rss_mb"] = [round(size) for size in app.worker_rss_mb()]

    floor_env = {**env, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    with (
        server.gunicorn(
            "bench.baseline:app", workers=args.workers, env=floor_env, ready_path="/"
        ) as floor,
        server.gunicorn(
            "eenplan.wsgi", workers=args.workers, env=env, ready_path="/gezond/"
        ) as app,
    ):
        problems = baseline.parity_problems(
            f"http://{app.host}:{app.port}",
            f"http://{floor.host}:{floor.port}",
            targets.reader_token,
            targets.households[:50],
            targets.statuses,
        )
        results["parity_problems"] = problems[:20]
        for scenario in (reader[0], reader[2]):
            run(floor.host, floor.port, f"floor: {scenario.name}", scenario.next_request)
            flood(floor.host, floor.port, f"floor: {scenario.name}", scenario.next_request)

    results["latency"], results["throughput"] = latencies, throughputs
    # The floor leaves its access-log rows unsealed: sealed here, the in-process reads below
    # pay for their own rows only.
    call_command("seal_access_log", stdout=io.StringIO())
    results["inprocess"] = inprocess.measure(targets)
    results["load_average"] = {"before": load_before, "after": machine.load_average()}
    return results


def _region() -> dict:
    """The sizes that make the figures: what a read or a pass has to search through."""
    from eenplan.cases.models import Case, Involvement
    from eenplan.people.models import Household, Person
    from eenplan.privacy.models import AccessLogEntry
    from eenplan.signals.models import Signal

    return {
        "households": Household.objects.count(),
        "persons": Person.objects.count(),
        "cases": Case.objects.count(),
        "open_cases": Case.objects.open().count(),
        "involvements": Involvement.objects.count(),
        "signals": Signal.objects.count(),
        "access_log_entries": AccessLogEntry.objects.count(),
    }


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ["DJANGO_SETTINGS_MODULE"] = "eenplan.conf.settings"
    os.environ.update(production_env(args))
    import django
    from django.core.cache import cache

    from bench import server

    django.setup()
    cache.clear()  # no counts or seal marks of an earlier run
    with server.celery_worker(env=production_env(args)):
        results = measure(args)
    args.output.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
