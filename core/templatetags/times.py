"""``{{ value|local_datetime }}``: a date and time in the site's zone, naming it."""

from django import template

from core import timezones

register = template.Library()


@register.filter
def local_datetime(value):
    """ "19 July 2024, 10:00 Moscow time", or "" for no value."""
    return timezones.local_datetime(value) if value else ""
