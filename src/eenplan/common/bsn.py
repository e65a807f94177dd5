"""Synthetic BSNs for demo and test data.

They come from 99999xxxx: the block of the government's test persons, never issued to a real
person. Every number returned passes the 11-proef.
"""

from collections.abc import Iterator

from eenplan.common.validators import is_valid_bsn

SYNTHETIC_PREFIX = "99999"


def synthetic_bsns(start: int = 0) -> Iterator[str]:
    """Valid synthetic BSNs in ascending order, from the ``start``-th candidate suffix on."""
    for suffix in range(start, 10_000):
        candidate = f"{SYNTHETIC_PREFIX}{suffix:04d}"
        if is_valid_bsn(candidate):
            yield candidate
