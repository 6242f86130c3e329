"""URL slugs that survive Cyrillic: transliteration, then Django's slugify."""

import itertools
import re

from django.db import IntegrityError, router, transaction
from django.db.models import Q
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


def unique_slug(model, text, max_length=200, exclude_pk=None, fallback="item", reserved=()):
    """``make_slug`` plus a numeric suffix when another row already has that slug, or
    it is one of the ``reserved`` (taken by another address): the first free one of
    ``-2``, ``-3``, … In one query, which reads the slugs of the family (``base`` and
    ``base-<n>``) from the slug's index."""
    base = make_slug(text, max_length=max_length - 4, fallback=fallback)
    family = model._default_manager.filter(
        Q(slug=base) | Q(slug__startswith=f"{base}-", slug__regex=rf"^{re.escape(base)}-[0-9]+$")
    )
    if exclude_pk is not None:
        family = family.exclude(pk=exclude_pk)
    taken = set(family.values_list("slug", flat=True)) | (set(reserved) & {base})
    if base not in taken:
        return base
    numbers = {int(slug[len(base) + 1 :]) for slug in taken if slug != base}
    suffix = f"-{next(n for n in itertools.count(2) if n not in numbers)}"
    if len(base) + len(suffix) > max_length:
        # A thousand namesakes: shorten the base to make room, and start over with it.
        shorter = base[: max_length - len(suffix)].rstrip("-")
        return unique_slug(model, shorter, max_length, exclude_pk, fallback, reserved)
    return base + suffix


def save_with_unique_slug(instance, new_slug, save, *args, attempts=5, **kwargs):
    """``save(*args, **kwargs)`` for an object whose ``slug`` is unique. When it has
    none, ``new_slug()`` makes one; if a concurrent save took the same slug between
    the check and the insert, the database refuses it (IntegrityError), and a fresh
    slug is tried inside a savepoint, up to ``attempts`` times. Other integrity
    errors are raised at once."""
    if instance.slug:
        return save(*args, **kwargs)
    model = type(instance)
    using = kwargs.get("using") or router.db_for_write(model, instance=instance)
    for attempt in range(1, attempts + 1):
        instance.slug = new_slug()
        try:
            with transaction.atomic(using=using):
                return save(*args, **kwargs)
        except IntegrityError:
            others = model._default_manager.db_manager(using).exclude(pk=instance.pk)
            if attempt == attempts or not others.filter(slug=instance.slug).exists():
                raise
