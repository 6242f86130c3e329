from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class PresscenterConfig(AppConfig):
    name = "presscenter"
    verbose_name = "Press centre"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in, user_login_failed

        from core.changes import content_changed

        from .page_cache import retire_stored_pages
        from .security import log_login, log_login_failure

        content_changed.connect(retire_stored_pages, dispatch_uid="retire_stored_pages")
        user_logged_in.connect(log_login, dispatch_uid="log_login")
        user_login_failed.connect(log_login_failure, dispatch_uid="log_login_failure")


class PresscenterAdminConfig(admin_apps.AdminConfig):
    """Django's admin, with the site of ``presscenter.admin`` as ``admin.site``; named
    in INSTALLED_APPS, never picked for ``presscenter`` itself."""

    default = False
    default_site = "presscenter.admin.PressCentreAdminSite"
