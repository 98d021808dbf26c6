"""Attribute columns of a GDAL read: Arrow batches to pandas, with the values as the source holds them.

* Integer and boolean fields keep their type: pandas' nullable ``Int8`` … ``UInt64`` and
  ``boolean`` where a field has NULLs (``to_pandas`` alone would make them float or
  object, so 1 would show as 1.0 and big IDs would lose digits), plain numpy where it
  has none, as every other reader gives.
* GeoJSON arrays and objects (GDAL's list fields and JSON sub-typed strings) become
  compact JSON text, so the table, filters, styles and exports see strings; the layer
  lists those fields so ``ecomap info --json`` can give them back as JSON values.
* Text that is not valid UTF-8 (a UTF-8 DBF cut in the middle of a character, a file
  whose encoding was given wrongly) is decoded value by value instead of failing the
  read; a Shapefile that GDAL recodes is checked against its DBF bytes
  (:func:`ecomap.io.encoding.dbf_text_repairs`), because GDAL's recoding drops what it
  cannot convert without saying where. Either way the layer's notes say which field and
  how many values.
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Self

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ecomap.core.geometry_check import SourceIds
from ecomap.errors import DataError
from ecomap.i18n import tr
from ecomap.io.encoding import (
    TextRepair,
    dbf_cut_names,
    dbf_text_repairs,
    decode_values,
    repair_text,
)

_NULLABLE = {
    pa.int8(): pd.Int8Dtype(), pa.int16(): pd.Int16Dtype(), pa.int32(): pd.Int32Dtype(),
    pa.int64(): pd.Int64Dtype(), pa.uint8(): pd.UInt8Dtype(), pa.uint16(): pd.UInt16Dtype(),
    pa.uint32(): pd.UInt32Dtype(), pa.uint64(): pd.UInt64Dtype(), pa.bool_(): pd.BooleanDtype(),
}
_MASKED = tuple({type(dtype) for dtype in _NULLABLE.values()})
#: the dtype pandas gives text (pandas 3: Arrow-backed "str"). Arrow text handed to it as it
#: is, not through a Python string per value: 16x faster, and no GIL held per value while
#: the geometry is decoded beside it (500,000 rows: 1.3 s of the read under that contention)
_TEXT = pd.Series(["a"]).dtype


def _pandas_type(kind: pa.DataType):
    if isinstance(_TEXT, pd.StringDtype) and (pa.types.is_string(kind) or pa.types.is_large_string(kind)):
        return _TEXT
    return _NULLABLE.get(kind)
_COMPACT = {"ensure_ascii": False, "separators": (",", ":")}


@dataclass
class AttributeReport:
    """What converting a layer's attributes found, gathered over its batches."""

    #: fields holding JSON text (arrays or objects in the source)
    json_fields: list[str] = field(default_factory=list)
    #: field → [values whose cut-off last character was dropped, values with undecodable bytes]
    repaired: dict[str, list[int]] = field(default_factory=dict)
    #: the encoding the repaired text was read as, for the notes
    encoding: str = "UTF-8"
    #: fields whose names were cut in half in the file (the half character left out)
    renamed: list[str] = field(default_factory=list)

    def count(self, name: str, cut: int, replaced: int) -> None:
        if cut or replaced:
            counts = self.repaired.setdefault(name, [0, 0])
            counts[0] += cut
            counts[1] += replaced

    def notes(self) -> list[str]:
        out = [tr("field {field}: its name was cut in the middle of a character in the file (a DBF field "
                  "name holds 10 bytes); it is shown without the half character").format(field=name)
               for name in self.renamed]
        for name, (cut, replaced) in self.repaired.items():
            if cut:
                out.append(tr("field {field}: {n} value(s) end in half a character (the file cut them at "
                              "the field width); the half character is left out")
                           .format(field=name, n=f"{cut:,}"))
            if replaced:
                out.append(tr("field {field}: {n} value(s) hold bytes that are not {encoding} text; "
                              "they are shown as �")
                           .format(field=name, n=f"{replaced:,}", encoding=self.encoding))
        return out


