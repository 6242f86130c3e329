import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.changes import ChangeSignallingQuerySet
from core.editions import LANGUAGE_CODES, first_filled, has_language_q, translated_columns
from core.fields import (
    CleanCharField,
    CleanTextField,
    DimensionedImageField,
    SanitizedHTMLField,
    SizedFileField,
)
from core.models import EditionsModel, EditionsQuerySet, TimeStampedModel
from core.reversing import slug_url
from core.slugs import save_with_unique_slug, unique_slug
from core.uploads import validate_attachment_upload, validate_image_upload
from people.models import Person


class Section(EditionsModel):
    """A part of the news archive. It is site structure, named in every edition."""

    edition_field = "name"

    name = CleanCharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150, unique=True, blank=True)
    description = CleanTextField(_("description"), blank=True)
    order = models.PositiveIntegerField(_("order"), default=100)

    objects = EditionsQuerySet.as_manager()

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self):
        return self.name or first_filled(self, "name")

    def save(self, *args, **kwargs):
        save_with_unique_slug(self, self.new_slug, super().save, *args, **kwargs)

    def new_slug(self):
        return unique_slug(Section, first_filled(self, "name"), 150, fallback="section")

    def get_absolute_url(self):
        return slug_url("news:section", section=self.slug)


# /events/calendar.ics is the whole calendar, so no event may be called "calendar":
# its own file, /events/<slug>.ics, would be the same address.
RESERVED_EVENT_SLUGS = ("calendar",)


def validate_event_slug(value):
    if value in RESERVED_EVENT_SLUGS:
        raise ValidationError(
            _("“%(slug)s” is the address of the events calendar; choose another."),
            code="reserved",
            params={"slug": value},
        )


class EventQuerySet(EditionsQuerySet):
    def public(self, language=None):
        """Events on the public site: flagged public and titled in this edition."""
        return self.written_in(language).filter(is_public=True)

    def future(self, now=None):
        """Events not yet over (running now or to come), soonest first."""
        return self.filter(end__gte=now or timezone.now()).order_by("start", "pk")

    def past(self, now=None):
        return self.filter(end__lt=now or timezone.now()).order_by("-start", "-pk")

    def update(self, **kwargs):
        """An update is an edit: calendars must see the event's SEQUENCE grow."""
        kwargs.setdefault("sequence", F("sequence") + 1)
        return super().update(**kwargs)

    def upcoming_or_recent(self, count, now=None):
        """What a short list of events shows: the next ``count`` events not yet over,
        soonest first, or, when none is announced, the last ``count`` that took place,
        latest first. Returns ``(events, upcoming)``, ``upcoming`` telling which.
        One query when events are announced, two when none is."""
        now = now or timezone.now()
        upcoming = list(self.future(now)[:count])
        if upcoming:
            return upcoming, True
        return list(self.past(now)[:count]), False


class Event(EditionsModel, TimeStampedModel):
    class Kind(models.TextChoices):
        MEETING = "meeting", _("meeting")
        SESSION = "session", _("session")
        DEBATE = "debate", _("debate")
        CEREMONY = "ceremony", _("ceremony")
        CONFERENCE = "conference", _("conference")
        VISIT = "visit", _("visit")
        BRIEFING = "briefing", _("briefing")
        OTHER = "other", _("other")

    title = CleanCharField(_("title"), max_length=300, blank=True)
    slug = models.SlugField(
        _("slug"), max_length=200, unique=True, blank=True, validators=[validate_event_slug]
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.MEETING)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    all_day = models.BooleanField(
        _("all day"),
        default=False,
        help_text=_("Show dates only, for events whose hours are not announced."),
    )
    venue = CleanCharField(_("venue"), max_length=250, blank=True)
    city = CleanCharField(_("city"), max_length=120, blank=True)
    description = SanitizedHTMLField(
        _("description"), blank=True, help_text=_("HTML; unsafe markup is removed on save.")
    )
    participants = models.ManyToManyField(
        Person, blank=True, related_name="events", verbose_name=_("participants")
    )
    is_public = models.BooleanField(_("public"), default=True)
    sequence = models.PositiveIntegerField(
        _("revision"),
        default=0,
        editable=False,
        help_text=_("Counts the edits, so that calendars replace their copy (iCalendar SEQUENCE)."),
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-start", "-pk"]
        get_latest_by = "start"
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [
            models.Index(fields=["is_public", "end"], name="event_public_end"),
            models.Index(fields=["is_public", "start"], name="event_public_start"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=F("start")),
                name="event_end_not_before_start",
                violation_error_message=_("An event cannot end before it starts."),
            )
        ]

    def __str__(self):
        return self.title or first_filled(self, "title")

    def get_absolute_url(self):
        return slug_url("news:event_detail", slug=self.slug)

    def clean(self):
        if not first_filled(self, "title"):
            raise ValidationError(_("Give the title in at least one language."))

    def save(self, *args, **kwargs):
        if not self._state.adding:
            self.sequence += 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "sequence"}
        save_with_unique_slug(self, self.new_slug, super().save, *args, **kwargs)

    def new_slug(self):
        return unique_slug(
            Event, first_filled(self, "title"), fallback="event", reserved=RESERVED_EVENT_SLUGS
        )

    @property
    def is_upcoming(self):
        return self.start > timezone.now()

    @property
    def is_running(self):
        return self.start <= timezone.now() <= self.end

    @property
    def is_multi_day(self):
        return timezone.localtime(self.start).date() != timezone.localtime(self.end).date()

    @property
    def place(self):
        return ", ".join(p for p in (self.venue, self.city) if p)


