"""Surface-water quality classes after GB 3838-2002 (single-factor method).

What: the Table 1 limits, the class of one value, of one sample and of a whole
measurement table at once, exceedance ratios against a reference class, the
section shares that bulletins report (Ⅰ~Ⅲ类比例, 劣Ⅴ类比例, 达标率), the
qualitative labels and colours, and the river/basin rating.

Why vectorized: the GUI classifies 36 months × every section in one go, so the
table-wide path (:func:`classify_table`) works column by column with numpy
``searchsorted`` / ``where``; the scalar helpers are thin wrappers around it.

Rules (domain.md §4.2):

* DO is "≥" (higher is better); every other parameter is "≤".
* A value exactly on a limit belongs to that class; where two classes share a
  limit (COD Ⅰ=Ⅱ=15) the better class applies. Both fall out of counting the
  limits a value strictly exceeds. A relative tolerance of 1e-9 keeps values
  that only differ from a limit by float noise (averages) on the limit.
* pH inside 6–9 does not constrain the class (Ⅰ); outside it is 劣Ⅴ.
* A value that fails the Ⅴ limit is 劣Ⅴ.
* TP has river and lake/reservoir limits; TN is assessed for lakes/reservoirs
  only. Further exclusions (fecal coliform under the 2011 method) are a caller
  choice through ``exclude``.
* DO class Ⅰ is "7.5 mg/L or 90 % saturation"; only the concentration is used.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ecomap.i18n import language, tr

# --------------------------------------------------------------------------- classes

CLASSES: tuple[str, ...] = ("Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "劣Ⅴ")
WORSE_THAN_V = "劣Ⅴ"
#: Rank of "no class" (no value, parameter not assessed for this water body).
NO_RANK = -1
RANK_III = 2
RANK_WORSE_V = 5

_REL_TOL = 1e-9

_CLASS_TOKENS = {
    "I": 0, "II": 1, "III": 2, "IV": 3, "V": 4,
    "1": 0, "2": 1, "3": 2, "4": 3, "5": 4,
    "一": 0, "二": 1, "三": 2, "四": 3, "五": 4,
    "劣V": 5, "劣5": 5, "劣五": 5, "VI": 5, "6": 5,
}
_CLASS_NOISE = re.compile(r"[\s类別别级]|水质|标准|符合")


def parse_class(text) -> str | None:
    """Canonical class string for liberal spellings, or None.

    Accepts "Ⅲ", "III", "Ⅲ类", "3", "三类", "劣Ⅴ", "劣V类", "ⅲ" ...; None/NaN/"" → None.
    """
    if text is None:
        return None
    if isinstance(text, (int, np.integer)) and not isinstance(text, bool):
        return CLASSES[int(text) - 1] if 1 <= int(text) <= 6 else None
    if isinstance(text, float):
        if np.isnan(text) or not text.is_integer():
            return None
        return parse_class(int(text))
    s = _CLASS_NOISE.sub("", unicodedata.normalize("NFKC", str(text))).upper()
    rank = _CLASS_TOKENS.get(s)
    return None if rank is None else CLASSES[rank]


def class_rank(cls) -> int:
    """0 (Ⅰ) … 5 (劣Ⅴ); NO_RANK (-1) when ``cls`` is not a class."""
    c = parse_class(cls)
    return NO_RANK if c is None else CLASSES.index(c)


def class_from_rank(rank) -> str | None:
    r = int(rank)
    return CLASSES[r] if 0 <= r < len(CLASSES) else None


def worst_class(classes: Iterable) -> str | None:
    """The worst of the given classes (single-factor rule); None if none is a class."""
    ranks = [class_rank(c) for c in classes]
    return class_from_rank(max(ranks, default=NO_RANK))


def meets_target(cls, target) -> bool | None:
    """达标: the class is the same as or better than the target; None if either is unknown."""
    r, t = class_rank(cls), class_rank(target)
    if r == NO_RANK or t == NO_RANK:
        return None
    return r <= t


# --------------------------------------------------------------------------- labels, colours

#: Qualitative level per class rank (Ⅰ–Ⅱ 优, Ⅲ 良好, Ⅳ 轻度, Ⅴ 中度, 劣Ⅴ 重度).
LEVELS: tuple[str, ...] = ("excellent", "good", "slight", "moderate", "heavy")
_LEVEL_OF_RANK = ("excellent", "excellent", "good", "slight", "moderate", "heavy")
#: Fixed Chinese wording used in report files (a format, not UI text).
LEVEL_LABELS_ZH = {
    "excellent": "优", "good": "良好", "slight": "轻度污染",
    "moderate": "中度污染", "heavy": "重度污染",
}
_LEVEL_LABELS_EN = {
    "excellent": "Excellent", "good": "Good", "slight": "Slightly polluted",
    "moderate": "Moderately polluted", "heavy": "Heavily polluted",
}
CLASS_COLORS = {
    "Ⅰ": "#5ab1ef", "Ⅱ": "#5ab1ef", "Ⅲ": "#42cc70",
    "Ⅳ": "#e8dd3e", "Ⅴ": "#f5a524", "劣Ⅴ": "#ed5466",
}
NO_CLASS_COLOR = "#bfbfbf"


def quality_level(cls) -> str | None:
    """Level code ("excellent" … "heavy") of a class, None if not a class."""
    r = class_rank(cls)
    return None if r == NO_RANK else _LEVEL_OF_RANK[r]


def quality_label(cls_or_level) -> str | None:
    """Translated label (优/良好/轻度污染/中度污染/重度污染) of a class or level code."""
    level = cls_or_level if cls_or_level in LEVELS else quality_level(cls_or_level)
    if level is None:
        return None
    return {
        "excellent": tr("Excellent"),
        "good": tr("Good"),
        "slight": tr("Slightly polluted"),
        "moderate": tr("Moderately polluted"),
        "heavy": tr("Heavily polluted"),
    }[level]


def class_color(cls) -> str:
    """Conventional hex colour of a class (grey when there is no class)."""
    c = parse_class(cls)
    return CLASS_COLORS[c] if c else NO_CLASS_COLOR


# --------------------------------------------------------------------------- parameters


@dataclass(frozen=True)
class Parameter:
    """One Table 1 parameter. ``limits`` are the Ⅰ…Ⅴ limits (mg/L unless ``unit`` says)."""

    key: str
    name_zh: str
    name_en: str
    limits: tuple[float, float, float, float, float]
    kind: str = "max"  # "max": value ≤ limit; "min": value ≥ limit (DO); "range": pH
    lake_limits: tuple[float, float, float, float, float] | None = None
    rivers: bool = True  # assessed for rivers (TN: no)
    unit: str = "mg/L"
    aliases: tuple[str, ...] = ()

    def limits_for(self, lake: bool) -> tuple[float, ...]:
        return self.lake_limits if (lake and self.lake_limits) else self.limits


PH_RANGE = (6.0, 9.0)

PARAMETERS: dict[str, Parameter] = {p.key: p for p in (
    Parameter("pH", "pH", "pH", (6, 6, 6, 6, 6), kind="range", unit="",
              aliases=("pH值", "ph值", "酸碱度")),
    Parameter("DO", "溶解氧", "Dissolved oxygen", (7.5, 6, 5, 3, 2), kind="min",
              aliases=("溶解氧", "dissolvedoxygen", "rjy")),
    Parameter("CODMn", "高锰酸盐指数", "Permanganate index", (2, 4, 6, 10, 15),
              aliases=("高锰酸盐指数", "codmn", "imn", "permanganateindex", "高锰酸钾指数")),
    Parameter("COD", "化学需氧量", "Chemical oxygen demand", (15, 15, 20, 30, 40),
              aliases=("化学需氧量", "codcr", "cod", "化学耗氧量")),
    Parameter("BOD5", "五日生化需氧量", "Five-day biochemical oxygen demand", (3, 3, 4, 6, 10),
              aliases=("五日生化需氧量", "bod", "bod5", "生化需氧量")),
    Parameter("NH3N", "氨氮", "Ammonia nitrogen", (0.15, 0.5, 1.0, 1.5, 2.0),
              aliases=("氨氮", "nh3n", "nh3", "nh4n", "氨氮nh3n", "ammonianitrogen")),
    Parameter("TP", "总磷", "Total phosphorus", (0.02, 0.1, 0.2, 0.3, 0.4),
              lake_limits=(0.01, 0.025, 0.05, 0.1, 0.2),
              aliases=("总磷", "tp", "totalphosphorus")),
    Parameter("TN", "总氮", "Total nitrogen", (0.2, 0.5, 1.0, 1.5, 2.0), rivers=False,
              aliases=("总氮", "tn", "totalnitrogen")),
    Parameter("Cu", "铜", "Copper", (0.01, 1.0, 1.0, 1.0, 1.0), aliases=("铜", "cu")),
    Parameter("Zn", "锌", "Zinc", (0.05, 1.0, 1.0, 2.0, 2.0), aliases=("锌", "zn")),
    Parameter("F", "氟化物", "Fluoride", (1.0, 1.0, 1.0, 1.5, 1.5),
              aliases=("氟化物", "f", "氟", "fluoride")),
    Parameter("As", "砷", "Arsenic", (0.05, 0.05, 0.05, 0.1, 0.1), aliases=("砷", "as")),
    Parameter("Hg", "汞", "Mercury", (0.00005, 0.00005, 0.0001, 0.001, 0.001),
              aliases=("汞", "hg")),
    Parameter("Cd", "镉", "Cadmium", (0.001, 0.005, 0.005, 0.005, 0.01), aliases=("镉", "cd")),
    Parameter("Cr6", "六价铬", "Hexavalent chromium", (0.01, 0.05, 0.05, 0.05, 0.1),
              aliases=("六价铬", "cr6", "cr6+", "crvi", "铬六价")),
    Parameter("Pb", "铅", "Lead", (0.01, 0.01, 0.05, 0.05, 0.1), aliases=("铅", "pb")),
    Parameter("Petroleum", "石油类", "Petroleum", (0.05, 0.05, 0.05, 0.5, 1.0),
              aliases=("石油类", "petroleum", "oil", "syl")),
    Parameter("VolatilePhenol", "挥发酚", "Volatile phenol", (0.002, 0.002, 0.005, 0.01, 0.1),
              aliases=("挥发酚", "volatilephenol", "volatilephenols", "phenol", "hff")),
    Parameter("FecalColiform", "粪大肠菌群", "Fecal coliform",
              (200, 2000, 10000, 20000, 40000), unit="个/L",
              aliases=("粪大肠菌群", "fecalcoliform", "fecalcoliforms", "fc", "粪大肠杆菌")),
)}

#: Parameters never assessed for rivers (domain.md §4.2). Lakes: all of Table 1.
RIVER_EXCLUDED = frozenset(k for k, p in PARAMETERS.items() if not p.rivers)


def _alias_key(name: str) -> str:
    s = unicodedata.normalize("NFKC", str(name)).strip().lower()
    s = re.sub(r"[（(\[].*?[)）\]]", "", s)  # drop units like (mg/L)
    return re.sub(r"[\s_\-−⁻·.⁺+]", "", s).replace("₃", "3").replace("₅", "5")


PARAMETER_ALIASES: dict[str, str] = {}
for _p in PARAMETERS.values():
    for _a in (_p.key, _p.name_zh, _p.name_en, *_p.aliases):
        PARAMETER_ALIASES.setdefault(_alias_key(_a), _p.key)
# "Cr6+" loses its "+" in _alias_key; keep the readable forms working.
PARAMETER_ALIASES.setdefault("cr6", "Cr6")


def canonical_parameter(name) -> str | None:
    """Our key ("NH3N", "DO" …) for a field name or alias ("NH3-N", "氨氮", "溶解氧"); else None."""
    if name is None:
        return None
    return PARAMETER_ALIASES.get(_alias_key(name))


def _param(name) -> Parameter:
    key = canonical_parameter(name)
    if key is None:
        raise KeyError(f"unknown water-quality parameter: {name!r}")
    return PARAMETERS[key]


def display_name(param) -> str:
    """Parameter name for the UI: Chinese (氨氮) unless the UI runs in English."""
    p = _param(param)
    return p.name_en if language() == "en" else p.name_zh


# --------------------------------------------------------------------------- water bodies

_LAKE_WORDS = ("湖", "库", "lake", "reservoir", "pond")


def normalize_water_body(value) -> str:
    """"river" or "lake" ("湖库"/"湖泊"/"水库"/"lake"/"reservoir" → lake); unknown → river."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return "river"
    s = str(value).strip().lower()
    return "lake" if any(w in s for w in _LAKE_WORDS) else "river"


