"""Flat, numpy-only geometry for drawing: every vertex of a layer in one array.

A :class:`FlatGeometry` holds a layer's coordinates as ragged arrays, the shape the
renderer needs to snap, cull and hand whole batches to Qt without touching a
Python object per feature:

* ``xy`` (V, 2) float64 vertices;
* ``ring_off`` (R + 1) — ring r is ``xy[ring_off[r]:ring_off[r + 1]]`` (a polygon ring,
  a line part or a single point);
* ``feat_off`` (F + 1) — feature f owns rings ``feat_off[f]:feat_off[f + 1]`` (all the
  parts and holes of a multi-polygon; none for a missing or empty geometry);
* ``bbox`` (F, 4) — minx, miny, maxx, maxy per feature (NaN when empty).

A *relative* FlatGeometry (``FlatGeometry.from_shapely(..., compact=True)``, what the
renderer keeps for the app's layers of lines and polygons) holds ``xy`` as float32
offsets from each feature's lower-left box corner: 8 bytes a vertex instead of 16 —
0.5 GB less for 2 M polygons, next to GEOS's own 24 bytes a vertex — and exact to
about 6e-8 of the feature's own size (a micrometre on a 30 m parcel, 3 mm on a 50 km
county outline). :meth:`FlatGeometry.absolute_xy` gives the coordinates back.

It is built straight from WKB by :func:`parse_wkb`, a parser vectorized across
features (one numpy step per ring *position*, never per feature): reading a GeoPackage
as Arrow WKB and parsing it here is several times faster than building shapely objects
(2.9 s for 500,000 polygons) and needs a fraction of the memory. Shapely arrays go the
same way through ``shapely.to_wkb``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import shapely

KINDS = {1: "point", 2: "line", 3: "polygon", 4: "point", 5: "line", 6: "polygon"}


@dataclass(eq=False)
class FlatGeometry:
    kind: str  # "polygon" | "line" | "point" | "none"
    xy: np.ndarray
    ring_off: np.ndarray
    feat_off: np.ndarray
    #: per ring: True for a polygon's exterior (first ring of a part), False for holes
    ring_ext: np.ndarray | None = None
    #: xy holds float32 offsets from each feature's (minx, miny); such a geometry is given its bbox
    relative: bool = False

    @property
    def feature_count(self) -> int:
        return len(self.feat_off) - 1

    @property
    def vertex_count(self) -> int:
        return len(self.xy)

    @cached_property
    def bbox(self) -> np.ndarray:
        if self.relative:
            raise ValueError("a relative FlatGeometry is made with its boxes")
        return feature_bboxes(self.xy, self.ring_off, self.feat_off)

    def absolute_xy(self, bbox: np.ndarray | None = None) -> np.ndarray:
        """float64 coordinates of every vertex: ``xy`` itself, or for a relative geometry its
        offsets added to the corners of ``bbox`` (the features' boxes, by default its own)."""
        if not self.relative:
            return self.xy
        corner = (self.bbox if bbox is None else bbox)[:, :2]
        return self.xy + np.repeat(corner, self.feature_vertex_counts(), axis=0)

    @cached_property
    def total_bounds(self) -> tuple[float, float, float, float] | None:
        b = self.bbox
        ok = ~np.isnan(b[:, 0])
        if not ok.any():
            return None
        b = b[ok]
        return (float(b[:, 0].min()), float(b[:, 1].min()), float(b[:, 2].max()), float(b[:, 3].max()))

    def feature_vertex_counts(self) -> np.ndarray:
        return self.ring_off[self.feat_off[1:]] - self.ring_off[self.feat_off[:-1]]

    def with_xy(self, xy: np.ndarray) -> FlatGeometry:
        """The same features with other absolute coordinates (not for a relative geometry)."""
        if self.relative:
            raise ValueError("with_xy takes absolute coordinates")
        return FlatGeometry(self.kind, xy, self.ring_off, self.feat_off, self.ring_ext)

    @classmethod
    def from_shapely(cls, geoms, compact: bool = False, transform=None) -> FlatGeometry:
        """The geometries as flat arrays, written to WKB :data:`SHAPELY_SLICE` features at a time.

        Each slice's WKB is scanned and gathered into the one coordinate array, then
        dropped: the whole layer's WKB (about 1 GB for 2 M polygons, twice over while
        it is joined) never exists at once, and the result is the same as parsing it whole.
        ``compact``: a layer of lines or polygons comes back relative (see the module).
        ``transform(xy) -> xy`` moves each slice's (V, 2) coordinates, e.g. to another CRS,
        so that a layer drawn in another CRS never has a copy in its own.
        """
        geoms = np.asarray(geoms, dtype=object)
        relative = compact and not np.isin(shapely.get_type_id(geoms), (0, 4)).any()
        if len(geoms) <= SHAPELY_SLICE and not relative and transform is None:
            return parse_wkb(*_wkb_of(geoms))
        total = int(shapely.get_num_coordinates(geoms).sum())
        xy = np.empty((total, 2), np.float32 if relative else np.float64)
        kinds, flats, boxes, at = [], [], [], 0
        for a in range(0, len(geoms), SHAPELY_SLICE):
            scan = scan_wkb(*_wkb_of(geoms[a:a + SHAPELY_SLICE]))
            if isinstance(scan, FlatGeometry) or at + scan.vertex_count > total:
                return concat_flat([parse_wkb(*_wkb_of(geoms[b:b + SHAPELY_SLICE]))  # odd input
                                    for b in range(0, len(geoms), SHAPELY_SLICE)])
            n = scan.vertex_count
            if relative:
                part = scan.flat(_gather_all(scan))
                if transform is not None:
                    part = part.with_xy(transform(part.xy))
                box = part.bbox
                _offsets_into(part, box, xy[at:at + n])
                part = part.with_xy(xy[at:at + n])
                boxes.append(box)
            else:
                scan.gather_into(xy[at:at + n])
                if transform is not None:
                    xy[at:at + n] = transform(xy[at:at + n])
                part = scan.flat(xy[at:at + n])
            kinds.append(scan.kind)
            flats.append(part)
            at += n
        flat = _joined(flats, kinds, xy[:at] if at < total else xy)
        if relative:
            flat.relative = True
            flat.__dict__["bbox"] = np.concatenate(boxes) if boxes else np.zeros((0, 4))
        return flat


#: features written to WKB at a time by :meth:`FlatGeometry.from_shapely`
SHAPELY_SLICE = 65_536


def _offsets_into(flat: FlatGeometry, box: np.ndarray, out: np.ndarray) -> None:
    """Each vertex of absolute ``flat`` as its offset from its feature's (minx, miny), into ``out``."""
    # straight into ``out`` (float32 for a relative geometry): no float64 result of the layer's size
    np.subtract(flat.xy, np.repeat(box[:, :2], flat.feature_vertex_counts(), axis=0), out=out, casting="same_kind")


def as_relative(flat: FlatGeometry) -> FlatGeometry:
    """An absolute FlatGeometry of lines or polygons as a relative one (see the module)."""
    if flat.relative or flat.kind not in ("line", "polygon"):
        return flat
    box = flat.bbox
    xy = np.empty(flat.xy.shape, np.float32)
    _offsets_into(flat, box, xy)
    out = FlatGeometry(flat.kind, xy, flat.ring_off, flat.feat_off, flat.ring_ext, relative=True)
    out.__dict__["bbox"] = box
    return out


def plain_arrow_wkb_scan(column) -> WkbScan | None:
    """:func:`scan_arrow_wkb` of WKB the fast parser reads as it stands, or None for what only the
    shapely path reads alike (collections, curves, big-endian, mixed families)."""
    try:
        return scan_arrow_wkb(column, fallback=False)
    except ValueError:  # mixed geometry families
        return None


def flat_of_scan(scan: WkbScan) -> FlatGeometry:
    """The absolute FlatGeometry of a scan; kind "none" for a batch of only missing geometries."""
    flat = scan.flat(_gather_all(scan))
    if scan.kind == "none":
        flat.kind = "none"
    return flat


def joined_batches(parts: list[FlatGeometry | None]) -> FlatGeometry | None:
    """Consecutive batches of one layer (kind "none": only missing geometries) as the layer's
    geometry, or None when a batch could not be parsed or the batches disagree on the family."""
    if not parts or any(p is None for p in parts):
        return None
    kinds = {p.kind for p in parts} - {"none"}
    if len(kinds) > 1:
        return None
    kind = kinds.pop() if kinds else "polygon"
    parts = [p if p.kind != "none" else _empty_like(p, kind) for p in parts]
    if len({p.relative for p in parts}) > 1:
        return None
    flat = concat_flat(parts)
    flat.kind = kind
    return flat


def _empty_like(flat: FlatGeometry, kind: str) -> FlatGeometry:
    """A batch of missing geometries as a batch of the layer's family."""
    out = FlatGeometry(kind, np.zeros((0, 2), np.float32 if kind != "point" else np.float64), flat.ring_off,
                       flat.feat_off, np.zeros(0, bool) if kind == "polygon" else None, relative=kind != "point")
    if out.relative:
        out.__dict__["bbox"] = np.full((flat.feature_count, 4), np.nan)
    return out


def _wkb_of(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(concatenated ISO little-endian 2D WKB, offsets) of ``geoms``; missing ones are empty."""
    wkb = shapely.to_wkb(geoms, output_dimension=2, byte_order=1, flavor="iso")
    wkb[shapely.is_missing(geoms)] = b""
    lengths = np.fromiter((len(b) for b in wkb), dtype=np.int64, count=len(wkb))
    offsets = np.zeros(len(wkb) + 1, np.int64)
    np.cumsum(lengths, out=offsets[1:])
    return np.frombuffer(b"".join(wkb), np.uint8), offsets


def concat_flat(parts: list[FlatGeometry]) -> FlatGeometry:
    """Features of several FlatGeometries, one after the other."""
    parts = [p for p in parts if p is not None]
    if len(parts) == 1:
        return parts[0]
    kinds = {p.kind for p in parts if p.feature_count and p.vertex_count}
    kind = kinds.pop() if len(kinds) == 1 else parts[0].kind
    xy = np.concatenate([p.xy for p in parts])
    v_shift = np.cumsum([0] + [p.vertex_count for p in parts[:-1]])
    r_shift = np.cumsum([0] + [len(p.ring_off) - 1 for p in parts[:-1]])
    ring_off = np.concatenate([parts[0].ring_off[:1]] + [p.ring_off[1:] + vs for p, vs in zip(parts, v_shift)])
    feat_off = np.concatenate([parts[0].feat_off[:1]] + [p.feat_off[1:] + rs for p, rs in zip(parts, r_shift)])
    ext = None
    if all(p.ring_ext is not None for p in parts):
        ext = np.concatenate([p.ring_ext for p in parts])
    relative = all(p.relative for p in parts)
    if not relative and any(p.relative for p in parts):
        raise ValueError("relative and absolute geometries cannot be joined")
    out = FlatGeometry(kind, xy, ring_off, feat_off, ext, relative=relative)
    if relative:  # a relative geometry carries its boxes
        out.__dict__["bbox"] = np.concatenate([p.bbox for p in parts])
    return out


def feature_bboxes(xy, ring_off, feat_off) -> np.ndarray:
    """Per-feature bounding boxes with ``np.minimum.reduceat`` over each feature's vertices."""
    f = len(feat_off) - 1
    out = np.full((f, 4), np.nan)
    vstart = ring_off[feat_off[:-1]]
    vend = ring_off[feat_off[1:]]
    has = vend > vstart
    if not has.any() or len(xy) == 0:
        return out
    starts = vstart[has]
    out[has, 0] = np.minimum.reduceat(xy[:, 0], starts)
    out[has, 1] = np.minimum.reduceat(xy[:, 1], starts)
    out[has, 2] = np.maximum.reduceat(xy[:, 0], starts)
    out[has, 3] = np.maximum.reduceat(xy[:, 1], starts)
    return out


def _u32(buf: np.ndarray, pos: np.ndarray) -> np.ndarray:
    """Little-endian uint32 at each byte position."""
    b = buf[pos[:, None] + np.arange(4)].astype(np.uint32)
    return b[:, 0] | (b[:, 1] << 8) | (b[:, 2] << 16) | (b[:, 3] << 24)


def _dims(code: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(base type 1..7, coordinate dimension) from ISO or EWKB type codes."""
    ewkb_z = (code & 0x80000000) != 0
    ewkb_m = (code & 0x40000000) != 0
    iso = code & 0x0FFFFFFF
    base = iso % 1000
    thousands = iso // 1000
    dim = 2 + (thousands == 1) + (thousands == 2) + 2 * (thousands == 3) + ewkb_z + ewkb_m
    return base.astype(np.int64), dim.astype(np.int64)


def parse_wkb(buf: np.ndarray, offsets: np.ndarray) -> FlatGeometry:
    """Parse concatenated WKB (``buf`` uint8, geometry i at ``offsets[i]:offsets[i+1]``)."""
    scan = scan_wkb(buf, offsets)
    if isinstance(scan, FlatGeometry):
        return scan
    xy = np.empty((scan.vertex_count, 2), np.float64)
    scan.gather_into(xy)
    return scan.flat(xy)


@dataclass(eq=False)
class WkbScan:
    """Where every ring's coordinates lie in a WKB buffer: parse_wkb's first phase.

    Knowing the vertex count before reading a single coordinate lets several scans (halves
    of a layer read on two threads) gather straight into one preallocated array.
    """

    kind: str
    buf: np.ndarray
    ring_pos: np.ndarray
    ring_n: np.ndarray
    ring_dim: np.ndarray
    ring_ext: np.ndarray
    feat_counts: np.ndarray  # rings per feature
    #: per feature: WKB base type (1 point … 6 multi-polygon; 0 where missing) and parts it declares
    geom_type: np.ndarray | None = None
    geom_parts: np.ndarray | None = None

    @property
    def vertex_count(self) -> int:
        return int(self.ring_n.sum())

    def gather_into(self, xy: np.ndarray) -> None:
        _gather_xy(self.buf, self.ring_pos, self.ring_n, self.ring_dim, out=xy)

    def offsets(self) -> tuple[np.ndarray, np.ndarray]:
        ring_off = np.zeros(len(self.ring_n) + 1, np.int64)
        np.cumsum(self.ring_n, out=ring_off[1:])
        feat_off = np.zeros(len(self.feat_counts) + 1, np.int64)
        np.cumsum(self.feat_counts, out=feat_off[1:])
        return ring_off, feat_off

    def flat(self, xy: np.ndarray) -> FlatGeometry:
        ring_off, feat_off = self.offsets()
        kind = self.kind if self.kind != "none" else "polygon"
        return FlatGeometry(kind, xy, ring_off, feat_off, self.ring_ext if self.kind == "polygon" else None)


def parse_wkb_parts(parts: list, pool=None) -> FlatGeometry:
    """Parse several WKB buffers as one layer, scanning and gathering in ``pool``.

    ``parts`` holds (buf, offsets) pairs or what :func:`scan_wkb` already made of them.
    """
    mapper = pool.map if pool is not None else map
    scans = list(mapper(lambda bo: bo if isinstance(bo, (WkbScan, FlatGeometry)) else scan_wkb(*bo), parts))
    if any(isinstance(sc, FlatGeometry) for sc in scans):  # an odd geometry: the slow general path
        return concat_flat([sc if isinstance(sc, FlatGeometry) else sc.flat(_gather_all(sc)) for sc in scans])
    counts = [sc.vertex_count for sc in scans]
    xy = np.empty((sum(counts), 2), np.float64)
    starts = np.cumsum([0] + counts)
    list(mapper(lambda i: scans[i].gather_into(xy[starts[i]:starts[i + 1]]), range(len(scans))))
    flats = [sc.flat(xy[starts[i]:starts[i + 1]]) for i, sc in enumerate(scans)]
    return _joined(flats, [sc.kind for sc in scans], xy)


def scan_arrow_wkb(column, fallback: bool = True):
    """:func:`scan_wkb` of an Arrow column of WKB (a ChunkedArray or an Array, binary or large_binary).

    A column in one chunk is scanned where it lies (combining chunks would copy it into
    Arrow's own allocator, which keeps the freed pages); several are joined through malloc.
    The scan keeps the WKB buffer (and so the Arrow memory) alive until it is gathered.
    """
    import pyarrow as pa

    if isinstance(column, pa.ChunkedArray):
        if column.num_chunks == 1:
            column = column.chunk(0)
        elif column.num_chunks:
            column = pa.concat_arrays(column.chunks, memory_pool=pa.system_memory_pool())
        else:
            column = pa.array([], column.type)
    if isinstance(column, pa.ExtensionArray):  # geoarrow.wkb: the binary storage underneath
        column = column.storage
    _, offs, data = column.buffers()[:3]
    large = pa.types.is_large_binary(column.type)
    if offs is None:  # an empty array may come without buffers
        return scan_wkb(np.zeros(0, np.uint8), np.zeros(len(column) + 1, np.int64), fallback)
    off = np.frombuffer(offs, dtype=np.int64 if large else np.int32)
    off = off[column.offset:column.offset + len(column) + 1]
    buf = np.frombuffer(data, np.uint8) if data is not None else np.zeros(0, np.uint8)
    return scan_wkb(buf, off.astype(np.int64), fallback)


def _joined(flats: list[FlatGeometry], kinds: list[str], xy: np.ndarray) -> FlatGeometry:
    """Consecutive parts whose vertices lie one after the other in ``xy``, as one FlatGeometry."""
    starts = np.cumsum([0] + [f.vertex_count for f in flats])
    kinds = {k for k in kinds if k != "none"}
    if len(kinds) > 1:
        raise ValueError("mixed geometry families in one layer")
    ring_off = np.concatenate([[0]] + [f.ring_off[1:] + s for f, s in zip(flats, starts[:-1])])
    r_shift = np.cumsum([0] + [len(f.ring_off) - 1 for f in flats[:-1]])
    feat_off = np.concatenate([[0]] + [f.feat_off[1:] + rs for f, rs in zip(flats, r_shift)])
    ext = np.concatenate([f.ring_ext for f in flats]) if all(f.ring_ext is not None for f in flats) else None
    return FlatGeometry(kinds.pop() if kinds else "polygon", xy, ring_off, feat_off, ext)


def _gather_all(scan: WkbScan) -> np.ndarray:
    xy = np.empty((scan.vertex_count, 2), np.float64)
    scan.gather_into(xy)
    return xy


def scan_wkb(buf: np.ndarray, offsets: np.ndarray, fallback: bool = True):
    """First phase of :func:`parse_wkb`: a :class:`WkbScan` (or, for odd input, the FlatGeometry,
    or None without ``fallback``).

    Little-endian (the only order GDAL, GEOS and GeoPackage readers emit here) points,
    lines, polygons and their multi forms, 2D/Z/M/ZM; empty lengths are missing
    geometries. Anything else (collections, big-endian) is parsed through shapely.
    """
    n = len(offsets) - 1
    start = offsets[:-1].astype(np.int64)
    present = offsets[1:] > start
    code = np.zeros(n, np.uint32)
    order = np.ones(n, np.uint8)
    if present.any():
        code[present] = _u32(buf, start[present] + 1)
        order[present] = buf[start[present]]
    base, dim = _dims(code)
    odd = present & ((order != 1) | (base > 6) | (base < 1))
    if odd.any():
        return _parse_via_shapely(buf, offsets, odd) if fallback else None
    kinds = {KINDS[int(b)] for b in np.unique(base[present])}
    kind = kinds.pop() if len(kinds) == 1 else ("mixed" if kinds else "none")
    if kind == "mixed":
        raise ValueError("mixed geometry families in one layer")  # caller splits or refuses
    try:
        scan, end = _scan_rings(buf, n, start, present, base, dim, kind)
    except IndexError:  # a count that runs past the blob
        scan, end = None, None
    if scan is None or not np.array_equal(end[present], offsets[1:][present]):
        return _parse_via_shapely(buf, offsets, present) if fallback else None
    return scan


def _scan_rings(buf, n, start, present, base, dim, kind):
    """(WkbScan, where each geometry's reading ended) — a blob read right ends where it ends."""
    multi = present & (base >= 4)
    single = present & (base <= 3)
    # per-geometry cursor state: parts left in this geometry, rings left in the current part
    pos = start + 5
    parts_left = np.zeros(n, np.int64)
    parts_left[multi] = _u32(buf, pos[multi])
    pos[multi] += 4
    parts_left[single] = 1
    declared = parts_left.copy()
    rings_left = np.zeros(n, np.int64)
    in_part = np.zeros(n, bool)  # single geometries start inside their only part
    in_part[single] = True
    first_ring = np.zeros(n, bool)  # the next ring read is the first of its part (an exterior)
    ring_geom, ring_pos, ring_n, ring_dim, ring_ext = [], [], [], [], []
    active = np.flatnonzero(present & (parts_left > 0))  # an empty multi-geometry declares no parts
    while active.size:
        # enter a part where none is open: multi parts carry their own 5-byte header
        need = active[(rings_left[active] == 0)]
        if need.size:
            hdr = need[~in_part[need]]
            pos[hdr] += 5  # byte order + type of the part
            in_part[need] = True
            b = base[need]
            point_like = (b == 1) | (b == 4)
            line_like = (b == 2) | (b == 5)
            # a point is one "ring" of one vertex; a line one ring; a polygon says how many
            rings_left[need[point_like | line_like]] = 1
            poly = need[~(point_like | line_like)]
            rings_left[poly] = _u32(buf, pos[poly])
            pos[poly] += 4
            parts_left[need] -= 1
            first_ring[need] = True
            in_part[need[rings_left[need] == 0]] = False
        # read one ring from every geometry that has one pending
        has = active[rings_left[active] > 0]
        if has.size:
            b = base[has]
            is_pt = (b == 1) | (b == 4)
            npts = np.ones(has.size, np.int64)
            lp = has[~is_pt]
            npts[~is_pt] = _u32(buf, pos[lp])
            pos[lp] += 4
            ring_geom.append(has)
            ring_pos.append(pos[has].copy())
            ring_n.append(npts)
            ring_dim.append(dim[has])
            ring_ext.append(first_ring[has].copy())
            first_ring[has] = False
            pos[has] += npts * dim[has] * 8
            rings_left[has] -= 1
            done_part = has[rings_left[has] == 0]
            in_part[done_part] = False
        # zero-ring parts still count as parts; geometries are done when nothing is left
        active = active[(parts_left[active] > 0) | (rings_left[active] > 0)]
    if ring_geom:
        rg = np.concatenate(ring_geom)
        rp = np.concatenate(ring_pos)
        rn = np.concatenate(ring_n)
        rd = np.concatenate(ring_dim)
        re = np.concatenate(ring_ext)
        # rings were collected position-major; order them geometry-major (stable keeps ring order)
        order_idx = np.argsort(rg, kind="stable")
        rg, rp, rn, rd, re = rg[order_idx], rp[order_idx], rn[order_idx], rd[order_idx], re[order_idx]
    else:
        rg = rp = rn = rd = np.zeros(0, np.int64)
        re = np.zeros(0, bool)
    return WkbScan(kind, buf, rp, rn, rd, re, np.bincount(rg, minlength=n), np.where(present, base, 0),
                   declared), pos


def ring_areas2(x: np.ndarray, y: np.ndarray, ring_starts: np.ndarray) -> np.ndarray:
    """Twice the signed (shoelace) area of each ring; rings are consecutive runs from ring_starts."""
    n = len(x)
    if n == 0 or len(ring_starts) == 0:
        return np.zeros(len(ring_starts))
    x = x - x[0]  # relative coordinates keep the products small
    y = y - y[0]
    cross = np.empty(n)
    np.multiply(x[:-1], y[1:], out=cross[:-1])
    cross[:-1] -= x[1:] * y[:-1]
    cross[-1] = 0.0
    cross[ring_starts[1:] - 1] = 0.0  # a ring's last vertex does not pair with the next ring
    # each ring closes on itself: add the closing term (last → first) for rings that are not closed
    last = np.append(ring_starts[1:], n) - 1
    close = x[last] * y[ring_starts] - x[ring_starts] * y[last]
    return np.add.reduceat(cross, ring_starts) + close


def reverse_rings(arrays, ring_starts: np.ndarray, ring_ends: np.ndarray, which: np.ndarray) -> None:
    """In place: reverse the vertex order of rings ``which`` in every array of ``arrays``."""
    if which.size == 0:
        return
    s, e = ring_starts[which], ring_ends[which]
    n = e - s
    idx = ragged_ranges(s, n)
    rev = np.repeat(s + e - 1, n) - idx
    for a in arrays:
        a[idx] = a[rev]


def _gather_xy(buf, ring_pos, ring_n, ring_dim, out: np.ndarray | None = None) -> np.ndarray:
    """x, y of every vertex, gathered in one pass as 16-byte items at arbitrary byte offsets.

    A 'V16' view of the WKB bytes with a stride of one byte has an item starting at every
    byte, so (x, y) of any vertex — however the WKB headers misalign it — is one item.
    """
    total = int(ring_n.sum())
    xy = np.empty((total, 2), np.float64) if out is None else out
    if total == 0:
        return xy
    out_start = np.zeros(len(ring_n), np.int64)
    np.cumsum(ring_n[:-1], out=out_start[1:])
    items = np.ndarray(shape=(max(len(buf) - 15, 0),), dtype="V16", buffer=buf, strides=(1,))
    dst = xy.view("V16").reshape(-1)
    stride = ring_dim * 8
    step = 4_000_000  # vertices per chunk: keeps the index array small
    ring_end = out_start + ring_n
    r = 0
    while r < len(ring_n):
        r1 = int(np.searchsorted(ring_end, out_start[r] + step, side="right"))
        r1 = max(r1, r + 1)
        n = ring_n[r:r1]
        v0, v1 = int(out_start[r]), int(ring_end[r1 - 1])
        k = np.arange(v1 - v0, dtype=np.int64)
        if (stride[r:r1] == 16).all():
            src = np.repeat(ring_pos[r:r1] - 16 * (out_start[r:r1] - v0), n) + 16 * k
        else:
            local = k - np.repeat(out_start[r:r1] - v0, n)
            src = np.repeat(ring_pos[r:r1], n) + local * np.repeat(stride[r:r1], n)
        dst[v0:v1] = items[src]
        r = r1
    return xy


def _ragged_arange(counts: np.ndarray) -> np.ndarray:
    """[0..c0), [0..c1), … concatenated."""
    total = int(counts.sum())
    if total == 0:
        return np.zeros(0, np.int64)
    ends = np.cumsum(counts)
    idx = np.arange(total, dtype=np.int64)
    return idx - np.repeat(ends - counts, counts)


def ragged_ranges(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Concatenated ranges [s, s + c) for each (start, count)."""
    return np.repeat(starts - np.concatenate([[0], np.cumsum(counts)[:-1]]), counts) + np.arange(
        int(counts.sum()), dtype=np.int64)


def _parse_via_shapely(buf, offsets, odd) -> FlatGeometry:
    """Fallback: let GEOS read everything, explode collections, write ISO little-endian WKB."""
    blobs = [bytes(buf[offsets[i]:offsets[i + 1]]) or None for i in range(len(offsets) - 1)]
    geoms = shapely.from_wkb(np.array(blobs, dtype=object))
    coll = shapely.get_type_id(geoms) == 7
    if coll.any():
        # keep the dominant family of each collection's parts
        geoms = geoms.copy()
        for i in np.flatnonzero(coll):
            parts = shapely.get_parts(geoms[i])
            fam = shapely.get_type_id(parts)
            keep = parts[np.isin(fam, (3, 6))] if np.isin(fam, (3, 6)).any() else parts
            geoms[i] = shapely.union_all(keep) if len(keep) else None
    return FlatGeometry.from_shapely(geoms)
