"""Settings for the press centre, read from the environment (12-factor).

One module serves development, tests and production. Production is the default:
without ``DJANGO_DEBUG=1`` the web server refuses to start unless ``DJANGO_SECRET_KEY``
and ``DJANGO_ALLOWED_HOSTS`` are set (presscenter/readiness.py).
"""

import math
import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def origin(url):
    """The scheme and host of an absolute URL (a media domain), else None."""
    parts = urlsplit(url)
    if not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme else parts.netloc


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

# The admin's address, e.g. "newsroom-7f3a/": moving it off the default keeps the
# login form away from scripts that try /admin/ on every site. The page cache and
# robots.txt follow it.
ADMIN_PATH = os.environ.get("PRESSCENTER_ADMIN_PATH", "admin/").strip().strip("/") + "/"
if ADMIN_PATH == "/":
    ADMIN_PATH = "admin/"

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before the admin: Django's, with
    # the project's site (a login that keeps `next` on this site).
    "modeltranslation",
    "presscenter.apps.PresscenterAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_filters",
    "axes",
    "core",
    "people",
    "news",
    "presscenter",
]

MIDDLEWARE = [
    # /healthz is answered here, before host validation and any redirect: a load
    # balancer probes by IP address, over plain HTTP.
    "presscenter.health.HealthCheckMiddleware",
    # HTTPS redirect, HSTS, nosniff, Referrer-Policy, Cross-Origin-Opener-Policy.
    "django.middleware.security.SecurityMiddleware",
    # The Content-Security-Policy and Permissions-Policy headers are added to every
    # response, stored pages too: they stand outside the page cache, so a stored page
    # gets today's policy, and no page is stored with a header of its own.
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
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
    "presscenter.security.AdminIdleTimeoutMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # A database that refuses or times out gives the 503 page, not a 500.
    "presscenter.errors.DatabaseUnavailableMiddleware",
    # Last, as django-axes asks: it turns a refused login into the lockout page. Admin
    # logins are POSTs, which the page cache never touches.
    "axes.middleware.AxesMiddleware",
]

# AxesStandaloneBackend refuses a locked-out login before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
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
PAGE_CACHE_EXCLUDED_PREFIXES = (f"/{ADMIN_PATH}", "/healthz", "/static/", "/media/")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
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
# Where a phone number typed without a country code is (ISO 3166 code): core/phones.py.
PHONE_REGION = os.environ.get("PRESSCENTER_PHONE_REGION", "RU")

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
# Uploads are best served from a domain of their own (docs/deployment.md), e.g.
# MEDIA_URL=https://media.press.example.org/
MEDIA_URL = os.environ.get("MEDIA_URL") or "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or BASE_DIR / "media")

# Uploads on S3-compatible object storage (django-storages) when a bucket is named,
# so that several app servers share them. boto3 reads the access keys from its own
# environment variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) or an instance role.
# Media are public: URLs are plain (no signed query string), and a new upload never
# replaces an older file of the same name.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "file_overwrite": False,
            "querystring_auth": False,
        },
    }

# Uploads: images and attachments are checked against these limits in the forms.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
PRESSCENTER_MAX_IMAGE_BYTES = 10 * 1024 * 1024
PRESSCENTER_MAX_IMAGE_PIXELS = 40_000_000
PRESSCENTER_MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024
# One request may carry one attachment at the limit and the form's other fields; a
# larger one is refused at its first file, before the file is read
# (core.uploads.UploadLimitHandler). The proxy's client_max_body_size matches it (60m).
PRESSCENTER_MAX_UPLOAD_REQUEST_BYTES = (
    PRESSCENTER_MAX_ATTACHMENT_BYTES + DATA_UPLOAD_MAX_MEMORY_SIZE
)
FILE_UPLOAD_HANDLERS = [
    "core.uploads.UploadLimitHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

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

# HTTPS (docs/decisions.md, "Security settings"). When not debugging the site is
# HTTPS only: plain http is redirected (except /healthz, which load balancers probe
# over http), HSTS is sent for a year with subdomains and preload, cookies are Secure.
# DJANGO_HTTPS=0 turns all of that off for a production run on plain http on this
# machine (benchmarks); DJANGO_SECURE_COOKIES=0 is its older name.
HTTPS = not DEBUG and env_bool("DJANGO_HTTPS", env_bool("DJANGO_SECURE_COOKIES", True))
SECURE_SSL_REDIRECT = HTTPS
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True  # no script of ours reads it; the admin posts the form field
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# Behind a proxy that terminates TLS, the request reaches Django over http: the proxy
# says what the visitor used in X-Forwarded-Proto and who the visitor is in
# X-Forwarded-For. Django believes them only when the operator says a proxy that sets
# both stands in front (a visitor could send them too): DJANGO_TRUST_PROXY_HTTPS=1.
# Nothing is trusted by default.
TRUST_PROXY = env_bool("DJANGO_TRUST_PROXY_HTTPS")
if TRUST_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content Security Policy (django-csp 4). Scripts, styles, fonts and frames come from
# the site itself and nothing runs inline: site.js and the admin's scripts are files.
# Public pages carry no nonce, so a stored page is right whoever it is served to.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # Images may also come from a media domain, when MEDIA_URL names one.
        "img-src": ["'self'", "data:", *filter(None, [origin(MEDIA_URL)])],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        **({"upgrade-insecure-requests": True} if HTTPS else {}),
    }
}

# Powerful browser features the site never uses, refused for it and anything it frames.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer", "autoplay", "browsing-topics", "camera", "display-capture",
        "geolocation", "gyroscope", "hid", "magnetometer", "microphone", "midi", "payment",
        "serial", "usb",
    )
}  # fmt: skip

# Accounts. Editors' sessions end after two hours without an admin request
# (presscenter.security.AdminIdleTimeoutMiddleware).
SESSION_COOKIE_AGE = 2 * 60 * 60
LOGIN_URL = "admin:login"
LOGIN_REDIRECT_URL = "admin:index"

# Login throttling (django-axes): five wrong passwords for one account from one
# address lock that pair out for 15 minutes; each further try starts the 15 minutes
# again, and a successful login clears the count.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "presscenter.security.lockout_response"
AXES_CLIENT_IP_CALLABLE = "presscenter.security.client_ip"

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
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.security.DisallowedHost": {"filters": ["without_traceback"]},
        # One line per login, failed or not (presscenter/security.py), instead of
        # django-axes' own several; its warnings (a lockout) still show.
        "presscenter.security": {"level": "INFO"},
        "axes": {"level": "WARNING"},
    },
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
