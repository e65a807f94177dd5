"""The project's URLs with the signal pages and API routes wired in, as the lead wires them in
``eenplan/urls.py`` and ``eenplan/api/urls.py``; the tests here use this URLconf so they run
before and after that wiring."""

from django.urls import include, path

from eenplan import urls as project
from eenplan.api import urls as api_urls
from eenplan.signals import api

SIGNAL_API = [
    path("signals/", api.SignalListView.as_view(), name="signal-list"),
    path("signals/<uuid:uuid>/", api.SignalDetailView.as_view(), name="signal-detail"),
    path("signals/<uuid:uuid>/resolve/", api.SignalResolveView.as_view(), name="signal-resolve"),
]
NAMES = {pattern.name for pattern in SIGNAL_API}

api_patterns = [p for p in api_urls.urlpatterns if getattr(p, "name", None) not in NAMES]
urlpatterns = [
    *(p for p in project.urlpatterns if str(p.pattern) not in {"api/v1/", "signalen/"}),
    path("signalen/", include("eenplan.signals.urls")),
    path("api/v1/", include(([*api_patterns, *SIGNAL_API], "api"))),
]