def _is_lake_array(water_body, n: int, frame: pd.DataFrame | None = None) -> np.ndarray:
    if isinstance(water_body, str) and frame is not None and water_body in frame.columns:
        water_body = frame[water_body]
    if water_body is None or isinstance(water_body, str):
        return np.full(n, normalize_water_body(water_body) == "lake")
    arr = np.asarray(water_body)
    if arr.dtype == bool:  # already an is-lake mask
        return arr
    return _map_unique(water_body, lambda u: normalize_water_body(u) == "lake", False, bool)


def _ranks_of(value, n: int, frame: pd.DataFrame | None = None) -> np.ndarray:
    """Class ranks for a scalar class, a column name of ``frame`` or an array of classes."""
    if isinstance(value, str) and frame is not None and value in frame.columns:
        value = frame[value]
    if value is None or isinstance(value, (str, int, np.integer)):
        return np.full(n, class_rank(value), dtype=np.int8)
    return _map_unique(value, class_rank, NO_RANK, np.int8)


def _map_unique(values, func, missing, dtype) -> np.ndarray:
    """``func`` applied once per distinct value (missing values → ``missing``)."""
    codes, uniques = pd.factorize(pd.Series(np.asarray(values, dtype=object)),
                                  use_na_sentinel=True)
    table = np.array([func(u) for u in uniques] + [missing], dtype=dtype)
    return table[codes]  # code -1 (missing) picks the last entry


