"""Attribute values read as the source holds them: JSON shapes, integer and boolean types,
text cut in half or undecodable, and the features' own IDs.

Expected values come from the files themselves (Python's json, sqlite3, the bytes we
wrote) or from GDAL through pyogrio with the encoding set by hand, never from EcoMap."""

from __future__ import annotations

import json
import sqlite3

import numpy as np
import pandas as pd
import pyarrow as pa
import pyogrio
import pytest
from real_corpus import REAL, committed, facts

from ecomap.io.registry import open_path
from tests.io.attribute_fixtures import (
    datav_geojson,
    gpkg_with_deleted_rows,
    patched_shapefile,
)

NULLS = REAL / "pyogrio" / "test_gpkg_nulls.gpkg"


def _gdal_table(path, **kw) -> pa.Table:
    with pyogrio.open_arrow(path, use_pyarrow=True, return_fids=True, **kw) as (_, reader):
        return reader.read_all()


# ----------------------------------------------------------------------------- JSON values


def test_datav_arrays_and_nested_objects_read_as_compact_json(tmp_path):
    path = datav_geojson(tmp_path)
    (layer,) = open_path(path)
    frame = layer.features
    source = [f["properties"] for f in json.loads(path.read_text(encoding="utf-8"))["features"]]
    assert set(layer.json_fields) == {"center", "centroid", "parent", "acroutes", "tags", "extra"}
    for column in layer.json_fields:
        for row, props in enumerate(source):
            got = frame[column].iloc[row]
            if props.get(column) is None:
                assert pd.isna(got), (column, row)
            else:
                assert isinstance(got, str) and ": " not in got and ", " not in got  # compact
                assert json.loads(got) == props[column], (column, row)
    assert frame["acroutes"].iloc[2] == "[]"
    assert frame["extra"].iloc[1] == '{"source":{"name":"天地图","year":2023},"codes":[1,2.5,null]}'
    assert frame["adcode"].tolist()[:2] == [140121, 140122] and pd.isna(frame["adcode"].iloc[2])


def test_json_text_works_with_filters_and_exports(tmp_path):
    from ecomap.core import expression
    from ecomap.io.export import ExportItem, export_layers

    (layer,) = open_path(datav_geojson(tmp_path))
    mask = expression.evaluate("parent LIKE '%140100%'", layer.features, {})
    assert mask.tolist() == [True, True, False]
    out = tmp_path / "out.gpkg"
    export_layers([ExportItem(layer)], out)
    back = pyogrio.read_dataframe(out)
    assert back["parent"].tolist()[:2] == ['{"adcode":140100}'] * 2


# ----------------------------------------------------------------------------- field types


def test_nullable_integers_and_booleans_keep_their_type():
    (layer,) = open_path(NULLS)
    frame = layer.features
    with sqlite3.connect(f"file:{NULLS}?mode=ro", uri=True) as con:
        rows = con.execute("SELECT * FROM test_gpkg_nulls ORDER BY fid").fetchall()
        names = [d[0] for d in con.execute("SELECT * FROM test_gpkg_nulls").description]
    stored = pd.DataFrame(rows, columns=names)
    for column in [c for c in names if c.startswith(("col_int", "col_uint"))]:
        assert pd.api.types.is_integer_dtype(frame[column].dtype), column
        got = [None if v is pd.NA else v for v in frame[column].tolist()]
        want = [None if pd.isna(v) else int(v) for v in stored[column]]
        assert got == want and all(isinstance(v, int) for v in got if v is not None), column
    assert pd.api.types.is_bool_dtype(frame["col_bool"].dtype)
    assert [None if v is pd.NA else v for v in frame["col_bool"]] == \
        [None if pd.isna(v) else bool(v) for v in stored["col_bool"]]


def test_integers_without_nulls_stay_plain_numpy(tmp_path):
    (layer,) = open_path(datav_geojson(tmp_path))
    assert layer.features["subFeatureIndex"].dtype == np.int32  # no NULLs: what every other reader gives
    assert str(layer.features["adcode"].dtype) == "Int32"  # a NULL: nullable, not float


def test_empty_layer_keeps_declared_types(tmp_path):
    path = tmp_path / "empty.gpkg"
    with sqlite3.connect(NULLS) as src, sqlite3.connect(path) as dst:
        src.backup(dst)
    with sqlite3.connect(path) as con:
        con.execute("DELETE FROM test_gpkg_nulls")
    (layer,) = open_path(path)
    assert layer.feature_count == 0
    assert pd.api.types.is_integer_dtype(layer.features["col_int64"].dtype)


# ----------------------------------------------------------------------------- text cut in half


def _gbk(text: str) -> bytes:
    return text.encode("gbk")


def test_gbk_value_cut_at_field_width_reads_without_the_half_character(tmp_path):
    whole = "清徐县东于镇王答村"
    cut = _gbk(whole)[:15]  # 7 characters and the first byte of the 8th
    assert cut[-1] >= 0x81  # really half a character
    values = [_gbk("山西省太原市清徐县"), cut, _gbk("阳曲县黄寨镇")]
    path = patched_shapefile(tmp_path, "村界", {"CJMC": values})
    (layer,) = open_path(path)
    assert (layer.encoding.encoding, layer.encoding.guessed) == ("GBK", True)
    gdal = _gdal_table(path, encoding="GBK").column("CJMC").to_pylist()
    got = layer.features["CJMC"].tolist()
    assert got[0] == gdal[0] == "山西省太原市清徐县" and got[2] == gdal[2]
    assert got[1] == cut[:-1].decode("gbk") == whole[:7]
    notes = [n for n in layer.notes if "CJMC" in n]
    assert len(notes) == 1 and "1" in notes[0]


