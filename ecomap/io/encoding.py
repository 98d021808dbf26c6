"""Shapefile text encoding: the one place that decides how a DBF's bytes become text.

Order, as real county data demands: the ``.cpg`` beside the file; else the DBF
language-driver byte when it names a specific code page; else a sample of the
character fields decoded as UTF-8 and as GBK/GB18030, taking the one that decodes
cleanly (Chinese Windows tools write GBK with no .cpg and LDID 0x57 "system ANSI").
The result always says which encoding was used and whether it was guessed.
The .cpg and .dbf may be files or ZIP members: the decision works on their bytes.

MapInfo tables declare their encoding in the header (``Charset "WindowsSimpChinese"``),
which GDAL honours itself; only a "Neutral" or missing Charset is guessed, the same way.

Many tools cut DBF text at the field width by bytes, so the last character of a
value may be half a double-byte character. Detection tolerates such a cut-off
final character per value, and :func:`dbf_text_repairs` finds the values that
GDAL's recoding silently shortens or empties, decoding them here instead: the
cut-off character dropped, undecodable bytes shown as U+FFFD.
"""

from __future__ import annotations

import codecs
import re
import struct
from contextlib import nullcontext
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

import numpy as np

from ecomap.core.layers import EncodingInfo
from ecomap.i18n import tr

# DBF language-driver ids that name one code page (dBASE / ArcGIS table).
_LDID = {
    0x01: "CP437", 0x02: "CP850", 0x03: "CP1252", 0x4D: "GBK", 0x4E: "CP949", 0x4F: "BIG5",
    0x7A: "GBK", 0x7B: "SHIFT_JIS", 0x7C: "CP874", 0x7D: "CP1255", 0x7E: "CP1256",
    0xC8: "CP1250", 0xC9: "CP1251", 0xCA: "CP1254", 0xCB: "CP1253", 0x13: "SHIFT_JIS",
}
# "System ANSI" and "none" say nothing: on a Chinese PC they mean GBK.
_UNINFORMATIVE_LDID = {0x00, 0x57, 0x58, 0x59}

_CPG_ALIASES = {
    "65001": "UTF-8", "UTF8": "UTF-8", "UTF-8": "UTF-8", "936": "GBK", "CP936": "GBK",
    "GBK": "GBK", "GB2312": "GBK", "GB18030": "GB18030", "54936": "GB18030", "950": "BIG5",
    "BIG5": "BIG5", "1252": "CP1252", "ANSI 1252": "CP1252", "LATIN1": "CP1252", "ISO-8859-1": "ISO-8859-1",
    "SYSTEM": None, "ANSI": None, "OEM": None,
}

SAMPLE_RECORDS = 2000

#: MapInfo ``Charset`` names → encodings; "Neutral" says nothing (on a Chinese PC it is GBK)
_MAPINFO_CHARSETS = {
    "WINDOWSSIMPCHINESE": "GBK", "WINDOWSTRADCHINESE": "BIG5", "WINDOWSLATIN1": "CP1252",
    "WINDOWSLATIN2": "CP1250", "WINDOWSCYRILLIC": "CP1251", "WINDOWSJAPANESE": "SHIFT_JIS",
    "WINDOWSKOREAN": "CP949", "ISO8859_1": "ISO-8859-1", "UTF-8": "UTF-8", "UTF8": "UTF-8",
    "CODEPAGE936": "GBK", "CODEPAGE950": "BIG5", "CODEPAGE1252": "CP1252", "NEUTRAL": None,
}
_MAPINFO_CHARSET = re.compile(rb'charset\s+"?([A-Za-z0-9_-]+)', re.IGNORECASE)


def _normalise_cpg(text: str) -> str | None:
    key = text.strip().upper().replace("_", "-")
    if "\x00" in key:
        return None
    if key in _CPG_ALIASES:
        return _CPG_ALIASES[key]
    if key.startswith("CP") and key[2:].isdigit():
        name = _CPG_ALIASES.get(key[2:], key)
    else:
        try:
            name = codecs.lookup(key).name.upper()
        except LookupError:
            return None
    return name if reads_ascii(name) else None


_ASCII = bytes(range(128))


