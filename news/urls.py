from django.urls import path

from . import calendar, feeds, views

app_name = "news"

urlpatterns = [
    path("news/", views.NewsListView.as_view(), name="list"),
    path("news/feed/rss/", feeds.LatestNewsFeed(), name="feed_rss"),
    path("news/feed/atom/", feeds.LatestNewsAtomFeed(), name="feed_atom"),
    path("news/<slug:section>/", views.SectionNewsView.as_view(), name="section"),
    path("news/<slug:section>/feed/rss/", feeds.SectionNewsFeed(), name="section_feed_rss"),
    path("news/<slug:section>/feed/atom/", feeds.SectionNewsAtomFeed(), name="section_feed_atom"),
    path("news/<slug:section>/<slug:slug>/", views.NewsDetailView.as_view(), name="detail"),
    path("events/", views.EventListView.as_view(), name="event_list"),
    path("events/calendar.ics", calendar.calendar_ics, name="calendar"),
    path("events/<slug:slug>.ics", calendar.event_ics, name="event_ics"),
    path("events/<slug:slug>/", views.EventDetailView.as_view(), name="event_detail"),
]
