"""open_workspace: a GeoPackage or a project, layers found by name, title or theme, field roles."""

import json

import geopandas as gpd
import pytest
import shapely

from ecomap.core.feedback import Cancelled, Feedback
from ecomap.core.themes import NO_THEMES, set_theme_catalogue
from ecomap.core.workspace import describe_layer, guess_name_column
from ecomap.errors import DataError
from ecomap.io.registry import open_path
from ecomap.services.workspace_open import open_workspace

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


def write_project(tmp_path, gpkg, **extra):
    project = {"format": "ecomap-project", "version": 1, "title": "t", **extra,
               "layers": [{"source": "missing.gpkg", "layer": "x", "name": "丢失"},
                          {"source": gpkg.name, "layer": "生态红线", "name": "县红线", "theme": "redlines"}]}
    path = tmp_path / "p.ecomap"
    path.write_text(json.dumps(project, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_project_with_titles_and_themes(gpkg, tmp_path):
    ws = open_workspace(write_project(tmp_path, gpkg, crs="EPSG:4490"))
    assert [wl.title for wl in ws] == ["县红线"]  # the missing file is skipped
    assert ws.get("县红线").theme_id == "redlines"
    assert ws.project is not None and ws.project.crs == "EPSG:4490"


def test_a_project_without_a_crs_takes_its_first_open_layers(tmp_path):
    zone41 = tmp_path / "zone41.gpkg"  # not the sample county's zone
    gpd.GeoDataFrame({"红线名称": ["乙红线"]}, geometry=[shapely.box(41_500_000, 4_400_000, 41_500_100, 4_400_100)],
                     crs=4529).to_file(zone41, layer="生态红线")
    ws = open_workspace(write_project(tmp_path, zone41))
    assert ws.project.crs == "EPSG:4529"  # the red lines', the missing layer before them has none


def test_opening_a_project_reports_each_layer_and_stops_when_cancelled(gpkg, tmp_path):
    path = write_project(tmp_path, gpkg)
    seen = []
    open_workspace(path, Feedback(on_progress=lambda fraction, text: seen.append((fraction, text))))
    assert seen == [(0.0, "丢失"), (0.5, "县红线"), (1.0, "")]
    cancelled = Feedback()
    cancelled.cancel()
    with pytest.raises(Cancelled):
        open_workspace(path, cancelled)


def test_a_key_naming_another_file_opens_its_first_layer(gpkg, tmp_path):
    other = tmp_path / "other.gpkg"
    gpd.GeoDataFrame({"XZMC": ["甲镇"]}, geometry=[shapely.box(X0, Y0, X0 + 5, Y0 + 5)], crs=4524).to_file(
        other, layer="乡镇")
    ws = open_workspace(gpkg)
    assert ws.get(str(other), kind="vector").name == "乡镇"
    with pytest.raises(DataError):
        ws.get(str(tmp_path / "nothing.gpkg"))


def test_without_a_theme_catalogue_layers_keep_their_own_names(gpkg):
    (layer,) = open_path(gpkg, layer="生态红线")
    previous = set_theme_catalogue(NO_THEMES)
    try:
        plain = describe_layer(layer)
    finally:
        set_theme_catalogue(previous)
    assert plain.theme is None and plain.column("name") is None and plain.label_column() == "红线名称"
    assert describe_layer(layer).theme_id == "redlines"  # the domain's catalogue, registered by services


def test_describe_layer_and_name_guess():
    assert guess_name_column(["ID", "XMMC", "area"]) == "XMMC"
    assert guess_name_column(["a", "b"]) is None

    class Raster:
        kind = "raster"
        name = "dem"
    wl = describe_layer(Raster())
    assert wl.kind == "raster" and wl.theme is None and wl.column("name") is None
