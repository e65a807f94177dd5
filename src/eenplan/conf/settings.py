"""EenPlan settings, all in one module and all from the environment.

Every variable is read once here, typed by its cast, and documented in ``docs/configuration.md``.
``EENPLAN_ENVIRONMENT=production`` switches on the checks that refuse to start without a real
secret key, a pseudonymisation key, BSN keys and explicit hosts.
"""

import base64
import datetime
import hashlib
import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONE, SELF
from decouple import Csv, config
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(config("EENPLAN_DATA_DIR", default=str(Path.cwd() / "var")))

ENVIRONMENT = config("EENPLAN_ENVIRONMENT", default="development")
IS_PRODUCTION = ENVIRONMENT == "production"

_DEV_SECRET = "development-only-secret-key-never-use-in-production"
SECRET_KEY = config("SECRET_KEY", default=_DEV_SECRET)
# Key for the keyed hash (HMAC-SHA256) of a BSN in the access log: separate from SECRET_KEY so
# rotating one does not break lookups by the other.
ACCESS_LOG_KEY = config("EENPLAN_ACCESS_LOG_KEY", default=SECRET_KEY)
# BSNs at rest (eenplan.common.identifiers): Fernet keys that encrypt them and secrets of the keyed
# hash that finds them, comma-separated, the current key first. Development derives both from
# SECRET_KEY, each for its own purpose.
_DEV_BSN_KEY = base64.urlsafe_b64encode(
    hashlib.sha256(f"eenplan-bsn-encryption:{SECRET_KEY}".encode()).digest()
).decode()
_DEV_BSN_HASH_KEY = hashlib.sha256(f"eenplan-bsn-hash:{SECRET_KEY}".encode()).hexdigest()
BSN_ENCRYPTION_KEYS = config("EENPLAN_BSN_KEYS", default=_DEV_BSN_KEY, cast=Csv())
BSN_HASH_KEYS = config("EENPLAN_BSN_HASH_KEYS", default=_DEV_BSN_HASH_KEY, cast=Csv())
DEBUG = config("DEBUG", default=not IS_PRODUCTION, cast=bool)
ALLOWED_HOSTS = config(
    "ALLOWED_HOSTS",
    default="" if IS_PRODUCTION else "127.0.0.1,localhost,testserver",
    cast=Csv(),
)
CSRF_TRUSTED_ORIGINS = config("CSRF_TRUSTED_ORIGINS", default="", cast=Csv())


def _is_fernet_key(key: str) -> bool:
    try:
        return len(base64.urlsafe_b64decode(key)) == 32
    except ValueError:
        return False


if IS_PRODUCTION:
    if SECRET_KEY == _DEV_SECRET or len(SECRET_KEY) < 50:
        raise ImproperlyConfigured("SECRET_KEY must be set to a random value of 50+ characters.")
    if ACCESS_LOG_KEY == SECRET_KEY or len(ACCESS_LOG_KEY) < 32:
        raise ImproperlyConfigured(
            "EENPLAN_ACCESS_LOG_KEY must be set, differ from SECRET_KEY and have 32+ characters."
        )
    if BSN_ENCRYPTION_KEYS in ([], [_DEV_BSN_KEY]) or not all(
        _is_fernet_key(key) for key in BSN_ENCRYPTION_KEYS
    ):
        raise ImproperlyConfigured("EENPLAN_BSN_KEYS must be set to one or more Fernet keys.")
    if BSN_HASH_KEYS in ([], [_DEV_BSN_HASH_KEY]) or any(
        len(key) < 32 or key in (SECRET_KEY, ACCESS_LOG_KEY) for key in BSN_HASH_KEYS
    ):
        raise ImproperlyConfigured(
            "EENPLAN_BSN_HASH_KEYS must be set; each key 32+ characters, differing from "
            "SECRET_KEY and EENPLAN_ACCESS_LOG_KEY."
        )
    if not ALLOWED_HOSTS or "*" in ALLOWED_HOSTS:
        raise ImproperlyConfigured("ALLOWED_HOSTS must list the host names explicitly.")
    if DEBUG:
        raise ImproperlyConfigured("DEBUG must be off in production.")

if "DATABASE_URL" not in os.environ:
    DATA_DIR.mkdir(parents=True, exist_ok=True)  # the embedded SQLite database lives here

