import numpy as np
import pandas as pd
import pytest

from ecomap.core import expression
from ecomap.errors import DataError


@pytest.fixture
def frame():
    return pd.DataFrame({
        "ZLZT": ["未治理", "已治理", None, "治理中"],
        "MJ": [2000.0, 500.0, 3000.0, np.nan],
        "name": ["大水库", "x", "小水库", "O'Brien"],
        "LXBM": ["11", "12", "21", "11"],
        "n": [1, 2, 3, 4],
    })


@pytest.mark.parametrize("text, expected", [
    ("\"ZLZT\" = '未治理' AND MJ > 1000", [1, 0, 0, 0]),
    ("LXBM IN (11, 12)", [1, 1, 0, 1]),
    ("LXBM NOT IN ('11')", [0, 1, 1, 0]),
    ("name LIKE '%水库%'", [1, 0, 1, 0]),
    ("name ILIKE 'X'", [0, 1, 0, 0]),
    ("MJ BETWEEN 500 AND 2000", [1, 1, 0, 0]),
    ("ZLZT IS NULL", [0, 0, 1, 0]),
    ("ZLZT IS NOT NULL", [1, 1, 0, 1]),
    ("NOT (MJ > 1000) 或 name = 'x'", [0, 1, 0, 1]),
    ("MJ / 2 >= 1000", [1, 0, 1, 0]),
    ("ZLZT != '已治理'", [1, 0, 0, 1]),
    ("n * 2 - 1 = 5", [0, 0, 1, 0]),
    ("-n < -3", [0, 0, 0, 1]),
    ("name = 'O''Brien'", [0, 0, 0, 1]),
    ("n >= '3'", [0, 0, 1, 1]),
    ("面积 > 1000", [1, 0, 1, 0]),  # alias
])
def test_expressions(frame, text, expected):
    mask = expression.evaluate(text, frame, aliases={"MJ": "面积"})
    assert mask.tolist() == [bool(v) for v in expected]


@pytest.mark.parametrize("text", ["", "MJ >", "MJ = = 3", "nosuch = 1", "__import__('os')", "MJ > 1 AND", "(MJ > 1",
                                  "name LIKE 3", "open('x')"])
def test_bad_expressions_raise_data_error(frame, text):
    with pytest.raises(DataError):
        expression.evaluate(text, frame)


def test_no_python_is_evaluated(frame):
    # an attribute access or call is a syntax error, not executed
    with pytest.raises(DataError):
        expression.evaluate("name.__class__", frame)


def test_fields_used():
    assert expression.fields_used("a > 1 AND \"b c\" = 'x' OR d IS NULL") == {"a", "b c", "d"}


def test_large_frame_is_vectorized():
    n = 500_000
    df = pd.DataFrame({"v": np.arange(n), "s": np.where(np.arange(n) % 2, "甲", "乙")})
    mask = expression.evaluate("s = '乙' AND v < 10", df)
    assert mask.sum() == 5