# --------------------------------------------------------------------------- values

_BELOW_DL = re.compile(r"^\s*(?:<|＜|≤)?\s*([0-9.eE+-]+)\s*(?:L|ND)?\s*$", re.IGNORECASE)


def coerce_values(values) -> np.ndarray:
    """Float array from a measurement column.

    Numbers pass through; text such as "0.01L" or "<0.01" (below the detection
    limit, the usual notation in Chinese monitoring sheets) becomes half the
    detection limit; anything else ("未检出" without a number, "") is NaN.
    """
    s = pd.Series(values) if not isinstance(values, pd.Series) else values
    if pd.api.types.is_numeric_dtype(s.dtype) and not pd.api.types.is_bool_dtype(s.dtype):
        return s.to_numpy(dtype=float, na_value=np.nan)
    num = pd.to_numeric(s, errors="coerce").to_numpy(dtype=float, na_value=np.nan, copy=True)
    bad = np.isnan(num) & s.notna().to_numpy()
    if bad.any():
        text = s[bad].astype(str).str.strip()
        below = text.str.contains(r"(?:^[<＜≤])|(?:[Ll]$)|(?:ND$)", regex=True)
        dl = pd.to_numeric(text.str.extract(_BELOW_DL)[0], errors="coerce").to_numpy(dtype=float)
        num[np.flatnonzero(bad)] = np.where(below.to_numpy(), dl * 0.5, dl)
    return num


