"""GeoPackage exports open in the QGIS and ArcGIS versions county offices run."""

from __future__ import annotations

import sqlite3

from ecomap.io.export import ExportItem, export_layers
from ecomap.io.registry import open_path
from tests.core.layout_fixtures import layer, mines_frame, towns_frame


def test_geopackage_is_version_1_2_with_every_layer(tmp_path):
    # GDAL 3.12 writes 1.4 by default, which GDAL 3.6 (QGIS 3.22 on Debian 12) reads only with a warning
    items = [ExportItem(layer(towns_frame(), "乡镇")), ExportItem(layer(mines_frame(), "矿山"))]
    export_layers(items, tmp_path / "two.gpkg")
    with sqlite3.connect(tmp_path / "two.gpkg") as con:
        (version,) = con.execute("PRAGMA user_version").fetchone()
        (application,) = con.execute("PRAGMA application_id").fetchone()
    assert version == 10200 and application == 0x47504B47  # "GPKG"
    assert sorted(lyr.name for lyr in open_path(tmp_path / "two.gpkg")) == ["乡镇", "矿山"]
