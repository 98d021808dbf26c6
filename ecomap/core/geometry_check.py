"""Which features of a layer have broken geometry, why, and how to tell the user.

Two sources feed one report: problems seen while the file was decoded (a blob that
cannot be parsed, a ring that had to be closed to be read at all — the layer keeps
the row, with no geometry or with the closed form), and GEOS validity of what was
read (self-intersections, too few points, NaN coordinates…). Validity is a
vectorized pass over the whole layer, run only when someone asks (about 0.5 s for
500,000 polygons), never while loading. Nothing here changes a geometry: repairing
is a separate, explicit step (:mod:`ecomap.core.geometry_repair`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely

from ecomap.i18n import tr

UNPARSABLE = "unparsable"
RING_NOT_CLOSED = "ring_not_closed"
TOO_FEW_POINTS = "too_few_points"
NON_FINITE = "non_finite"
SELF_INTERSECTION = "self_intersection"
HOLE_OUTSIDE_SHELL = "hole_outside_shell"
NESTED_RINGS = "nested_rings"
DISCONNECTED_INTERIOR = "disconnected_interior"
DUPLICATE_RINGS = "duplicate_rings"
INVALID = "invalid"

#: GEOS validity messages (their text before the location) → reason
_GEOS_REASONS = (
    ("Self-intersection", SELF_INTERSECTION),
    ("Ring Self-intersection", SELF_INTERSECTION),
    ("Too few points", TOO_FEW_POINTS),
    ("Invalid Coordinate", NON_FINITE),
    ("Ring is not closed", RING_NOT_CLOSED),
    ("Hole lies outside shell", HOLE_OUTSIDE_SHELL),
    ("Nested shells", NESTED_RINGS),
    ("Nested holes", NESTED_RINGS),
    ("Interior is disconnected", DISCONNECTED_INTERIOR),
    ("Duplicate Rings", DUPLICATE_RINGS),
)
_ORDER = (UNPARSABLE, RING_NOT_CLOSED, TOO_FEW_POINTS, NON_FINITE, SELF_INTERSECTION, HOLE_OUTSIDE_SHELL,
          NESTED_RINGS, DISCONNECTED_INTERIOR, DUPLICATE_RINGS, INVALID)


def reason_label(reason: str) -> str:
    """What a reason means to the user, with what EcoMap did about it."""
    labels = {
        UNPARSABLE: tr("geometry cannot be read (the feature is kept without geometry)"),
        RING_NOT_CLOSED: tr("ring not closed (shown closed)"),
        TOO_FEW_POINTS: tr("too few points"),
        NON_FINITE: tr("non-finite coordinates (NaN or infinity)"),
        SELF_INTERSECTION: tr("self-intersection"),
        HOLE_OUTSIDE_SHELL: tr("hole outside its polygon"),
        NESTED_RINGS: tr("nested rings"),
        DISCONNECTED_INTERIOR: tr("interior split into pieces"),
        DUPLICATE_RINGS: tr("duplicate rings"),
    }
    return labels.get(reason, tr("invalid structure"))


def _empty_rows() -> np.ndarray:
    return np.zeros(0, dtype=np.int64)


def _empty_reasons() -> np.ndarray:
    return np.zeros(0, dtype=object)


@dataclass(frozen=True)
class GeometryProblems:
    """Features whose geometry was damaged in the file, seen while decoding it (row → reason)."""

    rows: np.ndarray = field(default_factory=_empty_rows)
    reasons: np.ndarray = field(default_factory=_empty_reasons)

    def __len__(self) -> int:
        return len(self.rows)

    @staticmethod
    def concat(parts: list[GeometryProblems], offsets: list[int]) -> GeometryProblems:
        """Problems of consecutive batches, their rows shifted by each batch's first row."""
        parts_offsets = [(p, o) for p, o in zip(parts, offsets) if len(p)]
        if not parts_offsets:
            return GeometryProblems()
        return GeometryProblems(np.concatenate([p.rows + o for p, o in parts_offsets]).astype(np.int64),
                                np.concatenate([p.reasons for p, _ in parts_offsets]))

    def without(self, rows: np.ndarray) -> GeometryProblems:
        keep = ~np.isin(self.rows, rows)
        return GeometryProblems(self.rows[keep], self.reasons[keep])


