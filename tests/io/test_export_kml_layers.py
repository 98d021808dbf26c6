"""KML/KMZ layers as GDAL (LIBKML, what QGIS uses) and Google Earth see them.

GDAL's LIBKML driver reads every container as a layer and finds a SchemaData's fields
only in the container it reads as the layer; pyogrio's GDAL has the driver for reading,
so these checks need no QGIS. The XML is checked for what Google Earth shows.
"""

from __future__ import annotations

import zipfile
from xml.etree import ElementTree as ET

import numpy as np
import pyogrio
import pytest

from ecomap.core.style import style_from_dict
from ecomap.io.export import ExportItem, export_layer, export_layers
from tests.core.layout_fixtures import MINE_STYLE, TOWN_STYLE, layer, mines_frame, towns_frame

NS = {"k": "http://www.opengis.net/kml/2.2"}
ATTRIBUTES = ["XZQMC", "XZQDM", "LX", "RK", "MJ"]


def towns():
    return layer(towns_frame(), "乡镇", {"XZQMC": "乡镇名称"})


def document(path) -> ET.Element:
    data = zipfile.ZipFile(path).read("doc.kml") if path.suffix == ".kmz" else path.read_bytes()
    return ET.fromstring(data)


def containers(root: ET.Element) -> list[ET.Element]:
    top = root.find("k:Document", NS)
    return [e for e in top.iter() if e is not top and e.tag.split("}")[1] in ("Document", "Folder")]


def gdal_layers(path) -> dict[str, object]:
    names = [name for name, _kind in pyogrio.list_layers(path)]
    return {name: pyogrio.read_dataframe(path, layer=name) for name in names}


@pytest.mark.parametrize("ext", ["kml", "kmz"])
def test_a_categorized_layer_is_the_document_with_one_layer_per_category(tmp_path, ext):
    path = tmp_path / f"t.{ext}"
    export_layer(towns(), path, style=style_from_dict(TOWN_STYLE), theme="townships")
    root = document(path)
    assert root.find("k:Document/k:name", NS).text == "乡镇"  # what Google Earth lists
    inner = containers(root)
    assert [c.find("k:name", NS).text for c in inner] == ["耕地为主", "林地为主", "草地为主"]
    assert all(c.findall("k:Placemark", NS) and c.find("k:Schema", NS) is not None for c in inner)
    layers = gdal_layers(path)
    assert {name: len(frame) for name, frame in layers.items()} == {"耕地为主": 2, "林地为主": 1, "草地为主": 1}
    for frame in layers.values():
        assert set(ATTRIBUTES) <= set(frame.columns)  # every attribute is a GDAL field
    got = sorted(v for frame in layers.values() for v in frame["XZQMC"])
    assert got == sorted(towns_frame()["XZQMC"])


@pytest.mark.parametrize("ext", ["kml", "kmz"])
def test_several_layers_are_one_gdal_layer_each_with_category_colours(tmp_path, ext):
    path = tmp_path / f"all.{ext}"
    items = [ExportItem(towns(), style_from_dict(TOWN_STYLE), theme="townships"),
             ExportItem(layer(mines_frame(), "矿山"), style_from_dict(MINE_STYLE))]
    export_layers(items, path)
    layers = gdal_layers(path)
    assert {name: len(frame) for name, frame in layers.items()} == {"乡镇": 4, "矿山": 2}
    assert set(ATTRIBUTES) <= set(layers["乡镇"].columns) and {"MC", "ZT"} <= set(layers["矿山"].columns)
    root = document(path)
    assert all(c.findall("k:Placemark", NS) for c in containers(root))  # no container GDAL lists empty
    styles = {s.get("id"): s.find("k:PolyStyle/k:color", NS).text for s in root.iter(f"{{{NS['k']}}}Style")}
    town = next(c for c in containers(root) if c.find("k:name", NS).text == "乡镇")
    colours = [styles[p.find("k:styleUrl", NS).text[1:]] for p in town.findall("k:Placemark", NS)]
    assert colours == ["ffb3def5", "ff228b22", "ffb3def5", "ff32cd9a"]  # 耕地 林地 耕地 草地, as aabbggrr


def test_without_splitting_one_layer_keeps_the_category_colours(tmp_path):
    path = tmp_path / "t.kml"
    export_layer(towns(), path, style=style_from_dict(TOWN_STYLE), kml_split_categories=False)
    layers = gdal_layers(path)
    assert list(layers) == ["乡镇"] and len(layers["乡镇"]) == 4
    root = document(path)
    used = {p.find("k:styleUrl", NS).text for p in root.iter(f"{{{NS['k']}}}Placemark")}
    assert len(used) == 3


def test_an_uncategorized_layer_is_one_gdal_layer_with_its_fields(tmp_path):
    path = tmp_path / "m.kmz"
    export_layer(layer(mines_frame(), "矿山"), path)
    (frame,) = gdal_layers(path).values()
    assert frame["MC"].tolist() == ["红崖煤矿", "石窑煤矿"] and frame["ZT"].tolist() == ["生产", "关闭"]
    expected = mines_frame().to_crs(4326).geometry
    np.testing.assert_allclose(np.c_[frame.geometry.x, frame.geometry.y], np.c_[expected.x, expected.y], atol=1e-9)
