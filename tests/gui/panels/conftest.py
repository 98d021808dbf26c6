"""Fixtures of the thematic-panel tests: a copy of the sample county in a layer tree, a map stand-in."""

from __future__ import annotations

import shutil
import threading

import pytest
from PySide6.QtGui import QUndoStack

from ecomap.resources import sample_path
from ecomap.services import panel_data


@pytest.fixture
def sample_gpkg(tmp_path):
    """A COPY of sample_data/county.gpkg (tests edit it; the sample itself is never touched)."""
    src = sample_path("county.gpkg")
    if not src.exists():
        pytest.skip("sample_data/county.gpkg is missing")
    dst = tmp_path / "county.gpkg"
    shutil.copyfile(src, dst)
    return dst


class FakeTools:
    """Records what the panels ask the map to highlight."""

    def __init__(self):
        self.highlights = {}

    def set_highlight(self, key, geoms, color="#ff00ff", fill=True):
        self.highlights[key] = list(geoms)

    def clear_highlight(self, key=None):
        if key is None:
            self.highlights.clear()
        else:
            self.highlights.pop(key, None)


class FakeCanvas:
    def __init__(self):
        self.extents = []

    def set_extent(self, extent):
        self.extents.append(tuple(extent))


class FakeMapView:
    def __init__(self, crs):
        self.crs = crs
        self.canvas = FakeCanvas()


@pytest.fixture
def hub(sample_gpkg, qtbot):
    """A PanelHub over a layer tree holding every vector layer of the sample copy."""
    from ecomap.core.default_styles import detect_theme
    from ecomap.core.layer_tree import LayerTreeModel
    from ecomap.gui.panels.hub import PanelHub
    from ecomap.io.registry import open_path

    tree = LayerTreeModel()
    for layer in open_path(sample_gpkg):
        if getattr(layer, "kind", None) != "vector":
            continue
        theme, aliases = detect_theme(layer)
        for k, v in aliases.items():
            layer.field_aliases.setdefault(k, v)
        tree.add_layer(layer, theme=theme)
    crs = next(n.layer.crs_info.crs() for n in tree.layer_nodes() if n.layer.crs_info.crs() is not None)
    h = PanelHub(tree, FakeMapView(crs), FakeTools(), QUndoStack())
    h.resolver = lambda conflict: pytest.fail(f"unexpected conflict: {conflict}")
    return h


def node_of(hub, theme):
    node = hub.node_for(theme)
    assert node is not None, theme
    return node


def settled(qtbot, *panels, timeout=20000):
    """Until each panel's data load has finished and been shown."""
    qtbot.waitUntil(lambda: not any(p.loader.busy for p in panels), timeout=timeout)


LOADERS = {"restoration": "load_restoration", "rectification": "load_rectification",
           "water": "load_water", "bans": "load_ban_zones"}


@pytest.fixture
def loads(monkeypatch):
    """Each loader wrapped to record the thread it ran on (panels made after this use the wrappers)."""
    calls: dict[str, list[threading.Thread]] = {key: [] for key in LOADERS}
    for key, name in LOADERS.items():
        real = getattr(panel_data, name)

        def wrapper(snapshot, feedback=None, _real=real, _key=key, **options):
            calls[_key].append(threading.current_thread())
            return _real(snapshot, feedback, **options)
        monkeypatch.setattr(panel_data, name, wrapper)
    return calls
