"""A choice filter that validates against every public row but offers only a few.

The news filters' person and event menus would otherwise list every public event,
and events only accumulate (300 of them made a 36 KB page). A slug given in the query
string is still checked against the whole public queryset (one indexed lookup); the
menu offers the ``short_list`` (the most recent, the leadership's order) and the
chosen row if it is not among them.
"""

import django_filters
from django.core.validators import slug_re
from django.forms.models import ModelChoiceIterator
from django.utils.functional import SimpleLazyObject


class ShortListIterator(ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.field.short_list:
            yield self.choice(obj)

    def __len__(self):
        return len(self.field.short_list) + (self.field.empty_label is not None)

    def __bool__(self):
        return True


class ShortListChoiceField(django_filters.fields.ModelChoiceField):
    iterator = ShortListIterator
    short_list = ()


class ShortListFilter(django_filters.ModelChoiceFilter):
    field_class = ShortListChoiceField

    def offer(self, queryset, limit, chosen):
        """Validate against ``queryset``; offer its first ``limit`` rows and ``chosen``
        (a slug from the query string): one query or two, when the menu is drawn."""
        self.queryset = queryset

        def short_list():
            rows = list(queryset[:limit])
            if is_slug(chosen) and chosen not in {row.slug for row in rows}:
                rows += list(queryset.filter(slug=chosen)[:1])
            return rows

        self.field.short_list = SimpleLazyObject(short_list)


def is_slug(value):
    """Whether ``value`` from the query string can be a slug at all: anything else is
    not looked up (PostgreSQL refuses a NUL character in a query with an error)."""
    return isinstance(value, str) and slug_re.fullmatch(value) is not None