def reads_ascii(encoding: str) -> bool:
    """Whether ``encoding`` is a text encoding that reads ASCII bytes as ASCII, as every DBF code page does.

    Leaves out what Python's codec registry also holds but no DBF is written in:
    bytes-to-bytes codecs (hex, base64, zlib, rot13), "undefined", codecs that take no
    error handler (IDNA), and the encodings whose bytes are not ASCII-compatible
    (UTF-16, UTF-32, UTF-7, EBCDIC), which would split DBF fields apart at their NUL
    and blank padding.
    """
    try:
        (_ASCII + b"\x80\xff").decode(encoding, "surrogateescape")  # the repairs decode with error handlers
        return _ASCII.decode(encoding) == _ASCII.decode("ascii")
    except (LookupError, UnicodeError, ValueError, TypeError):
        return False


def cpg_note(text: str | None) -> str | None:
    """Why a .cpg file is ignored (it holds NUL bytes, or names no encoding DBF text can be in), or None."""
    if text is None or not text.strip(" \r\n\t") or _normalise_cpg(text):
        return None
    if _CPG_ALIASES.get(text.strip().upper().replace("_", "-"), "") is None:
        return None  # "SYSTEM", "ANSI", "OEM": a name that says nothing, on purpose
    if "\x00" in text:
        return tr("the .cpg file holds NUL bytes, so it names no encoding; it was ignored and the encoding "
                  "was decided from the DBF")
    return tr("the .cpg file names '{name}', which is not an encoding DBF text can be written in; it was "
              "ignored and the encoding was decided from the DBF").format(name=text.strip()[:40])


def read_cpg_text(shp: Path) -> str | None:
    """The text of the .cpg beside ``shp`` (ASCII; other bytes dropped), or None when there is none."""
    cpg = _sibling(shp, ".cpg")
    return cpg.read_bytes()[:1024].decode("ascii", errors="ignore") if cpg is not None else None


def _sibling(path: Path, suffix: str) -> Path | None:
    for candidate in (path.with_suffix(suffix), path.with_suffix(suffix.upper())):
        if candidate.exists():
            return candidate
    return None


def _opened(dbf: Path | BinaryIO):
    """A context manager giving the open DBF: a path is opened (and closed), a file is used as it is."""
    return dbf.open("rb") if isinstance(dbf, Path) else nullcontext(dbf)


@dataclass(frozen=True)
class DbfField:
    name: bytes
    type: str
    offset: int  # in the record, after the deletion flag
    length: int


@dataclass(frozen=True)
class DbfLayout:
    n_records: int
    header_len: int
    record_len: int
    ldid: int
    fields: tuple[DbfField, ...]


def _dbf_layout(fh) -> DbfLayout | None:
    """The header of an open DBF: record count and size, language driver, field descriptors."""
    header = fh.read(32)
    if len(header) < 32:
        return None
    n_records, header_len, record_len = struct.unpack("<IHH", header[4:12])
    descriptors = fh.read(max(0, header_len - 32))
    fields: list[DbfField] = []
    offset = 1  # deletion flag
    for i in range(0, len(descriptors) - 31, 32):
        desc = descriptors[i:i + 32]
        if desc[0] == 0x0D:
            break
        fields.append(DbfField(desc[:11].split(b"\x00", 1)[0], chr(desc[11]), offset, desc[16]))
        offset += desc[16]
    return DbfLayout(n_records, header_len, record_len, header[29], tuple(fields))


def _character_field_bytes(dbf: Path | BinaryIO, limit: int = SAMPLE_RECORDS) -> tuple[int, bytes]:
    """(LDID byte, the field names and the character values of the first records, one a line)."""
    with _opened(dbf) as fh:
        layout = _dbf_layout(fh)
        if layout is None:
            return 0, b""
        fh.seek(layout.header_len)
        body = fh.read(layout.record_len * min(layout.n_records, limit))
    record_len = layout.record_len
    text_fields = [(f.offset, f.length) for f in layout.fields if f.type == "C"]
    chunks = [f.name for f in layout.fields]  # field names can be Chinese too
    if record_len == 0:  # a damaged header: the names are all there is to go by
        return layout.ldid, b"\n".join(chunks)
    for start in range(0, len(body) - record_len + 1, record_len):
        record = body[start:start + record_len]
        chunks.extend(record[o:o + n].rstrip(b" \x00") for o, n in text_fields)
    return layout.ldid, b"\n".join(chunks)


