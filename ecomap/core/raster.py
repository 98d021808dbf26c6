"""Raster layers: a GDAL dataset read by window and at the resolution asked for.

Decimated reads (``out_shape`` smaller than the window) make GDAL pick the best
overview, so a zoomed-out view of a large DEM never reads full resolution.
Datasets are opened per call: rasterio handles are not safe to share across threads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import rasterio
from rasterio.enums import Resampling
from rasterio.windows import from_bounds

from ecomap.core.crs import CrsInfo
from ecomap.core.layers import DataSource


@dataclass(eq=False)
class RasterLayer:
    name: str
    source: DataSource
    crs_info: CrsInfo
    width: int
    height: int
    band_count: int
    dtype: str
    nodata: float | None
    bounds: tuple[float, float, float, float]
    overview_factors: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    kind = "raster"
    geometry_type = None

    @property
    def path(self) -> Path:
        return self.source.path

    def open(self):
        return rasterio.open(self.path)

    @property
    def pixel_size(self) -> tuple[float, float]:
        minx, miny, maxx, maxy = self.bounds
        return (maxx - minx) / self.width, (maxy - miny) / self.height

    def read(self, bounds: tuple[float, float, float, float], out_shape: tuple[int, int],
             bands: list[int] | None = None,
             resampling: Resampling = Resampling.average) -> np.ma.MaskedArray:
        """Bands inside ``bounds`` (the raster's CRS) resampled to ``out_shape`` (rows, cols).

        Outside the raster is masked; nodata is masked.
        """
        bands = bands or [1]
        with self.open() as ds:
            window = from_bounds(*bounds, transform=ds.transform)
            data = ds.read(bands, window=window, out_shape=(len(bands), *out_shape),
                           boundless=True, masked=True, resampling=resampling,
                           fill_value=ds.nodata if ds.nodata is not None else 0)
        return data

    def read_full(self, band: int = 1, max_pixels: int = 4_000_000) -> np.ma.MaskedArray:
        """One band over the whole raster, decimated to at most ``max_pixels``."""
        scale = max(1.0, (self.width * self.height / max_pixels) ** 0.5)
        shape = (max(1, int(self.height / scale)), max(1, int(self.width / scale)))
        with self.open() as ds:
            return ds.read(band, out_shape=shape, masked=True, resampling=Resampling.average)


def build_overviews(path: Path, factors: tuple[int, ...] = (2, 4, 8, 16, 32),
                    resampling: Resampling = Resampling.average) -> list[int]:
    """Build internal (GeoTIFF) or external (.ovr) overviews so zoomed-out reads are cheap."""
    with rasterio.open(path, "r+") as ds:
        usable = [f for f in factors if min(ds.width, ds.height) // f >= 64] or [2]
        ds.build_overviews(usable, resampling)
        ds.update_tags(ns="rio_overview", resampling=resampling.name)
        return usable
