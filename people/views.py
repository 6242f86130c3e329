from django.db.models import F, Prefetch, Q
from django.views.generic import DetailView, ListView, TemplateView

from presscenter.i18n import language_alternates

from .models import Contact, Person


class PersonListView(ListView):
    """The leadership page: every public person, in the editors' order."""

    template_name = "people/person_list.html"
    context_object_name = "people"

    def get_queryset(self):
        return Person.objects.public().prefetch_related("positions")


class PersonDetailView(DetailView):
    template_name = "people/person_detail.html"
    context_object_name = "person"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            language_alternates=language_alternates(self.object, "family_name", "people:list"),
            **kwargs,
        )

    def get_queryset(self):
        return Person.objects.public().prefetch_related(
            "positions", Prefetch("contacts", queryset=Contact.objects.filter(is_public=True))
        )


def public_contacts():
    """Public contacts of offices and of public people, the office ones first."""
    return (
        Contact.objects.filter(
            Q(person__isnull=True) | Q(person__in=Person.objects.public()), is_public=True
        )
        .select_related("person")
        .prefetch_related("person__positions")
        .order_by(F("person__order").asc(nulls_first=True), "order", "pk")
    )


class PressContactsView(TemplateView):
    template_name = "people/press_contacts.html"

    def get_context_data(self, **kwargs):
        groups = {}
        for contact in public_contacts():
            key = contact.person_id or f"office:{contact.label}"
            groups.setdefault(key, {"person": contact.person, "label": contact.label, "items": []})
            groups[key]["items"].append(contact)
        return super().get_context_data(contact_groups=list(groups.values()), **kwargs)
