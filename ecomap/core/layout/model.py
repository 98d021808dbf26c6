"""The print-layout model: a page and the items on it, serialised to JSON.

A layout is plain data (no Qt): the page (A4/A3, portrait/landscape), the items
placed on it in millimetres from the page's top-left corner, free text variables
(制图单位, 数据来源 …) and an optional atlas definition. The same dictionaries are
stored in ``Project.layouts`` and in template files under ``resources/templates``;
``layout_from_dict(layout.to_dict())`` gives back an equal layout, and unknown keys
are ignored so that older EcoMap versions can read newer files.

Item kinds (``"kind"`` in JSON):

* ``map`` — a map frame: extent or scale, CRS, which layers, coordinate grid, and
  whether an atlas drives it;
* ``inset`` — a small locator map showing where a linked map frame's extent lies;
* ``label`` — text with ``{placeholders}`` (``{title}``, ``{date}``, ``{crs}``,
  ``{scale}``, layout variables, atlas feature fields such as ``{XZQMC}``);
* ``legend`` — entries built from the linked frame's visible layers; labels editable;
* ``scalebar`` — a scale bar measured on the ellipsoid across the linked frame;
* ``north`` — a north arrow turned to true north at the linked frame's centre;
* ``picture`` — an image file (a logo), PNG/JPEG/SVG.
"""

from __future__ import annotations

import copy
import uuid
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar

from ecomap.errors import DataError
from ecomap.i18n import tr

#: page sizes in mm, portrait (width, height)
PAGE_SIZES: dict[str, tuple[float, float]] = {"A4": (210.0, 297.0), "A3": (297.0, 420.0),
                                               "A2": (420.0, 594.0), "A1": (594.0, 841.0)}
ORIENTATIONS = ("portrait", "landscape")
FORMAT = "ecomap-layout"
VERSION = 1


def new_id() -> str:
    return uuid.uuid4().hex[:8]


# ----------------------------------------------------------------------------- items

@dataclass
class LayoutItem:
    """Something placed on the page: position and size in mm from the top-left corner."""

    kind: ClassVar[str] = ""
    id: str = field(default_factory=new_id)
    x: float = 10.0
    y: float = 10.0
    w: float = 50.0
    h: float = 20.0
    visible: bool = True
    #: frame line width in mm, 0 for none
    border: float = 0.0
    border_color: str = "#000000ff"
    #: fill behind the item, '#rrggbbaa' or None for transparent
    background: str | None = None
    #: what the designer shows for the item; also lets templates find it ("title", "footer" …)
    role: str = ""

    @property
    def rect(self) -> tuple[float, float, float, float]:
        return (self.x, self.y, self.w, self.h)

    def to_dict(self) -> dict:
        d: dict[str, Any] = {"kind": self.kind}
        for f in fields(self):
            value = getattr(self, f.name)
            d[f.name] = copy.deepcopy(value.to_dict() if hasattr(value, "to_dict") else value)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> LayoutItem:
        known = {f.name: f for f in fields(cls)}
        kw = {k: copy.deepcopy(v) for k, v in d.items() if k in known}
        for name in ("x", "y", "w", "h", "border"):
            if name in kw:
                kw[name] = float(kw[name])
        item = cls(**kw)
        item._post_load()
        return item

    def _post_load(self) -> None:
        """Turn nested dictionaries into their classes (overridden where needed)."""


@dataclass
class GridSpec:
    """A coordinate grid (projected metres) or graticule (longitude/latitude) over a map frame."""

    #: "geographic" (经纬网, labels in degrees-minutes-seconds) or "projected" (公里网, metres)
    type: str = "geographic"
    #: spacing in degrees (geographic) or metres (projected); None chooses a round value
    interval: float | None = None
    #: "lines" across the frame, "ticks" on the border only, or "crosses" at intersections
    style: str = "lines"
    labels: bool = True
    font_size: float = 7.0
    color: str = "#50505099"
    width: float = 0.15  # mm

    def to_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, d: dict | None) -> GridSpec | None:
        if not d:
            return None
        known = {f.name for f in fields(cls)}
        spec = cls(**{k: v for k, v in d.items() if k in known})
        if spec.type not in ("geographic", "projected"):
            raise DataError(None, tr("unknown grid type '{name}'").format(name=spec.type))
        if spec.style not in ("lines", "ticks", "crosses"):
            raise DataError(None, tr("unknown grid style '{name}'").format(name=spec.style))
        return spec


