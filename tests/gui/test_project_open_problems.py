"""Opening a damaged project in the app: what was set aside is listed in one message; bad layers name themselves."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QMessageBox

from ecomap.core.style import GraduatedStyle, Range, Symbol
from tests.gui.conftest import wait_loaded

SYM = {"fill": "#ff0000ff", "stroke": None}


def _project(tmp_path, gpkg):
    path = tmp_path / "p.ecomap"
    path.write_text(json.dumps({"format": "ecomap-project", "version": 1, "crs": "EPSG:4527", "layers": [
        {"source": str(gpkg), "layer": "parcels", "name": "地块", "style": {"type": "single", "symbol": SYM}},
        {"source": str(gpkg), "layer": "rivers", "name": "河流", "opacity": "half",
         "style": {"type": "single", "symbol": {**SYM, "fill": "notacolor"}}},
        {"source": 7, "name": "坏来源"},
        {"source": str(tmp_path / "gone.gpkg"), "layer": "x", "name": "不见了"},
    ]}, ensure_ascii=False), encoding="utf-8")
    return path


def test_one_message_lists_what_was_set_aside(window, qtbot, tmp_path, gpkg):
    window.project.ask_locate = lambda name, source: None  # skip the missing file
    window.project.open(_project(tmp_path, gpkg), ask=False)
    wait_loaded(qtbot, window)
    assert [n.name for n in window.tree.layer_nodes()] == ["不见了", "河流", "地块"]
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1
    text, details = boxes[0].text(), boxes[0].detailedText().splitlines()
    assert "1 layer(s) could not be opened" in text and "3 entries of the project file" in text
    assert details[0].startswith("file not found")
    assert [d.split(":")[0] for d in details[1:]] == ["layers[1].opacity", "layers[1].style.symbol.fill",
                                                      "layers[2].source"]
    assert "(layer “河流”)" in details[1]


def test_a_layer_the_canvas_could_not_draw_is_named_in_the_status_bar(loaded, qtbot):
    w = loaded
    node = next(n for n in w.tree.layer_nodes() if n.name == "parcels")
    # a style no schema can refuse: classes of numbers on a text field
    w.tree.set_style(node, GraduatedStyle(field="MC", ranges=(Range(0, 1, "0–1", Symbol()),)))
    w.canvas.refresh()
    w.canvas.wait_for_render(60)
    qtbot.waitUntil(lambda: "not drawn" in w.status.currentMessage(), timeout=10000)
    assert [e.layer for e in w.canvas.layer_errors] == [node.layer]
    assert "“parcels” not drawn" in w.status.currentMessage() and "holds text" in w.status.currentMessage()
    assert w.canvas.grab_frame() is not None  # the other layers were drawn
