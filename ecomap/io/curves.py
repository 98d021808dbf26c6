"""Curved WKB geometries rewritten as linear WKB that shapely can read.

GDAL hands CircularString, CompoundCurve, CurvePolygon, MultiCurve and MultiSurface
(GeoPackage, GML arcs, FileGDB true curves) through its Arrow stream unchanged, and
GEOS refuses them. This module parses such WKB and writes the linear equivalent
(LineString, Polygon, MultiLineString, MultiPolygon; Triangle, TIN and PolyhedralSurface
become polygons). Arcs become chords of at most :data:`ARC_STEP_DEGREES` of arc each,
GDAL's own default (``OGR_ARC_STEPSIZE``), so the shapes match GDAL's linear
approximation; each arc's three control points stay vertices, so closed rings stay
closed exactly. Z is kept and interpolated along arcs; M is dropped, as shapely has no use for it.

All circular strings of a batch are linearized in one vectorized pass; only the WKB
structure is walked per feature, and only for features that hold curves.
"""

from __future__ import annotations

import struct
from itertools import pairwise

import numpy as np

#: largest angle (degrees) one chord of a linearized arc may span
ARC_STEP_DEGREES = 4.0

POINT, LINESTRING, POLYGON, MULTIPOINT, MULTILINESTRING, MULTIPOLYGON, COLLECTION = range(1, 8)
CIRCULARSTRING, COMPOUNDCURVE, CURVEPOLYGON, MULTICURVE, MULTISURFACE = range(8, 13)
POLYHEDRALSURFACE, TIN, TRIANGLE = 15, 16, 17
#: ISO base type codes GEOS cannot read
NONLINEAR_TYPES = frozenset({CIRCULARSTRING, COMPOUNDCURVE, CURVEPOLYGON, MULTICURVE, MULTISURFACE,
                             13, 14, POLYHEDRALSURFACE, TIN, TRIANGLE})
_MULTI_AS = {MULTIPOINT: MULTIPOINT, MULTILINESTRING: MULTILINESTRING, MULTIPOLYGON: MULTIPOLYGON,
             COLLECTION: COLLECTION, MULTICURVE: MULTILINESTRING, MULTISURFACE: MULTIPOLYGON,
             POLYHEDRALSURFACE: MULTIPOLYGON, TIN: MULTIPOLYGON}


class WkbError(ValueError):
    """The bytes are not well-formed WKB."""


def base_type(blob) -> int:
    """The ISO base geometry type code of a WKB blob (1–17), or -1 when it has no readable header."""
    if not isinstance(blob, (bytes, bytearray, memoryview)) or len(blob) < 5 or blob[0] > 1:
        return -1
    code = int.from_bytes(bytes(blob[1:5]), "little" if blob[0] == 1 else "big")
    return (code & 0x0FFFFFFF) % 1000


class _Node:
    """One parsed geometry: POINT, LINESTRING (plain, an arc, or a compound curve's pieces),
    POLYGON (its rings) or a multi/collection type code (its members)."""

    __slots__ = ("arc", "coords", "has_z", "kind", "parts")

    def __init__(self, kind: int, has_z: bool, coords: np.ndarray | None = None, arc: int = -1):
        self.kind, self.has_z, self.coords, self.arc = kind, has_z, coords, arc
        self.parts: list[_Node] = []


