"""The monthly surface-water report (水质月报) of a county's monitoring sections.

What: load the sections layer and the monthly measurements table (from a
GeoPackage or an ``.ecomap`` project that points at one), classify every
section-month at once (GB 3838-2002 single-factor, :mod:`water_quality`), and
build the month's report (class, 达标, 超标因子 and ratios per section, the
Ⅰ~Ⅲ / 劣Ⅴ shares and the compliance rate), the section × month class matrix for
the GUI's month slider and one section's time series.

Why a plain object (no Qt): the CLI, the report export and the GUI panels share
it; the GUI wraps it in its own model.

Fields (domain.md §4.3), matched case-insensitively with Chinese aliases:
sections DMBM code, DMMC name, SZHL river, STLX 河流|湖库, DMJB 国考/省考/市考,
SZMB target class; measurements DMBM, JCNY 'YYYY-MM', then one column per
parameter (pH, DO, CODMn, COD, BOD5, NH3N, TP, TN …; NULLs allowed).
Several samples of one section in one month are averaged per parameter.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd

from ecomap.domain import water_quality as wq
from ecomap.errors import DataError
from ecomap.i18n import tr

SECTIONS_LAYER = "water_sections"
MEASUREMENTS_LAYER = "water_measurements"

#: canonical column → accepted field names (compared case-insensitively).
SECTION_FIELDS = {
    "code": ("DMBM", "断面编码", "断面代码", "code", "section_code"),
    "name": ("DMMC", "断面名称", "name", "section_name"),
    "river": ("SZHL", "所在河流", "所在河流/湖库", "所在水体", "HLMC", "河流名称", "river"),
    "water_body": ("STLX", "水体类型", "water_body", "waterbody"),
    "level": ("DMJB", "断面级别", "断面属性", "level"),
    "target": ("SZMB", "水质目标", "目标水质", "target", "target_class"),
}
MEASUREMENT_FIELDS = {
    "code": SECTION_FIELDS["code"],
    "month": ("JCNY", "监测年月", "年月", "JCSJ", "监测时间", "采样日期", "month", "date"),
}

_MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


# --------------------------------------------------------------------------- columns, codes, months


def _match_fields(columns, wanted: dict[str, tuple[str, ...]]) -> dict[str, str]:
    lower = {str(c).strip().lower(): c for c in columns}
    found = {}
    for key, names in wanted.items():
        for name in names:
            if name.lower() in lower:
                found[key] = lower[name.lower()]
                break
    return found


def _codes(series: pd.Series) -> pd.Series:
    """Section codes as stripped strings (1001.0 and "1001" are the same section)."""
    if pd.api.types.is_float_dtype(series.dtype):
        out = series.map(lambda v: None if pd.isna(v) else
                         (str(int(v)) if float(v).is_integer() else str(v)))
    else:
        out = series.astype("string").str.strip()
    return out.astype(object).where(pd.notna(out), None)


def normalize_months(series: pd.Series) -> pd.Series:
    """'YYYY-MM' strings from month/date columns ('2024-6', '2024年06月', '202406',
    '2024-06-15', datetimes); unreadable → None."""
    if pd.api.types.is_datetime64_any_dtype(series.dtype):
        out = series.dt.strftime("%Y-%m")
        return out.astype(object).where(series.notna(), None)
    text = series.astype("string").str.strip()
    parts = text.str.extract(r"^(\d{4})\s*[-/.年]?\s*(\d{2}|\d(?!\d))")
    year = pd.to_numeric(parts[0], errors="coerce")
    month = pd.to_numeric(parts[1], errors="coerce")
    ok = (year.notna() & month.between(1, 12)).to_numpy()
    out = np.full(len(series), None, dtype=object)
    out[ok] = (year[ok].astype(int).astype(str) + "-"
               + month[ok].astype(int).astype(str).str.zfill(2)).to_numpy(dtype=object)
    return pd.Series(out, index=series.index, dtype=object)


def check_month(month: str, source=None) -> str:
    """``month`` if it is 'YYYY-MM', else DataError."""
    if not isinstance(month, str) or not _MONTH_RE.match(month.strip()):
        raise DataError(source, tr("invalid month \"{month}\": expected YYYY-MM, e.g. 2024-06")
                        .format(month=month))
    return month.strip()


# --------------------------------------------------------------------------- report rows


@dataclass
class SectionRow:
    """One section in one month's report."""

    code: str
    name: str | None
    river: str | None
    level: str | None
    water_body: str  # "river" | "lake"
    target: str | None
    cls: str | None  # None: no measurement this month (excluded from the shares)
    meets_target: bool | None
    failing: list[wq.Exceedance] = field(default_factory=list)
    values: dict[str, float] = field(default_factory=dict)
    note: str | None = None
    has_sample: bool = False  # a measurement row exists this month (maybe all NULL)

    @property
    def measured(self) -> bool:
        return self.cls is not None

    def to_dict(self) -> dict:
        return {
            "code": self.code, "name": self.name, "target": self.target, "class": self.cls,
            "meets_target": self.meets_target,
            "failing": [_exceedance_json(e) for e in self.failing],
        }


