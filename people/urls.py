from django.urls import path

from . import exports, views

app_name = "people"

urlpatterns = [
    path("people/", views.PersonListView.as_view(), name="list"),
    path("people/<slug:slug>/", views.PersonDetailView.as_view(), name="detail"),
    path("people/<slug:slug>.vcf", exports.person_vcf, name="person_vcf"),
    path("press/contacts/", views.PressContactsView.as_view(), name="contacts"),
    path("press/contacts.vcf", exports.contacts_vcf, name="contacts_vcf"),
    path("press/contacts.csv", exports.contacts_csv, name="contacts_csv"),
    path("press/contacts.xlsx", exports.contacts_xlsx, name="contacts_xlsx"),
    path("press/contacts/<int:pk>.vcf", exports.office_vcf, name="office_vcf"),
]