class _Parser:
    """Reads WKB blobs into nodes, collecting every circular string for one vectorized pass."""

    def __init__(self) -> None:
        self.arcs: list[np.ndarray] = []
        self.curved = False

    def parse(self, buf: bytes) -> _Node:
        node, end = self._geometry(buf, 0)
        if end != len(buf):
            raise WkbError(f"{len(buf) - end} bytes after the geometry")
        return node

    def _geometry(self, buf: bytes, pos: int) -> tuple[_Node, int]:
        if pos + 5 > len(buf) or buf[pos] > 1:
            raise WkbError("bad geometry header")
        endian = "<" if buf[pos] == 1 else ">"
        (code,) = struct.unpack_from(endian + "I", buf, pos + 1)
        pos += 5
        if code & 0xE0000000:  # EWKB flags instead of ISO thousands
            has_z, has_m = bool(code & 0x80000000), bool(code & 0x40000000)
            if code & 0x20000000:
                pos += 4
            code &= 0x0FFFFFFF
        else:
            dims, code = divmod(code, 1000)
            if dims > 3:
                raise WkbError(f"unknown geometry type {code + 1000 * dims}")
            has_z, has_m = dims in (1, 3), dims in (2, 3)
        width = 2 + has_z + has_m
        if code == POINT:
            coords, pos = _coords(buf, pos, endian, 1, width, has_z)
            return _Node(POINT, has_z, coords=coords), pos
        if code in (LINESTRING, CIRCULARSTRING):
            count, pos = _count(buf, pos, endian)
            coords, pos = _coords(buf, pos, endian, count, width, has_z)
            if code == CIRCULARSTRING:
                self.curved = self.curved or count >= 3
                self.arcs.append(coords)
                return _Node(LINESTRING, has_z, arc=len(self.arcs) - 1), pos
            return _Node(LINESTRING, has_z, coords=coords), pos
        if code in (POLYGON, TRIANGLE):
            rings, pos = _count(buf, pos, endian)
            node = _Node(POLYGON, has_z)
            for _ in range(rings):
                count, pos = _count(buf, pos, endian)
                coords, pos = _coords(buf, pos, endian, count, width, has_z)
                node.parts.append(_Node(LINESTRING, has_z, coords=coords))
            return node, pos
        if code in (COMPOUNDCURVE, CURVEPOLYGON) or code in _MULTI_AS:
            count, pos = _count(buf, pos, endian)
            kind = {COMPOUNDCURVE: LINESTRING, CURVEPOLYGON: POLYGON}.get(code) or _MULTI_AS[code]
            node = _Node(kind, has_z)
            for _ in range(count):
                part, pos = self._geometry(buf, pos)
                node.parts.append(part)
            if code == COMPOUNDCURVE and any(p.kind != LINESTRING or p.parts for p in node.parts):
                raise WkbError("a compound curve holds something other than curves")
            if code == CURVEPOLYGON and any(p.kind != LINESTRING for p in node.parts):
                raise WkbError("a curve polygon ring is not a curve")
            return node, pos
        raise WkbError(f"unknown geometry type {code}")


def _count(buf: bytes, pos: int, endian: str) -> tuple[int, int]:
    if pos + 4 > len(buf):
        raise WkbError("truncated")
    return struct.unpack_from(endian + "I", buf, pos)[0], pos + 4


def _coords(buf: bytes, pos: int, endian: str, count: int, width: int, has_z: bool) -> tuple[np.ndarray, int]:
    end = pos + 8 * count * width
    if end > len(buf):
        raise WkbError("truncated")
    values = np.frombuffer(buf, dtype=endian + "f8", count=count * width, offset=pos).reshape(count, width)
    return values[:, : 2 + has_z], end


def linearize_wkb(blobs) -> tuple[list[bytes | None], np.ndarray]:
    """Each WKB blob rewritten as linear little-endian ISO WKB, and which ones held arcs.

    A blob that is not well-formed WKB gives None. Blobs without curves come back
    equivalent to what they were, so a whole batch can be passed through.
    """
    parser = _Parser()
    nodes: list[_Node | None] = []
    curved = np.zeros(len(blobs), dtype=bool)
    for i, blob in enumerate(blobs):
        parser.curved = False
        try:
            nodes.append(parser.parse(bytes(blob)) if blob is not None else None)
        except (WkbError, struct.error, ValueError):
            nodes.append(None)
        curved[i] = parser.curved
    lines = linearize_arcs(parser.arcs)
    out: list[bytes | None] = []
    for node in nodes:
        if node is None:
            out.append(None)
            continue
        chunks: list[bytes] = []
        try:
            _write(node, lines, chunks)
        except WkbError:
            out.append(None)
            continue
        out.append(b"".join(chunks))
    return out, curved


