from django.db.models import Prefetch
from django.views.generic import DetailView, ListView, TemplateView

from core.sharing import image_of

from . import structured_data
from .models import Contact, ContactGroup, Person


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
        person = self.object
        photo = image_of(
            self.request,
            person.photo,
            person.photo_width,
            person.photo_height,
            person.photo_alt,
            large=False,
        )
        return super().get_context_data(
            share_image=photo,
            structured_data=structured_data.person(self.request, person),
            language_alternates=person.edition_links("people:list"),
            **kwargs,
        )

    def get_queryset(self):
        return Person.objects.public().prefetch_related(
            "positions", Prefetch("contacts", queryset=Contact.objects.public())
        )


class PressContactsView(TemplateView):
    template_name = "people/press_contacts.html"

    def get_context_data(self, **kwargs):
        groups = ContactGroup.group(Contact.objects.for_press_list())
        return super().get_context_data(contact_groups=groups, **kwargs)