@dataclass
class MapFrame(LayoutItem):
    kind: ClassVar[str] = "map"
    w: float = 200.0
    h: float = 150.0
    border: float = 0.35
    background: str | None = "#ffffffff"
    #: (minx, miny, maxx, maxy) in ``crs``; None = every visible layer
    extent: list[float] | None = None
    #: fixed scale denominator (1:scale); when set the frame keeps the extent's centre
    scale: float | None = None
    #: without a fixed scale, zoom out to the next round scale (1:48 213 → 1:50 000)
    round_scale: bool = True
    #: authority string ("EPSG:4524"); None = the project's map CRS
    crs: str | None = None
    #: layer ids to draw (bottom first); None = the map's visible layers
    layers: list[str] | None = None
    grid: GridSpec | None = None
    #: paint the frame's background outside this layer's polygons (a county map shows only the county):
    #: a layer id or name, "auto" = the county boundary layer, "" = no mask
    mask_layer: str = ""
    #: an atlas moves this frame to each coverage feature
    atlas_driven: bool = False
    #: space around the atlas feature, as a fraction of its size
    atlas_margin: float = 0.08
    #: outline the atlas feature and fade what lies outside it
    atlas_highlight: bool = True

    def _post_load(self) -> None:
        if isinstance(self.grid, dict):
            self.grid = GridSpec.from_dict(self.grid)
        if self.extent is not None:
            self.extent = [float(v) for v in self.extent]


@dataclass
class InsetMap(LayoutItem):
    """A locator map: the linked frame's extent drawn as a rectangle over an overview."""

    kind: ClassVar[str] = "inset"
    w: float = 50.0
    h: float = 50.0
    border: float = 0.25
    background: str | None = "#ffffffff"
    link: str = ""  # id of the map frame whose extent is shown
    #: layer ids for the overview; None = the boundary layers (county, townships) or the first polygon layer
    layers: list[str] | None = None
    extent: list[float] | None = None
    indicator_color: str = "#e31a1cff"


@dataclass
class LabelItem(LayoutItem):
    kind: ClassVar[str] = "label"
    text: str = ""
    #: font family; "" = the first CJK sans font installed (Microsoft YaHei, SimHei, Noto Sans CJK SC …)
    font: str = ""
    size: float = 10.0  # points
    bold: bool = False
    color: str = "#000000ff"
    align: str = "left"  # left | center | right
    valign: str = "middle"  # top | middle | bottom
    #: shrink the font until the text fits the box
    fit: bool = True


@dataclass
class LegendItem(LayoutItem):
    kind: ClassVar[str] = "legend"
    w: float = 60.0
    h: float = 80.0
    border: float = 0.25
    background: str | None = "#ffffffff"
    link: str = ""
    title: str = "图例"
    #: layer ids listed (top first); None = the linked frame's visible layers in legend order
    layers: list[str] | None = None
    #: entries left out: a layer id, or "layer_id/class index"
    hidden: list[str] = field(default_factory=list)
    #: edited texts: a layer id → layer title, "layer_id/class index" → class label
    labels: dict[str, str] = field(default_factory=dict)
    #: list only the classes that occur in the layer's data
    only_present: bool = True
    #: list only layers and classes with features inside the linked map frame
    only_in_view: bool = True
    columns: int = 0  # 0 = as many as needed to fit
    size: float = 9.0  # entry text, points
    title_size: float = 11.0
    symbol_w: float = 7.0  # mm
    symbol_h: float = 4.5
    font: str = ""


@dataclass
class ScaleBarItem(LayoutItem):
    kind: ClassVar[str] = "scalebar"
    w: float = 70.0
    h: float = 12.0
    link: str = ""
    units: str = "auto"  # auto | m | km
    segments: int = 4
    style: str = "bar"  # bar (alternating blocks) | line (ticks)
    size: float = 8.0
    #: also write the numeric scale ("1:50 000") above the bar
    numeric: bool = True
    font: str = ""


@dataclass
class NorthArrow(LayoutItem):
    kind: ClassVar[str] = "north"
    w: float = 12.0
    h: float = 20.0
    link: str = ""
    #: turn the arrow to true north at the linked frame's centre (meridian convergence)
    true_north: bool = True
    label: str = "N"


@dataclass
class PictureItem(LayoutItem):
    kind: ClassVar[str] = "picture"
    path: str = ""  # absolute, or relative to the project file
    keep_aspect: bool = True


ITEM_CLASSES: dict[str, type[LayoutItem]] = {
    cls.kind: cls for cls in (MapFrame, InsetMap, LabelItem, LegendItem, ScaleBarItem, NorthArrow,
                              PictureItem)
}


