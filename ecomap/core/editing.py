"""The model side of attribute edits: what a committed edit announces, why a change is
refused, and how committed values reach a layer in memory.

Writing the change to its GeoPackage — binding a table, one checked and audited
transaction per command, conflicts with other writers — is
:mod:`ecomap.services.editing`; views and the undo stack listen for the
:class:`EditEvent` it announces.

Committed values enter a layer as a NEW frame set through
:meth:`~ecomap.core.layers.VectorLayer.set_features`: the frame a view or a render
job took before the edit stays as it was (under pandas' copy-on-write and without
it), and the layer's derived facts and listeners follow the change.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ecomap.errors import DataError

__all__ = ["EditEvent", "EditRejected", "apply_committed", "frame_with_values", "plain_value", "same_value"]


class EditRejected(DataError):
    """The change breaks a rule (stage order, 0–100 progress, …); ``messages`` says which."""

    def __init__(self, path, messages: list[str]):
        self.messages = list(messages)
        super().__init__(path, "; ".join(self.messages))


@dataclass(frozen=True)
class EditEvent:
    """Announced after a commit (or a reload): which rows of which target changed.

    ``target`` is the :class:`ecomap.services.editing.EditTarget` (its ``layer`` is the
    layer in memory, its ``table`` the GeoPackage table).
    """

    target: object = field(repr=False)
    rows: tuple[int, ...]
    fields: tuple[str, ...]
    action: str  # "edit" | "undo" | "redo" | "reload"
    command_id: str | None = None


# ----------------------------------------------------------------------------- values

def plain_value(v):
    """``v`` as a plain Python value, None for every kind of missing (NaN, NA, NaT)."""
    if v is None:
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    if type(v).__name__ in ("NAType", "NaTType"):
        return None
    if isinstance(v, np.generic):
        v = v.item()
        return None if isinstance(v, float) and math.isnan(v) else v
    return v


def same_value(a, b) -> bool:
    """Equal as the user sees them: missing equals missing, 100 equals 100.0."""
    a, b = plain_value(a), plain_value(b)
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return float(a) == float(b)
    return a == b


# ----------------------------------------------------------------------------- the layer in memory

def frame_with_values(frame: pd.DataFrame, row: int, values: dict) -> pd.DataFrame:
    """A new frame: ``frame`` with ``values`` (column → value) at position ``row``.

    Each changed column is a copy of its own, so ``frame`` and any frame sharing its
    data are left as they were. Columns the frame lacks are ignored; a value the
    column's dtype cannot hold (text in an integer column) turns it into an object column.
    """
    changed = {}
    for column, value in values.items():
        if column not in frame.columns:
            continue
        old = frame[column]
        new = old.copy(deep=True)
        stored = np.nan if value is None and pd.api.types.is_float_dtype(old.dtype) else value
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error")  # pandas warns before it would upcast silently
                new.iloc[row] = stored
        except (TypeError, ValueError, FutureWarning):
            new = pd.Series(old.to_numpy(dtype=object, copy=True), index=old.index, name=old.name)
            new.iloc[row] = value
        changed[column] = new
    if not changed:
        return frame
    out = frame.copy(deep=False)  # the untouched columns are shared, read-only
    for column, new in changed.items():
        out[column] = new.array  # replaces the column in ``out`` only (no write into shared data)
    return out


def apply_committed(layer, row: int, values: dict) -> None:
    """Show committed ``values`` of the feature at ``row`` in ``layer`` (a VectorLayer, or None)."""
    if layer is None:
        return
    layer.set_features(frame_with_values(layer.features, row, values))