class NewsItemQuerySet(EditionsQuerySet):
    def published(self, language=None, now=None):
        """The only door public code uses: published, due, and written in this edition."""
        return self.written_in(language).filter(
            status=NewsItem.Status.PUBLISHED,
            published_at__lte=now or timezone.now(),
        )

    def with_last_modified(self):
        """Annotate ``last_modified``: the later of the last edit and the publication.
        A scheduled item goes live after its last edit, and feeds and sitemaps must
        not say it changed before it appeared."""
        return self.annotate(last_modified=Greatest("updated_at", "published_at"))

    def for_listing(self):
        """What a list of cards needs, in one query."""
        return self.select_related("section").defer(*translated_columns("body"), "body")


def public_list_indexes():
    """Partial indexes for the public lists, one set per edition: the rows an edition
    publishes, newest first with the primary key as tie-breaker, exactly the order and
    the filter of ``published()``. Alone (all news), by section and by kind."""
    indexes = []
    for code in LANGUAGE_CODES:
        in_edition = Q(status="published") & has_language_q("title", code)
        newest_first = (F("published_at").desc(), F("id").desc())
        for prefix, name in ((), "all"), (("section",), "section"), (("kind",), "kind"):
            indexes.append(
                models.Index(
                    *(F(column) for column in prefix),
                    *newest_first,
                    name=f"news_{name}_{code}",
                    condition=in_edition,
                )
            )
    return indexes


