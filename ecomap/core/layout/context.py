"""What a layout is drawn from: the map's layers, the project's facts, the atlas feature.

A :class:`LayoutContext` is built once per export (from a project for the CLI, from
the layer tree for the GUI) and handed to the page renderer. It holds layers as
:class:`MapLayer` records — the same fields as the layer tree's nodes — in drawing
order (bottom first), plus the values of the text placeholders.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field, replace
from pathlib import Path

from ecomap.core.extent import layer_extent, union_extents
from ecomap.core.layers import LayerHolder
from ecomap.core.layout.text import crs_description, format_date


@dataclass(eq=False)
class MapLayer(LayerHolder):
    """One layer as a layout sees it (duck-compatible with ``layer_tree.LayerNode``)."""

    id: str
    name: str
    layer: object
    style: object
    visible: bool = True
    opacity: float = 1.0
    theme: str | None = None


@dataclass(frozen=True)
class AtlasFeature:
    """The coverage feature of one atlas page, its geometry already in the map CRS."""

    geometry: object  # shapely geometry
    attributes: dict
    page: int  # 1-based
    pages: int
    name: str = ""
    layer_id: str = ""


@dataclass
class LayoutContext:
    layers: list[MapLayer]  # drawing order: bottom first
    #: the map CRS; None takes the first layer's that has one (None again: draw in the layers' own units)
    crs: str | None = None
    title: str = ""
    project_path: Path | None = None
    #: the project's saved view, used when a frame has no extent of its own
    extent: tuple[float, float, float, float] | None = None
    date: _dt.date = field(default_factory=_dt.date.today)
    atlas: AtlasFeature | None = None
    #: PDF/SVG: layers with more features than this in view are drawn as an image (FINDINGS)
    dense_threshold: int = 50_000
    #: what could not be drawn (translated), for the CLI and the GUI to show
    warnings: list[str] = field(default_factory=list)
    #: ids of layers the renderer refused; the legend leaves them out
    failed: set[str] = field(default_factory=set)

    def __post_init__(self):
        if not self.crs:
            from ecomap.core.project import crs_of_layers

            self.crs = crs_of_layers(ml.layer for ml in self.layers)

    def layer(self, key: str) -> MapLayer | None:
        """A layer by id, else by name."""
        for ml in self.layers:
            if ml.id == key:
                return ml
        return next((ml for ml in self.layers if ml.name == key), None)

    def visible_layers(self) -> list[MapLayer]:
        return [ml for ml in self.layers if ml.visible and ml.layer is not None]

    def layers_for(self, ids: list[str] | None) -> list[MapLayer]:
        """Layers a frame draws (bottom first): the listed ids in map order, or the visible ones."""
        if ids is None:
            return self.visible_layers()
        wanted = set(ids)
        return [ml for ml in self.layers if (ml.id in wanted or ml.name in wanted) and ml.layer is not None]

    def full_extent(self, crs: str | None = None, layers: list[MapLayer] | None = None):
        extents = [layer_extent(ml.layer, crs or self.crs) for ml in (layers or self.visible_layers())]
        return union_extents([e for e in extents if e is not None])

    def with_atlas(self, feature: AtlasFeature | None) -> LayoutContext:
        return replace(self, atlas=feature)  # warnings stay shared with the atlas's context

    def values(self, variables: dict[str, str] | None = None) -> dict[str, object]:
        """The placeholder table for this page (layout variables may refer to the others)."""
        from ecomap.core.layout.text import substitute
        from ecomap.i18n import tr

        values: dict[str, object] = {"title": self.title or tr("Thematic map"), "date": format_date(self.date),
                                     "year": self.date.year, "crs": crs_description(self.crs),
                                     "crs_code": self.crs}
        if self.atlas is not None:
            values.update({"page": self.atlas.page, "pages": self.atlas.pages,
                           "page_name": self.atlas.name})
            values.update(self.atlas.attributes)
        for key, text in (variables or {}).items():
            values[key] = substitute(text, values)
        return values

    def resolve_path(self, text: str) -> Path:
        path = Path(text).expanduser()
        if not path.is_absolute() and self.project_path is not None:
            path = Path(self.project_path).parent / path
        return path


def context_from_tree(tree, crs: str, title: str = "", project_path=None, extent=None) -> LayoutContext:
    """A context over the GUI's layer tree (``ecomap.core.layer_tree.LayerTreeModel``)."""
    layers = [MapLayer(n.id, n.name, n.layer, n.style, tree.is_shown(n), n.opacity, n.theme)
              for n in reversed(tree.layer_nodes())]
    return LayoutContext(layers=layers, crs=crs, title=title,
                         project_path=Path(project_path) if project_path else None,
                         extent=tuple(extent) if extent else None)


def context_from_project(project, opened) -> LayoutContext:
    """A context over a loaded project whose layers are open, styles from the project or defaults.

    ``opened``: the (entry, layer) pairs of ``ecomap.services.project_open.open_project_layers``.
    Layers whose file is missing (layer None) are left out (the export says nothing is drawn for them).
    """
    from ecomap.core.default_styles import default_style_for
    from ecomap.core.project import crs_of_layers
    from ecomap.core.style import style_from_dict

    layers = []
    for entry, layer in opened:
        if layer is None:
            continue
        style = style_from_dict(entry.style) if entry.style else default_style_for(layer, entry.theme)
        layers.append(MapLayer(entry.id, entry.name or getattr(layer, "name", ""), layer, style,
                               entry.visible, entry.opacity, entry.theme))
    crs = project.crs or crs_of_layers(ml.layer for ml in layers)
    context = LayoutContext(layers=layers, title=project.title, project_path=project.path,
                            extent=tuple(project.extent) if project.extent else None)
    if crs:
        context.crs = crs
    return context
