import json

import geopandas as gpd
import pytest
import shapely

from ecomap.core.project import LayerEntry, Project, load_project, save_project
from ecomap.errors import DataError
from ecomap.services.project_open import open_project_layers
from tests.io.fixtures import geopackage


def test_round_trip_with_relative_paths(tmp_path):
    (tmp_path / "data").mkdir()
    data = geopackage(tmp_path / "data")
    project = Project(title="示范县", extent=(1.0, 2.0, 3.0, 4.0),
                      layers=[LayerEntry(source=str(data), layer="zones", name="区域", group="基础",
                                         style={"type": "single", "symbol": {"fill": "#ff000080"}}, opacity=0.5)])
    path = save_project(project, tmp_path / "p.ecomap")
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert stored["layers"][0]["source"] == "data/sample.gpkg"
    loaded = load_project(path)
    assert loaded.title == "示范县" and loaded.extent == (1.0, 2.0, 3.0, 4.0)
    entry = loaded.layers[0]
    assert (entry.name, entry.group, entry.opacity, entry.style) == ("区域", "基础", 0.5, project.layers[0].style)
    (pair,) = open_project_layers(loaded)
    assert pair[1].name == "zones" and pair[1].feature_count == 2


def test_project_moves_with_its_data(tmp_path):
    (tmp_path / "a").mkdir()
    data = geopackage(tmp_path / "a")
    save_project(Project(layers=[LayerEntry(source=str(data), layer="sites")]), tmp_path / "a" / "p.ecomap")
    (tmp_path / "a").rename(tmp_path / "b")
    (pair,) = open_project_layers(load_project(tmp_path / "b" / "p.ecomap"))
    assert pair[1] is not None and pair[1].name == "sites"


def test_missing_file_asks_instead_of_failing(tmp_path):
    (tmp_path / "d").mkdir()
    data = geopackage(tmp_path / "d")
    project = Project(layers=[LayerEntry(source=str(tmp_path / "gone.gpkg"), layer="zones")])
    assert open_project_layers(project)[0][1] is None
    asked = []
    pairs = open_project_layers(project, on_missing=lambda e: asked.append(e) or data)
    assert asked and pairs[0][1].name == "zones"


def test_save_is_atomic_and_leaves_no_temp_files(tmp_path, monkeypatch):
    path = tmp_path / "p.ecomap"
    save_project(Project(title="旧"), path)
    before = path.read_bytes()

    def boom(*_args, **_kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", boom)
    with pytest.raises(OSError):
        save_project(Project(title="新"), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["p.ecomap"]


def test_damaged_project_is_a_clear_error(tmp_path):
    path = tmp_path / "bad.ecomap"
    path.write_text("{ not json")
    with pytest.raises(DataError, match="damaged"):
        load_project(path)
    path.write_text('{"format": "something-else"}')
    with pytest.raises(DataError, match="not an EcoMap project"):
        load_project(path)


def test_a_new_project_has_no_crs_until_its_first_layer_gives_one(tmp_path):
    data = tmp_path / "zone41.gpkg"  # 3-degree zone 41, not the sample county's zone 36
    gpd.GeoDataFrame({"name": ["甲"]}, geometry=[shapely.box(41_500_000, 4_400_000, 41_500_100, 4_400_100)],
                     crs=4529).to_file(data, layer="zones")
    assert Project().crs is None and Project().to_dict()["crs"] is None
    path = save_project(Project(layers=[LayerEntry(source=str(tmp_path / "gone.gpkg"), layer="zones"),
                                        LayerEntry(source=str(data), layer="zones")]), tmp_path / "p.ecomap")
    loaded = load_project(path)
    assert loaded.crs is None  # the file records none, and no layer is open yet
    open_project_layers(loaded)
    assert loaded.crs == "EPSG:4529"


def test_a_recorded_crs_is_kept_when_the_layers_open(tmp_path):
    data = geopackage(tmp_path)
    project = Project(crs="EPSG:4490", layers=[LayerEntry(source=str(data), layer="zones")])
    open_project_layers(project)
    assert project.crs == "EPSG:4490"
