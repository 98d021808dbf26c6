"""Layout templates: the ready Chinese briefing layout, and template files on disk.

:func:`briefing_layout` lays out a briefing map (汇报用图) for any page size and
orientation: the title from the project, the map with a longitude/latitude
graticule, north arrow, locator inset, legend and scale bar beside (landscape) or
below (portrait) the map, and a footer with 制图单位, 数据来源, 坐标系 and 制图日期 —
lines whose value is empty are left out, so nothing prints as "XX". Template files
are layouts saved as JSON (``resources/templates/*.json`` ships the briefing in A4
and A3); a template is generic: its map frame shows every visible layer and its
legend lists them, so it suits any project.
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path

from ecomap.core.layout.model import (
    GridSpec,
    InsetMap,
    LabelItem,
    Layout,
    LegendItem,
    MapFrame,
    NorthArrow,
    ScaleBarItem,
    check_page,
    layout_from_dict,
    page_size,
)
from ecomap.errors import DataError
from ecomap.i18n import tr
from ecomap.resources import resource_path

BRIEFING = "briefing"
FOOTER_LEFT = "制图单位：{unit}\n数据来源：{source}"
FOOTER_RIGHT = "坐标系：{crs}\n制图日期：{date}"


def templates_dir() -> Path:
    return resource_path("templates")


def briefing_layout(page: str = "A3", orientation: str = "landscape", name: str | None = None) -> Layout:
    """The one-click briefing layout on ``page`` in ``orientation``."""
    page = page.upper()
    check_page(page, orientation)
    layout = Layout(name=name or tr("Briefing map {page}").format(page=page), page=page,
                    orientation=orientation,
                    variables={"subtitle": "", "unit": "", "source": ""})
    w, h = layout.size_mm
    k = math.sqrt((page_size(page)[0] * page_size(page)[1]) / (297.0 * 420.0))  # A3 = 1
    inner = layout.neatline_margin + 1.5
    gap = max(4.0, 6.0 * k)
    label_room = 7.0  # graticule labels outside the map frame
    title_h = 16.0 * max(k, 0.75)
    sub_h = 7.0 * max(k, 0.75)
    footer_h = 13.0 * max(k, 0.8)
    top = inner + 3.0
    title = LabelItem(role="title", text="{title}", x=inner, y=top, w=w - 2 * inner, h=title_h,
                      size=26.0 * max(k, 0.75), bold=True, align="center")
    subtitle = LabelItem(role="subtitle", text="{subtitle}", x=inner, y=top + title_h, w=w - 2 * inner, h=sub_h,
                         size=13.0 * max(k, 0.8), align="center", color="#333333ff")
    map_top = top + title_h + sub_h + label_room
    footer_y = h - inner - footer_h - 1.0
    map_bottom = footer_y - label_room - 1.0
    grid = GridSpec(type="geographic", style="lines", font_size=7.0 * max(k, 0.85))
    foot_size = 9.0 * max(k, 0.85)
    left_x = inner + label_room + 6.0
    if orientation == "landscape":
        panel_w = round(0.2 * w)
        panel_x = w - inner - panel_w - 3.0
        map_x, map_w = left_x, panel_x - gap - label_room - left_x
        map_frame = MapFrame(role="map", x=map_x, y=map_top, w=map_w, h=map_bottom - map_top, grid=grid,
                             mask_layer="auto")
        y = map_top - label_room + 1.0
        north = NorthArrow(role="north", link=map_frame.id, x=panel_x + panel_w / 2 - 7 * k, y=y, w=14 * k, h=22 * k)
        y += north.h + gap / 2
        inset_h = panel_w * 0.78
        inset = InsetMap(role="inset", link=map_frame.id, x=panel_x, y=y, w=panel_w, h=inset_h)
        y += inset_h + gap / 2
        scale_h = 15.0 * max(k, 0.8)
        legend = LegendItem(role="legend", link=map_frame.id, x=panel_x, y=y, w=panel_w,
                            h=map_bottom + label_room - y - scale_h - gap / 2, size=9.0 * max(k, 0.85),
                            title_size=11.0 * max(k, 0.85))
        scalebar = ScaleBarItem(role="scalebar", link=map_frame.id, x=panel_x, y=legend.y + legend.h + gap / 2,
                                w=panel_w, h=scale_h, size=8.0 * max(k, 0.85))
    else:
        band_h = round(0.22 * h)
        map_x, map_w = left_x, w - inner - label_room - 3.0 - left_x
        band_y = footer_y - band_h - 1.0
        map_bottom = band_y - label_room - gap / 2
        map_frame = MapFrame(role="map", x=map_x, y=map_top, w=map_w, h=map_bottom - map_top, grid=grid,
                             mask_layer="auto")
        inset_w = band_h * 1.0
        legend = LegendItem(role="legend", link=map_frame.id, x=map_x, y=band_y,
                            w=map_w - inset_w - gap - 50 * k, h=band_h, size=9.0 * max(k, 0.85),
                            title_size=11.0 * max(k, 0.85))
        inset = InsetMap(role="inset", link=map_frame.id, x=map_x + map_w - inset_w, y=band_y, w=inset_w, h=band_h)
        mid_x = legend.x + legend.w + gap
        mid_w = inset.x - gap - mid_x
        north = NorthArrow(role="north", link=map_frame.id, x=mid_x + mid_w / 2 - 7 * k, y=band_y, w=14 * k,
                           h=22 * k)
        scalebar = ScaleBarItem(role="scalebar", link=map_frame.id, x=mid_x, y=band_y + band_h - 16 * k,
                                w=mid_w, h=15 * max(k, 0.8), size=8.0 * max(k, 0.85))
    foot_w = (w - 2 * inner - 8.0) / 2
    footer_left = LabelItem(role="footer_left", text=FOOTER_LEFT, x=inner + 4.0, y=footer_y, w=foot_w,
                            h=footer_h, size=foot_size, align="left")
    footer_right = LabelItem(role="footer_right", text=FOOTER_RIGHT, x=inner + 4.0 + foot_w, y=footer_y,
                             w=foot_w, h=footer_h, size=foot_size, align="right")
    layout.items = [map_frame, inset, title, subtitle, north, legend, scalebar, footer_left, footer_right]
    return layout


def atlas_layout(page: str = "A4", orientation: str = "portrait", coverage: str = "",
                 name_field: str = "") -> Layout:
    """The briefing layout as an atlas: the frame follows each coverage feature, its name in the title."""
    from ecomap.core.layout.model import AtlasSpec

    layout = briefing_layout(page, orientation, name=tr("Atlas {page}").format(page=page))
    frame = layout.main_map
    frame.atlas_driven = True
    title = layout.by_role("title")
    title.text = "{title}"
    subtitle = layout.by_role("subtitle")
    subtitle.text = "{page_name}"
    layout.atlas = AtlasSpec(coverage=coverage, name_field=name_field)
    return layout


# ----------------------------------------------------------------------------- files

def load_template(path: str | os.PathLike) -> Layout:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(path, tr("no such file or folder")) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataError(path, tr("not a layout template ({detail})").format(detail=exc)) from None
    try:
        return layout_from_dict(data)
    except DataError as exc:
        raise DataError(path, exc.message) from None


def save_template(layout: Layout, path: str | os.PathLike) -> Path:
    from ecomap.core.atomic import atomic_write_text

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, json.dumps(layout.to_dict(), ensure_ascii=False, indent=1), data_error=False)
    return path


def list_templates(extra_dirs=()) -> dict[str, Path]:
    """Template name (the file's stem) → path, shipped templates first, then ``extra_dirs``."""
    out: dict[str, Path] = {}
    for folder in (templates_dir(), *[Path(d) for d in extra_dirs]):
        if folder.is_dir():
            for path in sorted(folder.glob("*.json")):
                out[path.stem] = path
    return out


def find_layout(name: str | None, project_layouts: list[dict], page: str = "A3",
                orientation: str = "landscape", extra_dirs=()) -> Layout:
    """A layout by name: the project's own, else a template file, else the briefing.

    Without a name: the project's first layout, else the briefing template.
    """
    layouts = [layout_from_dict(d) for d in project_layouts]
    if not name:
        return layouts[0] if layouts else briefing_layout(page, orientation)
    for layout in layouts:
        if layout.name == name:
            return layout
    templates = list_templates(extra_dirs)
    if name in templates:
        return load_template(templates[name])
    if Path(name).suffix.lower() == ".json" and Path(name).exists():
        return load_template(name)
    if name in (BRIEFING, tr("Briefing map")):
        return briefing_layout(page, orientation)
    known = [l.name for l in layouts] + list(templates) + [BRIEFING]
    raise DataError(None, tr("no layout named '{name}' (available: {known})").format(
        name=name, known=", ".join(known)))


def write_builtin_templates(folder: Path | None = None) -> list[Path]:
    """Write the shipped briefing templates (A4/A3 × portrait/landscape)."""
    folder = folder or templates_dir()
    out = []
    for page in ("A3", "A4"):
        for orientation in ("landscape", "portrait"):
            label = "横向" if orientation == "landscape" else "纵向"
            layout = briefing_layout(page, orientation, name=f"汇报图 {page} {label}")
            out.append(save_template(layout, folder / f"briefing_{page}_{orientation}.json"))
    return out
