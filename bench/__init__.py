"""EenPlan's benchmarks at region size: ``make bench`` (``bench/run.py``); see bench/README.md."""
