"""The pathological inputs named in the fuzzing brief, built on demand as saved-input folders.

Each is far bigger or stranger than a real file (50,000 nested KML folders, a 5,000-deep
MultiGeometry, a CSV of 20,000 columns, JSON nested 100,000 deep, integers of 50,000
digits, zip members that fail to inflate, .cpg files naming codecs that are no text
encodings) and must answer in seconds, with a layer or a DataError. They are written
rather than committed: a few lines make megabytes.
"""

from __future__ import annotations

import io
import itertools
import json
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

from tests.fuzz.seeds import SEED_FOLDER

_POINT = "<Placemark><name>p</name><Point><coordinates>110.5,38.0</coordinates></Point></Placemark>"


def _kml(body: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
            f"<name>d</name>{body}</Document></kml>").encode()


#: what ArcGIS on a Chinese PC writes: the names in GBK
_GBK_PRJ = ('GEOGCS["西安80",DATUM["D_Xian_1980",SPHEROID["Xian_1980",6378140.0,298.257]],'
            'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]').encode("gbk")


def _billion_laughs() -> bytes:
    """Nine entities, each ten of the one before: 10^9 "a" once expanded."""
    names = "abcdefghi"
    entities = ['<!ENTITY a "aaaaaaaaaa">'] + [f'<!ENTITY {name} "{("&" + prev + ";") * 10}">'
                                               for prev, name in itertools.pairwise(names)]
    return ('<?xml version="1.0"?><!DOCTYPE kml [' + "".join(entities)
            + "]><kml><Document><name>&i;</name>" + _POINT + "</Document></kml>").encode()


def _geojson(geometry: str, properties: str = "{}") -> bytes:
    """One feature; ``properties`` may carry bytes that are not UTF-8 as surrogate escapes."""
    return ('{"type":"FeatureCollection","features":[{"type":"Feature","properties":' + properties
            + ',"geometry":' + geometry + "}]}").encode("utf-8", "surrogateescape")


def _csv_wide(columns: int) -> bytes:
    header = ",".join(["经度", "纬度"] + [f"c{i}" for i in range(columns)])
    row = ",".join(["110.5", "38.0"] + ["1"] * columns)
    return (header + "\n" + row + "\n" + row + "\n").encode()


def _zip_damaged(method: int) -> bytes:
    members = {"a.csv": "经度,纬度\n110.5,38.0\n".encode() * 200}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    raw = bytearray(buffer.getvalue())
    start = 30 + len("a.csv")
    for at in range(start + 4, start + 40, 3):
        raw[at] ^= 0x55
    return bytes(raw)


def _shapefile(folder: str, **replace: bytes) -> dict[str, bytes]:
    files = {p.name: p.read_bytes() for p in sorted((SEED_FOLDER / folder).iterdir())}
    stem = Path(next(n for n in files if n.endswith(".shp"))).stem
    for suffix, data in replace.items():
        files[f"{stem}.{suffix}"] = data
    return files


def _dbf_zero_width_field() -> dict[str, bytes]:
    files = _shapefile("shp_gbk_nocpg")
    name = next(n for n in files if n.endswith(".dbf"))
    dbf = bytearray(files[name])
    dbf[32 + 16] = 0  # the first field's length
    files[name] = bytes(dbf)
    return files


def _main_of(files: dict[str, bytes]) -> str:
    return next(n for n in files if n.endswith((".shp", ".kml", ".geojson", ".csv", ".zip", ".txt", ".dxf")))


