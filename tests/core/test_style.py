"""Style JSON round trip and classification."""

from __future__ import annotations

import numpy as np
import pytest

from ecomap.core.style import class_breaks, jenks_breaks, ramp_colors, style_from_dict
from ecomap.errors import DataError

SYM = {"fill": "#4caf50a0", "stroke": "#282828ff", "stroke_width": 0.26, "stroke_unit": "mm", "dash": [4, 2],
       "hatch": "diagonal", "hatch_color": "#e00000ff", "marker": None, "size": 2.5, "opacity": 1.0}


@pytest.mark.parametrize("d", [
    {"type": "single", "symbol": SYM},
    {"type": "single", "symbol": SYM, "labels": {"field": "NAME", "size": 9.0, "color": "#000000ff",
                                                  "halo": "#ffffffff"}, "min_scale": 50000, "max_scale": 500,
     "opacity": 0.8},
    {"type": "categorized", "field": "DLBM", "categories": [{"value": "0103", "label": "旱地", "symbol": SYM}],
     "default": None},
    {"type": "categorized", "field": "DLBM", "categories": [], "default": SYM},
    {"type": "graduated", "field": "TBMJ", "method": "jenks", "classes": 3, "ramp": "Reds",
     "ranges": [{"lower": 0.0, "upper": 1.5, "label": "0 – 1.5", "symbol": SYM}]},
    {"type": "raster", "mode": "ramp", "band": 1, "bands": [1, 2, 3], "stretch": "percentile",
     "percent": [2, 98], "ramp": "terrain", "opacity": 0.7},
])
def test_round_trip_is_exact(d):
    assert style_from_dict(d).to_dict() == d
    assert style_from_dict(style_from_dict(d).to_dict()) == style_from_dict(d)


def test_partial_symbol_takes_defaults():
    s = style_from_dict({"type": "single", "symbol": {"fill": "#ff0000ff"}})
    assert s.symbol.fill == "#ff0000ff" and s.symbol.stroke_unit == "mm"


@pytest.mark.parametrize("bad", [{"type": "pie"}, {"type": "single", "symbol": {"fill": "red"}},
                                 {"type": "single", "symbol": {"hatch": "zigzag"}}, {}])
def test_bad_style_is_a_data_error(bad):
    with pytest.raises(DataError):
        style_from_dict(bad)


def test_equal_and_quantile_breaks():
    v = np.arange(101, dtype=float)
    assert np.allclose(class_breaks(v, "equal", 4), [0, 25, 50, 75, 100])
    q = class_breaks(np.r_[np.zeros(50), np.arange(1, 51)], "quantile", 2)
    assert q[0] == 0 and q[-1] == 50 and 0 <= q[1] <= 1


def test_jenks_finds_the_natural_gaps():
    rng = np.random.default_rng(0)
    v = np.concatenate([rng.normal(10, 1, 300), rng.normal(50, 1, 300), rng.normal(100, 1, 300)])
    b = jenks_breaks(v, 3)
    assert len(b) == 4
    assert 11 < b[1] < 48 and 51 < b[2] < 97  # upper bounds of the classes


def test_jenks_samples_large_inputs():
    v = np.random.default_rng(1).random(200_000)
    b = class_breaks(v, "jenks", 5)
    assert len(b) == 6 and b[0] == v.min() and b[-1] == v.max()


def test_ramp_colours():
    c = ramp_colors("Reds", 5)
    assert c.shape == (5, 3) and tuple(c[0]) == (0xfe, 0xe5, 0xd9) and tuple(c[-1]) == (0xa5, 0x0f, 0x15)
