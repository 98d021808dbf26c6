"""Categories are assigned alike from a layer's own column (Arrow text, numbers, NA) and from plain values."""

import numpy as np
import pandas as pd
import pytest

from ecomap.core.render.symbols import assign_symbols
from ecomap.core.style import CategorizedStyle, Category, Symbol


def _style(values, default=True):
    return CategorizedStyle(field="DLBM", categories=tuple(Category(value=v, label=str(v), symbol=Symbol())
                                                           for v in values),
                            default=Symbol() if default else None)


@pytest.mark.parametrize("column", [
    pd.Series(["0101", "0301", None, "0101", "9999"]),  # Arrow-backed text, as read
    pd.Series(["0101", "0301", None, "0101", "9999"], dtype=object),
    pd.Series([101.0, 301.0, np.nan, 101.0, 9999.0]),  # codes stored as numbers
    pd.Series([101, 301, None, 101, 9999], dtype="Int64"),
])
def test_a_layers_column_and_its_values_give_the_same_symbols(column):
    cats = ["0101", "0301"] if column.dtype.kind not in "fiu" and str(column.dtype) != "Int64" else [101, 301]
    style = _style(cats)
    from_series = assign_symbols(style, lambda name: column, len(column))
    from_values = assign_symbols(style, lambda name: column.to_numpy(dtype=object), len(column))
    assert from_series.tolist() == from_values.tolist() == [0, 1, 2, 0, 2]
    no_default = assign_symbols(_style(cats, default=False), lambda name: column, len(column))
    assert no_default.tolist() == [0, 1, -1, 0, -1]
