"""Awkward values the mutations put into files: numbers no type holds, non-finite and
out-of-range coordinates, text that is not what it claims."""

from __future__ import annotations

import math
import random

#: the largest file a mutation makes: past it the mutation leaves the file as it was (the run's
#: parent holds every input it makes, and a reader reading a 4 GB file tests nothing new)
MAX_BYTES = 64 * 1024 ** 2


def fits(size: int) -> bool:
    return size <= MAX_BYTES


def huge_digits(rng: random.Random) -> str:
    """An integer literal past Python's str-to-int digit limit (4300) or past 64 bits."""
    n = rng.choice([20, 40, 4301, 5000, 50_000])
    return rng.choice(["", "-"]) + "9" * n


def extreme_double(rng: random.Random) -> float:
    return rng.choice([math.nan, math.inf, -math.inf, 1e308, -1e308, 5e-324, -0.0, 1e20, 400.0, -200.0,
                       2 ** 63, 36_400_000.5])


#: number texts that no reader should take at face value
NUMBER_TEXTS = ("nan", "NaN", "inf", "-inf", "Infinity", "1e400", "-1e400", "1e-400", "0x1F", "1_000", "١٢٣",
                "１２３", "9223372036854775808", "-9223372036854775809", "18446744073709551616", "1e308",
                "-0", "0.0.0", "1e", "e5", "--1", "+-1", "", " ", "1,5", "1.5e+308", "4.9e-324")


def number_text(rng: random.Random) -> str:
    if rng.random() < 0.25:
        return huge_digits(rng)
    return rng.choice(NUMBER_TEXTS)


def coordinate_text(rng: random.Random) -> str:
    """A coordinate value out of range, non-finite, huge or not a number."""
    if rng.random() < 0.5:
        return number_text(rng)
    return repr(extreme_double(rng))


#: strings that decode oddly: lone surrogates as JSON escapes, controls, BOMs, bidi marks
ODD_TEXTS = ("\\ud800", "\\udfff", "\\u0000", "\u202e", "\ufeff", "\x00", "\x1b[31m", "a\u2028b", "\U0010ffff",
             "\ud7ff", "𠀀", "™", "水" * 1000)
