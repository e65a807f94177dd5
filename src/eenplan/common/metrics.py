"""The Prometheus endpoint ``/metrics`` (django-prometheus), for the monitoring server only.

Off (404) unless ``EENPLAN_METRICS_TOKEN`` is set; then it answers only a request that carries
the token as ``Authorization: Bearer <token>`` (Prometheus: ``authorization.credentials_file``).
A token rather than a list of addresses: behind the reverse proxy every request comes from the
proxy's address, and a token works the same for one server or several. The numbers are counts
and timings per view, never personal data, but they do tell how busy which part is.
"""

import hmac

from django.conf import settings
from django.http import Http404, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_prometheus.exports import ExportToDjangoView

BEARER = "Bearer "


@never_cache
@require_GET
def metrics(request):
    expected = settings.METRICS_TOKEN
    if not expected:
        raise Http404
    header = request.headers.get("Authorization", "")
    given = header[len(BEARER) :] if header.startswith(BEARER) else ""
    if not hmac.compare_digest(given.encode(), expected.encode()):
        response = HttpResponse("A valid bearer token is required.\n", status=401)
        response["WWW-Authenticate"] = 'Bearer realm="metrics"'
        return response
    # With several gunicorn workers, PROMETHEUS_MULTIPROC_DIR (conf/gunicorn.py) makes this add
    # up the counts of all of them, not just of the worker that answers.
    return ExportToDjangoView(request)