def _exceedance_json(e: wq.Exceedance) -> dict:
    return {"parameter": e.parameter, "value": _num(e.value), "limit": _num(e.limit),
            "ratio": None if e.ratio is None else round(float(e.ratio), 4)}


def _none(v):
    """None for any missing value (pandas 3 turns None into NaN in string columns)."""
    return None if v is None or (not isinstance(v, (list, dict)) and pd.isna(v)) else v


def _num(v):
    return None if v is None or (isinstance(v, float) and np.isnan(v)) else float(v)


@dataclass
class WaterReport:
    """水质月报 of one month. Shares are fractions 0–1, None when nothing was measured."""

    month: str
    rows: list[SectionRow]
    share_I_III: float | None
    share_worse_V: float | None
    compliance_rate: float | None

    @property
    def n_assessed(self) -> int:
        return sum(r.measured for r in self.rows)

    def to_dict(self) -> dict:
        """The CLI's ``--json`` object."""
        return {
            "month": self.month,
            "sections": [r.to_dict() for r in self.rows],
            "share_I_III": self.share_I_III,
            "share_worse_V": self.share_worse_V,
            "compliance_rate": self.compliance_rate,
        }


# --------------------------------------------------------------------------- dataset


class WaterDataset:
    """Sections + monthly measurements, classified once for every section-month."""

    def __init__(self, sections: pd.DataFrame, measurements: pd.DataFrame, source=None):
        self.source = None if source is None else str(source)
        self.sections = self._normalize_sections(sections)
        self.measurements = self._normalize_measurements(measurements)

    # -- normalization
    def _normalize_sections(self, frame: pd.DataFrame) -> pd.DataFrame:
        cols = _match_fields(frame.columns, SECTION_FIELDS)
        for key in ("code", "target"):
            if key not in cols:
                raise DataError(self.source, tr("the water sections table has no {field} field")
                                .format(field="/".join(SECTION_FIELDS[key][:2])))
        out = pd.DataFrame(index=pd.RangeIndex(len(frame)))
        out["code"] = _codes(frame[cols["code"]]).to_numpy()
        for key in ("name", "river", "level"):
            out[key] = (frame[cols[key]].astype(object).where(frame[cols[key]].notna(), None)
                        .to_numpy() if key in cols else None)
        wb = frame[cols["water_body"]] if "water_body" in cols else pd.Series([None] * len(frame))
        out["water_body"] = np.where(wq._is_lake_array(wb.to_numpy(), len(frame)), "lake", "river")
        tgt = frame[cols["target"]]
        out["target"] = pd.Series([wq.parse_class(v) for v in tgt.to_numpy(dtype=object)],
                                  dtype=object)
        out = out[out["code"].notna()].drop_duplicates("code", keep="first")
        return out.reset_index(drop=True)

    def _normalize_measurements(self, frame: pd.DataFrame) -> pd.DataFrame:
        cols = _match_fields(frame.columns, MEASUREMENT_FIELDS)
        for key in ("code", "month"):
            if key not in cols:
                raise DataError(self.source, tr("the water measurements table has no {field} field")
                                .format(field="/".join(MEASUREMENT_FIELDS[key][:2])))
        params = {k: c for k, c in wq.parameter_columns(frame).items()
                  if c not in cols.values()}
        if not params:
            raise DataError(self.source, tr("the water measurements table has no "
                                            "water-quality parameter fields (pH, DO, CODMn, …)"))
        out = pd.DataFrame({"code": _codes(frame[cols["code"]]).to_numpy(),
                            "month": normalize_months(frame[cols["month"]]).to_numpy()})
        for key, col in params.items():
            out[key] = wq.coerce_values(frame[col])
        out = out[out["code"].notna() & out["month"].notna()]
        # several samples of a section in one month → the monthly mean per parameter
        out = out.groupby(["code", "month"], sort=True, as_index=False).mean()
        return out

    # -- classification
    @property
    def parameters(self) -> list[str]:
        return [c for c in self.measurements.columns if c in wq.PARAMETERS]

    @property
    def months(self) -> list[str]:
        return sorted(self.measurements["month"].unique().tolist())

    @property
    def latest_month(self) -> str | None:
        months = self.months
        return months[-1] if months else None

    @cached_property
    def _joined(self) -> pd.DataFrame:
        info = self.sections[["code", "water_body", "target"]]
        return self.measurements.merge(info, on="code", how="inner", validate="many_to_one")

    @cached_property
    def classification(self) -> wq.TableClassification:
        """Every section-month classified against its own target (index of :attr:`classified`)."""
        j = self._joined
        return wq.classify_table(j[self.parameters], j["water_body"].to_numpy(),
                                 target=j["target"].to_numpy())

    @cached_property
    def classified(self) -> pd.DataFrame:
        """code, month, parameter values, class, class_rank, meets_target — one row per
        section-month with a section in the sections table."""
        j = self._joined
        t = self.classification
        out = j[["code", "month", *self.parameters]].copy()
        out["class"] = pd.Series(t.overall.to_numpy(), index=out.index, dtype=object)
        out["class_rank"] = t.overall_rank.to_numpy()
        out["meets_target"] = t.meets_target.to_numpy()
        return out

    def class_matrix(self) -> pd.DataFrame:
        """Section (rows, sections-table order) × month (columns, sorted) of class strings,
        None where a section has no measurement that month."""
        c = self.classified
        m = c.pivot(index="code", columns="month", values="class")
        m = m.reindex(index=self.sections["code"], columns=self.months)
        return m.astype(object).where(m.notna(), None)

    def classes_of_rows(self, frame: pd.DataFrame) -> pd.DataFrame:
        """The class matrix for the rows of a sections frame (e.g. the map layer's): one
        row per row of ``frame`` (positional index), one column per month; None where
        the row's section has no class that month or the frame has no code field."""
        m = self.class_matrix()
        col = section_code_column(frame)
        if col is None:
            return pd.DataFrame(None, index=pd.RangeIndex(len(frame)), columns=m.columns, dtype=object)
        codes = _codes(frame[col]).to_numpy(dtype=object)
        out = m.reindex(index=codes)
        out.index = pd.RangeIndex(len(frame))
        return out.astype(object).where(out.notna(), None)

    def section_series(self, code) -> pd.DataFrame:
        """One section's months (index) with its values, class and meets_target."""
        found = self.series_by_section.get(str(code))
        if found is None:
            return self.classified.iloc[:0].set_index("month").drop(columns="code")
        return found

    @cached_property
    def series_by_section(self) -> dict[str, pd.DataFrame]:
        """Every section's :meth:`section_series`, split in one pass (the loading task builds it:
        a chart shows one as the user moves through the table)."""
        c = self.classified
        return {str(code): part.set_index("month").drop(columns="code").sort_index()
                for code, part in c.groupby("code", sort=False)}

    # -- report
    def report(self, month: str | None = None, reference=None) -> WaterReport:
        """The report of ``month`` ('YYYY-MM'; default the latest month present).

        Exceedances are measured against each section's target (Ⅲ when the target is
        unknown) unless ``reference`` (a class) says otherwise.
        """
        if month is None:
            month = self.latest_month
            if month is None:
                raise DataError(self.source, tr("the water measurements table is empty"))
        month = check_month(month, self.source)
        if month not in set(self.months):
            months = self.months
            raise DataError(self.source, tr("no measurements for {month}; months present: "
                                            "{first} to {last}")
                            .format(month=month, first=months[0] if months else "—",
                                    last=months[-1] if months else "—"))
        j = self._joined
        sel = (j["month"] == month).to_numpy()
        sub = j[sel]
        t = wq.classify_table(sub[self.parameters], sub["water_body"].to_numpy(),
                              target=sub["target"].to_numpy(), reference=reference)
        by_code = dict(zip(sub["code"], range(len(sub))))
        classes = t.overall.to_numpy()
        meets = t.meets_target.to_numpy()
        ex = t.exceedances()
        failing: dict[int, list[wq.Exceedance]] = {}
        pos = {label: i for i, label in enumerate(sub.index)}
        for r in ex.itertuples(index=False):
            failing.setdefault(pos[r.row], []).append(wq.Exceedance(
                r.parameter, float(r.value), float(r.limit),
                None if np.isnan(r.ratio) else float(r.ratio)))
        values = sub[self.parameters].to_numpy()
        rows = []
        for s in self.sections.itertuples(index=False):
            i = by_code.get(s.code)
            row = SectionRow(s.code, _none(s.name), _none(s.river), _none(s.level),
                             s.water_body, _none(s.target), None, None)
            if i is None:
                row.note = tr("no measurement in {month}; excluded from the shares").format(
                    month=month)
            else:
                row.has_sample = True
                row.cls = classes[i]
                row.meets_target = None if pd.isna(meets[i]) else bool(meets[i])
                row.failing = failing.get(i, [])
                row.values = {k: float(v) for k, v in zip(self.parameters, values[i])
                              if not np.isnan(v)}
                if row.cls is None:
                    row.note = tr("no assessable values in {month}; excluded from the shares"
                                  ).format(month=month)
                elif row.target is None:
                    row.note = tr("no valid water-quality target; excluded from the "
                                  "compliance rate")
            rows.append(row)
        cls_list = [r.cls for r in rows]
        return WaterReport(month, rows, wq.share_I_III(cls_list), wq.share_worse_V(cls_list),
                           wq.compliance_rate(cls_list, [r.target for r in rows]))


