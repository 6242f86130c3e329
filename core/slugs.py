"""URL slugs that survive Cyrillic: transliteration, then Django's slugify."""

from django.utils.text import slugify

# Russian, Ukrainian, Belarusian and Kazakh letters, transliterated the way the
# organisation's own English pages spell names (Tasmagambetov, Volfovich).
CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u", "ә": "a", "ғ": "g",
    "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h",
}  # fmt: skip


def transliterate(text):
    out = []
    for char in text:
        lower = char.lower()
        latin = CYRILLIC.get(lower)
        if latin is None:
            out.append(char)
        else:
            out.append(latin.capitalize() if char != lower else latin)
    return "".join(out)


def make_slug(text, max_length=200, fallback="item"):
    """A URL slug for ``text`` in any script we publish in; never empty."""
    slug = slugify(transliterate(text or ""))[:max_length].strip("-")
    return slug or fallback


def unique_slug(model, text, max_length=200, exclude_pk=None, fallback="item"):
    """``make_slug`` plus a numeric suffix when another row already has that slug."""
    base = make_slug(text, max_length=max_length - 4, fallback=fallback)
    candidate, n = base, 2
    others = model._default_manager.all()
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    while others.filter(slug=candidate).exists():
        candidate, n = f"{base}-{n}", n + 1
    return candidate
