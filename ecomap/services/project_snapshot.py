"""What a background job may read of the layer tree: the loaded layers, frozen at one moment.

A :class:`ProjectSnapshot` is taken on the GUI thread — references only, no copies —
and handed to a task. Edits never change a layer's frame in place (they assign a new
frame), so the frames a snapshot holds stay as they were while the task reads them.

A view says what it shows with :class:`Needs` (layers by catalogue theme, companion
tables of the main layer's GeoPackage); :meth:`Needs.signature` is equal for two
snapshots exactly when those inputs are the same objects, so a view reloads only when
something it depends on was added, removed or given new data.

Companion tables (stage history, measurements, the metadata with the reference date)
are taken from the tree when the project opened them as layers, else read from the
GeoPackage by the task. No Qt here: the tree is read through its plain attributes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ecomap.domain import fields as fl

METADATA_TABLE = "metadata"


@dataclass(frozen=True, eq=False)
class LayerEntry:
    """One loaded vector layer of the tree as it was when the snapshot was taken."""

    node_id: str
    name: str
    theme: str | None
    source: str  # the data file
    table: str  # the table inside the file (GeoPackage layer name), else the layer's name
    layer: object  # the VectorLayer
    features: pd.DataFrame  # its frame at snapshot time

    @property
    def gpkg(self) -> Path | None:
        """The GeoPackage the layer comes from, or None."""
        return Path(self.source) if self.source and Path(self.source).suffix.lower() == ".gpkg" else None

    @property
    def identity(self) -> tuple:
        """Equal exactly when the node, the layer object and its frame are the same."""
        return (self.node_id, id(self.layer), id(self.features), self.source, self.table)


def _same_file(a: Path | None, b: Path | None) -> bool:
    if a is None or b is None:
        return False
    try:
        return a == b or a.resolve() == b.resolve()
    except OSError:
        return False


@dataclass(frozen=True, eq=False)
class ProjectSnapshot:
    """The tree's loaded vector layers in legend order (top first)."""

    layers: tuple[LayerEntry, ...] = ()
    #: (GeoPackage, table) pairs this session's edits wrote to: their journal tables on
    #: disk are newer than any copy the tree holds
    edited: frozenset = frozenset()

    @classmethod
    def of(cls, tree, theme_of: Callable[[object], str | None] | None = None,
           edited=frozenset()) -> ProjectSnapshot:
        """Snapshot of a layer tree; ``theme_of(node)`` recognises a node's theme (default ``node.theme``)."""
        entries = []
        for node in tree.layer_nodes():
            layer = node.layer
            if layer is None or getattr(layer, "kind", None) != "vector":
                continue
            theme = theme_of(node) if theme_of is not None else node.theme
            entries.append(LayerEntry(node.id, node.name, theme, node.source or "",
                                      node.source_layer or layer.name, layer, layer.features))
        return cls(tuple(entries), frozenset((str(p), t) for p, t in edited))

    def first(self, theme: str) -> LayerEntry | None:
        """The topmost layer of ``theme``."""
        return next((e for e in self.layers if e.theme == theme), None)

    def table_of(self, gpkg: Path | None, table: str) -> LayerEntry | None:
        """The tree's layer holding table ``table`` of GeoPackage ``gpkg``, if the project opened it."""
        if gpkg is None:
            return None
        return next((e for e in self.layers if e.table == table and _same_file(e.gpkg, gpkg)), None)

    def was_edited(self, gpkg: Path | None, table: str) -> bool:
        return gpkg is not None and any(t == table and _same_file(Path(p), gpkg) for p, t in self.edited)


@dataclass(frozen=True)
class Needs:
    """What a view shows: layers by theme (the first is the main one) and the main layer's
    companion tables, read from the tree when it holds them."""

    themes: tuple[str, ...]
    tables: tuple[str, ...] = field(default=())

    def entries(self, snapshot: ProjectSnapshot) -> dict[str, LayerEntry | None]:
        return {theme: snapshot.first(theme) for theme in self.themes}

    def main(self, snapshot: ProjectSnapshot) -> LayerEntry | None:
        return snapshot.first(self.themes[0]) if self.themes else None

    def signature(self, snapshot: ProjectSnapshot) -> tuple:
        """Equal for two snapshots exactly when the view's inputs are the same."""
        layers = tuple(e.identity if e is not None else None for e in self.entries(snapshot).values())
        main = self.main(snapshot)
        gpkg = main.gpkg if main is not None else None
        tables = []
        for table in self.tables:
            held = snapshot.table_of(gpkg, table)
            tables.append(held.identity if held is not None else (str(gpkg) if gpkg else None, table))
        return layers + tuple(tables)

    def layer_objects(self, snapshot: ProjectSnapshot) -> list:
        """The layer objects the view depends on (an edit of one of them reloads it)."""
        out = [e.layer for e in self.entries(snapshot).values() if e is not None]
        main = self.main(snapshot)
        gpkg = main.gpkg if main is not None else None
        out += [held.layer for t in self.tables if (held := snapshot.table_of(gpkg, t)) is not None]
        return out


# ----------------------------------------------------------------------------- reading companion tables


def read_gpkg_table(path: Path | None, table: str) -> pd.DataFrame | None:
    """An attribute table of a GeoPackage, without geometry; None when the file or table is absent.

    A companion table that cannot be read is shown as absent: the view still has its main layer.
    """
    import pyogrio

    if path is None or not path.exists():
        return None
    try:
        if table not in {str(n) for n in pyogrio.list_layers(path)[:, 0]}:
            return None
        return pd.DataFrame(pyogrio.read_dataframe(path, layer=table, read_geometry=False))
    except Exception:  # noqa: BLE001 - pyogrio raises several types for unreadable tables
        return None


def attributes(frame: pd.DataFrame) -> pd.DataFrame:
    """The attribute columns of a layer's frame as a new plain DataFrame (the geometry left out)."""
    geometry = getattr(getattr(frame, "geometry", None), "name", None)
    return pd.DataFrame(frame.drop(columns=[geometry]) if geometry in frame.columns else frame.copy())


def companion_table(snapshot: ProjectSnapshot, gpkg: Path | None, table: str, *,
                    from_file: bool = False) -> pd.DataFrame | None:
    """Table ``table`` of ``gpkg``: the tree's copy when it holds one (and ``from_file`` is
    False and no edit wrote to it since), else read from the file."""
    held = snapshot.table_of(gpkg, table)
    if held is not None and not from_file and not snapshot.was_edited(gpkg, table):
        return attributes(held.features)
    return read_gpkg_table(gpkg, table)


def reference_date(snapshot: ProjectSnapshot, gpkg: Path | None) -> np.datetime64:
    """The data's reference date: the GeoPackage's metadata table (the tree's copy when it
    holds one), else today."""
    held = snapshot.table_of(gpkg, METADATA_TABLE)
    if held is not None:
        return fl.reference_date_in(held.features)
    return fl.reference_date_of(gpkg)
