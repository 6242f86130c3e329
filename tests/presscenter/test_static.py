"""Static files are served from the manifest, as in production."""

import pytest
from django.conf import settings
from django.template import Context, Template
from django.templatetags.static import static


def test_tests_use_the_production_storage():
    backend = settings.STORAGES["staticfiles"]["BACKEND"]
    assert backend == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_static_names_are_hashed():
    url = static("css/site.css")
    assert url.startswith("/static/css/site.")
    assert url != "/static/css/site.css"


def test_a_missing_static_file_fails_to_render():
    template = Template("{% load static %}{% static 'css/no-such-file.css' %}")
    with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
        template.render(Context())