def _rank_max(v: np.ndarray, limits: Sequence[float]) -> np.ndarray:
    # count of limits the value strictly exceeds (equal limits → better class)
    return np.searchsorted(np.asarray(limits, float) * (1 + _REL_TOL), v, side="left")


def _rank_min(v: np.ndarray, limits: Sequence[float]) -> np.ndarray:
    # count of limits the value falls strictly below (limits decrease Ⅰ→Ⅴ)
    return np.searchsorted(-np.asarray(limits, float) * (1 - _REL_TOL), -v, side="left")


def parameter_ranks(param, values, water_body="river") -> np.ndarray:
    """Class ranks (int8, NO_RANK for NaN / not assessed) of one parameter's values.

    ``water_body`` is a scalar ("river", "河流", "湖库" …) or an array, one per value.
    """
    p = _param(param)
    v = coerce_values(values)
    lake = _is_lake_array(water_body, v.size)
    if p.kind == "range":
        lo, hi = PH_RANGE
        ok = (v >= lo * (1 - _REL_TOL)) & (v <= hi * (1 + _REL_TOL))
        r = np.where(ok, 0, RANK_WORSE_V)
    else:
        rank = _rank_min if p.kind == "min" else _rank_max
        r = rank(v, p.limits)
        if p.lake_limits is not None:
            r = np.where(lake, rank(v, p.lake_limits), r)
    r = r.astype(np.int8)
    r[np.isnan(v)] = NO_RANK
    if not p.rivers:
        r[~lake] = NO_RANK
    return r


