"""Staff accounts: who is asking, what is written to the log, what a locked-out
guesser reads, and when an idle editor's session ends.

django-axes counts failed logins per account and address and refuses a pair that
failed too often (the settings say how often and for how long); this module gives it
the visitor's address and the page it shows, and writes one line to the
``presscenter.security`` log for every login and every failed one: the account name
and the address, never the password.
"""

import ipaddress
import logging

from axes.helpers import get_cool_off
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.shortcuts import render
from django.utils import timezone

logger = logging.getLogger("presscenter.security")

# An account name is the visitor's text: shown with repr() so that a newline or a
# control character cannot start a line of its own, and cut short.
LONGEST_LOGGED_NAME = 150


def client_ip(request):
    """The visitor's address. Behind a proxy trusted with DJANGO_TRUST_PROXY_HTTPS it
    is the last address in X-Forwarded-For, the one that proxy added (the earlier
    ones are whatever the visitor sent); otherwise the connection's own address."""
    if settings.TRUST_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        last = forwarded.rsplit(",", 1)[-1].strip()
        try:
            return str(ipaddress.ip_address(last))
        except ValueError:  # not what a proxy writes: the connection's address
            pass
    return request.META.get("REMOTE_ADDR") or None


def logged_name(name):
    return repr(str(name or "")[:LONGEST_LOGGED_NAME])


def log_login(sender, request, user, **kwargs):
    """Receiver of ``user_logged_in``."""
    logger.info(
        "login succeeded: user=%s staff=%s ip=%s",
        logged_name(user.get_username()),
        "yes" if user.is_staff else "no",
        client_ip(request) if request is not None else "-",
    )


def log_login_failure(sender, credentials, request=None, **kwargs):
    """Receiver of ``user_login_failed``. Django has already masked the password in
    ``credentials``; only the account name is read from them."""
    locked_out = request is not None and getattr(request, "axes_locked_out", False)
    logger.warning(
        "login failed: user=%s ip=%s%s",
        logged_name(credentials.get(get_user_model().USERNAME_FIELD)),
        client_ip(request) if request is not None else "-",
        " locked-out" if locked_out else "",
    )


def lockout_response(request, original_response=None, credentials=None):
    """What a locked-out login gets (AXES_LOCKOUT_CALLABLE): a 429 page that says
    when the next attempt may be made. Every refused attempt starts the cool-off
    again, so that moment is the cool-off from now."""
    cool_off = get_cool_off(request)
    return render(
        request,
        "presscenter/lockout.html",
        {
            **admin.site.each_context(request),
            "retry_at": timezone.localtime(timezone.now() + cool_off),
            "minutes": int(cool_off.total_seconds() // 60),
        },
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )


class AdminIdleTimeoutMiddleware:
    """An editor's session ends ``SESSION_COOKIE_AGE`` after the last admin request.

    Every admin request saves the session, which moves its expiry (cookie and row) on;
    nothing else does, so a session left alone expires. Django's
    ``SESSION_SAVE_EVERY_REQUEST`` would do the same on every page, and make each
    public page an editor reads load and write the session: public pages read no
    session (the page cache and the query counts rely on it). It stands after the
    session middleware, so the session is saved on the way out.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.SESSION_COOKIE_NAME in request.COOKIES and request.path_info.startswith(
            f"/{settings.ADMIN_PATH}"
        ):
            request.session.modified = True
        return response
