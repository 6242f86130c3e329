import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "presscenter.settings")
application = get_wsgi_application()

from presscenter.readiness import require_serving_settings  # noqa: E402

require_serving_settings()
