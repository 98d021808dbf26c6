"""A workspace: every layer of a project or a data file, each with its theme and field roles.

The CLI commands and the analysis dialogs all start from "this project (or this
GeoPackage), and the layer called X": :class:`Workspace` finds a layer by its name, its
project title or its theme (:func:`ecomap.services.workspace_open.open_workspace` opens
one from a file). Each :class:`WorkspaceLayer` knows which of its columns plays which
theme role (``"name"``, ``"type"``, ``"level"`` …), so an analysis asks
``wl.column("name")`` whatever the county called the field.

Layers already open in the GUI are wrapped with :func:`describe_layer` — the same
theme matching, no file access. Themes come from :mod:`ecomap.core.themes`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ecomap.core.themes import find_theme, theme_catalogue
from ecomap.errors import DataError
from ecomap.i18n import tr

PROJECT_SUFFIX = ".ecomap"


@dataclass(eq=False)
class WorkspaceLayer:
    """One layer with what the catalogue knows about it."""

    name: str  # layer name in its file (or the project's display name)
    layer: object  # VectorLayer or RasterLayer
    theme: object | None = None  # a theme of the registered catalogue (ecomap.core.themes)
    #: {source column: canonical field name}
    mapping: dict = field(default_factory=dict)
    title: str = ""  # display title (project entry name, else theme title, else name)

    @property
    def kind(self) -> str:
        return getattr(self.layer, "kind", "vector")

    @property
    def theme_id(self) -> str | None:
        return self.theme.id if self.theme is not None else None

    @property
    def geometry_type(self) -> str | None:
        return getattr(self.layer, "geometry_type", None)

    def column(self, role: str) -> str | None:
        """The layer's column that plays ``role`` in its theme, or None."""
        if self.theme is None:
            return None
        canonical = self.theme.role_field(role)
        if canonical is None:
            return None
        for source, target in self.mapping.items():
            if target == canonical:
                return source
        columns = getattr(self.layer, "attribute_columns", [])
        return canonical if canonical in columns else None

    def first_column(self, *roles: str) -> str | None:
        for role in roles:
            col = self.column(role)
            if col is not None:
                return col
        return None

    def label_column(self) -> str | None:
        """The column that names a feature: the theme's name role, else code, else a likely text column."""
        col = self.first_column("name", "code")
        if col is not None:
            return col
        return guess_name_column(getattr(self.layer, "attribute_columns", []))

    def matches(self, key: str) -> bool:
        k = _norm(key)
        names = {_norm(self.name), _norm(self.title), _norm(getattr(self.layer, "name", ""))}
        source = getattr(self.layer, "source", None)
        path = getattr(source, "path", None)
        if path is not None and getattr(source, "layer", None) is None:
            names.add(_norm(Path(path).stem))  # a single-layer file: its file name
        if self.theme is not None:
            names |= {_norm(self.theme.id), _norm(self.theme.title_zh), _norm(self.theme.title_en)}
        return k in names


_NAME_HINTS = ("名称", "name", "mc", "名", "编号", "code", "bh", "id")


def guess_name_column(columns: Iterable[str]) -> str | None:
    """A column that probably names features, by common spellings; None when nothing fits."""
    columns = list(columns)
    lowered = [(c, str(c).lower()) for c in columns]
    for hint in _NAME_HINTS:
        for col, low in lowered:
            if low == hint or low.endswith(hint):
                return col
    return None


def _norm(text) -> str:
    return theme_catalogue().normalize_key(text or "")


def map_columns(theme, columns: Iterable[str]) -> dict:
    """{source column: canonical field} of ``columns`` for a given theme (names, aliases, variants)."""
    keys: dict[str, str] = {}
    for f in theme.fields:
        for key, _prio in sorted(f.match_keys(), key=lambda kp: kp[1]):
            keys.setdefault(key, f.name)
    mapping, taken = {}, set()
    for col in columns:
        target = keys.get(_norm(col))
        if target is not None and target not in taken:
            mapping[col] = target
            taken.add(target)
    return mapping


def describe_layer(layer, name: str | None = None, theme_id: str | None = None,
                   title: str | None = None) -> WorkspaceLayer:
    """Wrap an open layer, recognising its theme (or taking ``theme_id`` when the project knows it)."""
    name = name or getattr(layer, "name", "") or ""
    if getattr(layer, "kind", "vector") != "vector":
        return WorkspaceLayer(name, layer, None, {}, title or name)
    columns = list(getattr(layer, "attribute_columns", []))
    mapping = {}
    theme = find_theme(theme_id)
    if theme is not None:
        mapping = map_columns(theme, columns)
    else:
        source = getattr(layer, "source", None)
        names = " ".join(str(n) for n in (name, title, getattr(source, "layer", None)) if n)
        theme, mapping, _ = theme_catalogue().match_theme(columns, names, getattr(layer, "geometry_type", None))
    shown = title or (theme.title_zh if theme is not None and not name else name)
    return WorkspaceLayer(name, layer, theme, dict(mapping), shown or name)


class Workspace:
    """The layers of one project or data source, searchable by name or theme.

    ``open_other(path)`` opens another file as a workspace, for a :meth:`get` key that
    is a path rather than a layer name (the opener that made this workspace passes itself).
    """

    def __init__(self, layers: Iterable[WorkspaceLayer], path: Path | None = None, project=None,
                 open_other: Callable[[Path], Workspace] | None = None):
        self.layers: list[WorkspaceLayer] = list(layers)
        self.path = path
        self.project = project
        self.open_other = open_other

    def __iter__(self) -> Iterator[WorkspaceLayer]:
        return iter(self.layers)

    def __len__(self) -> int:
        return len(self.layers)

    @property
    def vector_layers(self) -> list[WorkspaceLayer]:
        return [wl for wl in self.layers if wl.kind == "vector" and wl.geometry_type is not None]

    @property
    def raster_layers(self) -> list[WorkspaceLayer]:
        return [wl for wl in self.layers if wl.kind == "raster"]

    def by_theme(self, *theme_ids: str) -> list[WorkspaceLayer]:
        return [wl for wl in self.layers if wl.theme_id in theme_ids]

    def find(self, key: str) -> WorkspaceLayer | None:
        """By exact layer name first, then project title, then theme id or title (any case)."""
        for wl in self.layers:
            if wl.name == key:
                return wl
        for wl in self.layers:
            if wl.title == key:
                return wl
        for wl in self.layers:
            if wl.matches(key):
                return wl
        return None

    def get(self, key: str, kind: str | None = None) -> WorkspaceLayer:
        """Like :meth:`find` but a missing layer is a :class:`DataError` naming what exists.

        ``key`` may also be the path of another data file (its first layer), when the
        workspace has an ``open_other``.
        """
        wl = self.find(key)
        if wl is None and self.open_other is not None and os.path.exists(key):
            other = self.open_other(Path(key))
            candidates = other.layers if kind is None else [w for w in other.layers if w.kind == kind]
            wl = candidates[0] if candidates else None
        if wl is None:
            names = ", ".join(w.name for w in self.layers) or "—"
            raise DataError(self.path, tr("no layer '{name}'; the layers are: {names}").format(
                name=key, names=names))
        if kind is not None and wl.kind != kind:
            raise DataError(self.path, tr("layer '{name}' is not a {kind} layer").format(
                name=key, kind=tr("raster") if kind == "raster" else tr("vector")))
        return wl
