"""System checks of the settings the code cannot work around."""

from django.conf import settings
from django.core import checks

from .identifiers import is_valid_date, is_valid_domain


@checks.register
def tag_uri_settings(app_configs, **kwargs):
    """The feeds' permanent ids are built from these two settings (core.identifiers)."""
    errors = []
    if not is_valid_domain(settings.PRESSCENTER_TAG_DOMAIN):
        errors.append(
            checks.Error(
                f"PRESSCENTER_TAG_DOMAIN is {settings.PRESSCENTER_TAG_DOMAIN!r}.",
                hint="Give a domain name the organisation holds, in lower case, such as "
                "press.example.org: the feeds' ids are built from it.",
                id="core.E001",
            )
        )
    if not is_valid_date(settings.PRESSCENTER_TAG_DATE):
        errors.append(
            checks.Error(
                f"PRESSCENTER_TAG_DATE is {settings.PRESSCENTER_TAG_DATE!r}.",
                hint="Give a day (YYYY-MM-DD) on which the organisation already held "
                "PRESSCENTER_TAG_DOMAIN.",
                id="core.E002",
            )
        )
    return errors