class NewsItem(EditionsModel, TimeStampedModel):
    class Kind(models.TextChoices):
        NEWS = "news", pgettext_lazy("news item kind", "News")
        STATEMENT = "statement", _("Statement")
        SPEECH = "speech", _("Speech")
        INTERVIEW = "interview", _("Interview")
        PRESS_RELEASE = "press_release", _("Press release")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "review", _("In review")
        PUBLISHED = "published", _("Published")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NEWS)
    section = models.ForeignKey(
        Section, on_delete=models.PROTECT, related_name="news", verbose_name=_("section")
    )
    title = CleanCharField(_("title"), max_length=300, blank=True)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        blank=True,
        help_text=_(
            "The last part of the address, made from the title when left empty. "
            "Keep it once the item is published."
        ),
    )
    lead = CleanTextField(_("lead"), blank=True, help_text=_("One or two plain sentences."))
    body = SanitizedHTMLField(
        _("body"), blank=True, help_text=_("HTML; unsafe markup is removed on save.")
    )
    image = DimensionedImageField(
        _("main image"),
        upload_to="news/%Y/%m/",
        blank=True,
        validators=[validate_image_upload],
        width_field="image_width",
        height_field="image_height",
    )
    image_width = models.PositiveIntegerField(_("image width"), null=True, editable=False)
    image_height = models.PositiveIntegerField(_("image height"), null=True, editable=False)
    image_alt = CleanCharField(
        _("alt text"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    image_caption = CleanCharField(_("caption"), max_length=300, blank=True)
    image_credit = CleanCharField(_("credit"), max_length=150, blank=True)
    people = models.ManyToManyField(
        Person, blank=True, related_name="news", verbose_name=_("people")
    )
    event = models.ForeignKey(
        Event,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="news",
        verbose_name=_("event"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        help_text=_("A time in the future schedules the item."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="news_items",
        verbose_name=_("author"),
    )

    is_synthetic = models.BooleanField(
        _("synthetic"),
        default=False,
        editable=False,
        help_text=_("Made by load_demo --synthetic for volume tests; never real news."),
    )

    objects = NewsItemQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        get_latest_by = "published_at"
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
        indexes = [
            *public_list_indexes(),
            # The next scheduled publication, for the page cache's lifetimes.
            models.Index(fields=["published_at"], name="news_published_at"),
            # The newest change among published items (with_last_modified()), for the
            # sitemap index's lastmod.
            models.Index(
                Greatest("updated_at", "published_at").desc(),
                name="news_last_modified",
                condition=Q(status="published"),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="news_published_has_time",
                violation_error_message=_("A published item needs a publication time."),
            )
        ]

    def __str__(self):
        return self.title or first_filled(self, "title")

    def get_absolute_url(self):
        return slug_url("news:detail", section=self.section.slug, slug=self.slug)

    def clean(self):
        if not first_filled(self, "title"):
            raise ValidationError(_("Give the title in at least one language."))
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            raise ValidationError(
                {"published_at": _("Set the publication time to publish the item.")}
            )
        if self.image and not first_filled(self, "image_alt"):
            raise ValidationError(
                {"image_alt_en": _("Describe the main image for screen readers.")}
            )

    def save(self, *args, **kwargs):
        save_with_unique_slug(self, self.new_slug, super().save, *args, **kwargs)

    def new_slug(self):
        return unique_slug(NewsItem, first_filled(self, "title"), fallback="news")

    def is_published(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    is_published.boolean = True
    is_published.short_description = _("live")

    @property
    def is_scheduled(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )


class ItemPart(models.Model):
    """A piece that belongs to one news item, in the editors' order, labelled in at
    least one language (``label_field``): a gallery image, an attachment."""

    label_field = ""
    label_required = ""

    order = models.PositiveIntegerField(_("order"), default=0)

    objects = ChangeSignallingQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["order", "pk"]

    def __str__(self):
        return getattr(self, self.label_field) or first_filled(self, self.label_field)

    def clean(self):
        if not first_filled(self, self.label_field):
            raise ValidationError({f"{self.label_field}_en": self.label_required})


class NewsImage(ItemPart):
    """A picture in an item's gallery."""

    label_field = "alt"
    label_required = _("Describe the image for screen readers.")

    news = models.ForeignKey(
        NewsItem, on_delete=models.CASCADE, related_name="gallery", verbose_name=_("news item")
    )
    image = DimensionedImageField(
        _("image"),
        upload_to="news/gallery/%Y/%m/",
        validators=[validate_image_upload],
        width_field="width",
        height_field="height",
    )
    width = models.PositiveIntegerField(_("width"), null=True, editable=False)
    height = models.PositiveIntegerField(_("height"), null=True, editable=False)
    alt = CleanCharField(_("alt text"), max_length=250, blank=True)
    caption = CleanCharField(_("caption"), max_length=300, blank=True)
    credit = CleanCharField(_("credit"), max_length=150, blank=True)

    class Meta(ItemPart.Meta):
        verbose_name = _("gallery image")
        verbose_name_plural = _("gallery")


class NewsAttachment(ItemPart):
    """A document offered for download with an item: a full text, a communiqué, a PDF."""

    label_field = "title"
    label_required = _("Give the document a title.")

    news = models.ForeignKey(
        NewsItem,
        on_delete=models.CASCADE,
        related_name="attachments",
        verbose_name=_("news item"),
    )
    file = SizedFileField(
        _("file"),
        upload_to="news/files/%Y/%m/",
        validators=[validate_attachment_upload],
        size_field="file_size",
    )
    file_size = models.PositiveBigIntegerField(_("file size"), null=True, editable=False)
    title = CleanCharField(_("title"), max_length=250, blank=True)

    class Meta(ItemPart.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    @property
    def extension(self):
        return os.path.splitext(self.file.name)[1].lstrip(".").upper()

    @property
    def size(self):
        """The size in bytes stored when the file was saved (None if unknown)."""
        return self.file_size
