"""A synthetic region at real size, for benchmarks and load tests (``eenplan generate-region``).

Rows go straight into the tables in bulk (``writer``: COPY on PostgreSQL, large batches on
SQLite), not through the services: the services would take hours and write an access log of
processing that never happened. The generator keeps the invariants the application relies on
instead (see ``involvements`` for the access rule's), seals its access log in the hash chain and
lets the real signal rules raise the signals. One stage per domain area, in ``generate.STAGES``
order; ``volumes`` holds the sizes and spreads, ``names`` and ``texts`` the words.
"""