DATABASES = {
    "default": dj_database_url.parse(
        config("DATABASE_URL", default=f"sqlite:///{DATA_DIR / 'eenplan.sqlite3'}"),
        conn_max_age=config("DATABASE_CONN_MAX_AGE", default=60, cast=int),
        # A reused connection is checked before a request uses it, so a database restart costs
        # no failed request.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent requests on SQLite: take the write lock when a transaction starts and wait for
    # it, instead of failing with "database is locked" when a read turns into a write.
    DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 20}

# A read replica for dashboards and reports (eenplan.common.routing, docs/deployment.md): the
# views marked replica-safe read from it; every write and every other read go to the primary.
REPLICA_DATABASE_URL = config("EENPLAN_REPLICA_DATABASE_URL", default="")
if REPLICA_DATABASE_URL:
    DATABASES["replica"] = dj_database_url.parse(
        REPLICA_DATABASE_URL,
        conn_max_age=DATABASES["default"]["CONN_MAX_AGE"],
        conn_health_checks=True,
    )
    # The test suite reads the replica from the test database itself.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["eenplan.common.routing.ReplicaRouter"]
# PostgreSQL's JIT compiles a query whose estimated cost is high, which the nested visibility
# rules always are: seconds of compiling for milliseconds of work (docs/performance.md).
for _database in DATABASES.values():
    if _database["ENGINE"] == "django.db.backends.postgresql":
        _database.setdefault("OPTIONS", {})["options"] = "-c jit=off"
# Behind PgBouncer in transaction mode a connection may change between statements, which a
# server-side cursor (a large `.iterator()`) cannot survive: read such results whole instead.
if config("DATABASE_TRANSACTION_POOLING", default=False, cast=bool):
    for _database in DATABASES.values():
        _database["DISABLE_SERVER_SIDE_CURSORS"] = True

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "django_filters",
    "django_htmx",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "eenplan.common",
    "eenplan.tenancy",
    "eenplan.people",
    "eenplan.cases",
    "eenplan.plans",
    "eenplan.privacy",
    "eenplan.signals",
    "eenplan.consultations",
    "eenplan.assessments",
    "eenplan.indicators",
    "eenplan.provisions",
    "eenplan.complaints",
    "eenplan.portal",
    "eenplan.api",
    "eenplan.demo",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "eenplan.common.tracing.TraceContextMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "eenplan.portal.boundary.AccountBoundaryMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After the messages (they tell why): first the idle logout, then the two-factor step.
    "eenplan.tenancy.middleware.SessionIdleTimeoutMiddleware",
    "eenplan.tenancy.middleware.TwoFactorMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "eenplan.urls"
WSGI_APPLICATION = "eenplan.wsgi.application"
AUTH_USER_MODEL = "tenancy.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "cases:my-cases"
LOGOUT_REDIRECT_URL = "login"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "eenplan.common.context_processors.navigation",
                "eenplan.signals.context_processors.signal_count",
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(config("STATIC_ROOT", default=str(DATA_DIR / "static")))
# Outside production WhiteNoise serves straight from the apps' static folders; production serves
# the files `eenplan collectstatic` gathered into STATIC_ROOT.
WHITENOISE_USE_FINDERS = WHITENOISE_AUTOREFRESH = not IS_PRODUCTION
if not IS_PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

SESSION_COOKIE_SECURE = IS_PRODUCTION
CSRF_COOKIE_SECURE = IS_PRODUCTION
# Web security (docs/security.md). No page has an inline script, style or event handler, so the
# policy allows only the site's own files; frames, plugins and foreign form targets are refused.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# In production only HTTPS: a year of HSTS, and (behind a proxy that terminates TLS) the proxy's
# X-Forwarded-Proto header tells Django the request was secure.
SECURE_HSTS_SECONDS = config(
    "SECURE_HSTS_SECONDS", default=365 * 24 * 60 * 60 if IS_PRODUCTION else 0, cast=int
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = IS_PRODUCTION
# Preloading HSTS binds the whole domain for good: the domain owner decides, not this project.
SILENCED_SYSTEM_CHECKS = ["security.W021"]
SECURE_SSL_REDIRECT = config("SECURE_SSL_REDIRECT", default=IS_PRODUCTION, cast=bool)
if config("EENPLAN_BEHIND_TLS_PROXY", default=False, cast=bool):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Health checks and the Prometheus scrape come over the private network in plain HTTP, straight
# to gunicorn (docs/deployment.md); a redirect to HTTPS would fail them.
SECURE_REDIRECT_EXEMPT = [r"^gezond/$", r"^gereed/$", r"^metrics$"]
# Prometheus metrics (eenplan.common.metrics): /metrics answers only with this bearer token;
# without one it is off. Counting runs always, in the outermost middleware.
METRICS_TOKEN = config("EENPLAN_METRICS_TOKEN", default="")
if METRICS_TOKEN and len(METRICS_TOKEN) < 32:
    raise ImproperlyConfigured("EENPLAN_METRICS_TOKEN must have 32+ characters.")
MIDDLEWARE = [
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    *MIDDLEWARE,
    "eenplan.common.routing.RecentWriteMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]
SESSION_COOKIE_AGE = config("SESSION_COOKIE_AGE", default=8 * 60 * 60, cast=int)
# And logged out after this many minutes without a request (0: never); eenplan.tenancy.sessions.
SESSION_IDLE_MINUTES = config("EENPLAN_SESSION_IDLE_MINUTES", default=30, cast=int)

# Uploads (docs/security.md): the only files are providers' iWmo/iJw messages, XML of at most
# EENPLAN_MAX_UPLOAD_MB. A larger upload goes to a temporary file instead of memory; the other
# fields of a request (forms, no file) may hold 1 MB and 500 fields, far above any form here.
MAX_UPLOAD_MB = config("EENPLAN_MAX_UPLOAD_MB", default=5, cast=int)
FILE_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 500
DATA_UPLOAD_MAX_NUMBER_FILES = 5

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["eenplan.api.permissions.IsProfessional"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "EXCEPTION_HANDLER": "eenplan.api.exceptions.exception_handler",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "EenPlan API",
    "DESCRIPTION": "API v1 voor partnersystemen: één gezin, één plan, één regisseur.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "ENUM_NAME_OVERRIDES": {
        "LifeDomainEnum": "eenplan.common.constants.LifeDomain",
        "ComplaintKindEnum": "eenplan.complaints.constants.Kind",
        "ComplaintThemeEnum": "eenplan.complaints.constants.Theme",
        "CaseStatusEnum": "eenplan.cases.constants.CaseStatus",
        "OrganisationTypeEnum": "eenplan.tenancy.constants.OrganisationType",
        "AccessLogActionEnum": "eenplan.privacy.constants.Action",
        "ActionStatusEnum": "eenplan.plans.constants.ActionStatus",
        "OwnerKindEnum": "eenplan.plans.constants.OwnerKind",
        "AgreementMethodEnum": "eenplan.plans.constants.AgreementMethod",
        "GoalResultEnum": "eenplan.plans.constants.GoalResult",
        "ConsultationKindEnum": "eenplan.consultations.constants.ConsultationKind",
        "DecisionKindEnum": "eenplan.consultations.constants.DecisionKind",
        "PolicyThemeEnum": "eenplan.consultations.constants.PolicyTheme",
        "PolicySignalStatusEnum": "eenplan.consultations.constants.PolicySignalStatus",
    },
}

# Register of processing activities (Logboek Dataverwerkingen `dpl.core.processing_activity_id`).
PROCESSING_ACTIVITY_BASE_URI = config(
    "EENPLAN_PROCESSING_ACTIVITY_BASE_URI",
    default="https://eenplan.nl/verwerkingsregister/",
)

DEMO_PASSWORD = config("EENPLAN_DEMO_PASSWORD", default="eenplan-demo")

# Break-the-glass (docs/privacy.md): the longest an emergency access may last, in hours.
EMERGENCY_ACCESS_MAX_HOURS = config("EENPLAN_EMERGENCY_ACCESS_MAX_HOURS", default=24, cast=int)

# Retention periods in years per kind of record (docs/privacy.md#bewaartermijnen), applied by
# `eenplan apply-retention`; a match signal also goes once its person is RETENTION_MATCH_MAX_AGE.
RETENTION_YEARS = {
    "jeugddossier": config("EENPLAN_RETENTION_JEUGDDOSSIER_YEARS", default=20, cast=int),
    "ondersteuningsplan": config(
        "EENPLAN_RETENTION_ONDERSTEUNINGSPLAN_YEARS", default=15, cast=int
    ),
    "plan_niet_vastgesteld": config(
        "EENPLAN_RETENTION_PLAN_NIET_VASTGESTELD_YEARS", default=5, cast=int
    ),
    "matchsignaal": config("EENPLAN_RETENTION_MATCHSIGNAAL_YEARS", default=2, cast=int),
}
RETENTION_MATCH_MAX_AGE = config("EENPLAN_RETENTION_MATCHSIGNAAL_MAX_AGE", default=23, cast=int)
if min(RETENTION_YEARS.values()) < 1 or RETENTION_MATCH_MAX_AGE < 1:
    raise ImproperlyConfigured("Retention periods and the match-signal age must be 1 or more.")

# Citizen login through a DigiD broker over OpenID Connect (docs/portaal.md,
# eenplan.portal.oidc). Off unless EENPLAN_CITIZEN_OIDC_CLIENT_ID is set; then the secret and the
# endpoints must be set too. It only ever logs in citizens (household members of 16 or older).
# Brute-force protection (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one account
# from one address, logging in there is refused for AXES_COOLOFF_MINUTES; a good login resets it.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = config("AXES_FAILURE_LIMIT", default=5, cast=int)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=config("AXES_COOLOFF_MINUTES", default=15, cast=int))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_CALLABLE = "eenplan.common.lockout.locked_out"
OIDC_RP_CLIENT_ID = config("EENPLAN_CITIZEN_OIDC_CLIENT_ID", default="")
CITIZEN_OIDC_ENABLED = bool(OIDC_RP_CLIENT_ID)
CITIZEN_OIDC_BSN_CLAIM = config("EENPLAN_CITIZEN_OIDC_BSN_CLAIM", default="bsn")
if CITIZEN_OIDC_ENABLED:
    OIDC_RP_CLIENT_SECRET = config("EENPLAN_CITIZEN_OIDC_CLIENT_SECRET", default="")
    OIDC_OP_AUTHORIZATION_ENDPOINT = config(
        "EENPLAN_CITIZEN_OIDC_AUTHORIZATION_ENDPOINT", default=""
    )
    OIDC_OP_TOKEN_ENDPOINT = config("EENPLAN_CITIZEN_OIDC_TOKEN_ENDPOINT", default="")
    OIDC_OP_JWKS_ENDPOINT = config("EENPLAN_CITIZEN_OIDC_JWKS_ENDPOINT", default="")
    # Optional: without it the BSN comes from the ID token alone.
    OIDC_OP_USER_ENDPOINT = config("EENPLAN_CITIZEN_OIDC_USERINFO_ENDPOINT", default="")
    OIDC_RP_SIGN_ALGO = config("EENPLAN_CITIZEN_OIDC_SIGN_ALGO", default="RS256")
    OIDC_RP_SCOPES = config("EENPLAN_CITIZEN_OIDC_SCOPES", default="openid")
    OIDC_USE_PKCE = True
    _missing = [
        name
        for name, value in (
            ("EENPLAN_CITIZEN_OIDC_CLIENT_SECRET", OIDC_RP_CLIENT_SECRET),
            ("EENPLAN_CITIZEN_OIDC_AUTHORIZATION_ENDPOINT", OIDC_OP_AUTHORIZATION_ENDPOINT),
            ("EENPLAN_CITIZEN_OIDC_TOKEN_ENDPOINT", OIDC_OP_TOKEN_ENDPOINT),
            # A broker signing with RS256 or ES256 publishes its keys here (HS256: the secret).
            (
                "EENPLAN_CITIZEN_OIDC_JWKS_ENDPOINT",
                OIDC_OP_JWKS_ENDPOINT or OIDC_RP_SIGN_ALGO[:2] == "HS",
            ),
        )
        if not value
    ]
    if _missing:
        raise ImproperlyConfigured(
            "EENPLAN_CITIZEN_OIDC_CLIENT_ID is set, so these must be set too: "
            + ", ".join(_missing)
        )
    AUTHENTICATION_BACKENDS.append("eenplan.portal.oidc.CitizenOIDCBackend")

# Two-factor login for professionals (docs/security.md, eenplan.tenancy.twofactor): password and
# a code from an authenticator app (TOTP) before any page, the admin or an API token. On in
# production; off elsewhere, so the demo accounts log in with their password alone. Citizens are
# never asked. After a wrong code the next try must wait 1, 2, 4, 8, ... seconds.
REQUIRE_2FA = config("EENPLAN_REQUIRE_2FA", default=IS_PRODUCTION, cast=bool)
OTP_TOTP_ISSUER = "EenPlan"
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_ADMIN_HIDE_SENSITIVE_DATA = True  # the admin never shows an app's secret or QR code

# Professional login through the organisation's identity provider over OpenID Connect
# (eenplan.tenancy.oidc). Off unless EENPLAN_OIDC_CLIENT_ID is set; then the secret and the
# endpoints must be set too. mozilla-django-oidc's global OIDC_* settings are the citizens'
# broker, so these live in PROFESSIONAL_OIDC, read by the professional backend and views alone.
# The claim is matched to one active professional account; none is ever created.
_PROFESSIONAL_OIDC_CLIENT_ID = config("EENPLAN_OIDC_CLIENT_ID", default="")
PROFESSIONAL_OIDC_ENABLED = bool(_PROFESSIONAL_OIDC_CLIENT_ID)
PROFESSIONAL_OIDC_CLAIM = config("EENPLAN_OIDC_USER_CLAIM", default="email")
PROFESSIONAL_OIDC_ACCOUNT_FIELD = config("EENPLAN_OIDC_ACCOUNT_FIELD", default="email")
# On: a login through the provider counts as two-factor (the provider asked a second factor).
PROFESSIONAL_OIDC_TRUSTS_IDP_MFA = config("EENPLAN_OIDC_TRUSTS_IDP_MFA", default=False, cast=bool)
PROFESSIONAL_OIDC: dict = {}
if PROFESSIONAL_OIDC_ENABLED:
    PROFESSIONAL_OIDC = {
        "OIDC_RP_CLIENT_ID": _PROFESSIONAL_OIDC_CLIENT_ID,
        "OIDC_RP_CLIENT_SECRET": config("EENPLAN_OIDC_CLIENT_SECRET", default=""),
        "OIDC_OP_AUTHORIZATION_ENDPOINT": config("EENPLAN_OIDC_AUTHORIZATION_ENDPOINT", default=""),
        "OIDC_OP_TOKEN_ENDPOINT": config("EENPLAN_OIDC_TOKEN_ENDPOINT", default=""),
        "OIDC_OP_JWKS_ENDPOINT": config("EENPLAN_OIDC_JWKS_ENDPOINT", default=""),
        # Optional: without it the claim comes from the ID token alone.
        "OIDC_OP_USER_ENDPOINT": config("EENPLAN_OIDC_USERINFO_ENDPOINT", default=""),
        "OIDC_RP_SIGN_ALGO": config("EENPLAN_OIDC_SIGN_ALGO", default="RS256"),
        "OIDC_RP_SCOPES": config("EENPLAN_OIDC_SCOPES", default="openid email"),
        "OIDC_USE_PKCE": True,
        "OIDC_TIMEOUT": 10,  # seconds; a provider that does not answer fails the login
        "OIDC_AUTHENTICATION_CALLBACK_URL": "tenancy:oidc-callback",
    }
    _missing = [
        name
        for name, key in (
            ("EENPLAN_OIDC_CLIENT_SECRET", "OIDC_RP_CLIENT_SECRET"),
            ("EENPLAN_OIDC_AUTHORIZATION_ENDPOINT", "OIDC_OP_AUTHORIZATION_ENDPOINT"),
            ("EENPLAN_OIDC_TOKEN_ENDPOINT", "OIDC_OP_TOKEN_ENDPOINT"),
            ("EENPLAN_OIDC_JWKS_ENDPOINT", "OIDC_OP_JWKS_ENDPOINT"),
        )
        if not PROFESSIONAL_OIDC[key]
        and not (
            key == "OIDC_OP_JWKS_ENDPOINT" and PROFESSIONAL_OIDC["OIDC_RP_SIGN_ALGO"][:2] == "HS"
        )
    ]
    if _missing:
        raise ImproperlyConfigured(
            "EENPLAN_OIDC_CLIENT_ID is set, so these must be set too: " + ", ".join(_missing)
        )
    if PROFESSIONAL_OIDC_ACCOUNT_FIELD not in ("email", "username"):
        raise ImproperlyConfigured("EENPLAN_OIDC_ACCOUNT_FIELD must be email or username.")
    # Right after the password backend, before the citizens' one: on its own callback page it
    # ends the search (PermissionDenied) so the DigiD backend never sees this provider's code.
    AUTHENTICATION_BACKENDS.insert(
        AUTHENTICATION_BACKENDS.index("django.contrib.auth.backends.ModelBackend") + 1,
        "eenplan.tenancy.oidc.ProfessionalOIDCBackend",
    )

# Signals (docs/signals.md): days without a coordinator after the third organisation started,
# and days an open action may be past its due date, before a signal is raised.
SIGNAL_NO_COORDINATOR_DAYS = config("EENPLAN_SIGNAL_NO_COORDINATOR_DAYS", default=14, cast=int)
SIGNAL_OVERDUE_DAYS = config("EENPLAN_SIGNAL_OVERDUE_DAYS", default=14, cast=int)

# E-mail: the console in the embedded default; SMTP (or any Django backend) through the environment.
EMAIL_BACKEND = config("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = config("EMAIL_HOST", default="localhost")
EMAIL_PORT = config("EMAIL_PORT", default=25, cast=int)
EMAIL_HOST_USER = config("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = config("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = config("EMAIL_USE_TLS", default=False, cast=bool)
DEFAULT_FROM_EMAIL = config("DEFAULT_FROM_EMAIL", default="EenPlan <noreply@eenplan.local>")
# Where links in e-mails point to.
BASE_URL = config("EENPLAN_BASE_URL", default="http://127.0.0.1:8000").rstrip("/")

# Reminders of agreements from consultations (docs/overleg.md): days before the deadline, and
# the periodic `eenplan send-reminders` sends one after it has passed.
REMINDER_DAYS_BEFORE = config("EENPLAN_REMINDER_DAYS_BEFORE", default=3, cast=int)

# Background jobs (docs/adr/0012-background-jobs.md, eenplan.common.jobs). With a broker (Redis)
# workers run them (`make worker`) and beat schedules them (`make beat`); without one, the
# embedded default, every job runs at once in the process that asks for it. Results are Job rows,
# so there is no result backend; task arguments are ids only, never personal data.
BROKER_URL = config("EENPLAN_BROKER_URL", default="")
CELERY_BROKER_URL = BROKER_URL or "memory://"
CELERY_TASK_ALWAYS_EAGER = not BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_IGNORE_RESULT = True
# A message is acknowledged when its job has ended, and a worker that dies hands it back: a job
# survives a restart. One message at a time per worker process, so none waits behind a long job.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
JOB_TIME_LIMIT_MINUTES = config("EENPLAN_JOB_TIME_LIMIT_MINUTES", default=60, cast=int)
CELERY_TASK_SOFT_TIME_LIMIT = JOB_TIME_LIMIT_MINUTES * 60  # the job ends as failed
CELERY_TASK_TIME_LIMIT = CELERY_TASK_SOFT_TIME_LIMIT + 60  # the process is killed
# Redis hands a message that was not acknowledged within this time to another worker: it must
# outlast the longest job, or a running job would start a second time.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": CELERY_TASK_TIME_LIMIT + 300}
CELERY_TIMEZONE = TIME_ZONE
CELERY_WORKER_HIJACK_ROOT_LOGGER = False  # the workers log through LOGGING below (JSON)
CELERY_BEAT_SCHEDULE_FILENAME = str(DATA_DIR / "celerybeat-schedule")
CELERY_BEAT_SCHEDULE = {
    "evaluate-signals": {
        "task": "eenplan.signals.evaluate_signals",
        "schedule": crontab(hour=2, minute=0),
    },
    "apply-retention": {
        "task": "eenplan.privacy.apply_retention",
        "schedule": crontab(hour=3, minute=0),
    },
    "send-reminders": {
        "task": "eenplan.consultations.send_reminders",
        "schedule": crontab(hour=7, minute=0),
    },
    # Shorter than INDICATOR_CACHE_SECONDS, so a dashboard viewer finds the counts ready.
    "refresh-indicators": {
        "task": "eenplan.indicators.refresh",
        "schedule": datetime.timedelta(minutes=10),
    },
    # Entries are sealed right after each write; this takes along any a failed seal left.
    "seal-access-log": {
        "task": "eenplan.privacy.seal_access_log",
        "schedule": datetime.timedelta(minutes=5),
    },
}

# The cache: in-process by default; shared by every web worker and the Celery workers when
# EENPLAN_CACHE_URL names a Redis database (production: the counts the refresh job makes reach
# every worker). It holds aggregates only, never personal data.
CACHE_URL = config("EENPLAN_CACHE_URL", default="")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
    if CACHE_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}
# How long the dashboard's counts are kept (indicators.values): they may lag this much behind.
INDICATOR_CACHE_SECONDS = config("EENPLAN_INDICATOR_CACHE_SECONDS", default=900, cast=int)

LOG_LEVEL = config("LOG_LEVEL", default="INFO")
LOG_JSON = config("LOG_JSON", default=IS_PRODUCTION, cast=bool)

# Structured logs (structlog). JSON in production; never personal data (see common/logging.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "structured": {
            "()": "eenplan.common.logging.build_formatter",
            "json": LOG_JSON,
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "structured"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
