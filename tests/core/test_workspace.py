"""open_workspace: a GeoPackage or a project, layers found by name, title or theme, field roles."""

import json

import geopandas as gpd
import pytest
import shapely

from ecomap.core.workspace import describe_layer, guess_name_column, open_workspace
from ecomap.errors import DataError

X0, Y0 = 36_436_000.0, 3_897_000.0


@pytest.fixture
def gpkg(tmp_path):
    path = tmp_path / "county.gpkg"
    gpd.GeoDataFrame({"红线编码": ["R1"], "红线名称": ["甲红线"], "红线类型": ["水源涵养"]},
                     geometry=[shapely.box(X0, Y0, X0 + 100, Y0 + 100)], crs=4524).to_file(path, layer="生态红线")
    gpd.GeoDataFrame({"DMBM": ["D1"], "DMMC": ["断面一"]}, geometry=[shapely.Point(X0, Y0)], crs=4524).to_file(
        path, layer="断面")
    return path


def test_layers_by_name_theme_and_roles(gpkg):
    ws = open_workspace(gpkg)
    assert len(ws) == 2 and len(ws.vector_layers) == 2
    red = ws.get("redlines")  # by theme id
    assert red is ws.get("生态红线") is ws.find("生态保护红线")  # by name, by theme title
    assert red.column("name") == "红线名称" and red.column("type") == "红线类型"
    assert red.label_column() == "红线名称"
    assert ws.by_theme("water_sections")[0].name == "断面"
    with pytest.raises(DataError) as info:
        ws.get("nothing")
    assert "生态红线" in str(info.value)
    with pytest.raises(DataError):
        ws.get("断面", kind="raster")


def test_a_project_with_titles_and_themes(gpkg, tmp_path):
    project = {"format": "ecomap-project", "version": 1, "title": "t", "crs": "EPSG:4524",
               "layers": [{"source": gpkg.name, "layer": "生态红线", "name": "县红线", "theme": "redlines"},
                          {"source": "missing.gpkg", "layer": "x", "name": "丢失"}]}
    path = tmp_path / "p.ecomap"
    path.write_text(json.dumps(project, ensure_ascii=False), encoding="utf-8")
    ws = open_workspace(path)
    assert [wl.title for wl in ws] == ["县红线"]  # the missing file is skipped
    assert ws.get("县红线").theme_id == "redlines"
    assert ws.project is not None


def test_describe_layer_and_name_guess():
    assert guess_name_column(["ID", "XMMC", "area"]) == "XMMC"
    assert guess_name_column(["a", "b"]) is None
    from ecomap.io.registry import open_path  # noqa: F401  (the reader the workspace uses)

    class Raster:
        kind = "raster"
        name = "dem"
    wl = describe_layer(Raster())
    assert wl.kind == "raster" and wl.theme is None and wl.column("name") is None
