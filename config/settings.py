"""Pantau settings: one file, driven by environment variables.

Every value a deployment may change is read from the environment with a typed helper
(django-environ). Defaults are safe for production (DEBUG off, secure cookies, HSTS, CSP); the
embedded demo turns on development mode with ``PANTAU_DEBUG=1``. See docs/deployment.md for the
full list of variables.
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(environ.Env().str("PANTAU_VAR_DIR", default=str(BASE_DIR / "var")))

env = environ.Env()

DEBUG = env.bool("PANTAU_DEBUG", default=False)
# With DEBUG on, a missing page still shows Pantau's own 404 unless this is set (it lists every
# address of the site): pantau.common.middleware.FriendlyNotFoundMiddleware.
PANTAU_TECHNICAL_404 = env.bool("PANTAU_TECHNICAL_404", default=False)

# A development key is allowed only with DEBUG on: production must set SECRET_KEY.
DEV_SECRET_KEY = "pantau-development-key-not-for-production"  # noqa: S105
SECRET_KEY = env.str("SECRET_KEY", default=DEV_SECRET_KEY)
if not DEBUG and SECRET_KEY == DEV_SECRET_KEY:
    raise ImproperlyConfigured(
        "Pantau refuses to start in production mode with the development secret key. "
        "Set the SECRET_KEY environment variable (or PANTAU_DEBUG=1 for local development)."
    )

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# The public address for links in mail and webhooks; without it, development uses the address the
# site is served at (pantau.common.site). Production must set it (decision 0020).
SITE_URL = env.str("PANTAU_SITE_URL", default="")
# Where vulnerabilities are reported (/.well-known/security.txt, docs/security.md).
PANTAU_SECURITY_CONTACT = env.str("PANTAU_SECURITY_CONTACT", default="")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "simple_history",
    "dbbackup",
    "taggit",
    "csp",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "pantau.common",
    "pantau.accounts",
    "pantau.organisations",
    "pantau.analytics",
    "pantau.surveys",
    "pantau.satisfaction",
    "pantau.studies",
    "pantau.complaints",
    "pantau.standards",
    "pantau.evaluations",
    "pantau.events",
    "pantau.portal",
    "pantau.api",
    "pantau.open311",
    "pantau.privacy",
    "pantau.improvements",
    "pantau.kpis",
    "pantau.innovations",
    "pantau.observations",
    "pantau.reportcards",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # An anonymous conditional GET of a public read is answered 304 here, before the session.
    "pantau.common.httpcache.NotModifiedMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "pantau.common.middleware.DefaultLanguageMiddleware",
    "pantau.api.middleware.ApiLanguageMiddleware",
    "pantau.common.query_guard.RefuseNulMiddleware",
    "django.middleware.common.CommonMiddleware",
    "pantau.common.site.RememberOriginMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "pantau.accounts.middleware.SessionTimeoutMiddleware",
    "pantau.accounts.middleware.TwoFactorRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "pantau.common.middleware.FriendlyNotFoundMiddleware",
    # axes must be last: it reads the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "pantau.common.context_processors.pantau",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# The embedded default is SQLite under var/; production sets DATABASE_URL to PostgreSQL.
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'pantau.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and the one writer work side by side (gunicorn workers).
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

_replicas = env.list("DATABASE_REPLICA_URLS", default=[])
for _index, _url in enumerate(_replicas, start=1):
    DATABASES[f"replica{_index}"] = environ.Env.db_url_config(_url)
    DATABASES[f"replica{_index}"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["config.routers.PrimaryReplicaRouter"] if _replicas else []

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------------
if env.str("REDIS_URL", default=""):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": env.str("REDIS_URL"),
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Public pages kept in the cache and answered 304 while nothing changed (pantau.common.httpcache).
# On by default with Redis, which every worker shares; a per-process cache would let one worker
# serve a page another worker's change made stale. PAGE_CACHE=1 turns it on for one process.
PANTAU_PAGE_CACHE = env.bool("PAGE_CACHE", default=bool(env.str("REDIS_URL", default="")))

# --- Background tasks -----------------------------------------------------------------------
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TIMEZONE = "Asia/Jakarta"
# `celery -A config beat` runs these; without beat, cron can call the matching `pantau` command.
from celery.schedules import crontab  # noqa: E402

CELERY_BEAT_SCHEDULE = {
    "complaint-deadline-reminders": {
        "task": "pantau.complaints.tasks.send_deadline_reminders",
        "schedule": crontab(hour=7, minute=0),
        "options": {"expires": 6 * 60 * 60},
    },
    "standard-review-reminders": {
        "task": "pantau.standards.tasks.send_review_reminders",
        "schedule": crontab(hour=7, minute=15),
        "options": {"expires": 6 * 60 * 60},
    },
    "personal-data-retention": {
        "task": "pantau.privacy.tasks.apply_retention_task",
        "schedule": crontab(hour=2, minute=30),
        "options": {"expires": 6 * 60 * 60},
    },
}
# Retention of personal data (pantau/privacy/registry.py, `pantau apply_retention --dry-run`):
# a reporter's name, e-mail and telephone are blanked this many months after the report closed.
PANTAU_RETENTION_REPORTER_MONTHS = env.int("RETENTION_REPORTER_MONTHS", default=24)
# A home-visit request's name, telephone and address: blanked this many months after it came.
PANTAU_RETENTION_VISIT_MONTHS = env.int("RETENTION_VISIT_MONTHS", default=12)
# Followers of a public report (their e-mail address): deleted this many months after the report
# closed or was archived; a sign-up never confirmed within PANTAU_FOLLOW_CONFIRM_DAYS is deleted then.
PANTAU_RETENTION_FOLLOWER_MONTHS = env.int("RETENTION_FOLLOWER_MONTHS", default=6)
PANTAU_FOLLOW_CONFIRM_DAYS = env.int("FOLLOW_CONFIRM_DAYS", default=7)
# Perception studies show and export a group's results only from this many answers on.
PANTAU_STUDY_MIN_GROUP = env.int("STUDY_MIN_GROUP", default=5)
# Days within which a person's request about their own data is answered (pantau/privacy).
PANTAU_SUBJECT_REQUEST_DAYS = env.int("SUBJECT_REQUEST_DAYS", default=14)

# --- Authentication -------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "pantau.accounts.backends.UsernameOrEmailBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "portal:home"

# Behind a proxy (nginx, a load balancer) the client's address is the one the proxy appends to
# X-Forwarded-For; further trusted proxies in front of it are skipped (pantau.common.client_ip).
BEHIND_PROXY = env.bool("BEHIND_PROXY", default=False)
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])

# django-axes (pantau/accounts/security.py): within AXES_COOLOFF_TIME, lock an account after
# AXES_FAILURE_LIMIT failures whatever case or e-mail is typed, an address after
# PANTAU_SIGN_IN_ADDRESS_LIMIT failures, and an address that tried PANTAU_SIGN_IN_SPRAY_LIMIT
# different usernames (password spraying). A right password with a missing or wrong authenticator
# code counts as a failure.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
PANTAU_SIGN_IN_ADDRESS_LIMIT = env.int("SIGN_IN_ADDRESS_LIMIT", default=30)
PANTAU_SIGN_IN_SPRAY_LIMIT = env.int("SIGN_IN_SPRAY_LIMIT", default=10)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=0.5)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_HANDLER = "pantau.accounts.security.SignInLimitHandler"
AXES_USERNAME_CALLABLE = "pantau.accounts.security.canonical_username"
AXES_CLIENT_IP_CALLABLE = "pantau.common.client_ip.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "pantau.accounts.security.lockout_response"

# Two-factor sign-in (TOTP) is required of these roles ("admin" = staff and superusers, or a
# membership role); they are sent to enrol after their password and can do nothing else until
# they have. Development mode (the demo) requires it of nobody unless set.
PANTAU_TWO_FACTOR_ROLES = env.list(
    "TWO_FACTOR_ROLES",
    default=[] if DEBUG else ["admin", "evaluator", "agency_head", "unit_head", "inspector"],
)

# Sessions end after SESSION_IDLE_MINUTES without a request, and SESSION_MAX_HOURS after sign-in
# whatever happens (pantau/accounts/middleware.py); the cookie lasts no longer.
PANTAU_SESSION_IDLE_SECONDS = env.int("SESSION_IDLE_MINUTES", default=30) * 60
PANTAU_SESSION_MAX_SECONDS = env.int("SESSION_MAX_HOURS", default=12) * 3600
SESSION_COOKIE_AGE = PANTAU_SESSION_MAX_SECONDS
PASSWORD_RESET_TIMEOUT = env.int("PASSWORD_RESET_MINUTES", default=60) * 60
# Password-reset mails asked for from one client address: (count, seconds).
PANTAU_PASSWORD_RESET_RATE = (env.int("PASSWORD_RESET_RATE_COUNT", default=5), 3600)
OTP_TOTP_ISSUER = "Pantau"

# --- Internationalisation -------------------------------------------------------------------
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_THOUSAND_SEPARATOR = True
TIME_ZONE = "Asia/Jakarta"
USE_TZ = True
LANGUAGE_COOKIE_NAME = "pantau_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- Static and uploaded files --------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
# Uploaded files are private: there is no MEDIA_URL route; views that check access serve them.
_s3_bucket = env.str("AWS_STORAGE_BUCKET_NAME", default="")
STORAGES = {
    "default": (
        {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": _s3_bucket,
                "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default="") or None,
                "default_acl": "private",
                "querystring_auth": True,
            },
        }
        if _s3_bucket
        else {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    ),
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
    # django-dbbackup: `pantau dbbackup` / `mediabackup` write here (docs/deployment.md, "Backups").
    "dbbackup": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": env.str("BACKUP_DIR", default=str(VAR_DIR / "backups"))},
    },
}
DBBACKUP_SEND_EMAIL = False
WHITENOISE_USE_FINDERS = DEBUG

# --- Mail -----------------------------------------------------------------------------------
EMAIL_CONFIG = env.email_url(
    "EMAIL_URL", default="consolemail://" if DEBUG else "smtp://localhost:25"
)
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Pantau <noreply@localhost>")
# SMS and WhatsApp to a citizen's telephone (pantau.common.notify): the console in development and
# the demo; an HTTP gateway in production (PANTAU_TEXT_BACKEND=pantau.common.notify.HttpText).
PANTAU_TEXT_BACKEND = env.str("PANTAU_TEXT_BACKEND", default="pantau.common.notify.ConsoleText")
PANTAU_TEXT_URL = env.str("PANTAU_TEXT_URL", default="")
PANTAU_TEXT_TOKEN = env.str("PANTAU_TEXT_TOKEN", default="")

# --- Security -------------------------------------------------------------------------------
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
# The header asks browsers to preload HTTPS for the whole domain (decision 0027); the domain must
# still be submitted to the list by hand, and only by whoever owns all of its subdomains.
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

# Demo data loaders, in order; each later app appends its own (see pantau/common/demo.py).
TAGGIT_CASE_INSENSITIVE = True

PANTAU_DEMO_LOADERS = [
    "pantau.organisations.demo.load",
    "pantau.accounts.demo.load",
    "pantau.satisfaction.demo.load",
    "pantau.complaints.demo.load",
    "pantau.standards.demo.load",
    "pantau.studies.demo.load",
    "pantau.evaluations.demo.load",
    "pantau.api.demo.load",
    "pantau.improvements.demo.load",
    "pantau.kpis.demo.load",
    "pantau.innovations.demo.load",
    "pantau.observations.demo.load",
    "pantau.reportcards.demo.load",
]
# Service standards are reviewed periodically (PP 96/2012 Pasal 33): the default interval of a new
# standard, and how many days ahead the unit heads are reminded.
PANTAU_STANDARD_REVIEW_MONTHS = env.int("STANDARD_REVIEW_MONTHS", default=12)
PANTAU_STANDARD_REMINDER_DAYS = env.int("STANDARD_REMINDER_DAYS", default=30)
PANTAU_DEMO_PASSWORD = env.str("PANTAU_DEMO_PASSWORD", default="pantau-demo-2026")

# Public survey submissions per client: (count, seconds). A kiosk at the counter serves many people.
PANTAU_SURVEY_RATE = (
    env.int("SURVEY_RATE_COUNT", default=30),
    env.int("SURVEY_RATE_SECONDS", default=600),
)
PANTAU_SURVEY_RATE_KIOSK = (env.int("SURVEY_KIOSK_RATE_COUNT", default=120), 600)
# Every public limit is keyed on the client's address (pantau.common.client_ip) and counted
# atomically on the shared cache (pantau.common.ratelimit). Reports per address: (count, seconds);
# wrong tracking number/access code pairs per address: (count, seconds).
PANTAU_COMPLAINT_RATE = (
    env.int("COMPLAINT_RATE_COUNT", default=10),
    env.int("COMPLAINT_RATE_SECONDS", default=3600),
)
PANTAU_TRACK_RATE = (
    env.int("TRACK_RATE_COUNT", default=10),
    env.int("TRACK_RATE_SECONDS", default=600),
)
# "Follow this report" sign-ups per client address: (count, seconds); and confirmation mails per
# e-mail address, beyond which none is sent (silently: the page never says what an address did).
PANTAU_FOLLOW_RATE = (
    env.int("FOLLOW_RATE_COUNT", default=10),
    env.int("FOLLOW_RATE_SECONDS", default=3600),
)
PANTAU_FOLLOW_MAIL_RATE = (env.int("FOLLOW_MAIL_RATE_COUNT", default=3), 24 * 60 * 60)
# Public forms (a report, the SKM) carry a signed time: sent sooner than this after the form was
# shown, or later than this many hours, they are refused with the input kept (pantau.common.humancheck).
PANTAU_FORM_MIN_SECONDS = env.int("FORM_MIN_SECONDS", default=3)
PANTAU_FORM_MAX_HOURS = env.int("FORM_MAX_HOURS", default=6)

# --- Public API (pantau.api, pantau.open311; docs/api.md) -------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "pantau.api.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["pantau.api.permissions.ReadScope"],
    "DEFAULT_THROTTLE_CLASSES": [
        "pantau.api.throttling.TokenRateThrottle",
        "pantau.api.throttling.SessionRateThrottle",
        "pantau.api.throttling.AnonymousRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "token": env.str("API_RATE_TOKEN", default="1200/hour"),
        "user": env.str("API_RATE_USER", default="1200/hour"),
        "anon": env.str("API_RATE_ANONYMOUS", default="300/hour"),
        "track": env.str("API_RATE_TRACK", default="10/hour"),  # wrong tries only
    },
    "DEFAULT_PAGINATION_CLASS": "pantau.api.pagination.Pages",
    "DEFAULT_FILTER_BACKENDS": ["pantau.api.filters.FilterBackend"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["pantau.api.parsers.DescribedJSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "pantau.api.exceptions.exception_handler",
    "DEFAULT_METADATA_CLASS": "pantau.api.metadata.Metadata",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    "COERCE_DECIMAL_TO_STRING": False,  # an IKM of 82.12 is a number in JSON
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Pantau API",
    "DESCRIPTION": "Public services judged by the people who use them: service units, SKM "
    "results, complaints. See docs/api.md.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    # Every operation lists the error statuses it can answer (pantau.api.schema).
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "pantau.api.idempotency.document_idempotency",
        "pantau.api.schema.document_errors",
        "pantau.api.caching.document_caching",
    ],
    "ENUM_NAME_OVERRIDES": {
        "ComplaintStatusEnum": "pantau.complaints.models.Status",
        "ArchiveReasonEnum": "pantau.complaints.models.Complaint.ArchiveReason",
        "ComplaintKindEnum": "pantau.complaints.models.Complaint.Kind",
        "AgencyKindEnum": "pantau.organisations.models.Agency.Kind",
        "PeriodKindEnum": "pantau.satisfaction.models.SurveyPeriod.Kind",
        "WebhookEventEnum": "pantau.events.models.WebhookEvent",
        "StandardStatusEnum": "pantau.standards.models.StandardVersion.Status",
        "MaklumatStatusEnum": "pantau.standards.models.Maklumat.Status",
        "RoundStatusEnum": "pantau.evaluations.models.Round.Status",
        "RoundModeEnum": "pantau.evaluations.models.Round.Mode",
        "ScoreModeEnum": "pantau.evaluations.models.Score.Mode",
        "StudyActionEnum": "pantau.studies.services.TRANSITIONS",
        "RoundActionEnum": "pantau.evaluations.services.TRANSITIONS",
        "FollowUpStatusEnum": "pantau.satisfaction.forms.PLAN_STATUSES",
        "ImprovementStatusEnum": "pantau.improvements.models.Status",
        "ImprovementSourceEnum": "pantau.improvements.models.Source",
        "ParticipantKindEnum": "pantau.standards.models.Participant.Kind",
        "ReportCardStatusEnum": "pantau.reportcards.models.Status",
        "ObservationStatusEnum": "pantau.observations.models.Visit.Status",
        "ObservationKindEnum": "pantau.observations.models.Kind",
    },
    # No call to the online validator: the docs page loads nothing from the internet.
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
}
# Webhook deliveries: attempts and the wait before each retry (seconds, doubled each time).
PANTAU_WEBHOOK_ATTEMPTS = env.int("WEBHOOK_ATTEMPTS", default=5)
PANTAU_WEBHOOK_BACKOFF = env.int("WEBHOOK_BACKOFF_SECONDS", default=60)
# Stored events (the "events since" feed, GET /api/v1/events/, and resends): removed with their
# deliveries this many days after they happened, by the daily retention run.
PANTAU_EVENT_RETENTION_DAYS = env.int("EVENT_RETENTION_DAYS", default=90)
# The feed stops short of events stored in the last this many seconds (pantau.events.selectors).
PANTAU_EVENT_FEED_DELAY_SECONDS = env.int("EVENT_FEED_DELAY_SECONDS", default=5)
# Imports (SKM, perception studies): rows and the uncompressed size of an XLSX, refused before
# the file is parsed (pantau/common/readers.py).
PANTAU_IMPORT_MAX_ROWS = env.int("IMPORT_MAX_ROWS", default=100_000)
PANTAU_IMPORT_MAX_UNZIPPED_BYTES = env.int("IMPORT_MAX_UNZIPPED_BYTES", default=200 * 1024 * 1024)
