"""Shared fixtures for render tests: small layers built in memory, golden-image comparison."""

from __future__ import annotations

import os
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

from ecomap.core.crs import CrsInfo
from ecomap.core.layers import DataSource, VectorLayer

GOLDEN = Path(__file__).parent / "golden"


def vector_layer(geoms, epsg=4524, **columns) -> VectorLayer:
    frame = gpd.GeoDataFrame(columns, geometry=list(geoms), crs=f"EPSG:{epsg}")
    return VectorLayer("test", frame, DataSource(Path("memory.gpkg")), CrsInfo(declared_epsg=epsg))


def grid_polygons(n=4, size=1000.0, x0=36_436_000.0, y0=3_897_000.0):
    """n × n square parcels with one square hole in the first, in EPSG:4524 metres."""
    boxes = [shapely.box(x0 + i * size, y0 + j * size, x0 + (i + 1) * size - 50, y0 + (j + 1) * size - 50)
             for j in range(n) for i in range(n)]
    boxes[0] = shapely.Polygon(boxes[0].exterior.coords,
                               [shapely.box(x0 + 300, y0 + 300, x0 + 600, y0 + 600).exterior.coords])
    return boxes


def image_array(img) -> np.ndarray:
    from PySide6.QtGui import QImage

    im = img.convertToFormat(QImage.Format.Format_RGBA8888)
    return np.frombuffer(im.constBits(), np.uint8).reshape(im.height(), im.width(), 4).copy()


def assert_matches_golden(img, name: str, tolerance: int = 24, max_differing: int = 60) -> None:
    """Compare with tests/core/golden/<name>.png: channels within ``tolerance``, at most
    ``max_differing`` pixels beyond it. ECOMAP_WRITE_GOLDEN=1 writes a missing golden
    (review it by eye before committing)."""
    from PySide6.QtGui import QImage

    path = GOLDEN / f"{name}.png"
    if not path.exists():
        if os.environ.get("ECOMAP_WRITE_GOLDEN") == "1":
            img.save(str(path))
        raise AssertionError(f"no golden image {path}; render reviewed and written with ECOMAP_WRITE_GOLDEN=1")
    want = image_array(QImage(str(path)))
    got = image_array(img)
    assert got.shape == want.shape, (got.shape, want.shape)
    bad = (np.abs(got.astype(int) - want.astype(int)).max(axis=-1) > tolerance)
    if bad.sum() > max_differing:
        img.save(str(path.with_name(name + ".actual.png")))
        raise AssertionError(f"{name}: {int(bad.sum())} pixels differ beyond {tolerance} "
                             f"(allowed {max_differing}); see {name}.actual.png")
