from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView

from eenplan.common import health, metrics
from eenplan.tenancy.views import ProfessionalLoginView

admin.site.site_header = "EenPlan beheer"
admin.site.site_title = "EenPlan beheer"

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="cases:my-cases", permanent=False)),
    # The second login step (authenticator app) and the organisation's identity provider.
    path("inloggen/", include("eenplan.tenancy.urls")),
    path("inloggen/", ProfessionalLoginView.as_view(), name="login"),
    path("mijn/", include("eenplan.portal.urls")),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("casussen/", include("eenplan.cases.urls")),
    # Inbreng huishouden: /casussen/<uuid>/huishouden/ (the coordinator's side of the portal).
    path("casussen/", include("eenplan.portal.case_urls")),
    path("aanmeldingen/", include("eenplan.cases.referral_urls")),
    path("signalen/", include("eenplan.signals.urls")),
    path("overleg/", include("eenplan.consultations.urls")),
    path("beleidssignalen/", include("eenplan.consultations.policy_urls")),
    path("indicatoren/", include("eenplan.indicators.urls")),
    path("huishoudens/", include("eenplan.people.urls")),
    path("plannen/", include("eenplan.plans.urls")),
    path("privacy/", include("eenplan.privacy.urls")),
    path("klachten/", include("eenplan.complaints.urls")),
    # Metingen: /casussen/<uuid>/metingen/, /metingen/<uuid>/ and /beheer/instrumenten/ (before
    # the admin, which would answer every path under /beheer/).
    path("", include("eenplan.assessments.urls")),
    # Voorzieningen: /casussen/<uuid>/voorzieningen/, /voorzieningen/..., /budget/... and
    # /beheer/voorzieningen/ (before the admin, like the instruments).
    path("voorzieningen/berichten/", include("eenplan.provisions.messages.urls")),
    path("", include("eenplan.provisions.urls")),
    path("taken/", include("eenplan.common.urls")),  # background jobs: how far, how ended
    path("api/v1/", include("eenplan.api.urls")),
    path("beheer/", admin.site.urls),
    path("mijn/oidc/", include("eenplan.portal.oidc")),  # DigiD login: empty unless configured
    # For the load balancer and the monitoring server (docs/deployment.md).
    path("gezond/", health.live, name="health-live"),
    path("gereed/", health.ready, name="health-ready"),
    path("metrics", metrics.metrics, name="metrics"),
]
