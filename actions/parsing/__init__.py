"""Free-text answers of the two guided checks turned into values, in sv, en, ar, fa, so and ti.

Pure Python on blank spaCy tokenisers and Babel's CLDR data, so the action server needs no
model downloads. Every function takes the chat language (or None to try all six), never raises,
and returns None when the answer is not clear enough to act on.
"""

from .answers import parse_age, parse_yes_no
from .days import parse_days_until
from .durations import parse_duration_minutes
from .numbers import parse_number
from .places import parse_destination
from .text import normalise

__all__ = [
    "normalise",
    "parse_age",
    "parse_days_until",
    "parse_destination",
    "parse_duration_minutes",
    "parse_number",
    "parse_yes_no",
]
