"""The export dialog: an assumed CRS is written only once the user confirms it; GBK is the default."""

from __future__ import annotations

import pyogrio
import pytest
from pyproj import CRS
from PySide6.QtWidgets import QMessageBox

from ecomap.core.layout.context import MapLayer
from ecomap.gui.export_data_dialog import ExportDataDialog
from ecomap.io.registry import open_path
from tests.io.fixtures import towns_without_prj


@pytest.fixture
def undeclared(tmp_path):
    """A MapLayer over a Shapefile that lost its .prj (EcoMap assumes EPSG:4524)."""
    return MapLayer("towns", "乡镇", towns_without_prj(tmp_path), None)


def _run(dialog):
    """Start the dialog's export and wait for it to end (no task: it stopped to ask or refused)."""
    before = dialog.task
    dialog.run()
    if dialog.task is not before:
        assert dialog.task.wait_delivered()


def _dialog(qtbot, node, target):
    dialog = ExportDataDialog([node], current=node)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData(".gpkg"))
    dialog.target.setText(str(target))
    return dialog


def _answer(monkeypatch, button):
    asked = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return button
    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_confirming_the_assumed_crs_writes_it(qtbot, monkeypatch, undeclared, tmp_path):
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    target = tmp_path / "out.gpkg"
    _run(_dialog(qtbot, undeclared, target))
    assert len(asked) == 1 and "EPSG:4524" in asked[0] and "乡镇" in asked[0]
    assert CRS.from_user_input(pyogrio.read_info(target)["crs"]).to_epsg() == 4524


def test_declining_writes_nothing_and_choosing_a_crs_asks_nothing(qtbot, monkeypatch, undeclared, tmp_path):
    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)
    target = tmp_path / "out.gpkg"
    dialog = _dialog(qtbot, undeclared, target)
    _run(dialog)
    assert len(asked) == 1 and not target.exists() and dialog.task is None
    dialog.crs.setCurrentIndex(dialog.crs.findData("EPSG:4490"))
    _run(dialog)
    assert len(asked) == 1  # a chosen CRS settles it
    assert CRS.from_user_input(pyogrio.read_info(target)["crs"]).to_epsg() == 4490
    assert any("assumed EPSG:4524" in n for n in dialog.result_notes)


def test_shapefile_and_txt_default_to_gbk_and_the_tooltip_says_why(qtbot, undeclared, tmp_path):
    dialog = _dialog(qtbot, undeclared, tmp_path / "out.gpkg")
    for ext in (".shp", ".txt"):
        dialog.format.setCurrentIndex(dialog.format.findData(ext))
        assert dialog.encoding.isEnabled() and dialog.encoding.currentData() == "GBK"
    assert "GBK is the default" in dialog.encoding.toolTip() and "ArcGIS" in dialog.encoding.toolTip()


@pytest.fixture
def xian_1980():
    """The provinces Shapefile declared GCS_XiAn_1980 (EPSG:4610)."""
    from real_corpus import REAL

    (lyr,) = open_path(REAL / "cinrad_data" / "Province.shp")
    return MapLayer("province", "省界", lyr, None)


def test_xian_1980_to_cgcs2000_asks_before_writing(qtbot, monkeypatch, xian_1980, tmp_path):
    target = tmp_path / "out.gpkg"
    dialog = _dialog(qtbot, xian_1980, target)
    dialog.crs.setCurrentIndex(dialog.crs.findData("EPSG:4490"))
    asked = []
    monkeypatch.setattr(dialog, "ask_datum_shift", lambda item, pair: asked.append((item.out_name, pair)))
    _run(dialog)
    assert asked == [("省界", (4610, 4490))] and not target.exists()  # no answer: nothing written
    monkeypatch.setattr(dialog, "ask_datum_shift", lambda item, pair: "24,-123,-94,0.02,-0.25,-0.13,1.1")
    _run(dialog)
    assert CRS.from_user_input(pyogrio.read_info(target)["crs"]).to_epsg() == 4490
    assert any("24, -123, -94" in n for n in dialog.result_notes)


def test_the_datum_question_offers_keeping_the_coordinates(qtbot, monkeypatch, xian_1980, tmp_path):
    from ecomap.io.export import KEEP

    dialog = _dialog(qtbot, xian_1980, tmp_path / "out.gpkg")
    shown = {}

    def click_keep(box):
        shown["text"] = box.text()
        shown["buttons"] = [b.text() for b in box.buttons()]
        shown["keep"] = next(b for b in box.buttons() if b.text().startswith("Keep the coordinates"))
    monkeypatch.setattr(QMessageBox, "exec", click_keep)
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda box: shown["keep"])
    item = dialog.items()[0]
    assert dialog.ask_datum_shift(item, (4610, 4490)) == KEEP
    assert "省界" in shown["text"] and "Xian 1980" in shown["text"] and "100 m" in shown["text"]
    assert "Enter 7 parameters…" in shown["buttons"]


def test_an_unreadable_crs_is_reported_not_raised(qtbot, message_boxes, xian_1980, tmp_path):
    dialog = _dialog(qtbot, xian_1980, tmp_path / "out.gpkg")
    dialog.crs.setEditText("EPSG:nonsense")
    _run(dialog)
    assert any("unknown coordinate system" in text for kind, text in message_boxes if kind == "warning")
