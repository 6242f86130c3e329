"""Settings for the press centre, read from the environment (12-factor).

One module serves development, tests and production. Production is the default:
without ``DJANGO_DEBUG=1`` the web server refuses to start unless ``DJANGO_SECRET_KEY``
and ``DJANGO_ALLOWED_HOSTS`` are set (presscenter/readiness.py).
"""

import math
import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name):
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


def env_float(name, default):
    value = os.environ.get(name, "").strip()
    return float(value) if value else default


DEBUG = env_bool("DJANGO_DEBUG")

# In production both come from the environment. Leaving them out does not stop
# management commands that need neither (makemigrations, check), but the web server
# refuses to start without them: see presscenter/readiness.py, called by wsgi.py and
# asgi.py. Django itself refuses to use an empty SECRET_KEY.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY and DEBUG:
    SECRET_KEY = "insecure-key-for-local-development-only"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if not ALLOWED_HOSTS and DEBUG:
    ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before django.contrib.admin.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_filters",
    "core",
    "people",
    "news",
    "presscenter",
]

MIDDLEWARE = [
    # /healthz is answered here, before host validation and any redirect: a load
    # balancer probes by IP address, over plain HTTP.
    "presscenter.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A stored anonymous page is served from here, before sessions and authentication;
    # the conditional-GET middleware above it answers a matching repeat with a 304.
    "django.middleware.http.ConditionalGetMiddleware",
    "presscenter.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "presscenter.locale.PathLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # A database that refuses or times out gives the 503 page, not a 500.
    "presscenter.errors.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "presscenter.urls"
WSGI_APPLICATION = "presscenter.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "presscenter.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# A database that is down or hung must give a quick 503, never a worker stuck until
# gunicorn kills it: connecting gives up after DJANGO_DB_CONNECT_TIMEOUT seconds, and
# a statement is cancelled after DJANGO_DB_STATEMENT_TIMEOUT seconds (0: never).
# manage.py sets no statement timeout unless one is given (migrations, backups).
DB_CONNECT_TIMEOUT = env_float("DJANGO_DB_CONNECT_TIMEOUT", 3)
DB_STATEMENT_TIMEOUT = env_float("DJANGO_DB_STATEMENT_TIMEOUT", 10)
_database = DATABASES["default"]
_options = _database.setdefault("OPTIONS", {})
if _database["ENGINE"] == "django.db.backends.postgresql":
    if DB_CONNECT_TIMEOUT:
        # Whole seconds, at least 2: libpq's own rule.
        _options.setdefault("connect_timeout", max(2, math.ceil(DB_CONNECT_TIMEOUT)))
    if DB_STATEMENT_TIMEOUT:
        statement = f"-c statement_timeout={round(DB_STATEMENT_TIMEOUT * 1000)}"
        _options["options"] = f"{_options.get('options', '')} {statement}".strip()
elif _database["ENGINE"] == "django.db.backends.sqlite3" and DB_STATEMENT_TIMEOUT:
    # How long a statement waits for another connection's write lock.
    _options.setdefault("timeout", DB_STATEMENT_TIMEOUT)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    # Django's RedisCache, except that a Redis failure is a cache miss, logged once a
    # minute (core/cache.py); short socket timeouts so a silent Redis costs little.
    CACHE_SOCKET_TIMEOUT = env_float("PRESSCENTER_CACHE_SOCKET_TIMEOUT", 0.5)
    CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("PRESSCENTER_CACHE_KEY_PREFIX", "presscenter"),
            "OPTIONS": {
                "socket_connect_timeout": CACHE_SOCKET_TIMEOUT,
                "socket_timeout": CACHE_SOCKET_TIMEOUT,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Anonymous public pages are stored for at most this long, and never past the next
# scheduled change (presscenter/page_cache.py); every edit retires them at once.
PAGE_CACHE_SECONDS = int(os.environ.get("PRESSCENTER_PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_EXCLUDED_PREFIXES = ("/admin/", "/healthz", "/static/", "/media/")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English is the default edition at unprefixed URLs, Russian lives under /ru/.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ru", _("Russian"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = os.environ.get("PRESSCENTER_TIME_ZONE", "Europe/Moscow")

# Content translations: a field left empty in one language stays empty. An item
# shows in an edition only when it has that language, so nothing falls back silently.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "ru")
MODELTRANSLATION_FALLBACK_LANGUAGES = ()

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or BASE_DIR / "media")

# Uploads: images and attachments are checked against these limits in the forms.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
PRESSCENTER_MAX_IMAGE_BYTES = 10 * 1024 * 1024
PRESSCENTER_MAX_IMAGE_PIXELS = 40_000_000
PRESSCENTER_MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024

# The organisation the site speaks for, per edition (core.editions.organisation()).
PRESSCENTER_ORGANISATION = {
    "en": os.environ.get("PRESSCENTER_ORGANISATION", "Collective Security Treaty Organization"),
    "ru": os.environ.get(
        "PRESSCENTER_ORGANISATION_RU", "Организация Договора о коллективной безопасности"
    ),
}
PRESSCENTER_ORGANISATION_SHORT = {
    "en": os.environ.get("PRESSCENTER_ORGANISATION_SHORT", "CSTO"),
    "ru": os.environ.get("PRESSCENTER_ORGANISATION_SHORT_RU", "ОДКБ"),
}
PRESSCENTER_PAGE_SIZE = 20

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Error pages that need no database (presscenter/errors.py); the 503's Retry-After.
CSRF_FAILURE_VIEW = "presscenter.errors.csrf_failure"
SERVICE_UNAVAILABLE_RETRY_AFTER = 30

# One line per event, to standard error. A forged Host header is a request to refuse,
# not a fault: one line, without the traceback Django attaches.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"without_traceback": {"()": "presscenter.log_filters.WithoutTraceback"}},
    "formatters": {"line": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "line"}},
    "loggers": {"django.security.DisallowedHost": {"filters": ["without_traceback"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}

# Errors are reported to Sentry when SENTRY_DSN is set (the SDK's Django integration:
# unhandled exceptions, and log records at ERROR); otherwise only to the log above.
# No personal data (user, IP address, cookies) is sent.
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        environment=os.environ.get("SENTRY_ENVIRONMENT") or "production",
        release=os.environ.get("SENTRY_RELEASE") or None,
    )