# --------------------------------------------------------------------------- loading


def project_gpkg_candidates(project_path) -> list[Path]:
    """GeoPackages an ``.ecomap`` project refers to, in order (duck-typed, replaceable).

    Looks at ``layers[*].source`` and ``layers[*].path`` (a string, or a dict with a
    ``path``); relative paths are relative to the project file.
    """
    path = Path(project_path)
    try:
        doc = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as exc:
        raise DataError(path, tr("cannot read the project file ({detail})").format(
            detail=exc)) from None
    layers = doc.get("layers", []) if isinstance(doc, dict) else []
    found: list[Path] = []
    for layer in layers if isinstance(layers, list) else []:
        if not isinstance(layer, dict):
            continue
        for key in ("source", "path"):
            ref = layer.get(key)
            if isinstance(ref, dict):
                ref = ref.get("path")
            if isinstance(ref, str) and ref.split("|")[0].lower().endswith(".gpkg"):
                p = Path(ref.split("|")[0])
                p = p if p.is_absolute() else (path.parent / p)
                if p not in found:
                    found.append(p)
    return found


def section_column(frame: pd.DataFrame, key: str) -> str | None:
    """The column of a sections frame holding ``key`` of :data:`SECTION_FIELDS` (code: DMBM,
    断面编码 …; name: DMMC, 断面名称 …), or None."""
    return _match_fields(frame.columns, {key: SECTION_FIELDS[key]}).get(key)