def _line_coords(node: _Node, lines: list[np.ndarray]) -> np.ndarray:
    if node.arc >= 0:
        return lines[node.arc]
    if node.coords is not None:
        return node.coords
    # a compound curve: each piece starts where the previous one ends
    pieces = [_line_coords(p, lines) for p in node.parts]
    joined = pieces[:1]
    for previous, piece in pairwise(pieces):
        shared = len(previous) and len(piece) and np.array_equal(piece[0], previous[-1])
        joined.append(piece[1:] if shared else piece)
    return np.concatenate(joined) if joined else np.zeros((0, 3 if node.has_z else 2))


def _header(kind: int, has_z: bool) -> bytes:
    return b"\x01" + struct.pack("<I", kind + (1000 if has_z else 0))


def _sequence(coords: np.ndarray, has_z: bool) -> bytes:
    width = 3 if has_z else 2
    if coords.shape[1] != width:  # a member with other dimensions than its collection
        coords = coords[:, :width] if coords.shape[1] > width else np.column_stack([coords, np.zeros(len(coords))])
    return struct.pack("<I", len(coords)) + np.ascontiguousarray(coords, dtype="<f8").tobytes()


def _write(node: _Node, lines: list[np.ndarray], out: list[bytes]) -> None:
    out.append(_header(node.kind, node.has_z))
    if node.kind == POINT:
        out.append(_sequence(node.coords, node.has_z)[4:])
    elif node.kind == LINESTRING:
        out.append(_sequence(_line_coords(node, lines), node.has_z))
    elif node.kind == POLYGON:
        out.append(struct.pack("<I", len(node.parts)))
        for ring in node.parts:
            if ring.kind != LINESTRING or (ring.parts and any(p.kind != LINESTRING for p in ring.parts)):
                raise WkbError("a polygon ring is not a curve")
            out.append(_sequence(_line_coords(ring, lines), node.has_z))
    else:
        out.append(struct.pack("<I", len(node.parts)))
        for part in node.parts:
            _write(part, lines, out)


def linearize_arcs(strings: list[np.ndarray], step_degrees: float = ARC_STEP_DEGREES) -> list[np.ndarray]:
    """Circular strings (each an (n, 2) or (n, 3) array of control points) as polylines.

    Each arc (p0, p1, p2) is the circle through its three points; it is split at p1 and
    each half divided into equal chords of at most ``step_degrees``. Collinear control
    points give straight segments; p0 == p2 is a full circle with p1 diametrically
    opposite. Malformed strings (fewer than 3 points, an even count) are kept as polylines.
    """
    out: list[np.ndarray] = [s for s in strings]
    for width in (2, 3):
        chosen = [i for i, s in enumerate(strings) if s.shape[1] == width and len(s) >= 3 and len(s) % 2 == 1]
        if chosen:
            with np.errstate(all="ignore"):  # garbage coordinates of a damaged blob give inf/NaN, not errors
                lines = _linearize_group([strings[i] for i in chosen], np.radians(step_degrees))
            for i, line in zip(chosen, lines):
                out[i] = line
    return out


