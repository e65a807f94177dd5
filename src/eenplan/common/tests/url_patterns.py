"""Every URL pattern of the project, for tests that must cover all of them (the authorisation
matrix, the account boundary). This module holds no tests of its own."""

import re
import uuid
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

CONVERTER = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")
# A value of the right shape for each converter: enough to resolve, names no object.
SAMPLES = {"uuid": str(uuid.uuid4()), "int": "1", "str": "x", "slug": "x", "path": "x"}


@dataclass(frozen=True)
class Endpoint:
    name: str  # "namespace:name"; an unnamed pattern goes by its route ("admin:/beheer/...")
    route: str  # "/casussen/<uuid:case_uuid>/status/"
    namespace: str  # "cases"; "" outside a namespace

    @property
    def is_regex(self) -> bool:
        """A ``re_path`` pattern (the admin has a few): no path to fill in."""
        return "^" in self.route or "(?P" in self.route

    @property
    def arguments(self) -> dict[str, str]:
        """Each argument's name with its converter ("uuid", "int", ...)."""
        return {
            match["name"]: match["converter"] or "str" for match in CONVERTER.finditer(self.route)
        }

    def path(self, values: dict) -> str:
        """The route with each argument filled in from ``values`` (by argument name)."""
        return CONVERTER.sub(lambda match: str(values[match["name"]]), self.route)

    def sample_path(self) -> str:
        """The route with a sample of the right shape for each argument."""
        return CONVERTER.sub(lambda match: SAMPLES[match["converter"] or "str"], self.route)


def endpoints() -> list[Endpoint]:
    """Every URL pattern of the project, walked through the includes."""
    return list(_walk(get_resolver().url_patterns, "/", ()))


def _walk(patterns, prefix: str, namespaces: tuple):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = (*namespaces, pattern.namespace) if pattern.namespace else namespaces
            yield from _walk(pattern.url_patterns, route, inner)
        elif isinstance(pattern, URLPattern):
            name = ":".join((*namespaces, pattern.name or route))
            yield Endpoint(name=name, route=route, namespace=":".join(namespaces))