# ----------------------------------------------------------------------------- cut-off characters

_SURROGATE = re.compile("[\udc80-\udcff]")


@lru_cache(maxsize=1024)
def _double_byte_lead(byte: int, encoding: str) -> bool:
    """Whether some second byte makes ``byte`` a character of the double-byte code page."""
    for trail in range(0x30, 0x100):
        try:
            bytes((byte, trail)).decode(encoding)
            return True
        except UnicodeDecodeError:
            continue
    return False


def is_cut_character(tail: bytes, encoding: str) -> bool:
    """Whether ``tail`` (1–3 bytes) is the beginning of one character of ``encoding``, cut off."""
    if not 1 <= len(tail) <= 3:
        return False
    codec = codecs.lookup(encoding).name
    if codec == "utf-8":
        try:
            tail.decode("utf-8")
        except UnicodeDecodeError as exc:
            return exc.reason == "unexpected end of data" and exc.start == 0
        return False
    lead = 0x81 <= tail[0] <= 0xFE
    if codec == "gb18030":  # two bytes, or four: lead, digit, lead, digit
        return lead and (len(tail) == 1 or (0x30 <= tail[1] <= 0x39 and (len(tail) == 2 or 0x81 <= tail[2] <= 0xFE)))
    return len(tail) == 1 and tail[0] >= 0x80 and _double_byte_lead(tail[0], codec)


def repair_text(raw: bytes, encoding: str) -> tuple[str, bool, bool]:
    """(text, cut, replaced): ``raw`` decoded with a cut-off final character dropped, or
    else with its undecodable bytes shown as U+FFFD (a value that is garbled anyway is
    not also said to be cut)."""
    try:
        return raw.decode(encoding), False, False
    except UnicodeDecodeError:
        pass
    decoder = codecs.getincrementaldecoder(encoding)("surrogateescape")
    decoder.decode(raw, final=False)
    pending = decoder.getstate()[0]
    if pending and is_cut_character(pending, encoding):
        try:
            return raw[:len(raw) - len(pending)].decode(encoding), True, False
        except UnicodeDecodeError:
            pass
    return raw.decode(encoding, errors="replace"), False, True


@dataclass(frozen=True)
class DecodedText:
    """Byte strings decoded, and which of them needed repair."""

    values: list[str]
    cut: np.ndarray  # bool per value: its last character was cut in half and dropped
    replaced: np.ndarray  # bool per value: it held undecodable bytes, shown as U+FFFD


def decode_values(data: np.ndarray, offsets: np.ndarray, encoding: str) -> DecodedText:
    """Decode the byte strings ``data[offsets[i]:offsets[i + 1]]`` (none holding a NUL byte).

    The values are joined with NUL separators and decoded in one call; NUL never ends a
    multibyte character, so a cut-off character fails at its own value's end instead of
    swallowing the next value's first byte. Only values that fail are repaired one by one.
    """
    data = np.asarray(data, dtype=np.uint8)
    offsets = np.asarray(offsets, dtype=np.int64)
    n = len(offsets) - 1
    base = offsets[0]
    joined = np.insert(data[base:offsets[-1]], offsets[1:] - base, 0).tobytes()
    text = joined.decode(encoding, errors="surrogateescape")
    parts = text.split("\x00")
    cut, replaced = np.zeros(n, dtype=bool), np.zeros(n, dtype=bool)
    if len(parts) != n + 1:  # a codec that does not keep NUL on its own: decode value by value
        rows = np.arange(n)
        parts = [""] * n
    elif _SURROGATE.search(text) is None:
        return DecodedText(parts[:n], cut, replaced)
    else:
        ends = np.cumsum(np.fromiter(map(len, parts[:n]), dtype=np.int64, count=n) + 1) - 1
        rows = np.unique(np.searchsorted(ends, [m.start() for m in _SURROGATE.finditer(text)]))
    values = parts[:n]
    for row in rows.tolist():
        values[row], cut[row], replaced[row] = repair_text(data[offsets[row]:offsets[row + 1]].tobytes(), encoding)
    return DecodedText(values, cut, replaced)


