"""The check a serving process makes before it takes its first request."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def require_serving_settings():
    """Refuse to serve in production without a secret key and allowed hosts.

    The settings module itself does not insist, so that commands which need neither
    (``makemigrations --check`` in a bare checkout) still run; WSGI and ASGI start-up,
    which every production server goes through, call this first.
    """
    if settings.DEBUG:
        return
    missing = []
    try:
        settings.SECRET_KEY  # noqa: B018 - Django raises here when it is empty
    except ImproperlyConfigured:
        missing.append("DJANGO_SECRET_KEY")
    if not settings.ALLOWED_HOSTS:
        missing.append("DJANGO_ALLOWED_HOSTS")
    if missing:
        raise ImproperlyConfigured(
            f"Set {' and '.join(missing)} to serve the site "
            "(or DJANGO_DEBUG=1 for local development)."
        )
