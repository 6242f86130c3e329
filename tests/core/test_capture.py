"""The {% capture %} tag: a piece of a template rendered into a variable."""

import pytest
from django.template import Context, Template, TemplateSyntaxError


def render(source, **context):
    return Template("{% load capture %}" + source).render(Context(context))


def test_the_markup_lands_in_the_variable_not_the_page():
    html = render(
        '{% capture as links %} <a href="/x/">{{ name }}</a>\n{% endcapture %}[{{ links }}]',
        name="X",
    )

    assert html == '[<a href="/x/">X</a>]'


def test_variables_inside_are_escaped_once():
    html = render("{% capture as part %}<b>{{ name }}</b>{% endcapture %}{{ part }}", name="<i>&")

    assert html == "<b>&lt;i&gt;&amp;</b>"


def test_a_capture_that_renders_nothing_is_empty():
    html = render(
        "{% capture as part %}  {% if no %}x{% endif %}\n{% endcapture %}"
        "{% if part %}full{% else %}empty{% endif %}"
    )

    assert html == "empty"


@pytest.mark.parametrize("tag", ["{% capture %}", "{% capture links %}", "{% capture as %}"])
def test_a_malformed_tag_is_a_syntax_error(tag):
    with pytest.raises(TemplateSyntaxError):
        render(tag + "{% endcapture %}")
