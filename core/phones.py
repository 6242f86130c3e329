"""Phone numbers: stored in E.164 (``+74956213323``), shown in the international
format (``+7 495 621-33-23``), parsed by ``phonenumbers`` (Google's libphonenumber).

A number typed without a country code is read as one of ``settings.PHONE_REGION``
(the organisation's country), so ``8 (495) 621-33-23`` is the same Moscow number.
"""

import phonenumbers
from django.conf import settings

E164 = phonenumbers.PhoneNumberFormat.E164
INTERNATIONAL = phonenumbers.PhoneNumberFormat.INTERNATIONAL


def parse(value):
    """The number in ``value``, or ``None`` when it is not a possible phone number.
    A number with an extension is refused: E.164 has no place for it, and a press
    line is dialled directly."""
    try:
        number = phonenumbers.parse(value or "", settings.PHONE_REGION)
    except phonenumbers.NumberParseException:
        return None
    if number.extension or not phonenumbers.is_possible_number(number):
        return None
    return number


def to_e164(value):
    """``value`` in E.164, or ``None`` when it is not a possible phone number."""
    number = parse(value)
    return phonenumbers.format_number(number, E164) if number else None


def international(value):
    """``value`` as people write it across borders; unchanged when it cannot be read
    (a row stored before numbers were checked still shows)."""
    number = parse(value)
    return phonenumbers.format_number(number, INTERNATIONAL) if number else value