def _linearize_group(strings: list[np.ndarray], step: float) -> list[np.ndarray]:
    points = np.concatenate(strings).astype(float)
    sizes = np.array([len(s) for s in strings])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    arcs_per = (sizes - 1) // 2
    owner = np.repeat(np.arange(len(strings)), arcs_per)
    first = starts[owner] + 2 * (np.arange(len(owner)) - np.repeat(np.cumsum(arcs_per) - arcs_per, arcs_per))
    a, b, c = points[first], points[first + 1], points[first + 2]

    # circle centre relative to a, from the perpendicular bisectors
    bx, by = b[:, 0] - a[:, 0], b[:, 1] - a[:, 1]
    cx, cy = c[:, 0] - a[:, 0], c[:, 1] - a[:, 1]
    cross = bx * cy - by * cx
    full = (cx == 0) & (cy == 0) & ((bx != 0) | (by != 0))
    scale = np.maximum(bx * bx + by * by, cx * cx + cy * cy)
    straight = ~full & (np.abs(cross) <= 1e-12 * np.maximum(scale, np.finfo(float).tiny))
    d = np.where(straight, 1.0, 2.0 * cross)
    b2, c2 = bx * bx + by * by, cx * cx + cy * cy
    ux = np.where(full, bx / 2, (cy * b2 - by * c2) / d)
    uy = np.where(full, by / 2, (bx * c2 - cx * b2) / d)
    radius = np.hypot(ux, uy)
    ccw = full | (cross > 0)
    theta_a = np.arctan2(-uy, -ux)
    theta_b = np.arctan2(by - uy, bx - ux)
    theta_c = np.arctan2(cy - uy, cx - ux)
    two_pi = 2 * np.pi
    sweep_ab = np.where(ccw, np.mod(theta_b - theta_a, two_pi), -np.mod(theta_a - theta_b, two_pi))
    sweep_bc = np.where(ccw, np.mod(theta_c - theta_b, two_pi), -np.mod(theta_b - theta_c, two_pi))

    # two sub-arcs per arc (a→b, b→c), in order, each cut into equal chords
    sub_start = np.stack([a, b], axis=1).reshape(-1, points.shape[1])
    sub_sweep = np.column_stack([sweep_ab, sweep_bc]).ravel()
    segments = np.ones(len(sub_sweep), dtype=np.int64)
    bent = ~np.repeat(straight, 2) & np.isfinite(sub_sweep)
    segments[bent] = np.maximum(1, np.ceil(np.abs(sub_sweep[bent]) / step - 1e-9))
    sub_owner = np.repeat(owner, 2)

    # points after the first of each bent sub-arc lie on its circle; first points are control points
    sub = np.repeat(np.arange(len(segments)), segments - 1)
    j = np.arange(1, len(sub) + 1) - np.repeat(np.cumsum(segments - 1) - (segments - 1), segments - 1)
    centre_x = np.repeat(a[:, 0] + ux, 2)
    centre_y = np.repeat(a[:, 1] + uy, 2)
    theta = np.column_stack([theta_a, theta_b]).ravel()
    step_angle = sub_sweep / segments
    angle = theta[sub] + step_angle[sub] * j
    r = np.repeat(radius, 2)[sub]
    on_circle = np.empty((len(sub), points.shape[1]))
    on_circle[:, 0] = centre_x[sub] + r * np.cos(angle)
    on_circle[:, 1] = centre_y[sub] + r * np.sin(angle)
    if points.shape[1] == 3:  # heights change linearly along each sub-arc
        sub_end_z = np.stack([b[:, 2], c[:, 2]], axis=1).ravel()
        on_circle[:, 2] = sub_start[sub, 2] + (sub_end_z[sub] - sub_start[sub, 2]) * (j / segments[sub])

    # output order: per sub-arc its control point then its circle points; per string, its last point
    first_at = np.cumsum(segments) - segments + sub_owner  # one end point per earlier string
    result = np.empty((int(segments.sum()) + len(strings), points.shape[1]))
    result[first_at] = sub_start
    result[first_at[sub] + j] = on_circle
    per_string = np.bincount(sub_owner, weights=segments, minlength=len(strings)).astype(np.int64)
    ends = np.cumsum(per_string + 1) - 1
    result[ends] = points[starts + sizes - 1]
    return np.split(result, ends[:-1] + 1)