def batch_frame(batch: pa.RecordBatch, report: AttributeReport) -> pd.DataFrame:
    """One Arrow batch of attribute columns (no FID, no geometry) as a DataFrame."""
    columns = {}
    for name, array in zip(batch.schema.names, batch.columns):
        if _is_json(array.type):
            if name not in report.json_fields:
                report.json_fields.append(name)
            if _valid(array):
                columns[name] = _json_text(array).to_pandas(types_mapper=_pandas_type)
            else:  # text holding bytes that are not UTF-8
                text, replaced = _lenient_json_text(array)
                report.count(name, 0, replaced)
                columns[name] = text.to_pandas(types_mapper=_pandas_type)
        elif (pa.types.is_string(array.type) or pa.types.is_large_string(array.type)) and not _valid(array):
            columns[name] = _repaired_text(array, name, report).to_pandas(types_mapper=_pandas_type)
        else:
            columns[name] = array.to_pandas(types_mapper=_pandas_type)
    return pd.DataFrame(columns, index=pd.RangeIndex(batch.num_rows))


def empty_frame(schema: pa.Schema | None, columns: list[str]) -> pd.DataFrame:
    """A layer without features, its columns typed as the source declares them where GDAL says."""
    if schema is None:
        return pd.DataFrame(columns=columns)
    names = [n for n in schema.names if n in columns]
    return batch_frame(pa.RecordBatch.from_pylist([], schema=pa.schema([schema.field(n) for n in names])),
                       AttributeReport())


def finish(table: pd.DataFrame) -> pd.DataFrame:
    """Integer and boolean columns without NULLs as plain numpy columns (what other readers give)."""
    for name in table.columns:
        column = table[name]
        if isinstance(column.dtype, _MASKED) and not column.isna().any():
            table[name] = column.to_numpy(dtype=column.dtype.numpy_dtype)
    return table


def _is_json(kind: pa.DataType) -> bool:
    return (pa.types.is_list(kind) or pa.types.is_large_list(kind) or pa.types.is_fixed_size_list(kind)
            or pa.types.is_struct(kind) or pa.types.is_map(kind)
            or getattr(kind, "extension_name", None) == "arrow.json")


def _json_text(array: pa.Array) -> pa.Array:
    """Compact JSON text per value (null stays null).

    Lists of numbers or booleans are formatted by Arrow, vectorized; JSON strings are
    re-serialized once per distinct value; anything else (lists of strings, nested
    values) value by value, which such fields — province and county sets — afford.
    """
    if isinstance(array, pa.ExtensionArray):
        storage = array.storage.to_numpy(zero_copy_only=False)
        codes, uniques = pd.factorize(storage)
        compact = np.array([_compact(u) for u in uniques] + [None], dtype=object)
        return pa.array(compact[codes], type=pa.string())
    if pa.types.is_list(array.type):
        items = array.type.value_type
        flat = array.flatten()
        plain = (pa.types.is_integer(items) or pa.types.is_boolean(items)
                 or (pa.types.is_floating(items) and pc.all(pc.is_finite(flat)).as_py() is not False))
        if plain:
            joined = pc.binary_join(pc.cast(array, pa.list_(pa.string())), ",")
            return pc.binary_join_element_wise("[", joined, "]", "")
    return pa.array([None if v is None else json.dumps(_plain(v), **_COMPACT) for v in array.to_pylist()],
                    type=pa.string())


def _lenient_json_text(array: pa.Array) -> tuple[pa.Array, int]:
    """What :func:`_json_text` gives, for values whose text is not all valid UTF-8 (the bad bytes
    shown as U+FFFD), and how many values held such bytes. Arrow cannot hand such text to
    Python, so every string inside is read as bytes and decoded here."""
    json_text = isinstance(array, pa.ExtensionArray)
    storage = array.storage if json_text else array
    raw = pc.cast(storage, _as_binary(storage.type)).to_pylist()
    values = [None if v is None else _compact(_decoded(v)) if json_text else json.dumps(_plain(_decoded(v)), **_COMPACT)
              for v in raw]
    return pa.array(values, type=pa.string()), sum(1 for v in raw if _undecodable(v))


def _as_binary(kind: pa.DataType) -> pa.DataType:
    """``kind`` with every string in it read as bytes."""
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        return pa.binary()
    if pa.types.is_list(kind) or pa.types.is_large_list(kind) or pa.types.is_fixed_size_list(kind):
        return pa.list_(_as_binary(kind.value_type))
    if pa.types.is_struct(kind):
        return pa.struct([pa.field(f.name, _as_binary(f.type)) for f in kind])
    return kind


