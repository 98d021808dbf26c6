"""What an analysis takes of a layer: feature ids, geometries and the few columns it names.

A layer open in the app is in memory already and is taken as it is. A layer the CLI left
in its GeoPackage (:class:`ecomap.io.stored_layers.StoredLayer`) is read in part: just
the named columns and, for the larger of two layers being overlaid, just the features
whose boxes meet a feature of the smaller one — the only ones that can overlap it. The
analysis then gives the same table either way: the features left out meet nothing, and
the ones read keep the file's order and ids.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely

from ecomap.core.feedback import ensure
from ecomap.core.workspace import WorkspaceLayer


@dataclass
class Features:
    """Features of one layer, aligned: ids (what the user sees), geometries, attribute columns."""

    ids: np.ndarray
    geometry: np.ndarray
    frame: pd.DataFrame
    #: only features near the other layer were read
    filtered: bool = False

    def values(self, column: str, rows: np.ndarray) -> np.ndarray:
        return self.frame[column].to_numpy()[rows]

    def labels(self, column: str | None, rows: np.ndarray) -> np.ndarray:
        """Feature names for ``rows`` (positions): ``column``'s text, else the feature id."""
        if column is None or column not in self.frame.columns:
            return np.asarray(self.ids[rows]).astype(str)
        values = pd.Series(self.frame[column].to_numpy()[rows], dtype=object)
        return values.where(values.notna(), "").astype(str).to_numpy(dtype=object)


def is_stored(wl: WorkspaceLayer) -> bool:
    # asked of the class: a stored layer loads itself in full for attributes it lacks
    return bool(getattr(type(wl.layer), "reads_in_part", False))


def read(wl: WorkspaceLayer, columns: list[str], boxes: np.ndarray | None = None, feedback=None) -> Features:
    """The layer's features (those whose boxes meet ``boxes`` where it is stored) with ``columns``."""
    layer = wl.layer
    if is_stored(wl):
        part = layer.read(columns, boxes, feedback)
        return Features(part.ids, part.geometry, part.frame, filtered=boxes is not None)
    frame = layer.features
    return Features(np.asarray(frame.index), layer.geometry, frame)


def read_pair(wa: WorkspaceLayer, columns_a: list[str], wb: WorkspaceLayer, columns_b: list[str],
              same_crs: bool, feedback=None) -> tuple[Features, Features]:
    """Both layers of an overlay; a stored larger layer only near the smaller one's features
    (when both share a CRS, so that the boxes mean the same)."""
    fb = ensure(feedback)
    if not (is_stored(wa) or is_stored(wb)):
        return read(wa, columns_a), read(wb, columns_b)
    a_larger = wa.layer.feature_count >= wb.layer.feature_count
    small, small_cols, large, large_cols = (wb, columns_b, wa, columns_a) if a_larger else \
        (wa, columns_a, wb, columns_b)
    first = read(small, small_cols, feedback=fb.sub(0.0, 0.1))
    boxes = None
    if same_crs and is_stored(large):
        geoms = first.geometry
        present = geoms[~(shapely.is_missing(geoms) | shapely.is_empty(geoms))]
        boxes = shapely.bounds(present)
    second = read(large, large_cols, boxes, fb.sub(0.1, 1.0))
    return (second, first) if a_larger else (first, second)
