from django.apps import AppConfig


class PresscenterConfig(AppConfig):
    name = "presscenter"
    verbose_name = "Press centre"

    def ready(self):
        from core.changes import content_changed

        from .page_cache import retire_stored_pages

        content_changed.connect(retire_stored_pages, dispatch_uid="retire_stored_pages")
