"""An overlap of layers left in their GeoPackage (read in part) equals that of the layers read in full."""

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from helpers import X0, Y0, random_polygons

from ecomap.analysis import overlay
from ecomap.core.feedback import Cancelled, Feedback
from ecomap.io.stored_layers import StoredLayer, analysis_workspace, open_geopackage
from ecomap.services.workspace_open import open_workspace


@pytest.fixture
def county_gpkg(tmp_path):
    rng = np.random.default_rng(3)
    parcels = random_polygons(rng, 600, (X0, Y0, X0 + 6000, Y0 + 6000), 150)
    zones = random_polygons(rng, 5, (X0 + 500, Y0 + 500, X0 + 2500, Y0 + 2500), 700, vertices=12)
    path = tmp_path / "county.gpkg"
    # fids with gaps, as a layer with deleted rows has them
    landuse = gpd.GeoDataFrame({"fid": np.arange(1, 3 * len(parcels) + 1, 3),
                                "DLMC": rng.choice(["旱地", "林地", "草地"], len(parcels)),
                                "BSM": [f"P{i}" for i in range(len(parcels))],
                                "TBMJ": rng.uniform(100, 900, len(parcels))},
                               geometry=list(parcels), crs="EPSG:4524")
    landuse.to_file(path, layer="landuse", driver="GPKG", engine="pyogrio")
    red = gpd.GeoDataFrame({"HXBM": [f"R{i}" for i in range(len(zones))], "HXMC": [f"红线{i}" for i in range(5)]},
                           geometry=list(zones), crs="EPSG:4524")
    red.to_file(path, layer="redline", driver="GPKG", engine="pyogrio")
    return path


def _both(path):
    return analysis_workspace(path, open_workspace), open_workspace(path)


def test_stored_layers_give_the_table_and_summary_of_the_full_read(county_gpkg):
    stored, full = _both(county_gpkg)
    assert isinstance(stored.get("landuse").layer, StoredLayer)
    a = overlay.run(stored.get("landuse"), stored.get("redline"), by_a=["DLMC"], by_b=["HXBM"])
    b = overlay.run(full.get("landuse"), full.get("redline"), by_a=["DLMC"], by_b=["HXBM"])
    assert len(a.table) > 30
    pd.testing.assert_frame_equal(a.table, b.table)
    assert shapely.equals_exact(a.geometries, b.geometries, 0).all()
    pd.testing.assert_frame_equal(a.summary(), b.summary())
    assert a.covered_area_m2() == b.covered_area_m2()
    assert set(a.table["a_fid"]) <= set(range(1, 1800, 3))  # the file's own ids


def test_swapped_sides_and_names_match_too(county_gpkg):
    stored, full = _both(county_gpkg)
    a = overlay.run(stored.get("redline"), stored.get("landuse"))
    b = overlay.run(full.get("redline"), full.get("landuse"))
    pd.testing.assert_frame_equal(a.table, b.table)
    assert a.table["a_name"].str.startswith("红线").all()


def test_only_features_near_the_boxes_are_read(county_gpkg):
    layers = {lyr.name: lyr for lyr in open_geopackage(county_gpkg)}
    landuse = layers["landuse"]
    boxes = np.array([[X0 + 1000, Y0 + 1000, X0 + 1500, Y0 + 1400]])
    part = landuse.read(["DLMC"], boxes)
    everything = gpd.read_file(county_gpkg, layer="landuse", engine="pyogrio", fid_as_index=True)
    b = everything.geometry.bounds
    meets = ((b.maxx >= boxes[0, 0]) & (b.minx <= boxes[0, 2]) & (b.maxy >= boxes[0, 1]) & (b.miny <= boxes[0, 3]))
    assert 0 < len(part.ids) < len(everything)
    assert set(everything.index[meets]) <= set(part.ids)  # none that meets a box is missed
    assert list(part.ids) == sorted(part.ids)
    assert list(part.frame.columns) == ["DLMC"]
    assert (part.frame["DLMC"].to_numpy() == everything.loc[part.ids, "DLMC"].to_numpy()).all()
    assert shapely.equals_exact(part.geometry, np.asarray(everything.loc[part.ids].geometry.array), 0).all()


def test_a_stored_layer_reads_itself_in_full_for_anything_else(county_gpkg):
    landuse = {lyr.name: lyr for lyr in open_geopackage(county_gpkg)}["landuse"]
    assert landuse.geometry_type == "Polygon" and landuse.feature_count == 600
    assert "DLMC" in landuse.attribute_columns
    assert len(landuse.features) == 600 and landuse.bounds is not None
    part = landuse.read(["BSM"])  # from memory now
    assert len(part.ids) == 600 and list(part.ids[:2]) == [1, 4]


def test_other_sources_open_the_usual_way(tmp_path, county_gpkg):
    seen = []
    analysis_workspace(tmp_path / "project.ecomap", lambda p: seen.append(p) or "opened")
    assert seen == [tmp_path / "project.ecomap"]


def test_reading_in_part_can_be_cancelled(county_gpkg):
    stored, _ = _both(county_gpkg)
    fb = Feedback()
    fb.cancel()
    with pytest.raises(Cancelled):
        overlay.run(stored.get("landuse"), stored.get("redline"), feedback=fb)