def classify_parameter(param, value, water_body="river") -> str | None:
    """Class of one value ("Ⅲ" …); None if there is no value or the parameter is not
    assessed for this water body (TN in a river)."""
    return class_from_rank(parameter_ranks(param, [value], water_body)[0])


def limit_of(param, cls, water_body="river"):
    """Limit of ``param`` for class ``cls`` (pH: the (6, 9) range; 劣Ⅴ: None)."""
    p = _param(param)
    r = class_rank(cls)
    if r == NO_RANK or r == RANK_WORSE_V:
        return None
    if p.kind == "range":
        return PH_RANGE
    return p.limits_for(normalize_water_body(water_body) == "lake")[r]


# --------------------------------------------------------------------------- tables


@dataclass(frozen=True)
class Exceedance:
    """A parameter worse than the reference class: 超标因子 and 超标倍数 (ratio)."""

    parameter: str
    value: float
    limit: float
    ratio: float | None  # (value − limit)/limit; DO (limit − value)/limit; pH None

    def to_dict(self) -> dict:
        return {"parameter": self.parameter, "value": self.value,
                "limit": self.limit, "ratio": self.ratio}


@dataclass
class TableClassification:
    """Result of :func:`classify_table`; every Series shares the input index."""

    values: pd.DataFrame  # float, one column per assessed canonical parameter
    ranks: pd.DataFrame  # int8, NO_RANK where not assessed
    overall_rank: pd.Series  # int8 worst rank per row, NO_RANK if nothing assessed
    is_lake: np.ndarray
    target_rank: np.ndarray  # int8, NO_RANK where unknown
    reference_rank: np.ndarray  # int8 class the exceedances are measured against
    columns: dict[str, str] = field(default_factory=dict)  # canonical → source column

    @property
    def overall(self) -> pd.Series:
        """Overall class strings (None where nothing was assessed)."""
        return _rank_series_to_class(self.overall_rank)

    def classes(self) -> pd.DataFrame:
        return self.ranks.apply(_rank_series_to_class)

    @property
    def meets_target(self) -> pd.Series:
        """Nullable boolean: True/False, <NA> when class or target is unknown."""
        r = self.overall_rank.to_numpy()
        known = (r != NO_RANK) & (self.target_rank != NO_RANK)
        out = pd.array(r <= self.target_rank, dtype="boolean")
        out[~known] = pd.NA
        return pd.Series(out, index=self.overall_rank.index, name="meets_target")

    def exceedances(self) -> pd.DataFrame:
        """Long table of failing parameters: row, parameter, value, limit, ratio.

        A parameter fails when its class is worse than the row's reference class;
        the limit is that reference class's limit (pH: the violated bound, ratio NaN).
        """
        parts = []
        index = self.ranks.index
        ref = self.reference_rank.astype(np.intp)
        for key in self.ranks.columns:
            p = PARAMETERS[key]
            r = self.ranks[key].to_numpy()
            fail = (r != NO_RANK) & (ref != NO_RANK) & (r > ref)
            if not fail.any():
                continue
            v = self.values[key].to_numpy()[fail]
            rf = np.minimum(ref[fail], 4)
            if p.kind == "range":
                limit = np.where(v < PH_RANGE[0], PH_RANGE[0], PH_RANGE[1])
                ratio = np.full(v.size, np.nan)
            else:
                lim_r = np.asarray(p.limits, float)[rf]
                if p.lake_limits is not None:
                    lim_l = np.asarray(p.lake_limits, float)[rf]
                    limit = np.where(self.is_lake[fail], lim_l, lim_r)
                else:
                    limit = lim_r
                ratio = (limit - v) / limit if p.kind == "min" else (v - limit) / limit
            parts.append(pd.DataFrame({
                "row": index[fail], "parameter": key, "value": v,
                "limit": limit, "ratio": ratio,
            }))
        if not parts:
            return pd.DataFrame({"row": pd.Series([], dtype=index.dtype), "parameter": [],
                                 "value": [], "limit": [], "ratio": []})
        order = {k: i for i, k in enumerate(PARAMETERS)}
        out = pd.concat(parts, ignore_index=True)
        out["_o"] = out["parameter"].map(order)
        return out.sort_values(["row", "_o"], kind="stable").drop(columns="_o").reset_index(
            drop=True)