def _decoded(value):
    """``value`` (read with its strings as bytes) with its strings decoded, bad bytes as U+FFFD."""
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    if isinstance(value, list):
        return [_decoded(v) for v in value]
    if isinstance(value, dict):
        return {k: _decoded(v) for k, v in value.items()}
    return value


def _undecodable(value) -> bool:
    """Whether some string of ``value`` (read as bytes) is not valid UTF-8."""
    if isinstance(value, bytes):
        try:
            value.decode("utf-8")
        except UnicodeDecodeError:
            return True
        return False
    if isinstance(value, list):
        return any(_undecodable(v) for v in value)
    if isinstance(value, dict):
        return any(_undecodable(v) for v in value.values())
    return False


def _compact(text: str) -> str:
    try:
        return json.dumps(json.loads(text), **_COMPACT)
    except ValueError:
        return text


def _plain(value):
    """A Python value json.dumps takes: non-finite numbers as null, bytes as hex, keys as text."""
    if isinstance(value, float):
        return value if np.isfinite(value) else None
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, bytes):
        return value.hex()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _valid(array: pa.Array) -> bool:
    try:
        array.validate(full=True)
    except pa.ArrowInvalid:
        return False
    return True


def _repaired_text(array: pa.Array, name: str, report: AttributeReport) -> pa.Array:
    """A string column with invalid UTF-8, decoded value by value as UTF-8 with repairs counted."""
    large = pa.types.is_large_string(array.type)
    binary = array.view(pa.large_binary() if large else pa.binary())
    buffers = binary.buffers()
    offsets = np.frombuffer(buffers[1], dtype=np.int64 if large else np.int32)
    offsets = offsets[binary.offset:binary.offset + len(binary) + 1]
    data = np.frombuffer(buffers[2], dtype=np.uint8) if buffers[2] is not None else np.zeros(0, np.uint8)
    decoded = decode_values(data, offsets, "UTF-8")
    nulls = binary.is_null().to_numpy(zero_copy_only=False)
    report.count(name, int((decoded.cut & ~nulls).sum()), int((decoded.replaced & ~nulls).sum()))
    values = np.array(decoded.values, dtype=object)
    values[nulls] = None
    return pa.array(values, type=pa.string())


# ----------------------------------------------------------------------------- Shapefile text


def shapefile_dbf(gdal_path: Path | str) -> Path | None:
    """The .dbf beside a Shapefile on disk (None for a ZIP member or a missing file)."""
    path = Path(gdal_path)
    if str(gdal_path).startswith("/vsi") or path.suffix.lower() not in (".shp", ".dbf"):
        return None
    for candidate in (path.with_suffix(".dbf"), path.with_suffix(".DBF")):
        if candidate.exists():
            return candidate
    return None


def apply_text_repairs(frame: pd.DataFrame, repairs: list[TextRepair], record_numbers: np.ndarray | None,
                       report: AttributeReport) -> None:
    """Put the DBF's repaired values into ``frame`` (in place), matching records by GDAL's FID.

    ``record_numbers`` are the FIDs of the frame's rows (for a Shapefile, the record index).
    """
    if not repairs or record_numbers is None or len(record_numbers) != len(frame):
        return
    geometry = frame.geometry.name if hasattr(frame, "geometry") else None
    names = [c for c in frame.columns if c != geometry]
    position = pd.Index(np.asarray(record_numbers))
    for repair in repairs:
        if repair.field_count != len(names):
            continue
        rows = position.get_indexer(repair.records)
        found = rows >= 0
        if not found.any():
            continue
        name = names[repair.field_index]
        frame.iloc[rows[found], frame.columns.get_loc(name)] = np.array(repair.values, dtype=object)[found]
        report.count(name, repair.cut, repair.replaced)


