from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from core.media import media_urlpatterns
from core.sitemaps import URLSET_TEMPLATE

from . import views
from .sitemaps import SITEMAPS

urlpatterns = [
    path(settings.ADMIN_PATH, admin.site.urls),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    # An index, then one sitemap per kind of page, each paginated (?p=2); the page
    # cache stores them like any public page, and retires them on every change.
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap_index",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS, "template_name": URLSET_TEMPLATE},
        name="sitemap_section",
    ),
]

urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("", include("news.urls")),
    path("", include("people.urls")),
    prefix_default_language=False,
)

# Uploaded media in development, as downloads that cannot run script (core/media.py);
# production serves MEDIA_ROOT from the web server with the same headers.
urlpatterns += media_urlpatterns()

# Error pages that need no database, in the language of the path (presscenter/errors.py).
# The 404 page is Django's own view of templates/404.html. /healthz is answered by
# presscenter.health.HealthCheckMiddleware, before host validation.
handler400 = "presscenter.errors.bad_request"
handler403 = "presscenter.errors.permission_denied"
handler500 = "presscenter.errors.server_error"

admin.site.site_header = settings.PRESSCENTER_ORGANISATION[settings.LANGUAGE_CODE]
admin.site.site_title = settings.PRESSCENTER_ORGANISATION_SHORT[settings.LANGUAGE_CODE]
admin.site.index_title = _("Press centre")