def item_from_dict(d: dict) -> LayoutItem:
    if not isinstance(d, dict) or d.get("kind") not in ITEM_CLASSES:
        raise DataError(None, tr("unknown layout item '{kind}'").format(
            kind=d.get("kind") if isinstance(d, dict) else d))
    return ITEM_CLASSES[d["kind"]].from_dict(d)


# ----------------------------------------------------------------------------- atlas and layout

@dataclass
class AtlasSpec:
    """One page per feature of a coverage layer."""

    coverage: str = ""  # layer id or layer name
    #: field naming each page (file names, {page_name}); "" = the layer's name field
    name_field: str = ""
    #: sort pages by this field; "" = file order
    sort_field: str = ""

    def to_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, d: dict | None) -> AtlasSpec | None:
        if not d:
            return None
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in known})


@dataclass
class Layout:
    name: str = "专题图"
    page: str = "A3"
    orientation: str = "landscape"
    items: list[LayoutItem] = field(default_factory=list)
    #: text variables for {placeholders}: unit (制图单位), source (数据来源), subtitle …
    variables: dict[str, str] = field(default_factory=dict)
    #: draw the 图廓 (neat line: thin inner and thick outer frame) around the page content
    neatline: bool = True
    neatline_margin: float = 10.0  # mm from the paper edge
    atlas: AtlasSpec | None = None

    @property
    def size_mm(self) -> tuple[float, float]:
        w, h = page_size(self.page)
        return (max(w, h), min(w, h)) if self.orientation == "landscape" else (w, h)

    def item(self, item_id: str) -> LayoutItem | None:
        return next((i for i in self.items if i.id == item_id), None)

    def items_of(self, kind: type) -> list:
        return [i for i in self.items if isinstance(i, kind)]

    def by_role(self, role: str) -> LayoutItem | None:
        return next((i for i in self.items if i.role == role), None)

    @property
    def main_map(self) -> MapFrame | None:
        maps = self.items_of(MapFrame)
        return maps[0] if maps else None

    def to_dict(self) -> dict:
        return {"format": FORMAT, "version": VERSION, "name": self.name, "page": self.page,
                "orientation": self.orientation, "neatline": self.neatline,
                "neatline_margin": self.neatline_margin, "variables": dict(self.variables),
                "atlas": self.atlas.to_dict() if self.atlas else None,
                "items": [i.to_dict() for i in self.items]}

    def copy(self) -> Layout:
        return layout_from_dict(self.to_dict())

    def resized(self, page: str, orientation: str) -> Layout:
        """A copy on another page: every item scaled with the page, text sizes kept."""
        out = self.copy()
        old_w, old_h = self.size_mm
        out.page, out.orientation = page, orientation
        check_page(page, orientation)
        new_w, new_h = out.size_mm
        sx, sy = new_w / old_w, new_h / old_h
        for item in out.items:
            item.x, item.w = item.x * sx, item.w * sx
            item.y, item.h = item.y * sy, item.h * sy
        return out


def page_size(page: str) -> tuple[float, float]:
    try:
        return PAGE_SIZES[page.upper()]
    except (KeyError, AttributeError):
        raise DataError(None, tr("unknown page size '{page}' (use {known})").format(
            page=page, known=", ".join(PAGE_SIZES))) from None


def check_page(page: str, orientation: str) -> None:
    page_size(page)
    if orientation not in ORIENTATIONS:
        raise DataError(None, tr("orientation must be 'portrait' or 'landscape'"))


def layout_from_dict(d: dict) -> Layout:
    if not isinstance(d, dict):
        raise DataError(None, tr("a layout must be a JSON object"))
    if d.get("format", FORMAT) != FORMAT:
        raise DataError(None, tr("not an EcoMap layout"))
    if int(d.get("version", VERSION)) > VERSION:
        raise DataError(None, tr("the layout was saved by a newer EcoMap (format {version})")
                        .format(version=d.get("version")))
    page = str(d.get("page", "A3")).upper()
    orientation = d.get("orientation", "landscape")
    check_page(page, orientation)
    return Layout(name=str(d.get("name", "")), page=page, orientation=orientation,
                  items=[item_from_dict(i) for i in d.get("items", [])],
                  variables={str(k): str(v) for k, v in (d.get("variables") or {}).items()},
                  neatline=bool(d.get("neatline", True)),
                  neatline_margin=float(d.get("neatline_margin", 10.0)),
                  atlas=AtlasSpec.from_dict(d.get("atlas")))