@dataclass(frozen=True)
class SourceIds:
    """How the source names its features, to point the user at them.

    ``kind`` is "fid" (GeoPackage, FileGDB, SpatiaLite: the stored feature ID),
    "record" (Shapefile record number, from 1) or "feature" (position in the file, from 1).
    """

    kind: str = "feature"
    values: np.ndarray | None = None  # per row; None: the row number + 1

    def of(self, rows: np.ndarray, row_count: int) -> np.ndarray:
        if self.values is not None and len(self.values) == row_count:
            return np.asarray(self.values)[rows]
        return np.asarray(rows) + 1

    def label(self, ids: str) -> str:
        if self.kind == "fid":
            return tr("fid {ids}").format(ids=ids)
        if self.kind == "record":
            return tr("record {ids}").format(ids=ids)
        return tr("feature {ids}").format(ids=ids)


@dataclass(frozen=True)
class GeometryReport:
    """The features with broken geometry (sorted rows) and the reason for each."""

    rows: np.ndarray = field(default_factory=_empty_rows)
    reasons: np.ndarray = field(default_factory=_empty_reasons)

    @property
    def count(self) -> int:
        return len(self.rows)


def geos_reasons(messages) -> np.ndarray:
    """Reasons for GEOS ``is_valid_reason`` messages ('Self-intersection[3 4]' → self_intersection)."""
    messages = np.asarray(messages, dtype=object).astype(str)
    out = np.full(len(messages), INVALID, dtype=object)
    for prefix, reason in reversed(_GEOS_REASONS):  # "Ring Self-intersection" before "Self-intersection"
        out[np.char.startswith(messages, prefix)] = reason
    return out


def check_geometries(geoms, read_problems: GeometryProblems | None = None) -> GeometryReport:
    """Every feature whose geometry is invalid now or was damaged in the file; one vectorized pass.

    A missing geometry is not a problem in itself (an attribute row without a shape),
    unless decoding made it missing.
    """
    geoms = np.asarray(geoms, dtype=object)
    invalid = ~shapely.is_valid(geoms) & ~shapely.is_missing(geoms)
    rows = np.flatnonzero(invalid)
    reasons = geos_reasons(shapely.is_valid_reason(geoms[rows])) if len(rows) else _empty_reasons()
    if read_problems is not None and len(read_problems):
        inside = read_problems.rows < len(geoms)
        read_rows, read_reasons = read_problems.rows[inside], read_problems.reasons[inside]
        keep = ~np.isin(rows, read_rows)  # the file's own damage explains the feature best
        rows = np.concatenate([rows[keep], read_rows])
        reasons = np.concatenate([reasons[keep], read_reasons])
        order = np.argsort(rows, kind="stable")
        rows, reasons = rows[order], reasons[order]
    return GeometryReport(rows.astype(np.int64), reasons)


def report_notes(report: GeometryReport, ids: SourceIds | None, row_count: int, shown: int = 10) -> list[str]:
    """One line saying nothing was repaired, then one per reason naming the first ``shown`` features."""
    if report.count == 0:
        return []
    ids = ids or SourceIds()
    notes = [tr("{count} features have invalid geometry; they are shown as read, not repaired. "
                "“Repair geometry (new copy)” in the layer's menu makes a repaired copy.")
             .format(count=report.count)]
    for reason in sorted(set(report.reasons.tolist()), key=lambda r: _ORDER.index(r) if r in _ORDER else 99):
        rows = report.rows[report.reasons == reason]
        names = ", ".join(str(v) for v in ids.of(rows[:shown], row_count).tolist())
        if len(rows) > shown:
            names = tr("{ids} and {n} more").format(ids=names, n=len(rows) - shown)
        notes.append(tr("{reason}: {count} features ({ids})").format(
            reason=reason_label(reason), count=len(rows), ids=ids.label(names)))
    return notes
