"""The project's URLs plus ``/bench/trivial``, the yardstick of bench/run.sh."""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.cache import never_cache

from presscenter.urls import urlpatterns as project_urlpatterns


@never_cache
def trivial(request):
    """The least a Django page can cost here: every middleware, a view, no template,
    no query. ``never_cache`` keeps it out of the page cache, so each request runs it."""
    return HttpResponse(b"ok\n", content_type="text/plain")


urlpatterns = [path("bench/trivial", trivial), *project_urlpatterns]
