from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What the news and people apps share: no models of its own, no URLs."""

    name = "core"
    verbose_name = "Core"

    def ready(self):
        from . import changes, checks  # noqa: F401 -- registers the system checks

        changes.connect_model_signals()
