"""A layer that cannot be drawn costs that layer only: the job reports it and the process lives on.

The styles here are built in code, past the schema check a project file goes through,
as a style made by a plugin or a future dialog could be.
"""

from __future__ import annotations

import math
import os
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest
import shapely

from ecomap.core.map_settings import MapSettings, RenderLayer
from ecomap.core.render.job import LayerError, RenderJob, layer_cache, render_image
from ecomap.core.style import (
    CategorizedStyle,
    Category,
    GraduatedStyle,
    LabelStyle,
    Range,
    SingleStyle,
    Symbol,
)
from tests.core.render_helpers import image_array, vector_layer

X0, Y0 = 36_436_000.0, 3_897_000.0
RED = Symbol(fill="#ff0000ff", stroke=None)
BLUE = Symbol(fill="#0000ffff", stroke=None)


def _layers():
    """A good layer on the left half of the view, a layer to break on the right half."""
    left = vector_layer([shapely.box(X0, Y0, X0 + 1000, Y0 + 2000)], NAME=["左"])
    right = vector_layer([shapely.box(X0 + 1000, Y0, X0 + 2000, Y0 + 2000)], NAME=["右"], KIND=["text"])
    left.name, right.name = "left", "right"
    return left, right


def _settings(entries, size=(100, 100)):
    from pyproj import CRS

    return MapSettings(extent=(X0, Y0, X0 + 2000, Y0 + 2000), size=size, crs=CRS.from_epsg(4524),
                       layers=tuple(RenderLayer(lyr, style) for lyr, style in entries))


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch):
    monkeypatch.setattr(layer_cache, "enabled", False)


BROKEN = {
    "style opacity not a number": SingleStyle(symbol=BLUE, opacity="half"),
    "symbol opacity not a number": SingleStyle(symbol=replace(BLUE, opacity="half")),
    "colour not a colour": SingleStyle(symbol=replace(BLUE, fill="notacolor")),
    "hatch colour not a colour": SingleStyle(symbol=replace(BLUE, hatch="cross", hatch_color="bad")),
    "scale range not a number": SingleStyle(symbol=BLUE, min_scale="x"),
    "graduated on a text field": GraduatedStyle(field="KIND", ranges=(Range(0, 1, "0–1", BLUE),)),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_a_broken_layer_is_left_out_and_reported_the_others_drawn(case):
    left, right = _layers()
    errors: list[LayerError] = []
    img = image_array(render_image(_settings([(left, SingleStyle(symbol=RED)), (right, BROKEN[case])]),
                                   errors=errors))
    assert [(e.name, e.labels) for e in errors] == [("right", False)]
    assert errors[0].message and "right" in str(errors[0])
    assert tuple(img[50, 25, :3]) == (255, 0, 0)  # the good layer
    assert tuple(img[50, 75, :3]) == (255, 255, 255)  # the broken one: left out, not half drawn


@pytest.mark.parametrize("labels", [LabelStyle(field="NAME", size=math.nan), LabelStyle(field="NAME", color="zz")])
def test_labels_that_fail_leave_the_layer_drawn(labels, gui_app):
    left, right = _layers()
    errors: list[LayerError] = []
    img = image_array(render_image(_settings([(left, SingleStyle(symbol=RED)),
                                              (right, SingleStyle(symbol=BLUE, labels=labels))]), errors=errors))
    assert [(e.name, e.labels) for e in errors] == [("right", True)]
    assert tuple(img[50, 75, :3]) == (0, 0, 255)


@pytest.mark.parametrize("style", [
    SingleStyle(symbol=replace(BLUE, stroke="#000000ff", stroke_width=math.nan)),
    SingleStyle(symbol=replace(BLUE, stroke="#000000ff", stroke_width=-3)),
    SingleStyle(symbol=replace(BLUE, stroke="#000000ff", stroke_width=1e12)),
    SingleStyle(symbol=replace(BLUE, stroke="#000000ff", dash=(1e30, 1e30))),
    SingleStyle(symbol=replace(BLUE, stroke="#000000ff", dash=(1e-9,) * 1000)),
    SingleStyle(symbol=BLUE, labels=LabelStyle(field="NO_SUCH_FIELD")),
    CategorizedStyle(field="NO_SUCH_FIELD", categories=(Category("a", "a", BLUE),), default=BLUE),
], ids=["nan width", "negative width", "huge width", "huge dash", "dense dash", "label field missing",
        "category field missing"])
def test_odd_values_qt_copes_with_never_fail_the_map(style, gui_app):
    left, right = _layers()
    errors: list[LayerError] = []
    img = image_array(render_image(_settings([(left, SingleStyle(symbol=RED)), (right, style)]), errors=errors))
    assert tuple(img[50, 25, :3]) == (255, 0, 0)
    assert all(e.name == "right" for e in errors)


def test_nan_marker_sizes_on_points():
    pts = vector_layer([shapely.Point(X0 + 500, Y0 + 500), shapely.Point(X0 + 1500, Y0 + 1500)])
    for size in (math.nan, math.inf, -2.0):
        errors: list[LayerError] = []
        render_image(_settings([(pts, SingleStyle(symbol=replace(BLUE, marker="circle", size=size)))]),
                     errors=errors)
        assert all(e.layer is pts for e in errors)


def test_the_render_job_carries_the_layer_errors():
    left, right = _layers()
    job = RenderJob(_settings([(left, SingleStyle(symbol=RED)), (right, BROKEN["colour not a colour"])]))
    failed = []
    job.failed.connect(failed.append)
    job.start()
    assert job.wait(60)
    assert job.image() is not None and failed == []
    assert [e.layer for e in job.layer_errors] == [right]


def test_a_failing_layer_no_longer_takes_the_process_down(tmp_path):
    # an exception while the composite painter was active left it active on an image freed
    # later: "QPaintDevice: Cannot destroy paint device that is being painted", then SIGSEGV
    script = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(Path(__file__).parents[2])!r})
        from tests.core.test_render_errors import BROKEN, RED, SingleStyle, _layers, _settings
        from ecomap.core.render.job import render_image
        left, right = _layers()
        for case in BROKEN.values():
            errors = []
            render_image(_settings([(left, SingleStyle(symbol=RED)), (right, case)]), errors=errors)
            assert len(errors) == 1, errors
        print("drawn")
    """)
    run = subprocess.run([sys.executable, "-c", script], check=False, capture_output=True, text=True,
                         timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert run.returncode == 0, (run.returncode, run.stderr[-2000:])
    assert run.stdout.strip() == "drawn"
    assert "being painted" not in run.stderr
