from django.db.models import Prefetch
from django.views.generic import DetailView, TemplateView

from core.sharing import image_of

from . import structured_data
from .models import Contact, ContactGroup, Leadership, Person


class PersonListView(TemplateView):
    """The leadership page: the organisation's current officials, then its former ones
    (``Leadership``). People who never held a post in it keep their profiles, linked
    from the news and events that name them, but are not listed here."""

    template_name = "people/person_list.html"

    def get_context_data(self, **kwargs):
        leadership = Leadership(Person.objects.officials())
        return super().get_context_data(leadership=leadership, **kwargs)


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
