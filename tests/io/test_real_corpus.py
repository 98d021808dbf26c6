"""Real files nobody on the team wrote, read the way a user reads them (`ecomap info --json`),
compared with facts computed by GDAL and pyproj.Geod alone (tests/data/real/facts.json)."""

from __future__ import annotations

import contextlib
import io
import json
import math

import pandas as pd
import pytest
from real_corpus import committed, facts, fetched

from ecomap.cli.main import main as ecomap_main

#: where each file's coordinates really are (EPSG), as its provenance says
EXPECTED_EPSG = {
    "cinrad_data/Province.shp": 4610,  # .prj: GCS_XiAn_1980 / International_1975
    "fetched/metdig/hyd1_4p.shp": 4490,  # no .prj: China lon/lat, assumed CGCS2000
}
#: files whose area the one area algorithm must match within 0.01 %: China, not the whole globe
AREA_CHECKED = {rel for rel in facts() if not rel.startswith("pyogrio/naturalearth")}


def _path(rel: str):
    return fetched(rel.removeprefix("fetched/")) if rel.startswith("fetched/") else committed(rel)


def _strict(text: str):
    def refuse(token):
        raise AssertionError(f"not strict JSON: {token}")
    return json.loads(text, parse_constant=refuse)


def info_json(path) -> dict:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = ecomap_main(["info", "--json", str(path)])
    assert code == 0, err.getvalue() + out.getvalue()
    return _strict(out.getvalue())


@pytest.fixture(scope="module", params=sorted(facts()))
def case(request):
    rel = request.param
    return rel, facts()[rel], info_json(_path(rel))


def test_every_layer_and_feature_is_read(case):
    rel, expected, info = case
    layers = {layer["name"]: layer for layer in info["layers"]}
    for want in expected["layers"]:
        got = layers[want["layer"]]
        assert got["feature_count"] == want["feature_count"], rel
        assert got["geometry_type"] is not None, rel


def test_the_coordinate_system_is_identified(case):
    rel, expected, info = case
    epsg = EXPECTED_EPSG.get(rel, expected["epsg"])
    for layer in info["layers"]:
        crs = layer["crs"]
        assert epsg in (crs["epsg"], crs["assumed_epsg"]), (rel, crs)


def test_area_agrees_with_geodesic_area(case):
    rel, expected, info = case
    if rel not in AREA_CHECKED:
        pytest.skip("world polygons crossing the antimeridian: checked per feature elsewhere")
    layers = {layer["name"]: layer for layer in info["layers"]}
    for want in expected["layers"]:
        geodesic = math.fsum(want["area_m2"])
        got = layers[want["layer"]]["area_m2"]
        if geodesic == 0:
            assert not got, rel
        else:
            assert got == pytest.approx(geodesic, rel=1e-4), rel


def test_text_reads_as_gdal_reads_it_with_the_encoding_set_by_hand(case):
    rel, expected, _ = case
    from ecomap.io.registry import open_path

    for want in expected["layers"]:
        if not want["field"]:
            continue
        layer = next(lyr for lyr in open_path(_path(rel)) if lyr.name == want["layer"])
        values = layer.features[want["field"]].iloc[: len(want["values"])].tolist()
        clean = [None if v is pd.NA or (isinstance(v, float) and math.isnan(v)) else v for v in values]
        assert clean == want["values"], rel
