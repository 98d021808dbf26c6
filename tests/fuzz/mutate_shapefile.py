"""Mutations that know the Shapefile's files: DBF header and field descriptors, .shx index
offsets, .shp record headers and coordinates, and what a .cpg or .prj may hold.

Each file mutation takes ``(rng, data)`` and returns ``(new data, what it did)``; the
side-file mutations return the new file's text for a Shapefile that may lack one.
"""

from __future__ import annotations

import random
import struct

from tests.fuzz.values import extreme_double, huge_digits

# --------------------------------------------------------------------------- DBF


def _dbf_fields(data: bytes) -> list[int]:
    """Offsets of the field descriptors in the header."""
    header_len = struct.unpack_from("<H", data, 8)[0] if len(data) >= 12 else 0
    out = []
    for at in range(32, min(header_len, len(data)) - 31, 32):
        if data[at] == 0x0D:
            break
        out.append(at)
    return out


def _put(data: bytes, at: int, fmt: str, value) -> bytes:
    out = bytearray(data)
    if at + struct.calcsize(fmt) <= len(out):
        struct.pack_into(fmt, out, at, value)
    return bytes(out)


def dbf_record_count(rng: random.Random, data: bytes):
    n = struct.unpack_from("<I", data, 4)[0] if len(data) >= 8 else 0
    value = rng.choice([0, 1, max(n - 1, 0), n + 1, n * 1000 + 7, 0x7FFFFFFF, 0xFFFFFFFF])
    return _put(data, 4, "<I", value), f"dbf record count {n} -> {value}"


def dbf_header_length(rng: random.Random, data: bytes):
    n = struct.unpack_from("<H", data, 8)[0] if len(data) >= 10 else 0
    value = rng.choice([0, 1, 31, 32, 33, max(n - 1, 0), n + 1, n + 32, len(data) + 100, 0xFFFF])
    return _put(data, 8, "<H", min(value, 0xFFFF)), f"dbf header length {n} -> {value}"


def dbf_record_length(rng: random.Random, data: bytes):
    n = struct.unpack_from("<H", data, 10)[0] if len(data) >= 12 else 0
    value = rng.choice([0, 1, max(n - 1, 0), n + 1, n * 2, 0xFFFF])
    return _put(data, 10, "<H", value), f"dbf record length {n} -> {value}"


def dbf_field_length(rng: random.Random, data: bytes):
    fields = _dbf_fields(data)
    if not fields:
        return dbf_header_length(rng, data)
    at = rng.choice(fields)
    value = rng.choice([0, 0, 1, 2, 254, 255, data[at + 16] + 1, max(data[at + 16] - 1, 0)])
    out = bytearray(data)
    out[at + 16] = value
    if rng.random() < 0.3:
        out[at + 17] = rng.choice([0, 1, 15, 99, 255])  # decimal count
    return bytes(out), f"dbf field @{at} length -> {value}"


def dbf_field_type(rng: random.Random, data: bytes):
    fields = _dbf_fields(data)
    if not fields:
        return data, "dbf field type (no fields)"
    at = rng.choice(fields)
    kind = rng.choice(b"CNFLDMBGIT@O+0Y?\x00 XPVW")
    out = bytearray(data)
    out[at + 11] = kind
    return bytes(out), f"dbf field @{at} type -> {bytes([kind])!r}"


def dbf_field_name(rng: random.Random, data: bytes):
    fields = _dbf_fields(data)
    if not fields:
        return data, "dbf field name (no fields)"
    at = rng.choice(fields)
    name = rng.choice([
        b"", b"\x00" * 11, b"A" * 11, "水源地保护区".encode("gbk")[:11], "名称".encode()[:5],
        b"\xff\xfe\xfd", b"FID", b"geometry", b"A B", bytes(data[fields[0]:fields[0] + 11]),  # duplicate
        bytes(rng.randrange(256) for _ in range(11)),
    ])
    out = bytearray(data)
    out[at:at + 11] = name.ljust(11, b"\x00")[:11]
    return bytes(out), f"dbf field @{at} name -> {name!r}"


