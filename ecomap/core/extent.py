"""Extents (minx, miny, maxx, maxy): a layer's bounds in another CRS, unions, padding, history.

Qt-free helpers shared by the canvas wiring, the overview, "zoom to layer" and
previous/next extent.
"""

from __future__ import annotations

import math

import numpy as np

Extent = tuple[float, float, float, float]


def is_valid(extent) -> bool:
    return (extent is not None and len(extent) == 4 and all(math.isfinite(v) for v in extent)
            and extent[2] >= extent[0] and extent[3] >= extent[1])


def geometry_bounds(geoms) -> Extent | None:
    """Bounds of a shapely array, missing and empty geometries ignored (one vectorized pass)."""
    import shapely

    geoms = np.asarray(geoms, dtype=object)
    if len(geoms) == 0:
        return None
    b = shapely.bounds(geoms)  # NaN rows for None and empty geometries
    ok = ~np.isnan(b[:, 0])
    if not ok.any():
        return None
    b = b[ok]
    out = (b[:, 0].min(), b[:, 1].min(), b[:, 2].max(), b[:, 3].max())
    out = tuple(float(v) for v in out)
    return out if is_valid(out) else None


def layer_extent(layer, to_crs=None) -> Extent | None:
    """The layer's bounds, transformed to ``to_crs`` (pyproj CRS or authority string) when given."""
    bounds = getattr(layer, "bounds", None)  # VectorLayer caches its bounds per frame
    if not is_valid(bounds):
        return None
    src = layer.crs_info.crs() if getattr(layer, "crs_info", None) is not None else None
    return transform_extent(bounds, src, to_crs)


def transform_extent(extent: Extent, src, dst) -> Extent | None:
    if not is_valid(extent):
        return None
    if src is None or dst is None:
        return tuple(extent)
    from pyproj import CRS, Transformer

    src, dst = CRS.from_user_input(src), CRS.from_user_input(dst)
    if src.equals(dst):
        return tuple(extent)
    try:
        out = Transformer.from_crs(src, dst, always_xy=True).transform_bounds(*extent, densify_pts=11)
    except Exception:  # noqa: BLE001 — outside the projection's domain
        return None
    return tuple(out) if is_valid(out) else None


def union_extents(extents) -> Extent | None:
    extents = [e for e in extents if is_valid(e)]
    if not extents:
        return None
    return (min(e[0] for e in extents), min(e[1] for e in extents),
            max(e[2] for e in extents), max(e[3] for e in extents))


def padded(extent: Extent, fraction: float = 0.05, minimum: float = 0.0) -> Extent:
    """Grow by ``fraction`` of the size on each side (a point gets ``minimum`` half-size)."""
    minx, miny, maxx, maxy = extent
    w, h = maxx - minx, maxy - miny
    dx = max(w * fraction, minimum if w == 0 else 0.0)
    dy = max(h * fraction, minimum if h == 0 else 0.0)
    return minx - dx, miny - dy, maxx + dx, maxy + dy


def centred(x: float, y: float, like: Extent) -> Extent:
    """An extent of the same size as ``like`` centred on (x, y)."""
    w, h = like[2] - like[0], like[3] - like[1]
    return x - w / 2, y - h / 2, x + w / 2, y + h / 2


def extents_close(a: Extent | None, b: Extent | None, rel: float = 1e-9) -> bool:
    if a is None or b is None:
        return a is b
    size = max(a[2] - a[0], a[3] - a[1], 1e-12)
    return all(abs(u - v) <= rel * size for u, v in zip(a, b))


class ExtentHistory:
    """Previous/next extent, as a browser's back/forward: a new view drops the forward list."""

    def __init__(self, limit: int = 100):
        self._back: list[Extent] = []
        self._forward: list[Extent] = []
        self._current: Extent | None = None
        self._limit = limit
        self._navigating = False

    @property
    def current(self) -> Extent | None:
        return self._current

    def push(self, extent: Extent) -> None:
        if self._navigating or not is_valid(extent) or extents_close(extent, self._current, 1e-6):
            return
        if self._current is not None:
            self._back.append(self._current)
            del self._back[:-self._limit]
        self._current = tuple(extent)
        self._forward.clear()

    def can_back(self) -> bool:
        return bool(self._back)

    def can_forward(self) -> bool:
        return bool(self._forward)

    def back(self) -> Extent | None:
        if not self._back:
            return None
        self._forward.append(self._current)
        self._current = self._back.pop()
        return self._current

    def forward(self) -> Extent | None:
        if not self._forward:
            return None
        self._back.append(self._current)
        self._current = self._forward.pop()
        return self._current

    def navigating(self):
        """Context manager: extents reported while it is active are the history's own moves."""
        history = self

        class _Guard:
            def __enter__(self):
                history._navigating = True

            def __exit__(self, *exc):
                history._navigating = False
        return _Guard()
