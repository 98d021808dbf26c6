"""Layer properties: a code EcoMap only assumed for a declared WKT says so; "Change encoding…"
works for a Shapefile inside a ZIP archive as for one on disk."""

from __future__ import annotations

import geopandas as gpd
import shapely
from pyproj import CRS
from PySide6.QtWidgets import QLabel, QPushButton

from ecomap.core.layer_tree import LayerTreeModel
from ecomap.gui.layer_properties import LayerPropertiesDialog, crs_text
from ecomap.io.registry import open_path
from tests.gui.conftest import node_named, wait_loaded
from tests.io.test_zip_shapefile_text import CUT, GARBLED, VALUES, WHOLE, zipped_gbk_shapefile

#: a .prj naming no datum, on Krassowsky's ellipsoid: Beijing 1954 by its parameters, not by name
UNNAMED_KRASSOWSKY = ('GEOGCS["GCS_unknown",DATUM["D_unknown",SPHEROID["Krasovsky_1940",6378245.0,298.3]],'
                      'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]')


def test_an_assumed_code_for_a_declared_wkt_is_marked_with_the_reason_as_tooltip(qtbot, tmp_path):
    path = tmp_path / "界线.shp"
    gpd.GeoDataFrame({"MC": ["甲"]}, geometry=[shapely.box(116, 39, 116.1, 39.1)], crs=4214).to_file(path)
    path.with_suffix(".prj").write_text(UNNAMED_KRASSOWSKY)
    (layer,) = open_path(path)
    info = layer.crs_info
    assert info.is_known and info.declared_epsg is None  # the file declares a WKT
    assert CRS.from_epsg(info.assumed_epsg).ellipsoid.name == "Krassowsky 1940"
    text = crs_text(info)
    assert text.startswith(f"EPSG:{info.assumed_epsg} (assumed)")
    dlg = LayerPropertiesDialog(LayerTreeModel().add_layer(layer))
    qtbot.addWidget(dlg)
    assert dlg.crs_label.text() == text
    assert dlg.crs_label.toolTip() == info.reason != ""


def test_a_declared_code_is_not_marked(qtbot, tmp_path):
    path = tmp_path / "a.shp"
    gpd.GeoDataFrame({"MC": ["甲"]}, geometry=[shapely.box(116, 39, 116.1, 39.1)], crs=4490).to_file(path)
    (layer,) = open_path(path)
    assert crs_text(layer.crs_info).startswith("EPSG:4490  ") and "(assumed)" not in crs_text(layer.crs_info)


def test_change_encoding_of_a_zipped_shapefile_rereads_it_with_the_text_check(window, qtbot, tmp_path,
                                                                            monkeypatch):
    from ecomap.gui.encoding_dialog import EncodingDialog

    # the .cpg says UTF-8, but the DBF holds GBK: the Chinese reads wrongly until the user changes it
    path = zipped_gbk_shapefile(tmp_path, cpg="UTF-8")
    window.loader.add_paths([str(path)])
    wait_loaded(qtbot, window)
    node = node_named(window, "村界")
    assert node.layer.encoding.encoding == "UTF-8"
    assert node.layer.features["CJMC"].tolist()[0] != VALUES[0].decode("gbk")
    dlg = window.layer_actions.properties(node)
    qtbot.addWidget(dlg)
    button = next(b for b in dlg.findChildren(QPushButton) if b.text() == "Change encoding…")
    assert "UTF-8" in " ".join(lbl.text() for lbl in dlg.findChildren(QLabel))
    previews = []

    def choose_gbk(self):
        self.combo.setCurrentText("GBK")
        previews.append(self.table.item(0, 0).text())
        return 1
    monkeypatch.setattr(EncodingDialog, "exec", choose_gbk)
    button.click()
    qtbot.waitUntil(lambda: node.layer.encoding.encoding == "GBK", timeout=20000)
    assert previews == [VALUES[0].decode("gbk")]  # the preview read the member inside the archive
    layer = node.layer
    assert layer.encoding.method == "user" and layer.source.layer == "资料/村界.shp"
    assert layer.features["CJMC"].tolist() == [VALUES[0].decode("gbk"), CUT[:-1].decode("gbk"),
                                               VALUES[2].decode("gbk")]
    assert layer.features["CJMC"].tolist()[1] == WHOLE[:7]
    assert layer.features["BZ"].tolist() == [v.decode("gbk", errors="replace") for v in GARBLED]
    assert any("BZ" in n for n in layer.notes)  # the DBF text check ran through the archive
    window.undo.undo()
    assert node.layer.encoding.encoding == "UTF-8"
