import os

from django.core.asgi import get_asgi_application

from presscenter.readiness import require_serving_settings

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "presscenter.settings")
require_serving_settings()
application = get_asgi_application()