def fixed_width_values(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(data, offsets) of the values in a DBF field's byte matrix (one row per record), each
    as GDAL reads it: up to its first NUL byte, trailing blanks removed."""
    width = matrix.shape[1]
    columns = np.arange(width)
    nul = matrix == 0
    first_nul = np.where(nul.any(axis=1), nul.argmax(axis=1), width)
    keep = (matrix != 0x20) & (columns < first_nul[:, None])
    lengths = np.where(keep.any(axis=1), width - keep[:, ::-1].argmax(axis=1), 0)
    data = matrix[columns < lengths[:, None]]
    return data, np.concatenate([[0], np.cumsum(lengths)])


@dataclass(frozen=True)
class TextRepair:
    """The values of one DBF character field that its encoding cannot decode as they are."""

    field_index: int  # position among the DBF's fields (= GDAL's field order)
    records: np.ndarray  # 0-based record numbers (= GDAL's Shapefile feature ids)
    values: list[str]
    cut: int  # values whose cut-off final character was dropped
    replaced: int  # values with undecodable bytes
    field_count: int  # fields in the DBF, to check the match with GDAL's


def _used_width(matrix: np.ndarray) -> np.ndarray:
    """A copy of the field's byte matrix without the columns that are padding in every record
    (GDAL writes text fields 254 bytes wide; most of it is blanks)."""
    used = np.flatnonzero(((matrix != 0x20) & (matrix != 0)).any(axis=0))
    return np.array(matrix[:, :used[-1] + 1 if len(used) else 0])


def _reads_cleanly(matrix: np.ndarray, encoding: str) -> bool:
    """Whether every record of a field's byte matrix decodes as it is (blank padding included:
    it never completes a character, so a value that fails trimmed fails padded too)."""
    separated = np.concatenate([matrix, np.zeros((len(matrix), 1), dtype=np.uint8)], axis=1).tobytes()
    if separated.isascii():
        return True
    try:
        separated.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def dbf_cut_names(dbf: Path | BinaryIO, encoding: str) -> tuple[list[int], int]:
    """(positions of the field names that are cut in half or undecodable as ``encoding``,
    the number of fields): GDAL drops such bytes from names as silently as from values."""
    try:
        codecs.lookup(encoding)
        with _opened(dbf) as fh:
            layout = _dbf_layout(fh)
    except (LookupError, OSError):
        return [], 0
    if layout is None:
        return [], 0
    cut = [i for i, f in enumerate(layout.fields) if any(repair_text(f.name, encoding)[1:])]
    return cut, len(layout.fields)


#: bytes of DBF records read at a time by :func:`dbf_text_repairs`
_CHUNK_BYTES = 16 * 1024 * 1024


def dbf_text_repairs(dbf: Path | BinaryIO, encoding: str, chunk: int = 65536) -> list[TextRepair]:
    """The character values of ``dbf`` that need repair when decoded as ``encoding``.

    GDAL's recoding drops what it cannot convert without saying which values lost
    text, so the fixed-width records are read here, ``chunk`` records (at most 16 MB)
    at a time, from a file or from a stream (a ZIP member), and every non-ASCII value is
    decoded again; only the values that fail are returned.
    """
    try:
        codecs.lookup(encoding)
        with _opened(dbf) as fh:
            return _text_repairs(fh, encoding, chunk)
    except (LookupError, OSError, EOFError):
        return []


def _text_repairs(fh: BinaryIO, encoding: str, chunk: int) -> list[TextRepair]:
    layout = _dbf_layout(fh)
    if layout is None or layout.record_len == 0 or layout.n_records == 0:
        return []
    width = layout.record_len
    fields = [(i, f) for i, f in enumerate(layout.fields) if f.type == "C" and f.offset + f.length <= width]
    found: dict[int, tuple[list, list, list]] = {i: ([], [], [0, 0]) for i, _ in fields}
    fh.seek(layout.header_len)
    step = max(1, min(chunk, _CHUNK_BYTES // width))
    start = 0
    while start < layout.n_records:
        want = min(step, layout.n_records - start)
        raw = fh.read(want * width)
        n = len(raw) // width  # a file cut short holds fewer records than its header says
        if n == 0:
            break
        records = np.frombuffer(raw, dtype=np.uint8, count=n * width).reshape(n, width)
        for index, fld in fields:
            matrix = _used_width(records[:, fld.offset:fld.offset + fld.length])
            if _reads_cleanly(matrix, encoding):
                continue
            wide = np.flatnonzero((matrix >= 0x80).any(axis=1))
            if not len(wide):
                continue
            decoded = decode_values(*fixed_width_values(matrix[wide]), encoding)
            bad = np.flatnonzero(decoded.cut | decoded.replaced)
            rows, values, counts = found[index]
            rows.append(start + wide[bad])
            values.extend(decoded.values[i] for i in bad.tolist())
            counts[0] += int(decoded.cut.sum())
            counts[1] += int(decoded.replaced.sum())
        start += n
        if n < want:
            break
    return [TextRepair(index, np.concatenate(rows), values, cut, replaced, len(layout.fields))
            for index, (rows, values, (cut, replaced)) in found.items() if values]


def decode_sample(raw: bytes) -> str | None:
    """The encoding under which the bytes read best: ASCII/UTF-8, else GBK, else GB18030.

    ``raw`` holds one value a line. A value whose last character was cut in half (at the
    DBF field width) still reads cleanly. When no encoding reads every value, the one with
    the fewest unreadable values wins (a single garbled field must not outvote the
    Chinese in all the others), then the one needing the fewest cut-off allowances, in
    the order above; None when none reads any non-ASCII value.
    """
    if not any(b >= 0x80 for b in raw):
        return None  # pure ASCII: any encoding reads it
    candidates = ("UTF-8", "GBK", "GB18030")
    for candidate in candidates:
        try:
            raw.decode(candidate)
            return candidate
        except UnicodeDecodeError:
            continue
    values = [v for v in raw.split(b"\n") if not v.isascii()]
    best, best_score = None, None
    for candidate in candidates:
        replaced = cuts = 0
        for value in values:
            _, cut, bad = repair_text(value, candidate)
            replaced += bad
            cuts += cut
        score = (replaced, cuts)
        if replaced < len(values) and (best_score is None or score < best_score):
            best, best_score = candidate, score
    return best


def detect_shapefile_encoding(shp: Path) -> EncodingInfo:
    cpg_text = read_cpg_text(shp)
    dbf = _sibling(shp, ".dbf")
    if dbf is None:
        return detect_dbf_encoding(cpg_text, None)
    with dbf.open("rb") as fh:
        return detect_dbf_encoding(cpg_text, fh)


def detect_dbf_encoding(cpg_text: str | None, dbf: BinaryIO | None) -> EncodingInfo:
    """The same decision from the .cpg's text and the .dbf's bytes, wherever they are stored."""
    if cpg_text is not None:
        declared = _normalise_cpg(cpg_text)
        if declared:
            return EncodingInfo(declared, guessed=False, method="cpg")
    if dbf is None:
        return EncodingInfo("UTF-8", guessed=True, method="sample")
    ldid, sample = _character_field_bytes(dbf)
    if ldid in _LDID and ldid not in _UNINFORMATIVE_LDID:
        name = _LDID[ldid]
        # a CJK code page named in the header is trusted; a Western one only for pure ASCII
        if name in ("GBK", "BIG5", "SHIFT_JIS", "CP949") or decode_sample(sample) is None:
            return EncodingInfo(name, guessed=False, method="ldid")
    guess = decode_sample(sample)
    return EncodingInfo(guess or "UTF-8", guessed=True, method="sample")


def mapinfo_charset(header: bytes) -> str | None:
    """The encoding a MapInfo .tab/.mif header declares (``Charset "WindowsSimpChinese"``), or None."""
    match = _MAPINFO_CHARSET.search(header)
    return _MAPINFO_CHARSETS.get(match.group(1).decode("ascii").upper()) if match else None


def detect_mapinfo_encoding(header: bytes, data_sample: bytes) -> EncodingInfo:
    """The declared Charset, else the encoding under which the header and the data read cleanly."""
    declared = mapinfo_charset(header)
    if declared:
        return EncodingInfo(declared, guessed=False, method="charset")
    guess = decode_sample(header + b"\n" + data_sample)
    return EncodingInfo(guess or "UTF-8", guessed=True, method="sample")
