"""Settings for the press centre, read from the environment (12-factor).

One module serves development, tests and production. Production is the default:
without ``DJANGO_DEBUG=1`` the web server refuses to start unless ``DJANGO_SECRET_KEY``
and ``DJANGO_ALLOWED_HOSTS`` are set (presscenter/readiness.py).
"""

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
    "core",
    "people",
    "news",
    "presscenter",
]

MIDDLEWARE = [
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
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("PRESSCENTER_CACHE_KEY_PREFIX", "presscenter"),
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

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}