def _rank_series_to_class(ranks: pd.Series) -> pd.Series:
    table = np.array((*CLASSES, None), dtype=object)  # index -1 → None
    return pd.Series(table[ranks.to_numpy().astype(np.intp)], index=ranks.index,
                     name=ranks.name, dtype=object)


def parameter_columns(frame: pd.DataFrame) -> dict[str, str]:
    """canonical parameter → column of ``frame`` (first match wins)."""
    found: dict[str, str] = {}
    for col in frame.columns:
        key = canonical_parameter(col)
        if key is not None and key not in found:
            found[key] = col
    return found


def classify_table(frame: pd.DataFrame, water_body="river", target=None, reference=None,
                   exclude: Iterable[str] = ()) -> TableClassification:
    """Classify every row of a measurement table at once.

    ``frame`` columns are matched to parameters by name or alias; other columns are
    ignored. ``water_body``, ``target`` and ``reference`` are each a scalar, a column
    name of ``frame`` or an array with one entry per row. ``reference`` (the class
    exceedances are measured against) defaults to ``target``, and to Ⅲ where the
    target is unknown — the usual bulletin convention. ``exclude`` drops parameters
    from the assessment (e.g. ``{"FecalColiform"}`` under the 2011 method).
    """
    n = len(frame)
    skip = {canonical_parameter(e) or e for e in exclude}
    cols = {k: c for k, c in parameter_columns(frame).items() if k not in skip}
    lake = _is_lake_array(water_body, n, frame)
    values = {}
    ranks = {}
    for key, col in cols.items():
        v = coerce_values(frame[col])
        values[key] = v
        ranks[key] = parameter_ranks(key, v, lake)
    values_df = pd.DataFrame(values, index=frame.index, columns=list(cols))
    ranks_df = pd.DataFrame(ranks, index=frame.index, columns=list(cols)).astype(np.int8)
    overall = (ranks_df.max(axis=1) if cols else pd.Series(NO_RANK, index=frame.index))
    overall = overall.fillna(NO_RANK).astype(np.int8).rename("class_rank")
    target_rank = _ranks_of(target, n, frame)
    reference_rank = target_rank if reference is None else _ranks_of(reference, n, frame)
    reference_rank = np.where(reference_rank == NO_RANK, RANK_III, reference_rank).astype(np.int8)
    return TableClassification(values_df, ranks_df, overall, lake, target_rank,
                               reference_rank, cols)


# --------------------------------------------------------------------------- one sample


@dataclass(frozen=True)
class SampleResult:
    """Single-factor result of one sample."""

    cls: str | None  # overall (worst) class
    classes: dict[str, str]  # canonical parameter → class (assessed parameters only)
    failing: list[Exceedance]  # against ``reference``
    reference: str
    target: str | None = None
    meets_target: bool | None = None

    @property
    def label(self) -> str | None:
        return quality_label(self.cls)


def classify_sample(values: Mapping[str, float], water_body="river", target=None,
                    reference=None, exclude: Iterable[str] = ()) -> SampleResult:
    """Classify one sample ``{"DO": 6.1, "氨氮": 0.8, …}`` (scalar wrapper of classify_table)."""
    frame = pd.DataFrame({k: [v] for k, v in values.items()})
    t = classify_table(frame, water_body, target=parse_class(target),
                       reference=parse_class(reference), exclude=exclude)
    classes = {k: CLASSES[int(r)] for k, r in t.ranks.iloc[0].items() if r != NO_RANK}
    ex = t.exceedances()
    failing = [Exceedance(r.parameter, float(r.value), float(r.limit),
                          None if np.isnan(r.ratio) else float(r.ratio))
               for r in ex.itertuples()]
    cls = class_from_rank(t.overall_rank.iloc[0])
    tgt = parse_class(target)
    return SampleResult(cls, classes, failing, CLASSES[int(t.reference_rank[0])], tgt,
                        meets_target(cls, tgt))


