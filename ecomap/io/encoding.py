"""Shapefile text encoding: the one place that decides how a DBF's bytes become text.

Order, as real county data demands: the ``.cpg`` beside the file; else the DBF
language-driver byte when it names a specific code page; else a sample of the
character fields decoded as UTF-8 and as GBK/GB18030, taking the one that decodes
cleanly (Chinese Windows tools write GBK with no .cpg and LDID 0x57 "system ANSI").
The result always says which encoding was used and whether it was guessed.
"""

from __future__ import annotations

import struct
from pathlib import Path

from ecomap.core.layers import EncodingInfo

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


def _normalise_cpg(text: str) -> str | None:
    key = text.strip().upper().replace("_", "-")
    if key in _CPG_ALIASES:
        return _CPG_ALIASES[key]
    if key.startswith("CP") and key[2:].isdigit():
        return _CPG_ALIASES.get(key[2:], key)
    try:
        import codecs

        return codecs.lookup(key).name.upper()
    except LookupError:
        return None


def _sibling(path: Path, suffix: str) -> Path | None:
    for candidate in (path.with_suffix(suffix), path.with_suffix(suffix.upper())):
        if candidate.exists():
            return candidate
    return None


def _character_field_bytes(dbf: Path, limit: int = SAMPLE_RECORDS) -> tuple[int, bytes]:
    """(LDID byte, concatenated bytes of the character fields of the first records)."""
    with dbf.open("rb") as fh:
        header = fh.read(32)
        if len(header) < 32:
            return 0, b""
        n_records, header_len, record_len = struct.unpack("<IHH", header[4:12])
        ldid = header[29]
        descriptors = fh.read(max(0, header_len - 32))
        fields: list[tuple[int, int]] = []  # (offset in record, length) of C fields
        offset = 1  # deletion flag
        for i in range(0, len(descriptors) - 31, 32):
            desc = descriptors[i:i + 32]
            if desc[0] == 0x0D:
                break
            ftype, flen = chr(desc[11]), desc[16]
            if ftype == "C":
                fields.append((offset, flen))
            offset += flen
        # field names can be Chinese too
        names = b"".join(descriptors[i:i + 11].rstrip(b"\x00") for i in range(0, len(descriptors) - 31, 32)
                         if descriptors[i] != 0x0D)
        fh.seek(header_len)
        body = fh.read(record_len * min(n_records, limit))
    chunks = [names]
    for start in range(0, len(body) - record_len + 1, record_len):
        record = body[start:start + record_len]
        chunks.extend(record[o:o + n].rstrip(b" \x00") for o, n in fields)
    return ldid, b"\n".join(chunks)


def decode_sample(raw: bytes) -> str | None:
    """The encoding under which the bytes read cleanly: ASCII/UTF-8, else GBK, else GB18030."""
    if not any(b >= 0x80 for b in raw):
        return None  # pure ASCII: any encoding reads it
    try:
        raw.decode("utf-8")
        return "UTF-8"
    except UnicodeDecodeError:
        pass
    for candidate in ("GBK", "GB18030"):
        try:
            raw.decode(candidate)
            return candidate
        except UnicodeDecodeError:
            continue
    return None


def detect_shapefile_encoding(shp: Path) -> EncodingInfo:
    cpg = _sibling(shp, ".cpg")
    if cpg is not None:
        declared = _normalise_cpg(cpg.read_text(encoding="ascii", errors="ignore"))
        if declared:
            return EncodingInfo(declared, guessed=False, method="cpg")
    dbf = _sibling(shp, ".dbf")
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
