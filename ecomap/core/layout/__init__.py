"""Print layouts: the model (JSON), the page renderer and the outputs (PDF, images, SVG, atlas).

Public API::

    from ecomap.core.layout import (Layout, briefing_layout, context_from_project, context_from_tree,
                                    export_layout, export_atlas, render_page_image)

QtGui only — no widgets — so the CLI and the GUI share every line. Names are loaded
on first use, so that ``ecomap.io.export`` can use the Qt-free parts (placeholder text,
name fields) without importing the painter code.
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "atlas": ("atlas_features", "export_atlas", "guess_name_field"),
    "context": ("AtlasFeature", "LayoutContext", "MapLayer", "context_from_project", "context_from_tree"),
    "model": ("AtlasSpec", "GridSpec", "InsetMap", "LabelItem", "Layout", "LayoutItem", "LegendItem", "MapFrame",
              "NorthArrow", "PictureItem", "ScaleBarItem", "item_from_dict", "layout_from_dict"),
    "output": ("export_image", "export_layout", "export_pdf", "export_svg", "render_page_image", "save_image"),
    "page": ("page_views", "render_item_image", "render_page"),
    "templates": ("briefing_layout", "find_layout", "list_templates", "load_template", "save_template"),
}
_WHERE = {name: module for module, names in _EXPORTS.items() for name in names}
__all__ = [
    "AtlasFeature", "AtlasSpec", "GridSpec", "InsetMap", "LabelItem", "Layout", "LayoutContext", "LayoutItem",
    "LegendItem", "MapFrame", "MapLayer", "NorthArrow", "PictureItem", "ScaleBarItem", "atlas_features",
    "briefing_layout", "context_from_project", "context_from_tree", "export_atlas", "export_image",
    "export_layout", "export_pdf", "export_svg", "find_layout", "guess_name_field", "item_from_dict",
    "layout_from_dict", "list_templates", "load_template", "page_views", "render_item_image", "render_page",
    "render_page_image", "save_image", "save_template",
]
assert set(__all__) == set(_WHERE)


def __getattr__(name: str):
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'ecomap.core.layout' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"ecomap.core.layout.{module}"), name)
    globals()[name] = value
    return value
