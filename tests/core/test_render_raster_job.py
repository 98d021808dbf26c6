"""Rasters (golden images per mode), cancel, reprojection of GK and lon/lat layers onto each other."""

from __future__ import annotations

import threading

import numpy as np
import pytest
import rasterio
import shapely
from pyproj import CRS, Transformer
from rasterio.transform import from_origin

from ecomap.core.map_settings import MapSettings, RenderLayer
from ecomap.core.render.job import Feedback, RenderJob, layer_cache, render_image
from ecomap.core.style import style_from_dict
from tests.core.render_helpers import assert_matches_golden, image_array, vector_layer

X0, Y0 = 36_436_000.0, 3_897_000.0


@pytest.fixture
def dem(tmp_path):
    y, x = np.mgrid[0:100, 0:100]
    z = (1000 + 300 * np.exp(-((x - 50) ** 2 + (y - 50) ** 2) / 600.0)).astype("float32")
    z[:10, :10] = -9999
    path = tmp_path / "dem.tif"
    with rasterio.open(path, "w", driver="GTiff", width=100, height=100, count=3, dtype="float32",
                       crs="EPSG:4524", transform=from_origin(X0, Y0 + 3000, 30, 30), nodata=-9999) as ds:
        ds.write(z, 1)
        ds.write(z * 0.5, 2)
        ds.write(2000 - z, 3)
    return path


def raster_settings(path, style):
    return MapSettings(extent=(X0, Y0, X0 + 3000, Y0 + 3000), size=(120, 120), crs=CRS.from_epsg(4524),
                       layers=(RenderLayer(str(path), style_from_dict(style)),))


@pytest.mark.parametrize("mode,extra", [("gray", {}), ("ramp", {"ramp": "terrain"}), ("rgb", {}),
                                        ("hillshade", {}), ("ramp", {"stretch": "percentile", "ramp": "ndvi"})])
def test_raster_modes(dem, mode, extra):
    from ecomap.core.render.raster import draw_raster_layer  # noqa: F401 (import path under test)

    style = {"type": "raster", "mode": mode, **extra}
    img = render_image(raster_settings(dem, style))
    a = image_array(img)
    assert tuple(a[2, 2, :3]) == (255, 255, 255)  # nodata corner stays background
    name = f"raster_{mode}" + ("_pct" if extra.get("stretch") else "")
    assert_matches_golden(img, name, tolerance=8, max_differing=30)


def test_cancel_stops_a_long_job():
    xs, ys = np.meshgrid(np.arange(300) * 10.0, np.arange(300) * 10.0)
    geoms = shapely.box(X0 + xs.ravel(), Y0 + ys.ravel(), X0 + xs.ravel() + 9, Y0 + ys.ravel() + 9)
    layer = vector_layer(geoms)
    style = style_from_dict({"type": "single", "symbol": {"fill": "#00ff00ff"}})
    settings = MapSettings(extent=(X0, Y0, X0 + 3000, Y0 + 3000), size=(1500, 1500), crs=CRS.from_epsg(4524),
                           layers=tuple(RenderLayer(layer, style) for _ in range(40)))
    layer_cache.clear()
    job = RenderJob(settings)
    done = threading.Event()
    job.finished.connect(lambda img: done.set())
    job.start()
    job.cancel()
    assert job.wait(30)
    assert job.image() is None and not done.is_set()
    fb = Feedback()
    fb.cancel()
    img = render_image(settings, fb)
    assert (image_array(img)[..., :3] == 255).all()


def test_gauss_kruger_and_lonlat_layers_overlap():
    """The same square in EPSG:4524 and in EPSG:4490 lands on the same pixels."""
    square = shapely.box(X0 + 1000, Y0 + 1000, X0 + 2000, Y0 + 2000)
    tf = Transformer.from_crs(4524, 4490, always_xy=True)
    ll = shapely.transform(shapely.segmentize(square, 50), lambda c: np.column_stack(tf.transform(c[:, 0], c[:, 1])))
    gk = vector_layer([square], epsg=4524)
    geo = vector_layer([ll], epsg=4490)
    red = style_from_dict({"type": "single", "symbol": {"fill": "#ff0000ff", "stroke": None}})
    blue = style_from_dict({"type": "single", "symbol": {"fill": "#0000ffff", "stroke": None}})
    settings = MapSettings(extent=(X0, Y0, X0 + 3000, Y0 + 3000), size=(150, 150), crs=CRS.from_epsg(4524),
                           layers=(RenderLayer(gk, red),))
    a = image_array(render_image(settings))
    b = image_array(render_image(MapSettings(extent=settings.extent, size=settings.size, crs=settings.crs,
                                             layers=(RenderLayer(geo, blue),))))
    in_a = a[..., 0] > 128
    in_b = b[..., 2] > 128
    assert in_a.sum() > 2000
    assert (in_a ^ in_b).sum() < 0.03 * in_a.sum()