# --------------------------------------------------------------------------- shares


def _rank_array(classes) -> np.ndarray:
    return _ranks_of(list(classes) if not isinstance(classes, (pd.Series, np.ndarray))
                     else classes, len(classes))


def share_I_III(classes) -> float | None:
    """Ⅰ~Ⅲ类比例 as a fraction of the sections that have a class; None if none has."""
    r = _rank_array(classes)
    r = r[r != NO_RANK]
    return float(np.mean(r <= RANK_III)) if r.size else None


def share_worse_V(classes) -> float | None:
    """劣Ⅴ类比例 as a fraction of the sections that have a class; None if none has."""
    r = _rank_array(classes)
    r = r[r != NO_RANK]
    return float(np.mean(r == RANK_WORSE_V)) if r.size else None


def compliance_rate(classes, targets) -> float | None:
    """达标率: share of sections (with both a class and a target) meeting their target."""
    r, t = _rank_array(classes), _rank_array(targets)
    known = (r != NO_RANK) & (t != NO_RANK)
    return float(np.mean(r[known] <= t[known])) if known.any() else None


# --------------------------------------------------------------------------- rivers / basins


def rate_by_share(share_i_iii: float, share_worse_v: float) -> str:
    """Level of a river/basin with ≥ 5 sections from its Ⅰ~Ⅲ and 劣Ⅴ shares.

    ≥ 90 % Ⅰ~Ⅲ 优; 75–90 % 良好; below 75 %: 劣Ⅴ < 20 % 轻度, 20–40 % 中度, ≥ 40 % 重度.
    """
    if share_i_iii >= 0.9 - _REL_TOL:
        return "excellent"
    if share_i_iii >= 0.75 - _REL_TOL:
        return "good"
    if share_worse_v < 0.2 - _REL_TOL:
        return "slight"
    if share_worse_v < 0.4 - _REL_TOL:
        return "moderate"
    return "heavy"


@dataclass(frozen=True)
class RiverAssessment:
    n_sections: int  # sections with a class
    method: str | None  # "share" (≥ min_sections), "mean" (fewer), None (no data)
    level: str | None  # LEVELS code
    share_I_III: float | None
    share_worse_V: float | None
    cls: str | None = None  # class of the mean concentrations ("mean" method)
    mean_values: dict[str, float] = field(default_factory=dict)

    @property
    def label(self) -> str | None:
        return quality_label(self.level) if self.level else None


def assess_river(frame: pd.DataFrame, water_body="river", min_sections: int = 5,
                 exclude: Iterable[str] = ()) -> RiverAssessment:
    """Rate a river or basin from one row per section (one period).

    With ≥ ``min_sections`` classified sections the level comes from the section
    shares (:func:`rate_by_share`); with fewer, the concentrations are averaged and
    the mean sample is classified, its class giving the level. The mean sample is a
    lake when most of the sections are lakes/reservoirs.
    """
    t = classify_table(frame, water_body, exclude=exclude)
    classes = t.overall_rank.to_numpy()
    n = int(np.count_nonzero(classes != NO_RANK))
    s13, s5 = share_I_III(t.overall), share_worse_V(t.overall)
    if n == 0:
        return RiverAssessment(0, None, None, None, None)
    if n >= min_sections:
        return RiverAssessment(n, "share", rate_by_share(s13, s5), s13, s5)
    assessed = classes != NO_RANK
    means = t.values[assessed].mean(axis=0, skipna=True).dropna()
    lake = bool(np.mean(t.is_lake[assessed]) > 0.5)
    mean_t = classify_table(pd.DataFrame([means.to_dict()]), "lake" if lake else "river",
                            exclude=exclude)
    cls = class_from_rank(mean_t.overall_rank.iloc[0])
    return RiverAssessment(n, "mean", quality_level(cls), s13, s5, cls,
                           {k: float(v) for k, v in means.items()})
