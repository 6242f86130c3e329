from django import template

from news.models import NewsItem

register = template.Library()


@register.simple_tag
def latest_news_about(person, count=5):
    """The latest published news that concern ``person`` (for the profile page, so
    that the people app itself never imports news)."""
    return list(NewsItem.objects.published().for_listing().filter(people=person)[:count])
