import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core import phones
from core.changes import ChangeSignallingQuerySet
from core.deletion import ProtectedDeletionModel, ProtectedDeletionQuerySet
from core.editions import LANGUAGE_CODES, first_filled, organisation
from core.fields import CleanCharField, CleanTextField, DimensionedImageField, SanitizedHTMLField
from core.models import EditionsModel, EditionsQuerySet, TimeStampedModel
from core.reversing import slug_url
from core.slugs import save_with_unique_slug, unique_slug
from core.uploads import validate_image_upload


class PersonQuerySet(ProtectedDeletionQuerySet, EditionsQuerySet):
    def public(self, language=None):
        """People shown on the public site: flagged public and named in this edition."""
        return self.written_in(language).filter(is_public=True)


class Person(ProtectedDeletionModel, EditionsModel, TimeStampedModel):
    """Someone the site names. Not deleted while news or events name them (news
    registers those references: core/deletion.py)."""

    edition_field = "family_name"

    given_name = CleanCharField(_("given name"), max_length=100, blank=True)
    patronymic = CleanCharField(_("patronymic"), max_length=100, blank=True)
    family_name = CleanCharField(_("family name"), max_length=100, blank=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, blank=True)
    photo = DimensionedImageField(
        _("photo"),
        upload_to="people/%Y/",
        blank=True,
        validators=[validate_image_upload],
        width_field="photo_width",
        height_field="photo_height",
    )
    photo_width = models.PositiveIntegerField(_("photo width"), null=True, editable=False)
    photo_height = models.PositiveIntegerField(_("photo height"), null=True, editable=False)
    photo_alt = CleanCharField(
        _("photo alt text"),
        max_length=250,
        blank=True,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    short_bio = CleanTextField(
        _("short bio"), blank=True, help_text=_("One or two sentences for lists and cards.")
    )
    biography = SanitizedHTMLField(
        _("biography"), blank=True, help_text=_("HTML; unsafe markup is removed on save.")
    )
    order = models.PositiveIntegerField(
        _("order"), default=100, help_text=_("Lower numbers come first on the leadership page.")
    )
    is_public = models.BooleanField(_("public"), default=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["order", "family_name", "given_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        indexes = [models.Index(fields=["is_public", "order"], name="person_public_order")]

    def __str__(self):
        return self.full_name or " ".join(
            filter(None, (first_filled(self, "given_name"), first_filled(self, "family_name")))
        )

    @property
    def full_name(self):
        return " ".join(p for p in (self.given_name, self.patronymic, self.family_name) if p)

    @property
    def short_name(self):
        """Given and family name, as news texts name people."""
        return " ".join(p for p in (self.given_name, self.family_name) if p)

    def get_absolute_url(self):
        return slug_url("people:detail", slug=self.slug)

    def clean(self):
        if not first_filled(self, "family_name"):
            raise ValidationError(_("Give the family name in at least one language."))

    def save(self, *args, **kwargs):
        save_with_unique_slug(self, self.new_slug, super().save, *args, **kwargs)

    def new_slug(self):
        name = f"{first_filled(self, 'given_name')} {first_filled(self, 'family_name')}"
        return unique_slug(Person, name, fallback="person")

    @property
    def titled_positions(self):
        """Positions with a title in the active edition, latest first."""
        return [p for p in self.positions.all() if p.title]

    @property
    def headline_position(self):
        """The position to print under the name: the current one, else the latest."""
        positions = self.titled_positions
        if not positions:
            return None
        today = timezone.localdate()
        current = [p for p in positions if p.status_on(today) == Position.CURRENT]
        return (current or positions)[0]


class Position(models.Model):
    """A title a person holds for a term. Whether it is current comes from the dates."""

    CURRENT, ENDED, UPCOMING, UNDATED = "current", "ended", "upcoming", "undated"

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="positions", verbose_name=_("person")
    )
    title = CleanCharField(_("title"), max_length=250, blank=True)
    organisation = CleanCharField(_("organisation"), max_length=250, blank=True)
    start_date = models.DateField(
        _("start date"), null=True, blank=True, help_text=_("Leave empty if not known.")
    )
    end_date = models.DateField(
        _("end date"),
        null=True,
        blank=True,
        help_text=_("The last day of the term; leave empty for an open term."),
    )

    objects = ChangeSignallingQuerySet.as_manager()

    class Meta:
        ordering = [F("start_date").desc(nulls_last=True), "pk"]
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        constraints = [
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="position_end_not_before_start",
                violation_error_message=_("A term cannot end before it starts."),
            )
        ]

    def __str__(self):
        return f"{self.title}, {self.organisation}" if self.organisation else self.title

    def clean(self):
        if not first_filled(self, "title"):
            raise ValidationError({"title_en": _("Give the title in at least one language.")})

    def status_on(self, today):
        """Current, ended, upcoming or undated on ``today``: the one rule for terms of
        office. Positions are read with their person (a handful each), so the rule is
        Python, not SQL."""
        if self.start_date is None and self.end_date is None:
            return self.UNDATED
        if self.end_date and self.end_date < today:
            return self.ENDED
        if self.start_date and self.start_date > today:
            return self.UPCOMING
        return self.CURRENT

    @property
    def status(self):
        return self.status_on(timezone.localdate())

    @property
    def term(self):
        """The term's dates as a profile prints them, in the active language:
        "1 January 2023 – 31 December 2025", "since 1 March 2024", "until 1 May 2020",
        or "" when neither date is known. ``E`` is the month's name as a date says it
        (genitive in Russian: "1 января 2023")."""
        start, end = (
            date_format(day, "j E Y") if day else "" for day in (self.start_date, self.end_date)
        )
        if start and end:
            return f"{start} – {end}"
        if start:
            return gettext("since %(date)s") % {"date": start}
        if end:
            return gettext("until %(date)s") % {"date": end}
        return ""


class ContactQuerySet(ChangeSignallingQuerySet):
    def public(self):
        """Contacts on the public site: flagged public, and either an office's or a
        public person's. The press contacts page, its exports and the footer use it."""
        return self.filter(
            Q(person__isnull=True) | Q(person__in=Person.objects.public()), is_public=True
        )

    def for_footer(self):
        """The public contacts printed in every page's footer, in the editors' order."""
        return self.public().filter(in_footer=True).select_related("person").order_by("order", "pk")

    def for_press_list(self):
        """The public contacts as the press contacts page lists them: offices first, then
        people in the leadership page's order; with what the groups show, in two queries."""
        return (
            self.public()
            .select_related("person")
            .prefetch_related("person__positions")
            .order_by(F("person__order").asc(nulls_first=True), "order", "pk")
        )


class ContactGroup:
    """The contacts of one person, or of one office (contacts without a person that
    share a label): one card on the press contacts page, one vCard, one block of CSV."""

    def __init__(self, person, label):
        self.person = person
        self.label = label
        self.contacts = []

    @classmethod
    def group(cls, contacts):
        """``contacts`` grouped by person or office label, offices first, each group
        in the order its first contact came in."""
        groups = {}
        for contact in contacts:
            key = ("person", contact.person_id) if contact.person_id else ("office", contact.label)
            if key not in groups:
                groups[key] = cls(contact.person, "" if contact.person_id else contact.label)
            groups[key].contacts.append(contact)
        return sorted(groups.values(), key=lambda group: group.person is not None)

    @property
    def position(self):
        return self.person.headline_position if self.person else None

    @property
    def name(self):
        if self.person:
            return self.person.full_name
        return self.label or organisation()

    @property
    def organisation(self):
        position = self.position
        return (position.organisation if position else "") or organisation()


class Contact(models.Model):
    """A phone, fax, e-mail or address of a person or of an office."""

    class Kind(models.TextChoices):
        PHONE = "phone", _("phone")
        FAX = "fax", _("fax")
        TEL_FAX = "tel_fax", _("tel/fax")
        EMAIL = "email", _("e-mail")
        ADDRESS = "address", _("address")

    PHONE_KINDS = {Kind.PHONE, Kind.FAX, Kind.TEL_FAX}

    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        related_name="contacts",
        null=True,
        blank=True,
        verbose_name=_("person"),
        help_text=_("Leave empty for an office contact."),
    )
    label = CleanCharField(
        _("label"),
        max_length=200,
        blank=True,
        help_text=_("Who answers: an office such as 'Press service', or a role."),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    value = CleanCharField(
        _("number or e-mail"),
        max_length=300,
        blank=True,
        help_text=_(
            "A phone or fax number, with its country code (+7 495 621-33-23), "
            "or an e-mail address. Leave empty for an address."
        ),
    )
    address = CleanTextField(
        _("address"), blank=True, help_text=_("For an address only: as it is written on a letter.")
    )
    is_public = models.BooleanField(_("public"), default=True)
    in_footer = models.BooleanField(
        _("show in footer"), default=False, help_text=_("Print it in every page's footer.")
    )
    order = models.PositiveIntegerField(_("order"), default=100)

    objects = ContactQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        indexes = [models.Index(fields=["is_public", "order"], name="contact_public_order")]

    def __str__(self):
        owner = self.person or first_filled(self, "label")
        return f"{owner}: {self.get_kind_display()} {self.shown_value}"

    def save(self, *args, **kwargs):
        # Every way in keeps numbers in one form (the admin's form has already done so).
        if self.is_phone:
            self.value = phones.to_e164(self.value) or self.value
        super().save(*args, **kwargs)

    def clean(self):
        if self.person_id is None and not first_filled(self, "label"):
            raise ValidationError({"label_en": _("An office contact needs a label.")})
        if self.kind == self.Kind.ADDRESS:
            if not first_filled(self, "address"):
                raise ValidationError(
                    {"address_en": _("Give the address in at least one language.")}
                )
            self.value = ""
            return
        for language in LANGUAGE_CODES:
            setattr(self, f"address_{language}", "")
        if self.kind == self.Kind.EMAIL:
            try:
                validate_email(self.value)
            except ValidationError:
                raise ValidationError({"value": _("Enter a valid e-mail address.")}) from None
        if self.is_phone:
            number = phones.to_e164(self.value)
            if number is None:
                raise ValidationError(
                    {"value": _("Enter a phone number with its country code: +7 495 621-33-23.")}
                )
            self.value = number

    @property
    def is_phone(self):
        return self.kind in self.PHONE_KINDS

    @property
    def shown_value(self):
        """What a reader sees: the number in international form, the e-mail address,
        or the address in this edition (in another when this one has none)."""
        if self.kind == self.Kind.ADDRESS:
            return self.address or first_filled(self, "address")
        if self.is_phone:
            return phones.international(self.value)
        return self.value

    @property
    def href(self):
        """A tel: or mailto: link for the value, or '' for an address."""
        if self.kind == self.Kind.EMAIL:
            return f"mailto:{self.value}"
        if self.is_phone:
            digits = phones.to_e164(self.value) or re.sub(r"[^\d+]", "", self.value)
            return f"tel:{digits}"
        return ""
