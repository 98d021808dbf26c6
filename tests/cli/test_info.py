import json

import pytest
from pyproj import Geod, Transformer

from ecomap.cli.main import main
from tests.io.fixtures import gbk_shapefile_without_cpg, geopackage


def _info(capsys, *args):
    assert main(["info", *map(str, args), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_vector_json_shape(tmp_path, capsys):
    info = _info(capsys, gbk_shapefile_without_cpg(tmp_path))
    assert info["kind"] == "vector"
    (layer,) = info["layers"]
    assert layer["geometry_type"] == "Polygon" and layer["feature_count"] == 3
    crs = layer["crs"]
    assert {k: crs[k] for k in ("epsg", "name", "assumed_epsg")} == {
        "epsg": None, "name": "CGCS2000 / 3-degree Gauss-Kruger zone 36", "assumed_epsg": 4524}
    assert crs["matched_by"] == "coordinates" and not crs["declared"] and crs["datum_shift"] is None
    assert layer["bounds"][0] > 36_000_000  # x is the easting
    assert [f["name"] for f in layer["fields"]] == ["HXMC", "LXBM", "MJ"]
    assert all(f["alias"] is None for f in layer["fields"])
    assert {f["name"]: f["type"] for f in layer["fields"]}["MJ"] == "real"
    assert layer["encoding"] == "GBK"
    assert layer["sample"] == {"HXMC": "黄河沿岸水土保持红线", "LXBM": "13", "MJ": 100.0}
    assert layer["invalid_geometries"] == 0
    # independent geodesic area of the three squares (1000², 500², 300² in GK metres)
    to_ll = Transformer.from_crs(4524, 4490, always_xy=True)
    geod = Geod(ellps="GRS80")
    total = 0.0
    for x, y, s in [(36400000, 4100000, 1000), (36402000, 4100000, 500), (36404000, 4100000, 300)]:
        lon, lat = to_ll.transform([x, x + s, x + s, x], [y, y, y + s, y + s])
        total += abs(geod.polygon_area_perimeter(lon, lat)[0])
    assert layer["area_m2"] == pytest.approx(total, rel=1e-6)


def test_point_layer_has_no_area_and_multi_layer_gpkg(tmp_path, capsys):
    info = _info(capsys, geopackage(tmp_path))
    layers = {layer["name"]: layer for layer in info["layers"]}
    assert layers["sites"]["area_m2"] is None and layers["sites"]["geometry_type"] == "Point"
    assert layers["zones"]["crs"]["epsg"] == 4524 and layers["zones"]["crs"]["assumed_epsg"] is None
    assert layers["zones"]["sample"] == {"名称": "甲"}


def test_readable_table_in_chinese(tmp_path, capsys):
    path = gbk_shapefile_without_cpg(tmp_path)
    assert main(["--lang", "zh_CN", "info", str(path)]) == 0
    out = capsys.readouterr().out
    assert "黄河沿岸水土保持红线" in out and "EPSG:4524" in out
    assert "图层" in out and "坐标系" in out  # labels are Chinese, not English


def test_help_speaks_chinese_then_english(capsys):
    import pytest as _pytest

    with _pytest.raises(SystemExit):
        main(["--lang", "zh_CN", "info"])
    assert "缺少必需的参数" in capsys.readouterr().err
    with _pytest.raises(SystemExit):
        main(["--lang", "en", "info"])
    assert "the following arguments are required" in capsys.readouterr().err


def test_area_is_labelled_as_the_sum_of_feature_areas(tmp_path, capsys):
    """Two features over the same square: info adds both (overlaps are not dissolved there)."""
    import geopandas as gpd
    import shapely

    path = tmp_path / "重叠.gpkg"
    square = shapely.box(36400000, 4100000, 36401000, 4101000)
    gpd.GeoDataFrame({"MC": ["甲", "乙"]}, geometry=[square, square], crs=4524).to_file(path)
    lon, lat = Transformer.from_crs(4524, 4490, always_xy=True).transform(*square.exterior.xy)
    one = abs(Geod(ellps="GRS80").polygon_area_perimeter(lon, lat)[0])
    (layer,) = _info(capsys, path)["layers"]
    assert layer["area_m2"] == pytest.approx(2 * one, rel=1e-6) and layer["area_kind"] == "feature_sum"
    assert main(["--lang", "en", "info", str(path)]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("Area"))
    assert line.startswith("Area (sum of features)") and f"{2 * one:,.1f} m²" in line
