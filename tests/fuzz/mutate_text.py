"""Mutations that know the text formats: GeoJSON, KML/GPX (XML), CSV, parcel TXT, DXF, MIF/MID.

Each takes ``(rng, data)`` and returns ``(new data, what it did)``. They aim at what
breaks readers: nesting far deeper than any real file, integers beyond Python's
str-digit limit, non-finite and out-of-range coordinates, wrong JSON types, entity
declarations, thousands of columns, fields bigger than the csv module's limit,
encoding declarations that name codecs which are no text encodings.
"""

from __future__ import annotations

import json
import random
import re

from tests.fuzz.values import ODD_TEXTS, coordinate_text, fits, huge_digits, number_text

_NUMBER = re.compile(rb"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")

#: codec names a file may declare that are no text encodings, or not what they seem
ODD_CODECS = ("rot13", "hex", "base64", "undefined", "utf-16", "UTF-32", "idna", "bogus", "utf_8_sig", "gb2312",
              "ISO-2022-JP", "cp65001", "mbcs", "unicode_escape", "uu", "zlib", "punycode", "utf-7", "big5",
              "x-user-defined", "cp037", "ascii")


def replace_number(rng: random.Random, data: bytes, make=number_text) -> tuple[bytes, str]:
    """One number in the text replaced with an awkward one."""
    found = [m.span() for m in _NUMBER.finditer(data[:1_000_000])]
    if not found:
        return data, "no number to replace"
    start, end = rng.choice(found)
    value = make(rng).encode()
    return data[:start] + value + data[end:], f"number @{start} -> {value[:24]!r}"


