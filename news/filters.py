import datetime

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.editions import edition, translated_columns
from people.models import Person

from .filter_fields import ShortListFilter
from .models import Event, NewsItem, Section

# Beyond these, a day's midnight in another time zone falls outside what Python's
# datetime can hold: such bounds exclude nothing, so they are dropped.
EARLIEST_DAY = datetime.date.min + datetime.timedelta(days=1)
LATEST_DAY = datetime.date.max - datetime.timedelta(days=1)


def start_of_day(day):
    """Midnight at the start of ``day`` in the site's time zone, as an aware datetime."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class NativeDateInput(forms.DateInput):
    """``<input type="date">`` that drops a value the browser could not show anyway
    (2024-13-45): the form's error message names the problem instead."""

    input_type = "date"

    def format_value(self, value):
        value = super().format_value(value)
        if isinstance(value, str):
            try:
                datetime.date.fromisoformat(value)
            except ValueError:
                return None
        return value


class NewsFilterForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date is before the start date."))
        return cleaned


class NewsFilter(django_filters.FilterSet):
    """The filters of /news/: every value arrives in the query string, so each one
    is validated by the form and a bad value becomes a form error, not a 500."""

    q = django_filters.CharFilter(label=_("Text"), method="filter_text", max_length=200)
    section = django_filters.ModelChoiceFilter(
        label=_("Section"),
        queryset=Section.objects.all(),
        to_field_name="slug",
        empty_label=_("All sections"),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Type"), choices=NewsItem.Kind.choices, empty_label=_("All types")
    )
    person = ShortListFilter(
        label=_("Person"),
        field_name="people",
        queryset=Person.objects.none(),
        to_field_name="slug",
        empty_label=_("Anyone"),
    )
    event = ShortListFilter(
        label=_("Event"),
        queryset=Event.objects.none(),
        to_field_name="slug",
        empty_label=_("Any event"),
    )
    date_from = django_filters.DateFilter(
        label=_("From"), method="filter_from", widget=NativeDateInput(format="%Y-%m-%d")
    )
    date_to = django_filters.DateFilter(
        label=_("To"), method="filter_to", widget=NativeDateInput(format="%Y-%m-%d")
    )

    person_choices = 50  # the leadership and officials, in the editors' order
    event_choices = 30  # the latest events

    class Meta:
        model = NewsItem
        fields = ["q", "section", "kind", "person", "event", "date_from", "date_to"]
        form = NewsFilterForm

    def __init__(self, *args, section=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Choices come from the public querysets of this edition, built per request:
        # any public slug is accepted, a short list is offered.
        data = self.data or {}
        self.filters["person"].offer(
            Person.objects.public().only(
                "slug", *translated_columns("given_name", "patronymic", "family_name")
            ),
            limit=self.person_choices,
            chosen=data.get("person"),
        )
        self.filters["event"].offer(
            Event.objects.public().only("slug", *translated_columns("title")).order_by("-start"),
            limit=self.event_choices,
            chosen=data.get("event"),
        )
        if section is not None:
            del self.filters["section"]

    # Days are the site's days (settings.TIME_ZONE), given to the database as a range
    # of aware timestamps: ``published_at >= <midnight>`` uses the list's index, where
    # ``published_at::date`` would read every row.

    def filter_from(self, queryset, name, value):
        if value <= EARLIEST_DAY:
            return queryset
        return queryset.filter(published_at__gte=start_of_day(value))

    def filter_to(self, queryset, name, value):
        if value >= LATEST_DAY:
            return queryset
        return queryset.filter(published_at__lt=start_of_day(value + datetime.timedelta(days=1)))

    @property
    def is_active(self):
        """True when the query string gives one of these filters a value, or a value
        was refused: the filter panel then opens. Other parameters (the page, a
        campaign tag such as utm_source) leave it folded."""
        if self.form.errors:
            return True
        return any(self.form[name].data not in (None, "") for name in self.filters)

    def filter_text(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        lang = edition()
        return queryset.filter(
            Q(**{f"title_{lang}__icontains": value})
            | Q(**{f"lead_{lang}__icontains": value})
            | Q(**{f"body_{lang}__icontains": value})
        )
