"""Golden-image tests for vector styles: single, categorized, graduated, hatch/dash, markers, lines."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from ecomap.core.map_settings import MapSettings, RenderLayer
from ecomap.core.render.job import render_image
from ecomap.core.style import style_from_dict
from tests.core.render_helpers import (
    assert_matches_golden,
    grid_polygons,
    image_array,
    vector_layer,
)

X0, Y0 = 36_436_000.0, 3_897_000.0


def settings_for(layers, extent=(X0 - 200, Y0 - 200, X0 + 4200, Y0 + 4200), size=(200, 200)):
    from pyproj import CRS

    return MapSettings(extent=extent, size=size, crs=CRS.from_epsg(4524),
                       layers=tuple(RenderLayer(l, s) for l, s in layers))


SYM = {"fill": "#4caf50ff", "stroke": "#202020ff", "stroke_width": 1, "stroke_unit": "px", "dash": None,
       "hatch": None, "hatch_color": "#000000ff", "marker": None, "size": 2.5, "opacity": 1.0}


def sym(**kw):
    return {**SYM, **kw}


@pytest.fixture
def parcels():
    geoms = grid_polygons()
    codes = ["0103", "0301", "1101", "0702"] * 4
    return vector_layer(geoms, DLBM=codes, TBMJ=np.arange(16, dtype=float) * 10.0)


def test_single_symbol_fills_inside_and_leaves_holes_empty(parcels):
    img = render_image(settings_for([(parcels, style_from_dict({"type": "single", "symbol": sym()}))]))
    a = image_array(img)
    s = settings_for([])
    cx, cy = (int(v) for v in s.map_to_pixel(X0 + 200, Y0 + 800))
    hx, hy = (int(v) for v in s.map_to_pixel(X0 + 450, Y0 + 450))
    assert tuple(a[cy, cx, :3]) == (0x4C, 0xAF, 0x50)
    assert tuple(a[hy, hx, :3]) == (255, 255, 255)  # the hole
    assert_matches_golden(img, "single")


def test_categorized_colours_by_code(parcels):
    style = style_from_dict({"type": "categorized", "field": "DLBM", "categories": [
        {"value": "0103", "label": "旱地", "symbol": sym(fill="#f0e68cff")},
        {"value": "0301", "label": "乔木林地", "symbol": sym(fill="#228b22ff")},
        {"value": "1101", "label": "河流水面", "symbol": sym(fill="#1e90ffff")}], "default": None})
    img = render_image(settings_for([(parcels, style)]))
    a = image_array(img)
    s = settings_for([])
    px = lambda x, y: tuple(a[int(s.map_to_pixel(x, y)[1]), int(s.map_to_pixel(x, y)[0]), :3])
    assert px(X0 + 1500, Y0 + 500) == (0x22, 0x8B, 0x22)
    assert px(X0 + 2500, Y0 + 500) == (0x1E, 0x90, 0xFF)
    assert px(X0 + 3500, Y0 + 500) == (255, 255, 255)  # 0702 has no category and no default
    assert_matches_golden(img, "categorized")


def test_graduated_by_area(parcels):
    from ecomap.core.style import graduated_from_values

    style = graduated_from_values("TBMJ", parcels.features["TBMJ"], "equal", 4, "Reds",
                                  base=style_from_dict({"type": "single", "symbol": sym()}).symbol)
    img = render_image(settings_for([(parcels, style)]))
    assert_matches_golden(img, "graduated")


def test_hatch_and_dash_red_line(parcels):
    style = style_from_dict({"type": "single", "symbol": sym(
        fill="#ff000033", stroke="#e00000ff", stroke_width=0.5, stroke_unit="mm", dash=[2, 1],
        hatch="diagonal", hatch_color="#e00000ff")})
    img = render_image(settings_for([(parcels, style)]))
    assert_matches_golden(img, "hatch_dash")


def test_point_markers_and_lines():
    pts = vector_layer([shapely.Point(X0 + 500 + i * 800, Y0 + 2000) for i in range(5)], NAME=list("abcde"))
    lines = vector_layer([shapely.LineString([(X0, Y0), (X0 + 4000, Y0 + 4000)]),
                          shapely.LineString([(X0, Y0 + 4000), (X0 + 4000, Y0)])])
    layers = [(lines, style_from_dict({"type": "single", "symbol": sym(fill=None, stroke="#0000ffff",
                                                                        stroke_width=2, dash=[3, 1])})),
              (pts, style_from_dict({"type": "categorized", "field": "NAME", "default": None, "categories": [
                  {"value": v, "label": v, "symbol": sym(fill="#ff9800ff", marker=m, size=4)}
                  for v, m in zip("abcde", ["circle", "square", "triangle", "star", "diamond"])]}))]
    img = render_image(settings_for(layers))
    assert_matches_golden(img, "markers_lines")


def test_scale_range_hides_layer(parcels):
    style = style_from_dict({"type": "single", "symbol": sym(), "min_scale": 1000})
    img = render_image(settings_for([(parcels, style)]))
    assert (image_array(img)[..., :3] == 255).all()


def test_labels_with_cjk_text_drawn(parcels, gui_app):
    plain = {"type": "single", "symbol": sym(fill="#ffffffff")}
    style = style_from_dict({**plain, "labels": {"field": "DLBM", "size": 9, "color": "#000000ff",
                                                 "halo": "#ffffffff"}})
    errors = []
    labelled = image_array(render_image(settings_for([(parcels, style)], size=(400, 400)), errors=errors))
    bare = image_array(render_image(settings_for([(parcels, style_from_dict(plain))], size=(400, 400))))
    assert errors == []
    dark = lambda a: int((a[..., :3].sum(-1) < 200).sum())
    assert dark(labelled) > dark(bare) + 100  # dark text pixels inside the white parcels


def test_labels_without_a_gui_application_are_reported_not_fatal(parcels, monkeypatch):
    """Qt aborts the process when text is drawn without a QGuiApplication: the renderer
    reports the labels as not drawn instead (the caller is to make one)."""
    from ecomap.core.render import labels

    monkeypatch.setattr(labels.QCoreApplication, "instance", staticmethod(lambda: None))
    style = style_from_dict({"type": "single", "symbol": sym(fill="#ffffffff"),
                             "labels": {"field": "DLBM", "size": 9, "color": "#000000ff"}})
    errors = []
    img = image_array(render_image(settings_for([(parcels, style)], size=(100, 100)), errors=errors))
    assert [(e.labels, "QGuiApplication" in e.message) for e in errors] == [(True, True)]
    assert (img[..., :3] != 255).any()  # the layer itself is drawn


def test_dense_layer_has_no_holes():
    """Thousands of sub-pixel parcels still cover their area (drawn as 1-px rectangles)."""
    xs, ys = np.meshgrid(np.arange(100) * 4.0, np.arange(100) * 4.0)
    geoms = shapely.box(X0 + xs.ravel(), Y0 + ys.ravel(), X0 + xs.ravel() + 3.9, Y0 + ys.ravel() + 3.9)
    layer = vector_layer(geoms)
    style = style_from_dict({"type": "single", "symbol": sym(stroke=None)})
    img = render_image(settings_for([(layer, style)], extent=(X0, Y0, X0 + 400, Y0 + 400), size=(50, 50)))
    a = image_array(img)
    assert (a[2:-2, 2:-2, :3].sum(-1) < 700).all()


def test_two_renders_of_a_new_layer_build_its_geometry_once(monkeypatch):
    """The canvas and the overview map draw a new layer at the same moment: one build, shared."""
    import threading

    from ecomap.core.render import geometry, sources
    from tests.core.render_helpers import vector_layer

    layer = vector_layer(shapely.buffer(shapely.points(np.c_[np.arange(3000.0), np.zeros(3000)]), 0.4))
    builds, gate = [], threading.Barrier(2)
    real = geometry.FlatGeometry.from_shapely.__func__

    def counted(cls, geoms, *args, **kwargs):
        builds.append(threading.current_thread())
        return real(cls, geoms, *args, **kwargs)
    monkeypatch.setattr(geometry.FlatGeometry, "from_shapely", classmethod(counted))
    got = []

    def ask():
        gate.wait(10)
        got.append(sources.prepared(layer, None))
    threads = [threading.Thread(target=ask) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert len(builds) == 1
    assert got[0] is got[1]  # one Prepared: the levels one render builds serve the other
