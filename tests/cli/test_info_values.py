"""`ecomap info` shows attribute values as the source holds them and always prints strict JSON."""

from __future__ import annotations

import contextlib
import io
import json
import math
import sqlite3
from pathlib import Path

import pytest
from real_corpus import REAL, facts, fetched

from ecomap.cli.main import main
from tests.io.attribute_fixtures import datav_geojson, gpkg_with_deleted_rows, patched_shapefile

NULLS = REAL / "pyogrio" / "test_gpkg_nulls.gpkg"


def _run(*args) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["info", *map(str, args)])
    return code, out.getvalue(), err.getvalue()


def _strict(text: str):
    """json.loads refusing NaN, Infinity and -Infinity, which json.dumps writes by default."""
    def refuse(token):
        raise AssertionError(f"not strict JSON: {token}")
    return json.loads(text, parse_constant=refuse)


def _geojson(path: Path) -> bool:
    try:
        kind = json.loads(path.read_text(encoding="utf-8")).get("type")
    except (ValueError, AttributeError):
        return False
    return kind in ("FeatureCollection", "Feature", "Polygon", "MultiPolygon", "Point", "LineString")


def _real_files() -> list[Path]:
    from ecomap.io.registry import format_of

    files = [p for p in sorted(REAL.rglob("*")) if p.is_file() and format_of(p) is not None]
    return files + [fetched(rel.removeprefix("fetched/")) for rel in sorted(facts()) if rel.startswith("fetched/")]


@pytest.mark.parametrize("path", _real_files(), ids=lambda p: p.name)
def test_info_json_is_strict_json_for_every_real_file(path):
    code, out, err = _run(path, "--json")
    if path.suffix == ".json" and not _geojson(path):  # facts, projection tables: not map data
        assert code != 0 and err.startswith("error:") and "Traceback" not in err and out == ""
        return
    assert code == 0, err
    info = _strict(out)
    assert info["kind"] in ("vector", "raster")
    for layer in info.get("layers", []):
        assert set(layer["sample"]) == {f["name"] for f in layer["fields"]}


def test_info_json_is_strict_for_awkward_hand_made_files(tmp_path):
    files = [datav_geojson(tmp_path), gpkg_with_deleted_rows(tmp_path)[0],
             patched_shapefile(tmp_path, "cut", {"MC": ["清徐县".encode("gbk")[:5]], "BZ": [b"\xff\xfe"]})]
    for path in files:
        code, out, err = _run(path, "--json")
        assert code == 0, err
        _strict(out)


def test_datav_properties_are_real_json_values(tmp_path):
    path = datav_geojson(tmp_path)
    first = json.loads(path.read_text(encoding="utf-8"))["features"][0]["properties"]
    code, out, _ = _run(path, "--json")
    assert code == 0
    (layer,) = _strict(out)["layers"]
    types = {f["name"]: f["type"] for f in layer["fields"]}
    assert types["parent"] == types["center"] == types["acroutes"] == "json"
    assert types["adcode"] == "integer" and types["name"] == "string"
    for name, value in first.items():
        assert layer["sample"][name] == value, name
    assert layer["sample"]["parent"] == {"adcode": 140100}


def test_datav_text_view_shows_compact_json(tmp_path):
    code, out, _ = _run(datav_geojson(tmp_path))
    assert code == 0
    assert "parent (json): {\"adcode\":140100}" in out
    assert "acroutes (json): [100000,140000,140100]" in out


def test_integer_and_boolean_fields_are_reported_as_such():
    with sqlite3.connect(f"file:{NULLS}?mode=ro", uri=True) as con:
        cursor = con.execute("SELECT * FROM test_gpkg_nulls ORDER BY fid LIMIT 1")
        first = dict(zip([d[0] for d in cursor.description], cursor.fetchone()))
    code, out, _ = _run(NULLS, "--json")
    assert code == 0
    (layer,) = _strict(out)["layers"]
    types = {f["name"]: f["type"] for f in layer["fields"]}
    for name, kind in types.items():
        if name.startswith(("col_int", "col_uint")):
            assert kind == "integer", name
            assert layer["sample"][name] == first[name] and isinstance(layer["sample"][name], int), name
    assert types["col_bool"] == "boolean" and layer["sample"]["col_bool"] is bool(first["col_bool"])
    assert types["col_float64"] == "real" and math.isclose(layer["sample"]["col_float64"], first["col_float64"])
    _, text, _ = _run(NULLS)
    assert "col_int64 (integer): 1\n" in text and "1.0" not in text.split("col_float32")[0]


def test_analysis_reports_list_the_same_feature_ids(tmp_path):
    import geopandas as gpd
    import pyogrio
    from shapely.geometry import box

    path, table = gpkg_with_deleted_rows(tmp_path)
    pyogrio.write_dataframe(gpd.GeoDataFrame({"名称": ["保护区"]}, geometry=[box(-1, -1, 10, 1)], crs=4490),
                            path, layer="zones")
    with sqlite3.connect(path) as con:
        fids = [fid for (fid,) in con.execute(f"SELECT fid FROM {table} ORDER BY fid")]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        assert main(["overlay", str(path), table, "zones", "--json"]) == 0, err.getvalue()
    pairs = _strict(out.getvalue())["pairs"]
    assert sorted(p["a_fid"] for p in pairs) == fids == [2, 5, 6, 7]


def test_json_value_makes_every_odd_value_strict_json():
    import datetime as dt
    from decimal import Decimal

    import numpy as np
    import pandas as pd

    from ecomap.cli.cmd_info import json_value

    odd = {"nan": float("nan"), "inf": np.float32("inf"), "ninf": -math.inf, "na": pd.NA, "nat": pd.NaT,
           "i": np.int64(2**62), "u": np.uint64(2**63 + 1), "b": np.bool_(True), "arr": np.array([1.5, np.nan]),
           "nested": {"k": [np.int8(1), {"x": np.float64("nan")}]}, "bytes": b"\x01\xff",
           "ts": pd.Timestamp("2024-05-01 08:30", tz="Asia/Shanghai"), "d": dt.date(2024, 5, 1),
           "t": dt.time(8, 30), "dec": Decimal("1.25"), 3: "int key"}
    text = json.dumps(json_value(odd), allow_nan=False)
    back = _strict(text)
    assert back["nan"] is None and back["inf"] is None and back["ninf"] is None and back["na"] is None
    assert back["nat"] is None and back["i"] == 2**62 and back["u"] == 2**63 + 1 and back["b"] is True
    assert back["arr"] == [1.5, None] and back["nested"] == {"k": [1, {"x": None}]} and back["bytes"] == "01ff"
    assert back["ts"] == "2024-05-01T08:30:00+08:00" and back["d"] == "2024-05-01" and back["t"] == "08:30:00"
    assert back["dec"] == 1.25 and back["3"] == "int key"
