"""Mutations that know containers: GeoPackage tables and blobs (through sqlite), ZIP and
KMZ archives (members that fail to inflate, lying headers, unsafe names, members
mutated by their own format's mutations)."""

from __future__ import annotations

import io
import random
import sqlite3
import struct
import tempfile
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from tests.fuzz.values import extreme_double, huge_digits, number_text

# --------------------------------------------------------------------------- GeoPackage


def _wkb_point(x: float, y: float) -> bytes:
    return struct.pack("<BIdd", 1, 1, x, y)


def _gp(wkb: bytes, flags: int = 0x01, srs: int = 0, envelope: bytes = b"") -> bytes:
    return b"GP" + bytes([0, flags]) + struct.pack("<i", srs) + envelope + wkb


def _odd_blob(rng: random.Random) -> tuple[bytes | str | int | float | None, str]:
    choice = rng.randrange(12)
    if choice == 0:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 60))), "random blob"
    if choice == 1:
        return _gp(_wkb_point(extreme_double(rng), extreme_double(rng))), "point with odd coordinates"
    if choice == 2:
        return _gp(struct.pack("<BII", 1, 2, 0x7FFFFFFF) + b"\x00" * 32), "line claiming 2^31 points"
    if choice == 3:
        depth = rng.choice([100, 1000, 20_000])
        wkb = struct.pack("<BII", 1, 7, 1) * depth + _wkb_point(1, 2)
        return _gp(wkb), f"GeometryCollection nested {depth}"
    if choice == 4:
        return _gp(struct.pack("<BI", 1, rng.choice([8, 9, 10, 11, 12, 15, 16, 17, 99, 1000, 3001, 0x7FFFFFFF]))
                   + b"\x00" * 24), "odd geometry type code"
    if choice == 5:
        return _gp(_wkb_point(1, 2), flags=rng.choice([0x03, 0x05, 0x07, 0x09, 0x0F, 0x21, 0xFF])), "envelope flags lie"
    if choice == 6:
        return b"GP\x00\x01", "header only"
    if choice == 7:
        return _wkb_point(1, 2), "WKB without the GP header"
    if choice == 8:
        return rng.choice(["POINT(1 2)", "", "水"]), "text in the geometry column"
    if choice == 9:
        return rng.choice([5, 1e308, -1]), "number in the geometry column"
    if choice == 10:
        ring = struct.pack("<I", 3) + struct.pack("<6d", 0, 0, 1, 0, 1, 1)  # not closed
        return _gp(struct.pack("<BII", 1, 3, 1) + ring), "polygon ring not closed"
    return _gp(struct.pack("<BII", 1, 9, 1) + struct.pack("<BII", 1, 8, 2) + struct.pack("<4d", 0, 0, 1, 1)), \
        "compound curve with too few points"


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def gpkg_sql(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    """Change the GeoPackage through sqlite: blobs, metadata rows, values of the wrong type."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.gpkg"
        path.write_bytes(data)
        try:
            con = sqlite3.connect(path)
            con.text_factory = lambda raw: raw.decode("utf-8", "replace")
            what = _gpkg_change(rng, con)
            con.commit()
            con.close()
        except (sqlite3.Error, ValueError) as exc:
            return data, f"gpkg sql failed ({exc})"
        return path.read_bytes(), what


def _gpkg_change(rng: random.Random, con: sqlite3.Connection) -> str:
    tables = [row[0] for row in con.execute("SELECT table_name FROM gpkg_contents")]
    geometry = dict(con.execute("SELECT table_name, column_name FROM gpkg_geometry_columns").fetchall())
    if not tables:
        return "gpkg without tables"
    table = rng.choice(tables)
    columns = [row[1] for row in con.execute(f"PRAGMA table_info({_quote(table)})")]
    choice = rng.randrange(9)
    if choice <= 2 and table in geometry:
        blob, what = _odd_blob(rng)
        con.execute(f"UPDATE {_quote(table)} SET {_quote(geometry[table])} = ? WHERE rowid IN "
                    f"(SELECT rowid FROM {_quote(table)} LIMIT 1)", (blob,))
        return f"gpkg {table}: {what}"
    if choice == 3:
        column = rng.choice(columns)
        value = rng.choice([huge_digits(rng), b"\xff\xfe\x00", 1e308, -(2 ** 63), 2 ** 63 - 1, "水" * 10_000, None,
                            number_text(rng), b"\x00" * 8])
        try:
            con.execute(f"UPDATE {_quote(table)} SET {_quote(column)} = ?", (value,))
        except (sqlite3.Error, OverflowError):
            return "gpkg value rejected by sqlite"
        return f"gpkg {table}.{column} = {str(value)[:20]!r}"
    if choice == 4:
        column = rng.choice([c for c in columns if c not in (geometry.get(table), "fid")] or columns)
        con.execute(f"UPDATE {_quote(table)} SET {_quote(column)} = CAST(x'c3ff41e6b0' AS TEXT)")
        return f"gpkg {table}.{column} = invalid UTF-8 text"
    if choice == 5:
        definition = rng.choice(["garbage", "", 'GEOGCS["x"', "PROJCS[" * 500, "EPSG:4490", huge_digits(rng)])
        con.execute("UPDATE gpkg_spatial_ref_sys SET definition = ? WHERE srs_id > 0", (definition,))
        return f"gpkg srs definition -> {definition[:20]!r}"
    if choice == 6:
        srs = rng.choice([-5, 99999, 0, -1])
        con.execute("UPDATE gpkg_contents SET srs_id = ? WHERE table_name = ?", (srs, table))
        con.execute("UPDATE gpkg_geometry_columns SET srs_id = ? WHERE table_name = ?", (srs, table))
        return f"gpkg {table} srs_id -> {srs}"
    if choice == 7:
        kind = rng.choice(["CURVEPOLYGON", "GEOMETRYCOLLECTION", "FOO", "", "POINTZM", "TRIANGLE"])
        con.execute("UPDATE gpkg_geometry_columns SET geometry_type_name = ? WHERE table_name = ?", (kind, table))
        return f"gpkg {table} geometry type -> {kind}"
    con.execute("CREATE TABLE IF NOT EXISTS gpkg_data_columns (table_name TEXT, column_name TEXT, name TEXT, "
                "title TEXT, description TEXT, mime_type TEXT, constraint_name TEXT)")
    con.execute("INSERT INTO gpkg_data_columns (table_name, column_name, title) VALUES (?, ?, ?)",
                (table, rng.choice(columns), rng.choice(["别名", "", "\x00", "x" * 10_000])))
    return f"gpkg {table}: alias rows"


def gpkg_header(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    out = bytearray(data)
    if len(out) < 100:
        return data, "gpkg too short"
    choice = rng.randrange(3)
    if choice == 0:
        value = rng.choice([0, 1, 512, 3, 0xFFFF])
        out[16:18] = value.to_bytes(2, "big")
        return bytes(out), f"sqlite page size -> {value}"
    if choice == 1:
        value = rng.choice([0, 1, 0xFFFFFFFF, int.from_bytes(out[28:32], "big") + 1])
        out[28:32] = value.to_bytes(4, "big")
        return bytes(out), f"sqlite page count -> {value}"
    page = int.from_bytes(out[16:18], "big") or 1024
    pages = max(len(out) // page, 1)
    k = rng.randrange(1, pages) if pages > 1 else 0
    for _ in range(rng.choice([1, 8, 64])):
        at = k * page + rng.randrange(page)
        if at < len(out):
            out[at] = rng.randrange(256)
    return bytes(out), f"sqlite page {k} damaged"


GPKG = (gpkg_sql, gpkg_sql, gpkg_sql, gpkg_sql, gpkg_header)

# --------------------------------------------------------------------------- ZIP / KMZ


def _read_zip(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]] | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return [(info, archive.read(info)) for info in archive.infolist()]
    except Exception:  # noqa: BLE001 - an already broken archive: the mutation falls back to bytes
        return None


def _write_zip(members: list[tuple[str, bytes, int]]) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w") as archive:
        warnings.simplefilter("ignore")  # duplicate names are one of the mutations
        for name, payload, method in members:
            info = zipfile.ZipInfo(name, date_time=(2024, 5, 1, 8, 0, 0))
            info.compress_type = method
            archive.writestr(info, payload)
    return buffer.getvalue()


def _local_headers(data: bytes) -> list[int]:
    out, at = [], data.find(b"PK\x03\x04")
    while at >= 0:
        out.append(at)
        at = data.find(b"PK\x03\x04", at + 4)
    return out


def zip_inflate_fails(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    """A member whose compressed data is damaged (deflate, LZMA or bzip2), so it fails to inflate."""
    members = _read_zip(data)
    if not members:
        return data, "not a readable zip"
    method = rng.choice([zipfile.ZIP_DEFLATED, zipfile.ZIP_LZMA, zipfile.ZIP_BZIP2])
    rebuilt = _write_zip([(info.filename, payload, method) for info, payload in members])
    out = bytearray(rebuilt)
    headers = _local_headers(rebuilt)
    k = rng.randrange(len(headers))
    at = headers[k]
    name_len, extra_len = struct.unpack_from("<HH", out, at + 26)
    size = struct.unpack_from("<I", out, at + 18)[0]
    start = at + 30 + name_len + extra_len
    if size:
        for _ in range(rng.choice([1, 4, 16])):
            pos = start + rng.randrange(size)
            out[pos] ^= 1 << rng.randrange(8)
        if rng.random() < 0.3:
            out[start:start + min(size, 8)] = bytes(min(size, 8))
    return bytes(out), f"zip member {k} ({members[k][0].filename}) damaged, method {method}"


def zip_headers(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    """Central-directory fields that lie: method, sizes, CRC, flags."""
    out = bytearray(data)
    central = [i for i in range(len(out) - 4) if out[i:i + 4] == b"PK\x01\x02"]
    if not central:
        return data, "no central directory"
    at = rng.choice(central)
    field, fmt, values = rng.choice([
        ("method", "<H", [1, 6, 9, 14, 12, 93, 98, 99, 0xFFFF]),
        ("flags", "<H", [0x1, 0x8, 0x800, 0x40, 0xFFFF]),
        ("crc", "<I", [0, 0xFFFFFFFF]),
        ("compressed size", "<I", [0, 1, 0xFFFFFFFF, 0x7FFFFFFF]),
        ("size", "<I", [0, 1, 0xFFFFFFFF, 10 * 1024 ** 2]),
        ("local header offset", "<I", [0, 1, 0xFFFFFFFF, len(out)]),
    ])
    offset = {"method": 10, "flags": 8, "crc": 16, "compressed size": 20, "size": 24, "local header offset": 42}[field]
    value = rng.choice(values)
    struct.pack_into(fmt, out, at + offset, value)
    if field == "method" and rng.random() < 0.5:  # the local header too
        for local in _local_headers(data):
            struct.pack_into("<H", out, local + 8, value)
    return bytes(out), f"zip central header {field} -> {value}"


_ODD_NAMES = ("../escape.shp", "/abs/a.csv", "C:\\a.kml", "a\\..\\..\\b.csv", "数据/名称.csv", "x" * 300 + ".csv",
              "a\x00b.csv", "__MACOSX/._a.csv", "a.CSV", "a.csv/", ".csv", "a..csv", "深/层/目/录/a.kml")


def zip_names(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    members = _read_zip(data)
    if not members:
        return data, "not a readable zip"
    choice = rng.randrange(4)
    entries = [(info.filename, payload, zipfile.ZIP_DEFLATED) for info, payload in members]
    if choice == 0:
        k = rng.randrange(len(entries))
        folder = str(PurePosixPath(entries[k][0]).parent)
        name = rng.choice(_ODD_NAMES)
        entries[k] = ((folder + "/" if folder != "." else "") + name, entries[k][1], entries[k][2])
        return _write_zip(entries), f"zip member name -> {name[:30]!r}"
    if choice == 1:
        entries.append(entries[rng.randrange(len(entries))])
        return _write_zip(entries), "zip duplicate member"
    if choice == 2:  # a name flagged UTF-8 whose bytes are not UTF-8
        raw = _write_zip(entries)
        k = rng.randrange(len(entries))
        name = entries[k][0].encode("utf-8")
        bad = b"\xff\xfe" + name[2:] if len(name) > 2 else b"\xff\xfe"
        out = raw.replace(name, bad[:len(name)].ljust(len(name), b"_"))
        return out, "zip name flagged UTF-8 is not UTF-8"
    inner = _write_zip(entries)
    return _write_zip([("inner.zip", inner, zipfile.ZIP_DEFLATED)] + entries[:1]), "zip inside zip"


def zip_member(rng: random.Random, data: bytes, mutate: Callable[[random.Random, str, bytes], tuple[bytes, str]]):
    """One member changed by its own format's mutations, then the archive written again."""
    members = _read_zip(data)
    if not members:
        return data, "not a readable zip"
    k = rng.randrange(len(members))
    info, payload = members[k]
    new, what = mutate(rng, info.filename, payload)
    entries = [(i.filename, p, zipfile.ZIP_DEFLATED) for i, p in members]
    entries[k] = (info.filename, new, zipfile.ZIP_DEFLATED)
    return _write_zip(entries), f"zip member {info.filename}: {what}"


ZIP = (zip_inflate_fails, zip_inflate_fails, zip_headers, zip_names, "member", "member", "member")
