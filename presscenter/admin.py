"""The admin site: Django's, with a login that never sends an editor off the site."""

from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.decorators import login_not_required
from django.urls import reverse
from django.utils.decorators import method_decorator

from core.local_paths import is_local_path


class PressCentreAdminSite(admin.AdminSite):
    """Installed as ``admin.site`` by ``PresscenterAdminConfig``."""

    @method_decorator(login_not_required)
    def login(self, request, extra_context=None):
        """Django's login, with a ``next`` that is not a path on this site
        (``core.local_paths``) replaced by the admin's index. Django's own check lets
        a scheme without a host (``https:evil.example``) through."""
        index = reverse("admin:index", current_app=self.name)
        for method in ("GET", "POST"):
            data = getattr(request, method)
            if REDIRECT_FIELD_NAME in data and not is_local_path(data[REDIRECT_FIELD_NAME]):
                data = data.copy()
                data[REDIRECT_FIELD_NAME] = index
                setattr(request, method, data)
        return super().login(request, extra_context)