def dbf_terminator(rng: random.Random, data: bytes):
    fields = _dbf_fields(data)
    end = 32 + 32 * len(fields)
    out = bytearray(data)
    if end < len(out):
        out[end] = rng.choice([0x00, 0x20, 0x0A, 0xFF])
    return bytes(out), "dbf header terminator replaced"


def dbf_ldid(rng: random.Random, data: bytes):
    value = rng.choice([0x00, 0x4D, 0x57, 0x7A, 0x4F, 0x13, 0x03, 0xC8, 0xFF, rng.randrange(256)])
    out = bytearray(data)
    if len(out) > 29:
        out[29] = value
    return bytes(out), f"dbf LDID -> {value:#x}"


def dbf_version(rng: random.Random, data: bytes):
    value = rng.choice([0x00, 0x02, 0x03, 0x30, 0x31, 0x43, 0x83, 0x8B, 0xF5, 0xFF])
    out = bytearray(data)
    if out:
        out[0] = value
    return bytes(out), f"dbf version byte -> {value:#x}"


def dbf_value(rng: random.Random, data: bytes):
    """Overwrite one field of one record with awkward content (numbers beyond any type, NULs, half characters)."""
    if len(data) < 12:
        return data, "dbf value (too short)"
    n, header_len, record_len = struct.unpack_from("<IHH", data, 4)
    fields = _dbf_fields(data)
    if not fields or not n or not record_len:
        return data, "dbf value (no records)"
    record = rng.randrange(min(n, 50))
    index = rng.randrange(len(fields))
    offset = 1 + sum(data[f + 16] for f in fields[:index])
    width = data[fields[index] + 16]
    payload = rng.choice([
        b"9" * width, b"-" * width, b"1e999", b"-1e999", b"nan", b"inf", b"*" * width, b"\x00" * width,
        b"99999999999999999999", b"-9223372036854775809", b"18446744073709551616", b"1.5.5", b"  -  ",
        "水".encode("gbk") * width, "水".encode() * width, b"\xb1", b"\xff" * width, b"?",
        b"20241301", b"00000000", b"T", b"x",
    ])[:width]
    at = header_len + record * record_len + offset
    out = bytearray(data)
    if at + len(payload) <= len(out):
        out[at:at + len(payload)] = payload.ljust(min(width, len(out) - at), b" ")[:width]
    if rng.random() < 0.2 and header_len + record * record_len < len(out):
        out[header_len + record * record_len] = rng.choice(b"* \x00\x1a")  # deletion flag
    return bytes(out), f"dbf record {record} field {index} -> {payload[:20]!r}"


def dbf_truncate(rng: random.Random, data: bytes):
    header_len = struct.unpack_from("<H", data, 8)[0] if len(data) >= 10 else 0
    cut = rng.choice([32, header_len - 1, header_len, header_len + 1, len(data) - 1, rng.randrange(max(len(data), 1))])
    return data[:max(cut, 0)], f"dbf truncated at {cut}"


DBF = (dbf_record_count, dbf_header_length, dbf_record_length, dbf_field_length, dbf_field_length,
       dbf_field_type, dbf_field_name, dbf_terminator, dbf_ldid, dbf_version, dbf_value, dbf_value,
       dbf_truncate)

# --------------------------------------------------------------------------- SHX / SHP


def shx_offset(rng: random.Random, data: bytes):
    records = (len(data) - 100) // 8
    if records <= 0:
        return shp_header_field(rng, data)
    k = rng.randrange(records)
    at = 100 + 8 * k + rng.choice([0, 4])  # offset or content length, in 16-bit words
    old = struct.unpack_from(">i", data, at)[0]
    value = rng.choice([0, -1, 1, 49, 50, old + 1, old - 1, old * 1000, 0x7FFFFFFF, -0x80000000])
    return _put(data, at, ">i", value), f"shx record {k} word @{at} {old} -> {value}"


