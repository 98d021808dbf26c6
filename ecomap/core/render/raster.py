"""Drawing a raster layer: read what the view shows at the view's resolution, colour it, paint it.

Same CRS: one windowed, decimated read (GDAL picks overviews; ``build_overviews`` in
:mod:`ecomap.core.raster` makes them on request). Other CRS: ``rasterio.warp.reproject``
straight into the view's pixel grid. Stretches are computed once per layer from a
decimated read of the whole raster, so colours stay put while the user pans.
Modes: gray, ramp (DEM, NDVI), rgb, hillshade; nodata is transparent.
"""

from __future__ import annotations

import threading
import weakref

import numpy as np
import rasterio
from PySide6.QtGui import QImage, QPainter
from rasterio.enums import Resampling
from rasterio.transform import from_bounds
from rasterio.warp import reproject

from ecomap.core.render.sources import layer_crs
from ecomap.core.style import ramp_lut

_stats: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_stats_lock = threading.Lock()


def _path_of(layer):
    return getattr(layer, "path", layer)


def draw_raster_layer(painter: QPainter, layer, style, settings, feedback=None) -> None:
    w, h = settings.width, settings.height
    bands = list(style.bands) if style.mode == "rgb" else [style.band]
    data = read_view(layer, bands, settings)
    if data is None or (feedback is not None and feedback.is_cancelled()):
        return
    rgba = colorize(layer, data, style, settings)
    img = QImage(rgba.data, w, h, w * 4, QImage.Format.Format_RGBA8888).copy()
    painter.drawImage(0, 0, img)


def read_view(layer, bands: list[int], settings) -> np.ma.MaskedArray | None:
    """Bands over the view's visible extent, (bands, height, width), masked outside and at nodata."""
    w, h = settings.width, settings.height
    ext = settings.visible_extent
    src_crs = layer_crs(layer)
    dst_crs = settings.crs
    with rasterio.open(_path_of(layer)) as ds:
        if src_crs is None:
            src_crs = ds.crs
        same = dst_crs is None or src_crs is None or src_crs == dst_crs
        if same:
            window = rasterio.windows.from_bounds(*ext, transform=ds.transform)
            fill = ds.nodata if ds.nodata is not None else 0
            data = ds.read(bands, window=window, out_shape=(len(bands), h, w), boundless=True,
                           masked=True, resampling=Resampling.bilinear, fill_value=fill)
            return data
        dst_transform = from_bounds(*ext, w, h)
        out = np.full((len(bands), h, w), np.nan, np.float32)
        for i, b in enumerate(bands):
            reproject(rasterio.band(ds, b), out[i], src_crs=ds.crs, dst_crs=dst_crs,
                      dst_transform=dst_transform, dst_nodata=np.nan, resampling=Resampling.bilinear,
                      src_nodata=ds.nodata)
        return np.ma.masked_invalid(out)


def _layer_stats(layer, band: int, style) -> tuple[float, float]:
    key = (band, style.stretch, tuple(style.percent))
    with _stats_lock:
        per = _stats.get(layer) if not isinstance(layer, str) else None
        if per and key in per:
            return per[key]
    with rasterio.open(_path_of(layer)) as ds:
        scale = max(1.0, (ds.width * ds.height / 1_000_000) ** 0.5)
        shape = (max(1, int(ds.height / scale)), max(1, int(ds.width / scale)))
        arr = ds.read(band, out_shape=shape, masked=True, resampling=Resampling.nearest)
    vals = arr.compressed().astype(float)
    vals = vals[np.isfinite(vals)]
    if vals.size == 0:
        lo, hi = 0.0, 1.0
    elif style.stretch == "percentile":
        lo, hi = (float(v) for v in np.percentile(vals, style.percent))
    else:
        lo, hi = float(vals.min()), float(vals.max())
    if hi <= lo:
        hi = lo + 1.0
    try:
        with _stats_lock:
            _stats.setdefault(layer, {})[key] = (lo, hi)
    except TypeError:  # a plain path string cannot be weakly referenced
        pass
    return lo, hi


def _stretch(layer, band_data, band: int, style) -> np.ndarray:
    lo, hi = _layer_stats(layer, band, style)
    t = (np.asarray(band_data, dtype=np.float32) - lo) / (hi - lo)
    return np.clip(np.nan_to_num(t, nan=0.0), 0.0, 1.0)


def colorize(layer, data: np.ma.MaskedArray, style, settings) -> np.ndarray:
    """(h, w, 4) uint8 RGBA for the style's mode; masked pixels transparent."""
    _, h, w = data.shape
    mask = np.ma.getmaskarray(data).any(axis=0)
    rgba = np.zeros((h, w, 4), np.uint8)
    mode = style.mode
    if mode == "rgb":
        for i, b in enumerate(style.bands):
            rgba[..., i] = np.round(_stretch(layer, data[i].filled(0), b, style) * 255)
    elif mode == "hillshade":
        shade = hillshade(data[0].filled(np.nan).astype(float),
                          settings.pixel_size * settings.metres_per_unit())
        g = np.round(np.nan_to_num(shade, nan=0.0) * 255).astype(np.uint8)
        rgba[..., 0] = rgba[..., 1] = rgba[..., 2] = g
    else:
        t = _stretch(layer, data[0].filled(0), style.band, style)
        if mode == "ramp":
            lut = ramp_lut(style.ramp, 256)
            rgba[..., :3] = lut[np.round(t * 255).astype(np.uint8), :3]
        else:
            g = np.round(t * 255).astype(np.uint8)
            rgba[..., 0] = rgba[..., 1] = rgba[..., 2] = g
    alpha = round(255 * max(0.0, min(1.0, style.opacity)))
    rgba[..., 3] = np.where(mask, 0, alpha)
    if alpha < 255:  # Format_RGBA8888 is not premultiplied: colour channels stay as they are
        pass
    return np.ascontiguousarray(rgba)


def hillshade(z: np.ndarray, cell: float, azimuth: float = 315.0, altitude: float = 45.0) -> np.ndarray:
    """Lambertian hillshade in 0..1 (Horn's gradient through numpy.gradient), NaN stays NaN."""
    dzdrow, dzdx = np.gradient(z, cell, cell)  # rows run south
    slope = np.arctan(np.hypot(dzdx, dzdrow))
    aspect = np.arctan2(dzdrow, -dzdx)  # ESRI's convention
    az = np.radians(360.0 - azimuth + 90.0)
    alt = np.radians(altitude)
    shade = np.sin(alt) * np.cos(slope) + np.cos(alt) * np.sin(slope) * np.cos(az - aspect)
    return np.clip(shade, 0.0, 1.0)
