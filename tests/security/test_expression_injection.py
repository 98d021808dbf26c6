"""Select-by-expression never runs Python: code typed as an expression is a clear error."""

from __future__ import annotations

import builtins

import pandas as pd
import pytest

from ecomap.core import expression
from ecomap.errors import DataError


@pytest.fixture
def frame():
    return pd.DataFrame({"name": ["甲", "乙"], "area": [10.0, 2000.0], "os": ["x", "y"]})


@pytest.mark.parametrize("text", [
    "__import__('os').system('touch {marker}')",
    "os.system('touch {marker}')",
    "name.__class__.__mro__",
    "(lambda: open('{marker}', 'w'))()",
    "lambda x: x",
    "[c for c in ().__class__.__base__.__subclasses__()]",
    "eval('1')", "exec('import os')", "open('{marker}', 'w')",
    "area > 1 and __import__('os').system('touch {marker}') == 0",
    "{{1: 2}}", "f'{{1}}'", "area; import os", "`touch {marker}`", "area @ 2", "1 if area else 2",
])
def test_python_code_is_an_error_and_runs_nothing(frame, tmp_path, monkeypatch, text):
    marker = tmp_path / "ran"
    called = []
    for name in ("eval", "exec", "compile", "__import__"):
        real = getattr(builtins, name)
        monkeypatch.setattr(builtins, name, lambda *a, _real=real, _name=name, **k: (called.append(_name),
                                                                                     _real(*a, **k))[1])
    with pytest.raises(DataError) as exc_info:
        expression.evaluate(text.format(marker=marker), frame)
    monkeypatch.undo()
    assert exc_info.value.message  # a message for the user, not a Python error
    assert not marker.exists()
    assert "eval" not in called and "exec" not in called and "compile" not in called


def test_real_expressions_still_work(frame):
    assert expression.evaluate("area > 100 AND name = '乙'", frame).tolist() == [False, True]
    assert expression.evaluate("os = 'x'", frame).tolist() == [True, False]  # a field named os is a field