def test_undecodable_column_shows_replacement_characters_and_a_note(tmp_path):
    garbage = [b"\xff\xfe\xff", b"ok", b"\x80\xff"]
    path = patched_shapefile(tmp_path, "乱码", {"MC": [_gbk("水源地"), _gbk("红线"), _gbk("湿地")], "BZ": garbage})
    (layer,) = open_path(path)
    assert layer.encoding.encoding == "GBK"  # one garbled field does not outvote the Chinese
    assert layer.features["MC"].tolist() == ["水源地", "红线", "湿地"]
    got = layer.features["BZ"].tolist()
    assert got == [v.decode("gbk", errors="replace") for v in garbage]
    assert "\ufffd" in got[0] and got[1] == "ok"
    # GDAL alone empties what it cannot convert, and says nothing about which value
    assert _gdal_table(path, encoding="GBK").column("BZ").to_pylist()[0] != got[0]
    notes = [n for n in layer.notes if "BZ" in n]
    assert len(notes) == 1 and "2" in notes[0]


def test_utf8_shapefile_cut_in_a_character_does_not_fail(tmp_path):
    values = ["土地利用现状".encode()[:10], "林地".encode(), b"\xff" + "耕地".encode()]
    path = patched_shapefile(tmp_path, "dl", {"DLMC": values}, encoding="UTF-8", cpg="UTF-8")
    with pytest.raises(UnicodeDecodeError):  # what pyarrow makes of GDAL's bytes
        _gdal_table(path).column("DLMC").to_pylist()
    (layer,) = open_path(path)
    assert layer.features["DLMC"].tolist() == ["土地利", "林地", "\ufffd耕地"]
    assert sum("DLMC" in n for n in layer.notes) == 2


def test_utf8_field_name_cut_in_a_character_does_not_fail(tmp_path):
    path = patched_shapefile(tmp_path, "names", {"ABCDEFGHIJ": [b"x", b"y"]}, encoding="UTF-8", cpg="UTF-8")
    dbf = path.with_suffix(".dbf")
    raw = bytearray(dbf.read_bytes())
    at = raw.find(b"ABCDEFGHIJ")
    raw[at:at + 10] = "土地利用".encode()[:10]
    dbf.write_bytes(bytes(raw))
    with pytest.raises(UnicodeDecodeError):  # pyogrio alone refuses the whole file
        _gdal_table(path)
    (layer,) = open_path(path)
    assert layer.attribute_columns == ["土地利"]
    assert layer.features["土地利"].tolist() == ["x", "y"]
    assert any("土地利" in n for n in layer.notes)


def test_clean_gbk_shapefile_has_no_text_notes(tmp_path):
    values = [_gbk("黄河沿岸水土保持红线"), _gbk("白于山水源涵养红线")]
    (layer,) = open_path(patched_shapefile(tmp_path, "红线", {"HXMC": values}))
    assert layer.features["HXMC"].tolist() == ["黄河沿岸水土保持红线", "白于山水源涵养红线"]
    assert not any("HXMC" in n for n in layer.notes)


# ----------------------------------------------------------------------------- feature IDs


def test_geopackage_fids_with_gaps_are_the_ids_shown(tmp_path):
    from ecomap.services import editing

    path, table = gpkg_with_deleted_rows(tmp_path)
    with sqlite3.connect(path) as con:
        stored = con.execute(f"SELECT fid, DKBM FROM {table} ORDER BY fid").fetchall()
    (layer,) = open_path(path)
    assert [int(v) for v in layer.features.index] == [fid for fid, _ in stored] == [2, 5, 6, 7]
    assert layer.feature_ids().tolist() == [2, 5, 6, 7]
    assert layer.feature_ids([1, 3]).tolist() == [5, 7]
    assert layer.features["DKBM"].tolist() == [code for _, code in stored]
    target = editing.bind(path, table, layer)  # editing matches rows to fids the same way
    assert target.fids.tolist() == layer.feature_ids().tolist()


def test_shapefile_ids_are_record_numbers_even_past_deleted_records(tmp_path):
    path = patched_shapefile(tmp_path, "pts", {"MC": [b"a", b"b", b"c", b"d"]})
    dbf = path.with_suffix(".dbf")
    raw = bytearray(dbf.read_bytes())
    header_len, record_len = int.from_bytes(raw[8:10], "little"), int.from_bytes(raw[10:12], "little")
    raw[header_len + record_len] = ord("*")  # record 2 deleted
    dbf.write_bytes(bytes(raw))
    gdal_fids = _gdal_table(path).column(0).to_pylist()
    (layer,) = open_path(path)
    assert layer.features["MC"].tolist() == ["a", "c", "d"]
    assert layer.feature_ids().tolist() == [f + 1 for f in gdal_fids] == [1, 3, 4]


@pytest.mark.parametrize("rel", [r for r in sorted(facts()) if not r.startswith("fetched/")])
def test_real_files_ids_follow_gdal_fids(rel):
    layers = {lyr.name: lyr for lyr in open_path(committed(rel))}
    for want in facts()[rel]["layers"]:
        layer = layers[want["layer"]]
        fids = np.asarray(want["fids"])
        shown = layer.feature_ids(np.arange(len(fids)))
        if rel.endswith(".gpkg"):
            expected = fids
        elif rel.endswith(".shp"):
            expected = fids + 1  # the record number
        else:
            expected = np.arange(1, len(fids) + 1)  # the position in the file
        assert shown.tolist() == expected.tolist(), rel
        assert np.asarray(layer.features.index[: len(fids)]).tolist() == expected.tolist(), rel