def numbers_everywhere(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    """The same awkward value for every number of the file (every coordinate at once)."""
    value = coordinate_text(rng).encode()
    if not fits(len(data) + len(_NUMBER.findall(data[:2_000_000])) * len(value)):
        return data, "every number (too large)"
    return _NUMBER.sub(lambda m: value, data[:2_000_000]), f"every number -> {value[:24]!r}"


# --------------------------------------------------------------------------- GeoJSON

_HOLE = "\u0001HOLE\u0001"


def _json_or_none(data: bytes):
    try:
        return json.loads(data.decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None


def _with_hole(document, path: list, raw: str) -> bytes:
    """``document`` serialised with the value at ``path`` replaced by ``raw`` JSON text."""
    node = document
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = _HOLE
    text = json.dumps(document, ensure_ascii=False)
    return text.replace(json.dumps(_HOLE), raw, 1).encode("utf-8", "surrogatepass")


def _paths(document) -> list[list]:
    """Paths to the values of the document (geometry members, properties, coordinates), at most a few thousand."""
    out, stack = [], [(document, [])]
    while stack and len(out) < 5000:
        node, path = stack.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, value in items:
            out.append([*path, key])
            if isinstance(value, dict | list) and len(path) < 12:
                stack.append((value, [*path, key]))
    return out


def _deep(rng: random.Random) -> tuple[str, str]:
    depth = rng.choice([200, 1000, 5000, 100_000])
    kind = rng.randrange(3)
    if kind == 0:
        return "[" * depth + "0" + "]" * depth, f"array nested {depth}"
    if kind == 1:
        return '{"a":' * depth + "0" + "}" * depth, f"object nested {depth}"
    inner = '{"type":"Point","coordinates":[1,2]}'
    wrap = '{"type":"GeometryCollection","geometries":['
    return wrap * depth + inner + "]}" * depth, f"GeometryCollection nested {depth}"


def _odd_json_value(rng: random.Random) -> tuple[str, str]:
    choice = rng.randrange(12)
    if choice < 3:
        return _deep(rng)
    if choice == 3:
        digits = huge_digits(rng)
        return digits, f"integer of {len(digits)} digits"
    if choice == 4:
        token = rng.choice(["NaN", "Infinity", "-Infinity", "1e400", "-1e400", "1e-400", "-0", "0.0e0"])
        return token, token
    if choice == 5:
        text = rng.choice(ODD_TEXTS)
        return '"' + text + '"', f"string {text[:10]!r}"
    if choice == 6:
        value = rng.choice(["null", "true", "[]", "{}", '"x"', "5", "[[]]", "[null]", '[["a","b"]]', "[[1,2],[3]]",
                            '{"type":"Point"}', '{"coordinates":[1,2]}', "[1]", "[1,2,3,4,5]"])
        return value, f"value {value}"
    if choice == 7:
        coords = ",".join(f"[{coordinate_text(rng)},{coordinate_text(rng)}]" for _ in range(4))
        return "[[" + coords + "]]", "ring of odd coordinates"
    if choice == 8:
        n = rng.choice([5000, 20000])
        return "{" + ",".join(f'"k{i}":{i}' for i in range(n)) + "}", f"object with {n} keys"
    if choice == 9:
        return '"' + "x" * rng.choice([70_000, 1_000_000]) + '"', "long string"
    if choice == 10:
        return '{"type":"name","properties":{"name":"' + rng.choice(
            ["urn:ogc:def:crs:EPSG::99999", "EPSG:4490", "garbage", "urn:ogc:def:crs:OGC:1.3:CRS84"]) + '"}}', \
            "crs member"
    return "[" + ",".join(["[1,2]"] * rng.choice([1, 100_000])) + "]", "many positions"


def geojson_structure(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    document = _json_or_none(data)
    if not isinstance(document, dict | list):
        return replace_number(rng, data)
    paths = _paths(document)
    if not paths:
        return replace_number(rng, data)
    path = rng.choice(paths)
    raw, what = _odd_json_value(rng)
    return _with_hole(document, path, raw), f"geojson {'/'.join(map(str, path[-4:]))} <- {what}"


def geojson_members(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    """A required member removed, renamed or given the wrong type."""
    document = _json_or_none(data)
    if not isinstance(document, dict):
        return replace_number(rng, data)
    paths = [p for p in _paths(document) if p[-1] in ("type", "coordinates", "geometry", "properties", "features",
                                                       "geometries", "id", "bbox", "crs", "name")]
    if not paths:
        return replace_number(rng, data)
    path = rng.choice(paths)
    node = document
    for key in path[:-1]:
        node = node[key]
    action = rng.randrange(3)
    if action == 0:
        del node[path[-1]]
        what = "removed"
    elif action == 1:
        node[path[-1]] = rng.choice([None, 5, "Foo", [], {}, "Feature", "FeatureCollection", "Point", "Polygon",
                                     "GeometryCollection", 1e300, True, [1, 2], {"type": "Point"}])
        what = f"-> {node[path[-1]]!r}"
    else:
        node[path[-1] + "_" if isinstance(path[-1], str) else path[-1]] = node[path[-1]]
        what = "duplicated"
    return json.dumps(document, ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass"), \
        f"geojson {'/'.join(map(str, path[-4:]))} {what}"


GEOJSON = (geojson_structure, geojson_structure, geojson_structure, geojson_members, geojson_members,
           replace_number, numbers_everywhere)

# --------------------------------------------------------------------------- XML (KML, GPX)

_ENTITY_DOCTYPES = (
    ('<!DOCTYPE kml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
     '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'),
    '<!DOCTYPE kml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    '<!DOCTYPE kml [<!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd"> %p;]>',
    '<!DOCTYPE kml SYSTEM "http://127.0.0.1:9/kml.dtd">',
    "<!DOCTYPE kml [<!ELEMENT kml ANY>]>",
    '<!DOCTYPE kml [<!ENTITY e "水">]>',
    '<!DOCTYPE kml [<!ENTITY u SYSTEM "x" NDATA y>]>',
)


def _xml_split(data: bytes) -> tuple[bytes, bytes]:
    """(XML declaration, the rest)."""
    match = re.match(rb"^(\xef\xbb\xbf)?\s*<\?xml[^>]*\?>", data)
    return (match.group(0), data[match.end():]) if match else (b"", data)


def xml_entities(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    head, body = _xml_split(data)
    choice = rng.randrange(4)
    if choice < 2:
        doctype = rng.choice(_ENTITY_DOCTYPES)
        use = rng.choice(["&d;", "&xxe;", "&e;", "&undefined;", ""])
        body = body.replace(b"<name>", b"<name>" + use.encode(), 1)
        return head + doctype.encode() + body, f"doctype {doctype[:40]} using {use}"
    ref = rng.choice(["&#0;", "&#xD800;", "&#1114112;", "&#x1F600;", "&amp;", "&lt;", "&foo;", "&#9999999999;"])
    return head + body.replace(b"</name>", ref.encode() + b"</name>", 1), f"reference {ref}"


def xml_declared_encoding(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    codec = rng.choice(ODD_CODECS)
    if re.match(rb"^(\xef\xbb\xbf)?\s*<\?xml[^>]*encoding", data):
        new = re.sub(rb'encoding\s*=\s*["\'][^"\']*["\']', f'encoding="{codec}"'.encode(), data, count=1)
    else:
        new = f'<?xml version="1.0" encoding="{codec}"?>\n'.encode() + data
    return new, f"xml declares encoding {codec}"


def _first_element(data: bytes, names: tuple[bytes, ...]) -> tuple[int, int] | None:
    for name in names:
        start = data.find(b"<" + name)
        end = data.find(b"</" + name + b">", start)
        if start >= 0 and end > start:
            return start, end + len(name) + 3
    return None


def kml_nesting(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    """Folders nested tens of thousands deep, or MultiGeometry thousands deep."""
    depth = rng.choice([200, 1001, 5000, 50_000])
    if rng.random() < 0.5:
        span = _first_element(data, (b"Placemark",))
        inner = data[span[0]:span[1]] if span else b"<Placemark><Point><coordinates>1,2</coordinates></Point></Placemark>"
        if not fits(len(data) + len(inner)):
            return data, "nested folders (too large)"
        nested = b"<Folder><name>f</name>" * depth + inner + b"</Folder>" * depth
        what = f"{depth} nested folders"
    else:
        point = b"<Point><coordinates>110.5,38.0</coordinates></Point>"
        nested = b"<Placemark><name>m</name>" + b"<MultiGeometry>" * depth + point + b"</MultiGeometry>" * depth \
            + b"</Placemark>"
        what = f"MultiGeometry nested {depth}"
    at = data.rfind(b"</Document>")
    if at < 0:
        at = data.rfind(b"</kml>")
    if at < 0:
        return nested, what
    return data[:at] + nested + data[at:], what


def kml_coordinates(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    spans = [m.span(1) for m in re.finditer(rb"<coordinates>(.*?)</coordinates>", data, re.DOTALL)]
    if not spans:
        return replace_number(rng, data)
    start, end = rng.choice(spans)
    choice = rng.randrange(6)
    if choice == 0:
        value = f"{coordinate_text(rng)},{coordinate_text(rng)}"
    elif choice == 1:
        value = rng.choice(["1,2,3,4,5", ",,,", "1 2", "1,2 3", "1,2,", " ", "1,,2", "a,b", "1,2\u00a03,4",
                            "1;2", "1,2,3 4,5", "\t\n"])
    elif choice == 2:
        value = " ".join(f"{110 + i * 1e-5},{38 + i * 1e-5}" for i in range(rng.choice([10_000, 200_000])))
    elif choice == 3:
        value = huge_digits(rng) + ",1"
    elif choice == 4:
        value = "110.5,38.0 " * rng.choice([1, 2, 3])
    else:
        value = "38.0,110.5 38.1,110.6 38.2,110.5 38.0,110.5"  # latitude first
    return data[:start] + value.encode() + data[end:], f"coordinates -> {value[:30]!r}"


def kml_values(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    """Schema types and values that do not fit, Data names that collide, thousands of fields."""
    choice = rng.randrange(5)
    if choice == 0:
        kind = rng.choice([b"int", b"uint", b"double", b"bool", b"float", b"short", b"wrong", b""])
        return re.sub(rb'type="[^"]*"', b'type="' + kind + b'"', data, count=1), f"schema type {kind!r}"
    if choice == 1:
        spans = [m.span(1) for m in re.finditer(rb"<SimpleData[^>]*>(.*?)</SimpleData>", data, re.DOTALL)]
        if spans:
            start, end = rng.choice(spans)
            value = number_text(rng).encode()
            return data[:start] + value + data[end:], f"SimpleData -> {value[:20]!r}"
    if choice == 2:
        n = rng.choice([2000, 20_000])
        fields = b"".join(b'<Data name="f%d"><value>%d</value></Data>' % (i, i) for i in range(n))
        return data.replace(b"<ExtendedData>", b"<ExtendedData>" + fields, 1), f"{n} Data fields"
    if choice == 3:
        name = rng.choice([b"", b"name", b"description", b"name_2", b"geometry", b"\xe6\xb0\xb4" * 100])
        return re.sub(rb'<Data name="[^"]*"', b'<Data name="' + name + b'"', data, count=1), f"Data name {name[:10]!r}"
    return data.replace(b"<name>", b"<name>" + rng.choice(ODD_TEXTS).encode("utf-8", "surrogatepass"), 1), \
        "odd text in a name"


def xml_tags(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    """An element cut out, doubled, or its closing tag lost."""
    tags = [m.span() for m in re.finditer(rb"</?[A-Za-z:]+[^>]*>", data[:500_000])]
    if len(tags) < 2:
        return data, "no tags"
    start, end = rng.choice(tags)
    action = rng.randrange(3)
    if action == 0:
        return data[:start] + data[end:], f"tag @{start} removed"
    if action == 1:
        times = rng.choice([1, 2, 1000])
        if not fits(len(data) + (end - start) * times):
            return data, "tag repeated (too large)"
        return data[:end] + data[start:end] * times + data[end:], f"tag @{start} repeated"
    other_start, _ = rng.choice(tags)
    lo, hi = sorted((start, other_start))
    return data[:lo] + data[hi:], f"bytes {lo}..{hi} removed"


KML = (kml_nesting, kml_nesting, kml_coordinates, kml_coordinates, kml_values, xml_entities, xml_declared_encoding,
       xml_tags, replace_number)


def gpx_points(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    spans = [m.span(1) for m in re.finditer(rb'(?:lat|lon)="([^"]*)"', data)]
    if not spans:
        return replace_number(rng, data)
    start, end = rng.choice(spans)
    value = coordinate_text(rng).encode()
    return data[:start] + value + data[end:], f"gpx lat/lon -> {value[:20]!r}"


def gpx_nesting(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    depth = rng.choice([1000, 50_000])
    nested = b"<extensions>" + b"<x>" * depth + b"</x>" * depth + b"</extensions>"
    return data.replace(b"</wpt>", nested + b"</wpt>", 1), f"extensions nested {depth}"


GPX = (gpx_points, gpx_points, gpx_nesting, xml_entities, xml_declared_encoding, xml_tags, replace_number)

# --------------------------------------------------------------------------- CSV


def _lines(data: bytes) -> list[bytes]:
    return data.splitlines()


def csv_columns(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    """Tens of thousands of columns (the coordinate pair among them)."""
    n = rng.choice([1000, 20_000])
    lines = _lines(data) or [b"x,y"]
    extra = b"," + b",".join(b"c%d" % i for i in range(n))
    row_extra = b"," + b",".join(b"1" for _ in range(n))
    if not fits(len(data) + len(lines) * len(extra)):
        return data, "extra columns (too large)"
    out = [lines[0] + extra] + [line + row_extra for line in lines[1:]]
    return b"\n".join(out), f"{n} extra columns"


def csv_big_field(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    """A field larger than the csv module's field size limit (131 072 characters)."""
    size = rng.choice([131_073, 1_000_000])
    lines = _lines(data)
    if not lines:
        return data, "no lines"
    quoted = rng.random() < 0.5
    field = (b'"' + b"x" * size + b'"') if quoted else b"x" * size
    k = rng.randrange(len(lines))
    lines[k] = lines[k] + b"," + field
    return b"\n".join(lines), f"line {k}: field of {size} bytes{' quoted' if quoted else ''}"


def csv_rows(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    lines = _lines(data)
    if len(lines) < 2:
        return data, "no rows"
    choice = rng.randrange(6)
    if choice == 0:
        n = rng.choice([10_000, 100_000])
        if not fits(len(lines[1]) * n):
            return data, "rows (too large)"
        return b"\n".join([lines[0]] + lines[1:2] * n), f"{n} rows"
    if choice == 1:
        k = rng.randrange(len(lines))
        lines[k] = lines[k].replace(b",", rng.choice([b'"', b'","', b",,,,", b"\t", b"\xef\xbc\x8c", b"\x00"]), 1)
        return b"\n".join(lines), f"line {k} delimiter mangled"
    if choice == 2:
        sep = rng.choice([b"\r", b"\r\r\n", "\u2028".encode(), b"\x0b", b"\x0c", b"\x1c", b"\xc2\x85"])
        return sep.join(lines), f"line separator {sep!r}"
    if choice == 3:
        return b"\n".join(lines[:1]), "header only"
    if choice == 4:
        return b"\n".join([b"title line", b"", *lines]), "title and blank line"
    k = rng.randrange(len(lines))
    lines[k] = b'"' + lines[k]
    return b"\n".join(lines), f"line {k} opens a quote"


def csv_values(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    lines = _lines(data)
    if len(lines) < 2:
        return replace_number(rng, data)
    k = rng.randrange(1, len(lines))
    cells = lines[k].split(b",")
    i = rng.randrange(len(cells))
    value = rng.choice([coordinate_text(rng), "999°99'99\"", "1e5°", "N", "108°12'30.5\"E" * 50, "°", "度分秒",
                        "12:34:56:78", huge_digits(rng) + "°"])
    cells[i] = value.encode()
    lines[k] = b",".join(cells)
    return b"\n".join(lines), f"line {k} cell {i} -> {value[:20]!r}"


CSV = (csv_columns, csv_big_field, csv_rows, csv_rows, csv_values, csv_values, replace_number)

# --------------------------------------------------------------------------- parcel TXT


def txt_header(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    key = rng.choice([b"\xe5\xb8\xa6\xe5\x8f\xb7", b"\xe5\x87\xa0\xe5\xba\xa6\xe5\x88\x86\xe5\xb8\xa6",
                      "坐标系".encode(), "转换参数".encode()])
    value = rng.choice([huge_digits(rng), "0", "-3", "117", "99", "nan", "", "3度带", "80", "54"]).encode()
    for encoded in (key, key.decode("utf-8").encode("gbk")):
        at = data.find(encoded + b"=")
        if at >= 0:
            end = data.find(b"\n", at)
            end = len(data) if end < 0 else end
            return data[:at + len(encoded) + 1] + value + data[end:], f"txt header -> {value[:20]!r}"
    return data, "txt header key not found"


def txt_parcel_line(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    lines = data.split(b"\n")
    parcels = [i for i, line in enumerate(lines) if line.rstrip().endswith(b"@")]
    if not parcels:
        return replace_number(rng, data)
    k = rng.choice(parcels)
    fields = lines[k].split(b",")
    i = rng.randrange(min(len(fields), 8))
    value = rng.choice([number_text(rng), "线", "点", "圆", "", "1e400 公顷", "5 亩", "3 平方米", "x" * 1000])
    fields[i] = value.encode("utf-8")
    lines[k] = b",".join(fields)
    return b"\n".join(lines), f"txt parcel line {k} field {i} -> {value[:20]!r}"


def txt_points(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    lines = data.split(b"\n")
    points = [i for i, line in enumerate(lines) if line.count(b",") == 3]
    if not points:
        return replace_number(rng, data)
    choice = rng.randrange(4)
    k = rng.choice(points)
    if choice == 0:
        fields = lines[k].split(b",")
        i = rng.randrange(1, 4)
        fields[i] = coordinate_text(rng).encode()
        lines[k] = b",".join(fields)
        return b"\n".join(lines), f"txt point line {k} field {i}"
    if choice == 1:
        n = rng.choice([1000, 20_000])
        lines[k] = lines[k] + b"," * n
        return b"\n".join(lines), f"txt point line {k} with {n} extra fields"
    if choice == 2:
        n = rng.choice([10_000, 200_000])
        if not fits(len(data) + len(lines[k]) * n):
            return data, "txt point line repeated (too large)"
        return b"\n".join(lines[:k + 1] + lines[k:k + 1] * n + lines[k + 1:]), f"txt point line repeated {n}"
    del lines[k]
    return b"\n".join(lines), f"txt point line {k} removed"


TXT = (txt_header, txt_parcel_line, txt_parcel_line, txt_points, txt_points, replace_number)

# --------------------------------------------------------------------------- DXF


def dxf_pairs(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    lines = data.split(b"\n")
    if len(lines) < 4:
        return data, "dxf too short"
    k = rng.randrange(len(lines))
    choice = rng.randrange(5)
    if choice == 0:
        lines[k] = rng.choice([huge_digits(rng), "-1", "999999", "nan", "", "abc"]).encode()
        return b"\n".join(lines), f"dxf line {k} garbage"
    if choice == 1:
        del lines[k]
        return b"\n".join(lines), f"dxf line {k} removed"
    if choice == 2:
        at = b"\n".join(lines).find(b"$DWGCODEPAGE")
        page = rng.choice(["ANSI_99999", "ANSI_0", "rot13", "UTF8", "ANSI_65001", "", "DOS437", "ANSI_1252"])
        if at >= 0:
            text = b"\n".join(lines)
            line_end = text.find(b"\n", text.find(b"\n", text.find(b"\n", at) + 1) + 1)
            value_start = text.rfind(b"\n", 0, line_end) + 1
            return text[:value_start] + page.encode() + text[line_end:], f"$DWGCODEPAGE -> {page}"
    if choice == 3:
        at = b"\n".join(lines).find(b"$ACADVER")
        version = rng.choice(["AC1009", "AC1021", "AC9999", "", "AC1015", "ACZZZZ"])
        if at >= 0:
            text = b"\n".join(lines)
            return text.replace(b"AC1009", version.encode(), 1), f"$ACADVER -> {version}"
    return replace_number(rng, data, coordinate_text)


DXF = (dxf_pairs, dxf_pairs, dxf_pairs, replace_number, numbers_everywhere)

# --------------------------------------------------------------------------- MIF / MID


def mif_header(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    choice = rng.randrange(6)
    if choice == 0:
        charset = rng.choice(["rot13", "Neutral", "WindowsSimpChinese", "", "UTF-8", "bogus", "ISO8859_1"])
        return re.sub(rb'Charset "[^"]*"', f'Charset "{charset}"'.encode(), data, count=1), f"Charset {charset}"
    if choice == 1:
        n = rng.choice(["0", "-1", "99999999", huge_digits(rng), "5000"])
        return re.sub(rb"Columns \d+", b"Columns " + n.encode(), data, count=1), f"Columns {n[:12]}"
    if choice == 2:
        kind = rng.choice(["Char(0)", "Char(99999999)", "Decimal(1000,999)", "Integer(5)", "Bogus", "Char(-1)"])
        return re.sub(rb"Char\(\d+\)", kind.encode(), data, count=1), f"column type {kind}"
    if choice == 3:
        delim = rng.choice(['"', "", "\\t", "ab", '"\x00"'])
        return re.sub(rb'Delimiter "[^"]*"', f'Delimiter "{delim}"'.encode(), data, count=1), f"Delimiter {delim!r}"
    if choice == 4:
        coordsys = rng.choice(["CoordSys Earth Projection 9999, 104", "CoordSys NonEarth Units \"m\"",
                               "CoordSys Earth Projection 8, 104, \"m\", nan, 0, 1, 1e400, 0",
                               "CoordSys Earth Projection 1, 9999", "CoordSys Table x", "CoordSys"])
        return re.sub(rb"CoordSys[^\n]*", coordsys.encode(), data, count=1), coordsys[:40]
    count = rng.choice(["99999999", "0", "-1", huge_digits(rng)])
    target = rng.choice([rb"Pline \d+", rb"Region \d+", rb"\n  \d+\n"])
    replacement = {rb"Pline \d+": b"Pline ", rb"Region \d+": b"Region ", rb"\n  \d+\n": b"\n  "}[target]
    end = b"\n" if target == rb"\n  \d+\n" else b""
    return re.sub(target, replacement + count.encode() + end, data, count=1), f"{target!r} count {count[:12]}"


def mid_rows(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    lines = data.split(b"\n")
    k = rng.randrange(len(lines))
    lines[k] = rng.choice([b'"unclosed,1', b"", b",,,,,,,,", b'"a","b","c","d"', huge_digits(rng).encode(),
                           "水".encode("gbk") * 100, b"\xff\xfe"])
    return b"\n".join(lines), f"mid line {k} garbage"


MIF = (mif_header, mif_header, mif_header, replace_number, numbers_everywhere)
MID = (mid_rows, replace_number)
