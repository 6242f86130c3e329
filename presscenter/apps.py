from django.apps import AppConfig


class PresscenterConfig(AppConfig):
    name = "presscenter"
    verbose_name = "Press centre"
