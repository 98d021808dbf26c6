"""Compiled (numba) snapping of polygon features to a level grid: :func:`lod.build_level` in one pass.

The numpy version needs a dozen whole-array passes (float32 conversion, floor, compare,
cumulative sums, scatter, shoelace areas, ring reversal) plus a gather of the selected
features' vertices; on 2 cores it took ~0.45 s for the 8.5 M vertices of a zoom-2 view.
This kernel walks each selected feature's rings once, straight from the layer's arrays,
at well over 100 M vertices a second, and releases the GIL (``nogil``) so the two snap
threads run in parallel. Its output is the same :class:`~ecomap.core.render.lod.Level`
(same float32 values, same kept vertices, same rectangles for tiny features, same ring
orientation). Without numba (or with ``ECOMAP_RENDER_JIT=0``) the numpy path is used.
"""

from __future__ import annotations

import logging
import os
import threading

import numpy as np

log = logging.getLogger(__name__)

ENABLED = os.environ.get("ECOMAP_RENDER_JIT", "1") != "0"
_kernel = None
_lock = threading.Lock()
_failed = False


def kernel():
    """The compiled snapping function, or None (numba missing, disabled or failed to compile)."""
    global _kernel, _failed
    if _kernel is not None or _failed or not ENABLED:
        return _kernel
    with _lock:
        if _kernel is None and not _failed:
            try:
                _kernel = _compile()
            except Exception as exc:  # noqa: BLE001 - any numba trouble: the numpy path still works
                log.info("compiled snapping unavailable (%s): using numpy", exc)
                _failed = True
    return _kernel


def _compile():
    import numba

    @numba.njit(cache=True, nogil=True)
    def snap_polygons(xy, ring_off, feat_off, ring_ext, feats, bbox, inv, ox, oy, min_px, min_rect, orient,
                      relative):
        nf = feats.size
        cap = 0
        ring_cap = 0
        for i in range(nf):
            f = feats[i]
            cap += ring_off[feat_off[f + 1]] - ring_off[feat_off[f]]
            ring_cap += feat_off[f + 1] - feat_off[f]
        cap += 5 * nf
        ring_cap += nf
        u = np.empty(cap, np.float32)
        v = np.empty(cap, np.float32)
        rs = np.empty(ring_cap, np.int64)
        fv = np.zeros(nf + 1, np.int64)
        n = 0
        nr = 0
        for i in range(nf):
            f = feats[i]
            r0 = feat_off[f]
            r1 = feat_off[f + 1]
            b0 = bbox[i, 0]
            b1 = bbox[i, 1]
            b2 = bbox[i, 2]
            b3 = bbox[i, 3]
            # a relative layer's vertices are offsets from the box corner; adding 0.0 changes nothing
            cx0 = b0 if relative else 0.0
            cy0 = b1 if relative else 0.0
            bw = (b2 - b0) * inv
            bh = (b3 - b1) * inv
            if bw < min_px and bh < min_px and ring_off[r1] > ring_off[r0]:
                # too small to show: a closed rectangle at least one cell wide, centred on the box
                cx = ((b0 + b2) * 0.5 - ox) * inv
                cy = (oy - (b1 + b3) * 0.5) * inv
                hw = max(bw, min_rect) * 0.5
                hh = max(bh, min_rect) * 0.5
                rs[nr] = n
                nr += 1
                u[n] = cx - hw
                v[n] = cy - hh
                u[n + 1] = cx - hw
                v[n + 1] = cy + hh
                u[n + 2] = cx + hw
                v[n + 2] = cy + hh
                u[n + 3] = cx + hw
                v[n + 3] = cy - hh
                u[n + 4] = cx - hw
                v[n + 4] = cy - hh
                n += 5
                fv[i + 1] = n
                continue
            for rr in range(r0, r1):
                a = ring_off[rr]
                e = ring_off[rr + 1]
                s = n
                rs[nr] = n
                nr += 1
                px = np.int64(0)
                py = np.int64(0)
                for k in range(a, e):
                    uu = np.float32(((xy[k, 0] + cx0) - ox) * inv)
                    vv = np.float32((oy - (xy[k, 1] + cy0)) * inv)
                    gx = np.int64(np.floor(uu))
                    gy = np.int64(np.floor(vv))
                    if k == a or k == e - 1 or gx != px or gy != py:
                        u[n] = uu
                        v[n] = vv
                        n += 1
                    px = gx
                    py = gy
                if orient and n - s > 1:
                    # shoelace on the snapped vertices, relative to the ring's first one
                    x0 = np.float64(u[s])
                    y0 = np.float64(v[s])
                    area = 0.0
                    for k in range(s, n - 1):
                        area += (u[k] - x0) * (v[k + 1] - y0) - (u[k + 1] - x0) * (v[k] - y0)
                    area += (u[n - 1] - x0) * (v[s] - y0) - (u[s] - x0) * (v[n - 1] - y0)
                    if area != 0.0 and (area > 0.0) == ring_ext[rr]:
                        lo = s
                        hi = n - 1
                        while lo < hi:
                            t = u[lo]
                            u[lo] = u[hi]
                            u[hi] = t
                            t = v[lo]
                            v[lo] = v[hi]
                            v[hi] = t
                            lo += 1
                            hi -= 1
            fv[i + 1] = n
        return u[:n].copy(), v[:n].copy(), rs[:nr].copy(), fv

    return snap_polygons


def snap_polygons(flat, feats: np.ndarray, bbox: np.ndarray, r: float, ox: float, oy: float,
                  min_px: float, min_rect: float):
    """(u, v, ring_starts, feat_vstart) of polygon features ``feats`` of ``flat``, or None
    when the compiled kernel cannot be used (then :func:`lod.build_level` does the work)."""
    fn = kernel()
    if fn is None or flat.kind != "polygon":
        return None
    if _has_empty_ring(flat):  # the numpy path's bookkeeping of empty rings is its own
        return None
    orient = flat.ring_ext is not None
    ext = flat.ring_ext if orient else np.zeros(len(flat.ring_off) - 1, bool)
    return fn(flat.xy, flat.ring_off, flat.feat_off, ext, np.ascontiguousarray(feats, np.int64),
              np.ascontiguousarray(bbox, np.float64), 1.0 / r, float(ox), float(oy), float(min_px),
              float(min_rect), orient, flat.relative)


def _has_empty_ring(flat) -> bool:
    cached = flat.__dict__.get("_empty_ring")
    if cached is None:
        cached = bool((np.diff(flat.ring_off) == 0).any()) if len(flat.ring_off) > 1 else False
        flat.__dict__["_empty_ring"] = cached
    return cached


def warm_up() -> None:
    """Import numba and load the compiled kernel on a background thread (once).

    Called when a big layer starts being read: the ~0.3 s of importing and loading the
    cached machine code then overlaps the read instead of delaying the first frame.
    """
    global _warming
    if _warming or _kernel is not None or _failed or not ENABLED:
        return
    _warming = True

    def run():
        fn = kernel()
        if fn is not None:
            for xy, relative in ((np.zeros((3, 2)), False), (np.zeros((3, 2), np.float32), True)):
                fn(xy, np.array([0, 3]), np.array([0, 1]), np.ones(1, bool), np.zeros(1, np.int64),
                   np.array([[0.0, 0.0, 1.0, 1.0]]), 1.0, 0.0, 0.0, 0.5, 1.0, True, relative)

    threading.Thread(target=run, name="ecomap-jit-warm-up", daemon=True).start()


_warming = False
