"""Masks Swedish personal identity numbers, phone numbers and e-mail addresses in free text.

Applied where a message enters the system (the Rasa channels), so the tracker store, the NLU and
the logs only ever see the masked text. Masking a number that merely looks personal is harmless;
missing a real one is not, so the patterns err on the side of masking.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import phonenumbers

PERSONAL_NUMBER = "[personnummer]"
PHONE = "[telefon]"
EMAIL = "[e-post]"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# YYMMDD-NNNN, YYYYMMDDNNNN, with "-", "+", a space or nothing before the last four digits.
_PERSONAL_NUMBER = re.compile(r"(?<!\d)(?:19|20)?\d{6}[-+ ]?\d{4}(?!\d)")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def _looks_like_personal_number(candidate: str) -> bool:
    """A date in YYMMDD (day + 60 for a samordningsnummer). The check digit is not required:
    a mistyped number is still someone's number."""
    digits = re.sub(r"\D", "", candidate)[-10:]
    month, day = int(digits[2:4]), int(digits[4:6])
    return 1 <= month <= 12 and 1 <= day <= 91


def mask_personal_data(text: str, keep_numbers: Iterable[str] = ()) -> str:
    """The text with each personal number, phone number and e-mail address replaced by a tag.

    `keep_numbers`: phone numbers to leave as they are (Arbetsförmedlingen's own, which staff
    give to seekers)."""
    if not text:
        return text
    keep = {re.sub(r"\D", "", number) for number in keep_numbers}
    text = _EMAIL.sub(EMAIL, text)
    ascii_digits = text.translate(_DIGITS)  # same length: offsets stay valid for the original
    spans = [m.span() for m in _PERSONAL_NUMBER.finditer(ascii_digits) if _looks_like_personal_number(m.group())]
    for start, end in reversed(spans):
        text = text[:start] + PERSONAL_NUMBER + text[end:]
        ascii_digits = ascii_digits[:start] + PERSONAL_NUMBER + ascii_digits[end:]
    phones = [
        (m.start, m.end)
        for m in phonenumbers.PhoneNumberMatcher(ascii_digits, "SE", leniency=phonenumbers.Leniency.VALID)
        if re.sub(r"\D", "", m.raw_string) not in keep
    ]
    for start, end in reversed(phones):
        text = text[:start] + PHONE + text[end:]
    return text
