"""The expression language under random and hostile input: every text gives a mask or a DataError.

A grammar-driven generator writes expressions from the language's own pieces (fields of
every dtype a layer holds, literals at the edges of their types, every operator),
mixed with token soup; the expressions the fuzzer found (``1/0``, nesting deeper than
Python's recursion limit, literals past its digit limit, NULL in arithmetic) are
regression tests of their own.
"""

from __future__ import annotations

import random

import numpy as np
import pandas as pd
import pytest

from ecomap.core import expression
from ecomap.errors import DataError


@pytest.fixture(scope="module")
def frame():
    return pd.DataFrame({
        "n": [1, 2, 0, -5],
        "f": [0.5, np.nan, np.inf, -0.0],
        "i": pd.array([1, None, 3, 2 ** 62], dtype="Int64"),
        "u": np.array([0, 1, 2 ** 64 - 1, 7], dtype=np.uint64),
        "s": ["未治理", "x", None, "O'Brien"],
        "t": pd.array(["1", "99999999999999999999", None, "1e400"], dtype="string"),
        "b": [True, False, True, False],
        "名称": ["甲", "乙", "丙", "丁"],
    })


_FIELDS = ["n", "f", "i", "u", "s", "t", "b", "名称", '"名称"', "nosuch"]
_LITERALS = ["0", "1", "-1", "0.0", "1e400", "-1e400", "1e-400", "99999999999999999999", "18446744073709551616",
             "9" * 300, "'x'", "'未治理'", "''", "'1'", "NULL", "TRUE", "FALSE", ".5", "5."]
_COMPARE = ["=", "!=", "<>", "<", "<=", ">", ">=", "=="]
_ARITH = ["+", "-", "*", "/"]


def _expr(rng: random.Random, depth: int = 0) -> str:
    if depth > 4 or rng.random() < 0.25:
        return rng.choice(_FIELDS + _LITERALS)
    choice = rng.randrange(10)
    sub = lambda: _expr(rng, depth + 1)
    if choice == 0:
        return f"{sub()} {rng.choice(_COMPARE)} {sub()}"
    if choice == 1:
        return f"{sub()} {rng.choice(_ARITH)} {sub()}"
    if choice == 2:
        return f"{sub()} {rng.choice(['AND', 'OR', '且', '或', '&&', '||'])} {sub()}"
    if choice == 3:
        return f"{rng.choice(['NOT', '非', '!', '-'])} {sub()}"
    if choice == 4:
        return f"({sub()})"
    if choice == 5:
        values = ", ".join(rng.choice(_LITERALS) for _ in range(rng.randrange(1, 4)))
        return f"{sub()} {rng.choice(['IN', 'NOT IN'])} ({values})"
    if choice == 6:
        pattern = "".join(rng.choice(["%", "_", "x", "水", "'", "\\", ".", "*"]) for _ in range(rng.randrange(6)))
        return f"{sub()} {rng.choice(['LIKE', 'ILIKE', 'NOT LIKE'])} '{pattern.replace(chr(39), chr(39) * 2)}'"
    if choice == 7:
        return f"{sub()} IS {rng.choice(['', 'NOT '])}NULL"
    if choice == 8:
        return f"{sub()} {rng.choice(['', 'NOT '])}BETWEEN {sub()} AND {sub()}"
    soup = ["(", ")", "AND", "NOT", "'", '"', ",", "IN", "LIKE", "1", "n", "=", "@", "#", "%", "**", ";"]
    return " ".join(rng.choice(soup) for _ in range(rng.randrange(1, 8)))


def _check(text: str, frame: pd.DataFrame) -> None:
    try:
        mask = expression.evaluate(text, frame)
    except DataError as exc:
        assert exc.message
        return
    assert mask.dtype == bool and mask.shape == (len(frame),), text


def test_random_expressions_give_a_mask_or_a_data_error(frame):
    rng = random.Random(20240501)
    for _ in range(3000):
        _check(_expr(rng), frame)


@pytest.mark.parametrize("text", [
    "1/0", "0/0", "n > 1/0", "1 / (2 - 2) = 1",
    "(" * 5000 + "1" + ")" * 5000, "-" * 5000 + "1 = 1", "NOT " * 5000 + "b", "n = 1 AND " * 5000 + "b",
    "1" + " + 1" * 5000 + " > n", "n" + " * n" * 3000 + " > 0",
    "9" * 5000, "n = " + "9" * 5000, "n IN (" + "9" * 5000 + ")",
    "NULL + 1 = 1", "-NULL", "n + NULL > 0", "1e308 * 1e308 = n", "9" * 300 + " * 1.5 = n",
])
def test_hostile_expressions_answer_with_a_mask_or_a_data_error(frame, text):
    _check(text, frame)


def test_division_by_zero_and_deep_nesting_say_what_is_wrong(frame):
    with pytest.raises(DataError, match="division by zero"):
        expression.evaluate("1/0 > n", frame)
    with pytest.raises(DataError, match="nested more than"):
        expression.evaluate("(" * 5000 + "1" + ")" * 5000, frame)
    with pytest.raises(DataError, match="longer than"):
        expression.evaluate("n = " + "9" * 5000, frame)


def test_long_chains_and_repeated_operators_keep_their_meaning(frame):
    assert expression.evaluate("n = 1 OR " * 3000 + "n = 2", frame).tolist() == [True, True, False, False]
    assert expression.evaluate("NOT " * 4000 + "n = 1", frame).tolist() == [True, False, False, False]
    assert expression.evaluate("NOT " * 4001 + "n = 1", frame).tolist() == [False, True, True, True]
    assert expression.evaluate("-" * 4001 + "n = 5", frame).tolist() == [False, False, False, True]
    assert expression.evaluate("n" + " + 1" * 3000 + " = 3001", frame).tolist() == [True, False, False, False]
    # NULL in arithmetic is NULL, and NULL compares false
    assert expression.evaluate("n + NULL = 1", frame).tolist() == [False] * 4
    assert expression.evaluate("(n + NULL) IS NULL", frame).tolist() == [True] * 4


@pytest.mark.parametrize("pattern, value, expected", [
    ("%a%a%a%a%a%a%a%a%a%a%b", "a" * 5000, False),
    ("%a%a%a%a%a%a%a%a%a%a%b", "a" * 5000 + "b", True),
    ("a%b%c", "a-c-b-c", True), ("a%b%c", "a-c-b", False), ("%_b_%", "xxbxx", True), ("%_b_", "bx", False),
    ("%%%", "", True), ("x%%y", "xy", True), ("50\\%", "50\\%", True), ("a.b", "a.b", True), ("a.b", "axb", False),
    ("多%行", "多\n行", True),
])
def test_like_matches_as_sql_does_and_in_linear_time(pattern, value, expected):
    frame = pd.DataFrame({"s": [value]})
    quoted = pattern.replace("'", "''")
    assert expression.evaluate(f"s LIKE '{quoted}'", frame).tolist() == [expected]
