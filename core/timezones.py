"""Times as visitors read them: in the site's time zone, and saying which.

A visitor in New York reading "15:00" on a Moscow press centre's site cannot tell whose
15:00 it is. Every time the site prints goes through ``with_zone``, which names the
site's zone (``settings.TIME_ZONE``) after it: "15:00 Moscow time", "15:00 по
московскому времени". A zone without a name of its own here is named by its offset from
UTC on that day ("15:00 (UTC+4)"), which is never wrong, whatever daylight saving does.
"""

import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

# How a time in the zone is said in each language, "%(time)s" standing for the time.
ZONE_PHRASES = {
    "Europe/Moscow": _("%(time)s Moscow time"),
}
OFFSET_PHRASE = _("%(time)s (UTC%(offset)s)")

DAY = "j E Y"
TIME = "H:i"


def utc_offset(moment):
    """``moment``'s offset from UTC as a time zone is written: "+3", "+5:30", "−4"."""
    offset = moment.utcoffset() or datetime.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    hours, minutes = divmod(abs(minutes), 60)
    return f"{sign}{hours}:{minutes:02d}" if minutes else f"{sign}{hours}"


def with_zone(text, moment):
    """``text`` (a time, a range of times, a date and a time) followed by the name of
    the site's time zone, in the active language. ``moment`` is one of the times the
    text shows, in local time: it gives the offset where the zone has no name here."""
    phrase = ZONE_PHRASES.get(str(timezone.get_current_timezone()))
    if phrase is None:
        return OFFSET_PHRASE % {"time": text, "offset": utc_offset(moment)}
    return phrase % {"time": text}


def local_datetime(value):
    """A date and time as the site prints it: "19 July 2024, 10:00 Moscow time"."""
    moment = timezone.localtime(value)
    return with_zone(f"{date_format(moment, DAY)}, {date_format(moment, TIME)}", moment)