class ShapefileTextCheck:
    """Checks a Shapefile's DBF text in a worker thread while GDAL reads the layer.

    Only when GDAL recodes (any encoding but UTF-8). The DBF is the file beside
    ``gdal_path`` on disk, or what ``open_dbf()`` opens (a ZIP member, read through the
    archive while GDAL reads the same member through /vsizip/).
    """

    def __init__(self, gdal_path: Path | str, encoding: str | None, open_dbf=None):
        recoded = bool(encoding) and encoding.upper() not in ("UTF-8", "UTF8")
        if recoded and open_dbf is None:
            dbf = shapefile_dbf(gdal_path)
            open_dbf = (lambda: dbf.open("rb")) if dbf is not None else None
        if not recoded:
            open_dbf = None
        self._pool = ThreadPoolExecutor(max_workers=1) if open_dbf is not None else None
        self._future = self._pool.submit(_opened_repairs, open_dbf, encoding) if self._pool else None
        self._names = _opened_cut_names(open_dbf, encoding) if open_dbf is not None else ([], 0)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)

    def apply(self, frame: pd.DataFrame, fids: np.ndarray | None, report: AttributeReport) -> None:
        if self._future is not None:
            apply_text_repairs(frame, self._future.result(), fids, report)
        cut, count = self._names
        geometry = frame.geometry.name if hasattr(frame, "geometry") else None
        names = [c for c in frame.columns if c != geometry]
        if cut and count == len(names):
            report.renamed.extend(names[i] for i in cut)


def _opened_repairs(open_dbf, encoding: str) -> list[TextRepair]:
    try:
        with open_dbf() as fh:
            return dbf_text_repairs(fh, encoding) if fh is not None else []
    except (OSError, DataError):  # GDAL's own read of the layer reports a damaged file
        return []


def _opened_cut_names(open_dbf, encoding: str) -> tuple[list[int], int]:
    try:
        with open_dbf() as fh:
            return dbf_cut_names(fh, encoding) if fh is not None else ([], 0)
    except (OSError, DataError):
        return [], 0


#: GDAL's recoding from ISO-8859-1 maps every byte to one character: a lossless way to get bytes
BYTES_ENCODING = "ISO-8859-1"


def redecode(frame: pd.DataFrame, encoding: str, report: AttributeReport) -> pd.DataFrame:
    """A frame GDAL read as ISO-8859-1 (byte for byte), its field names and text decoded as ``encoding``.

    The fallback when pyogrio cannot decode a field name (a DBF cuts names at 10 bytes,
    which may split a UTF-8 character): names and values get the same repairs as text.
    """
    geometry = frame.geometry.name if hasattr(frame, "geometry") else None
    renames: dict[str, str] = {}
    taken: set[str] = set()
    for name in frame.columns:
        if name == geometry:
            continue
        new, cut, replaced = repair_text(name.encode(BYTES_ENCODING), encoding)
        base, k = new, 2
        while new in taken:
            new, k = f"{base}_{k}", k + 1
        taken.add(new)
        renames[name] = new
        if cut or replaced or new != base:
            report.renamed.append(new)
        column = frame[name]
        if pd.api.types.is_string_dtype(column.dtype) or column.dtype == object:
            frame[name] = _redecode_text(column, encoding, new, report)
    return frame.rename(columns=renames)


def _redecode_text(column: pd.Series, encoding: str, name: str, report: AttributeReport) -> np.ndarray:
    values = column.to_numpy(dtype=object, na_value=None)
    present = np.array([isinstance(v, str) for v in values], dtype=bool)
    strings = values[present].tolist()
    data = np.frombuffer("".join(strings).encode(BYTES_ENCODING), dtype=np.uint8)
    offsets = np.concatenate([[0], np.cumsum(np.fromiter(map(len, strings), dtype=np.int64, count=len(strings)))])
    decoded = decode_values(data, offsets, encoding)
    report.count(name, int(decoded.cut.sum()), int(decoded.replaced.sum()))
    values[present] = decoded.values
    return values


# ----------------------------------------------------------------------------- feature IDs


def index_by_source_ids(layer, fids: np.ndarray | None):
    """Index ``layer``'s features by the IDs the user sees and the source keeps.

    GeoPackage, FileGDB and SpatiaLite: the stored fid (gaps where rows were deleted);
    Shapefile: the record number, from 1 (GDAL's FID is the record index, from 0);
    other formats: the position in the file, from 1. Reports read ``features.index``,
    the attribute table and identify read ``layer.source_ids``: both are these IDs.
    """
    kind = layer.source_ids.kind if layer.source_ids is not None else "feature"
    n = layer.feature_count
    have = fids is not None and len(fids) == n
    if kind == "fid" and have:
        ids = np.asarray(fids, dtype=np.int64)
    elif kind == "record" and have:
        ids = np.asarray(fids, dtype=np.int64) + 1
    else:
        ids = np.arange(1, n + 1, dtype=np.int64)
    layer.set_features(layer.features.set_axis(pd.Index(ids), axis=0))
    layer.source_ids = SourceIds(kind, ids)
    return layer
