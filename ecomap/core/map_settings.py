"""Immutable map settings: what a render job draws, snapshotted on the GUI thread.

A :class:`MapSettings` names the extent, output size, DPI, destination CRS, the
layers with their styles (a snapshot: later edits of a layer's style do not reach a
running job) and the background. The *visible* extent keeps the output's aspect ratio
and contains the requested extent, as QGIS's map settings do.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

from pyproj import CRS

from ecomap.core.crs import crs_from_epsg

INCHES_PER_METRE = 39.37007874015748


@dataclass(frozen=True)
class RenderLayer:
    """One layer of a render: the data and the style it is drawn with (a project's saved
    layer is :class:`ecomap.core.project.LayerEntry`)."""

    layer: object  # VectorLayer, RasterLayer or a render source (see ecomap.core.render.sources)
    style: object  # ecomap.core.style.Style
    visible: bool = True
    opacity: float = 1.0  # the layer's own opacity (layer panel), times the style's


@dataclass(frozen=True)
class MapSettings:
    extent: tuple[float, float, float, float]
    size: tuple[int, int] = (800, 600)
    dpi: float = 96.0
    crs: CRS | None = None
    layers: tuple[RenderLayer, ...] = ()
    background: tuple[int, int, int, int] = (255, 255, 255, 255)
    antialias: bool = True
    labels: bool = True
    #: extra key telling caches apart (e.g. a canvas generation); not used for drawing
    tag: str = field(default="", compare=False)

    @classmethod
    def for_crs(cls, epsg_or_crs, **kw) -> MapSettings:
        crs = crs_from_epsg(epsg_or_crs) if isinstance(epsg_or_crs, int) else epsg_or_crs
        return cls(crs=crs, **kw)

    @property
    def width(self) -> int:
        return int(self.size[0])

    @property
    def height(self) -> int:
        return int(self.size[1])

    @property
    def pixel_size(self) -> float:
        """Map units per pixel of the visible extent."""
        minx, miny, maxx, maxy = self.extent
        w = max(maxx - minx, 1e-12)
        h = max(maxy - miny, 1e-12)
        return max(w / self.width, h / self.height)

    @property
    def visible_extent(self) -> tuple[float, float, float, float]:
        """The requested extent grown to the output's aspect ratio, same centre."""
        minx, miny, maxx, maxy = self.extent
        p = self.pixel_size
        cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
        hw, hh = p * self.width / 2, p * self.height / 2
        return cx - hw, cy - hh, cx + hw, cy + hh

    @property
    def is_geographic(self) -> bool:
        return self.crs is not None and self.crs.is_geographic

    def metres_per_unit(self) -> float:
        if self.is_geographic:
            cy = (self.extent[1] + self.extent[3]) / 2
            return 111_319.49 * math.cos(math.radians(max(-89.0, min(89.0, cy))))
        return 1.0

    @property
    def scale(self) -> float:
        """The scale denominator (1:N) at the output DPI."""
        return self.pixel_size * self.metres_per_unit() * self.dpi * INCHES_PER_METRE

    def mm_to_px(self, mm: float) -> float:
        return mm * self.dpi / 25.4

    def map_to_pixel(self, x, y):
        minx, _miny, _maxx, maxy = self.visible_extent
        p = self.pixel_size
        return (x - minx) / p, (maxy - y) / p

    def pixel_to_map(self, px, py):
        minx, _miny, _maxx, maxy = self.visible_extent
        p = self.pixel_size
        return minx + px * p, maxy - py * p

    def with_extent(self, extent) -> MapSettings:
        return replace(self, extent=tuple(float(v) for v in extent))

    def with_size(self, width: int, height: int) -> MapSettings:
        return replace(self, size=(int(width), int(height)))

    def zoomed(self, factor: float, about: tuple[float, float] | None = None) -> MapSettings:
        """Zoom in by ``factor`` (> 1 zooms in) keeping the map point ``about`` fixed on screen."""
        minx, miny, maxx, maxy = self.visible_extent
        ax, ay = about if about is not None else ((minx + maxx) / 2, (miny + maxy) / 2)
        k = 1.0 / factor
        return self.with_extent((ax - (ax - minx) * k, ay - (ay - miny) * k,
                                 ax + (maxx - ax) * k, ay + (maxy - ay) * k))

    def panned(self, dx_px: float, dy_px: float) -> MapSettings:
        """The map moved by (dx, dy) screen pixels (content follows the mouse)."""
        p = self.pixel_size
        minx, miny, maxx, maxy = self.visible_extent
        return self.with_extent((minx - dx_px * p, miny + dy_px * p, maxx - dx_px * p, maxy + dy_px * p))

    def with_scale(self, scale: float) -> MapSettings:
        minx, miny, maxx, maxy = self.visible_extent
        cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
        p = scale / (self.metres_per_unit() * self.dpi * INCHES_PER_METRE)
        hw, hh = p * self.width / 2, p * self.height / 2
        return self.with_extent((cx - hw, cy - hh, cx + hw, cy + hh))


def view_for(full: tuple[float, float, float, float], width: int, height: int,
             cx: float = 0.5, cy: float = 0.5, zoom: float = 1.0) -> tuple[float, float, float, float]:
    """The view centred at fractions (cx, cy) of ``full``, its width / zoom wide — qgis_render.py's view()."""
    minx, miny, maxx, maxy = full
    fw, fh = maxx - minx, maxy - miny
    x, y = minx + cx * fw, miny + cy * fh
    vw = fw / zoom if fw / fh >= width / height else fh / zoom * width / height
    vh = vw * height / width
    return x - vw / 2, y - vh / 2, x + vw / 2, y + vh / 2