def shp_header_field(rng: random.Random, data: bytes):
    choice = rng.choice(["length", "type", "bbox", "code"])
    if choice == "length":
        value = rng.choice([0, 50, 0x7FFFFFFF, -1, len(data) // 2 + 1])
        return _put(data, 24, ">i", value), f"shp/shx file length -> {value}"
    if choice == "type":
        value = rng.choice([0, 1, 3, 5, 8, 11, 13, 15, 18, 21, 23, 25, 28, 31, 2, 99, -1])
        return _put(data, 32, "<i", value), f"shp/shx shape type -> {value}"
    if choice == "code":
        return _put(data, 0, ">i", rng.choice([0, 9994 + 1, -1])), "shp/shx file code"
    at = 36 + 8 * rng.randrange(8)
    value = extreme_double(rng)
    return _put(data, at, "<d", value), f"shp/shx bbox @{at} -> {value}"


def _shp_records(data: bytes) -> list[tuple[int, int]]:
    """(content offset, content length in bytes) of the .shp records, as far as they parse."""
    out, at = [], 100
    while at + 8 <= len(data) and len(out) < 10_000:
        length = struct.unpack_from(">i", data, at + 4)[0] * 2
        if length <= 0 or at + 8 + length > len(data):
            break
        out.append((at + 8, length))
        at += 8 + length
    return out


def shp_record(rng: random.Random, data: bytes):
    records = _shp_records(data)
    if not records:
        return shp_header_field(rng, data)
    start, length = rng.choice(records)
    what = rng.choice(["content_length", "type", "counts", "coordinate", "coordinate", "part"])
    if what == "content_length":
        value = rng.choice([0, 1, 2, 0x7FFFFFFF, -1, length // 2 + 1])
        return _put(data, start - 4, ">i", value), f"shp record content length -> {value}"
    if what == "type":
        value = rng.choice([0, 1, 3, 5, 8, 11, 13, 15, 18, 21, 23, 25, 28, 31, 7, 99, -1])
        return _put(data, start, "<i", value), f"shp record shape type -> {value}"
    shape_type = struct.unpack_from("<i", data, start)[0] if length >= 4 else 0
    if what in ("counts", "part") and shape_type in (3, 5, 13, 15, 23, 25, 31) and length >= 44:
        if what == "counts":
            at = start + rng.choice([36, 40])
            value = rng.choice([0, -1, 1, 0x7FFFFFFF, 1 << 20, struct.unpack_from("<i", data, at)[0] + 1])
            return _put(data, at, "<i", value), f"shp num parts/points @{at} -> {value}"
        parts = struct.unpack_from("<i", data, start + 36)[0]
        if 0 < parts < 1000 and start + 44 + 4 * parts <= len(data):
            at = start + 44 + 4 * rng.randrange(parts)
            value = rng.choice([-1, 0, 1, 0x7FFFFFFF, struct.unpack_from("<i", data, start + 40)[0]])
            return _put(data, at, "<i", value), f"shp part index @{at} -> {value}"
    if length < 12:
        return data, "shp record (too short)"
    at = start + 4 + 8 * rng.randrange((length - 4) // 8)
    value = extreme_double(rng)
    return _put(data, at, "<d", value), f"shp double @{at} -> {value}"


SHX = (shx_offset, shx_offset, shx_offset, shp_header_field)
SHP = (shp_record, shp_record, shp_record, shp_header_field)

# --------------------------------------------------------------------------- side files

CPG_TEXTS = (
    b"rot13", b"rot_13", b"hex", b"hex_codec", b"base64", b"base64_codec", b"undefined", b"utf-16", b"UTF-16LE",
    b"utf_32", b"bz2", b"zlib", b"uu", b"quopri", b"idna", b"punycode", b"unicode_escape", b"raw_unicode_escape",
    b"mbcs", b"cp65001", b"UTF-8\x00", b"\x00\x00\x00", b"GBK\x00", b"\x00GBK", b"65001\r\n", b"936 ", b"",
    b"   ", b"UTF8\n\nGBK", b"\xef\xbb\xbfUTF-8", b"\xff\xfeU\x00T\x00F\x00", b"ANSI 936", b"cp99999", b"CP",
    b"1252", b"ISO-8859-1", b"big5hkscs", b"gb18030", b"utf_8_sig", b"utf-7", b"charmap", b"oem",
    b"A" * 5000, b"ascii", b"latin_1", b"koi8-r", b"cp037",
)


def cpg_text(rng: random.Random) -> tuple[bytes, str]:
    if rng.random() < 0.1:
        raw = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 40)))
        return raw, f"cpg random bytes {raw[:12]!r}"
    text = rng.choice(CPG_TEXTS)
    return text, f"cpg {text[:20]!r}"


_WKT_XIAN = ('PROJCS["Xian_1980_3_Degree_GK_CM_117E",GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",'
             'SPHEROID["Xian_1980",6378140.0,298.257]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],'
             'PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],'
             'PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",1.0],'
             'PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]')


def prj_text(rng: random.Random) -> tuple[bytes, str]:
    """A .prj nobody can use: truncated, nested without end, numbers beyond reason, not text."""
    choice = rng.randrange(16)
    if choice == 0:
        cut = rng.randrange(1, len(_WKT_XIAN))
        return _WKT_XIAN[:cut].encode(), f"prj truncated at {cut}"
    if choice == 1:
        depth = rng.choice([100, 1000, 20000])
        return ('GEOGCS["x",' * depth + "]" * depth).encode(), f"prj nested {depth}"
    if choice == 2:
        return _WKT_XIAN.replace("117.0", rng.choice(["1e999", "nan", "-inf", huge_digits(rng), "abc"])).encode(), \
            "prj central meridian garbage"
    if choice == 3:
        return _WKT_XIAN.replace("298.257", rng.choice(["0", "-1", "1e-300", "nan"])).encode(), "prj flattening"
    if choice == 4:
        return _WKT_XIAN.replace("6378140.0", rng.choice(["0", "-6378140", "1e308", "nan"])).encode(), "prj axis"
    if choice == 5:
        return _WKT_XIAN.replace("0.0174532925199433", rng.choice(["0", "-1", "nan", "1e300"])).encode(), "prj unit"
    if choice == 6:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 200))), "prj random bytes"
    if choice == 7:
        return _WKT_XIAN.encode("utf-16"), "prj utf-16"
    if choice == 8:
        return b"\x00" * 64, "prj NULs"
    if choice == 9:
        return rng.choice([b"EPSG:4490", b"EPSG:99999999", b"urn:ogc:def:crs:EPSG::0", b"+proj=tmerc +lon_0=nan",
                           b"+proj=foo", b"+init=epsg:4326", b"IAU_2015:49900", b"ESRI:102100"]), "prj code"
    if choice == 10:
        return b'LOCAL_CS["drawing",UNIT["Meter",1.0]]', "prj LOCAL_CS"
    if choice == 11:
        return _WKT_XIAN.replace("Gauss_Kruger", rng.choice(["Foo", "", "Mercator_2SP", "Krovak"])).encode(), \
            "prj projection"
    if choice == 12:
        return (_WKT_XIAN + _WKT_XIAN).encode(), "prj twice"
    if choice == 13:
        return _WKT_XIAN.replace("Xian_1980", "西安80").encode("gbk"), "prj GBK name"
    if choice == 14:
        return ('GEOGCS["g",DATUM["d",SPHEROID["s",6378137,298.25]],PRIMEM["p",0],UNIT["u",1],'
                + 'AXIS["x",NORTH],' * 500 + "]").encode(), "prj many axes"
    return _WKT_XIAN.replace("[", "(").encode(), "prj parentheses"