#: name → (files, outcome it must have, texts the outcome must mention)
CASES: dict[str, Callable[[], tuple[dict[str, bytes], str, list[str]]]] = {
    "kml_50000_nested_folders": lambda: (
        {"deep.kml": _kml("<Folder><name>f</name>" * 50_000 + _POINT + "</Folder>" * 50_000)}, "ok",
        ['"features": 1', '"name": "…/f/f/f/f/f/f/f/f/f/f/f/f/f/f/f/f/f/f/f/f"']),
    "kml_5000_deep_multigeometry": lambda: (
        {"deep.kml": _kml("<Placemark><name>m</name>" + "<MultiGeometry>" * 5000
                          + "<Point><coordinates>110.5,38.0</coordinates></Point>" + "</MultiGeometry>" * 5000
                          + "</Placemark>")}, "ok", ['"features": 1']),
    "kml_degenerate_ring_200000_vertices": lambda: (
        {"sliver.kml": _kml("<Placemark><name>s</name><Polygon><outerBoundaryIs><LinearRing><coordinates>"
                            + " ".join(f"{110 + i * 1e-5:.5f},{38 + i * 1e-5:.5f}" for i in range(200_000))
                            + "</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>")},
        "ok", ['"features": 1']),
    "kml_billion_laughs": lambda: ({"lol.kml": _billion_laughs()}, "clean", ["entities"]),
    "geojson_nested_100000": lambda: (
        {"deep.geojson": _geojson('{"type":"Point","coordinates":' + "[" * 100_000 + "1" + "]" * 100_000 + "}")},
        "clean", ["nested deeper"]),
    "geojson_property_nested_100000": lambda: (
        {"deep.geojson": _geojson('{"type":"Point","coordinates":[110.5,38.0]}',
                                  '{"p":' + "[" * 100_000 + "1" + "]" * 100_000 + "}")}, "clean", ["nested deeper"]),
    "geojson_huge_int": lambda: (
        {"big.geojson": _geojson('{"type":"Point","coordinates":[110.5,38.0]}', '{"n":' + "9" * 50_000 + "}")},
        "clean", ["thousands of digits"]),
    "geojson_huge_int_coordinate": lambda: (
        {"big.geojson": _geojson('{"type":"Point","coordinates":[' + "9" * 50_000 + ",38]}")}, "clean",
        ["thousands of digits"]),
    "geojson_arrays_not_utf8": lambda: (
        {"bad.geojson": _geojson('{"type":"Point","coordinates":[110.5,38.0]}',
                                 '{"tags":["ok","\xed\xa0\x80\xff"],"obj":{"a":"\xb1\xa3"},"name":"\xc3"}'
                                 .encode("latin-1").decode("utf-8", "surrogateescape"))},
        "ok", ["field tags: 1 value(s) hold bytes that are not UTF-8", "field obj: 1 value(s)", "field name: 1",
               '"tags": "[\\"ok\\",', '"obj": "{\\"a\\":\\"\ufffd\ufffd\\"}"']),
    "geojson_written_in_gbk": lambda: (
        {"gbk.geojson": ('{"type":"FeatureCollection","name":"红线","features":[{"type":"Feature","properties":'
                         '{"名称":"黄河湿地"},"geometry":{"type":"Point","coordinates":[110.5,38.0]}}]}').encode("gbk")},
        "clean", ["field names are not UTF-8 text"]),
    "csv_20000_columns": lambda: ({"wide.csv": _csv_wide(20_000)}, "ok", ['"features": 2', '"column_count": 20002']),
    "csv_oversized_field": lambda: (
        {"big.csv": ('经度,纬度,备注\n110.5,38.0,"' + "x" * 1_000_000 + '"\n').encode()}, "ok", ['"features": 1']),
    "csv_quoted_header_oversized_field": lambda: (
        {"q.csv": ('"点号\tX\tY\t地类,"' + "x" * 131_073 + '"\nJ1\t4100000.5\t36400000.25\t旱地\n').encode("gbk")},
        "clean", ["no coordinate columns"]),
    "csv_huge_int_coordinate": lambda: (
        {"big.csv": ("经度,纬度,编号\n" + "9" * 50_000 + ",38.0," + "9" * 50_000 + "\n110.5,38,1\n").encode()},
        "ok", ['"features": 2', "unreadable coordinates, kept without geometry: 1 (rows 2)"]),
    "txt_huge_numbers": lambda: (
        {"big.txt": ("[属性描述]\n带号=" + "9" * 50_000 + "\n[地块坐标]\n" + "9" * 5000
                     + ",1e400,A,甲,面,,,,@\nJ1,1,1e400,38383000\nJ2,1,2582800,38383200\nJ3,1,2582950,38383200\n"
                     ).encode()}, "clean", ["界址点数"]),
    "dxf_cut_after_cr": lambda: (
        {"cut.dxf": b"  0\r\nSECTION\r\n  2\r\nENTITIES\r\n  0\r\nLINE\r\n  8\r\n0\r"}, "clean", ["DXF"]),
    "zip_deflate_fails": lambda: ({"a.zip": _zip_damaged(zipfile.ZIP_DEFLATED)}, "clean", ["damaged"]),
    "zip_lzma_fails": lambda: ({"a.zip": _zip_damaged(zipfile.ZIP_LZMA)}, "clean", ["damaged"]),
    "dbf_zero_width_field": lambda: (_dbf_zero_width_field(), "ok", ['"features": 3']),
}
for _name, _codec in (("rot13", b"rot13"), ("hex", b"hex"), ("base64", b"base64"), ("undefined", b"undefined"),
                      ("nul", b"UTF-8\x00"), ("utf16", b"utf-16"), ("zlib", b"zlib")):
    CASES[f"cpg_{_name}"] = lambda codec=_codec: (_shapefile("shp_gbk_nocpg", cpg=codec), "ok",
                                                  ["the .cpg file", '"HXMC": "黄河沿岸水土保持红线"'])
CASES["prj_garbage"] = lambda: (_shapefile("shp_utf8_cpg_prj", prj=b'PROJCS["x",GEOGCS[' + b"\xff" * 40), "ok",
                                 ["the .prj file cannot be read"])
CASES["prj_gbk_names"] = lambda: (_shapefile("shp_lines_4326", prj=_GBK_PRJ), "ok", ['"crs": 4610'])
CASES["zero_length_line"] = lambda: (
    {"line.geojson": ('{"type":"FeatureCollection","features":[' + ",".join(
        '{"type":"Feature","properties":{},"geometry":' + g + "}" for g in (
            '{"type":"LineString","coordinates":[[110.5,38.0],[110.5,38.0]]}',
            '{"type":"Polygon","coordinates":[[[110,38],[111,38],[111,39],[110,38]]]}')) + "]}").encode()},
    "ok", ["mixed geometry: 1 lines, 0.0 m long"])


def write(root: Path, names: list[str] | None = None) -> list[Path]:
    """Each case as a folder under ``root`` (its files and an expect.json), the folders written."""
    out = []
    for name in names or sorted(CASES):
        files, outcome, contains = CASES[name]()
        folder = root / name
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        for file_name, data in files.items():
            (folder / file_name).write_bytes(data)
        expect = {"main": _main_of(files), "contains": contains}
        if outcome:
            expect["outcome"] = outcome
        (folder / "expect.json").write_text(json.dumps(expect, ensure_ascii=False))
        out.append(folder)
    return out
