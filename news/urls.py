from django.urls import path

from . import views

app_name = "news"

urlpatterns = [
    path("news/", views.NewsListView.as_view(), name="list"),
    path("news/<slug:section>/", views.SectionNewsView.as_view(), name="section"),
    path("news/<slug:section>/<slug:slug>/", views.NewsDetailView.as_view(), name="detail"),
    path("events/", views.EventListView.as_view(), name="event_list"),
    path("events/<slug:slug>/", views.EventDetailView.as_view(), name="event_detail"),
]
