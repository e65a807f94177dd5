"""The boundary between the two kinds of account.

A citizen account reaches only the portal: its pages under ``/mijn/`` and its API under
``/api/v1/me/``. A professional account never reaches the portal. Anything else answers "not
found", exactly like a page that does not exist, so trying URLs tells nothing. The API applies the
same boundary through its permission classes (tokens are read after the middleware).
"""

from django.conf import settings
from django.http import Http404

PORTAL_PREFIXES = ("/mijn/", "/api/v1/me/")
# Reachable with either kind of session: static files and the citizen logins (a professional
# gets the answer of a wrong password there).
PUBLIC_PREFIXES = (
    "/" + settings.STATIC_URL.lstrip("/"),
    "/mijn/inloggen/",
    "/api/v1/me/token/",
)


def is_portal_path(path: str) -> bool:
    return path.startswith(PORTAL_PREFIXES)


class AccountBoundaryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._crosses(request.user, request.path):
            raise Http404
        return self.get_response(request)

    @staticmethod
    def _crosses(user, path: str) -> bool:
        if not user.is_authenticated or path.startswith(PUBLIC_PREFIXES):
            return False
        return user.is_citizen != is_portal_path(path)
