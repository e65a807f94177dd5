"""Benchmarks for EenPlan's main reads; run ``bench/run.py`` (see ``bench/README.md``)."""