def section_code_column(frame: pd.DataFrame) -> str | None:
    return section_column(frame, "code")


def section_codes(frame: pd.DataFrame) -> np.ndarray:
    """Each row's section code as the dataset spells it (None where missing or without a code field)."""
    col = section_code_column(frame)
    if col is None:
        return np.full(len(frame), None, dtype=object)
    return _codes(frame[col]).to_numpy(dtype=object)


def _find_layers(path: Path) -> tuple[str | None, str | None]:
    """(sections layer, measurements layer) of a data source: by name, else by fields."""
    import pyogrio

    try:
        names = [str(n) for n in pyogrio.list_layers(path)[:, 0]]
    except Exception as exc:  # pyogrio raises several types for unreadable files
        raise DataError(path, tr("cannot open the file as a GeoPackage ({detail})").format(
            detail=str(exc).splitlines()[0] if str(exc) else type(exc).__name__)) from None
    sections = SECTIONS_LAYER if SECTIONS_LAYER in names else None
    measurements = MEASUREMENTS_LAYER if MEASUREMENTS_LAYER in names else None
    for name in names:
        if sections and measurements:
            break
        try:
            fields = list(pyogrio.read_info(path, layer=name)["fields"])
        except Exception:
            continue
        if sections is None and len(_match_fields(fields, {
                k: SECTION_FIELDS[k] for k in ("code", "target")})) == 2:
            sections = name
        elif (measurements is None and len(_match_fields(fields, MEASUREMENT_FIELDS)) == 2
              and any(wq.canonical_parameter(f) for f in fields)):
            measurements = name
    return sections, measurements


def load_water_dataset(path) -> WaterDataset:
    """Sections and measurements from a GeoPackage or an ``.ecomap`` project file."""
    import pyogrio

    path = Path(path)
    if not path.exists():
        raise DataError(path, tr("file not found"))
    if path.suffix.lower() == ".ecomap":
        candidates = project_gpkg_candidates(path)
        if not candidates:
            raise DataError(path, tr("the project has no GeoPackage layer with water-quality "
                                     "sections and measurements"))
        last_error = None
        for gpkg in candidates:
            if not gpkg.exists():
                continue
            try:
                return load_water_dataset(gpkg)
            except DataError as exc:
                last_error = exc
        raise last_error or DataError(path, tr("the GeoPackages of the project are missing: "
                                               "{paths}").format(
            paths=", ".join(str(c) for c in candidates)))
    sections, measurements = _find_layers(path)
    if sections is None:
        raise DataError(path, tr("no water sections layer found (expected \"{layer}\" with "
                                 "fields DMBM and SZMB)").format(layer=SECTIONS_LAYER))
    if measurements is None:
        raise DataError(path, tr("no water measurements table found (expected \"{layer}\" "
                                 "with fields DMBM, JCNY and parameter values)")
                        .format(layer=MEASUREMENTS_LAYER))
    sec = pyogrio.read_dataframe(path, layer=sections, read_geometry=False)
    mea = pyogrio.read_dataframe(path, layer=measurements, read_geometry=False)
    return WaterDataset(pd.DataFrame(sec), pd.DataFrame(mea), source=path)


def read_measurements(path) -> tuple[str, pd.DataFrame]:
    """(table name, frame) of a GeoPackage's water measurements table (by name, else by its
    fields); DataError naming the file when it has none."""
    import pyogrio

    path = Path(path)
    if not path.exists():
        raise DataError(path, tr("file not found"))
    _sections, measurements = _find_layers(path)
    if measurements is None:
        raise DataError(path, tr("no water measurements table found (expected \"{layer}\" "
                                 "with fields DMBM, JCNY and parameter values)")
                        .format(layer=MEASUREMENTS_LAYER))
    return measurements, pd.DataFrame(pyogrio.read_dataframe(path, layer=measurements, read_geometry=False))


def build_report(path_or_dataset, month: str | None = None, reference=None) -> WaterReport:
    """Convenience: load (if given a path) and build the report of ``month``."""
    ds = (path_or_dataset if isinstance(path_or_dataset, WaterDataset)
          else load_water_dataset(path_or_dataset))
    return ds.report(month, reference=reference)
