"""Breeding-ban zones and grazing bans: which farms sit in a 禁养区, which pastures rest.

What:

* :func:`farms_in_ban_zones` — a vectorised spatial join (STRtree, ``intersects``) of
  the farms with the no-breeding zones (禁养区 only; 限养区/适养区 are not bans). One
  row per farm that lies in a ban zone *or* that the ledger registers in one, with its
  处置 (disposal) status and the flags an officer acts on: still 未处置, 复养
  (restocked after closing), inside a zone but missing from the ledger, or the ledger
  naming another zone than the map shows.
* :func:`grazing_in_force` — the grazing zones whose ban or rest period is in force on
  a day: 全年禁牧 within its term; 季节性休牧 (or any zone with a rest window) when
  the day's month-day lies in the window ``XMKSR``–``XMJSR`` (which may wrap the year
  end) and within the term.

Fields are found by role in the catalogue themes ``farms``, ``breeding_ban_zones`` and
``grazing_zones``. No Qt here.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely

from ecomap.domain import fields as fl
from ecomap.domain import vocab

FARMS = "farms"
ZONES = "breeding_ban_zones"
GRAZING = "grazing_zones"
UNDISPOSED = "未处置"
_JOIN = "、"


# ----------------------------------------------------------------------------- farms in ban zones

def ban_zone_mask(zones: pd.DataFrame, roles: dict | None = None) -> np.ndarray:
    """Which zones are 禁养区 (by 区域类型, else by category code or kind; else all)."""
    roles = roles if roles is not None else fl.role_columns(zones, ZONES)
    if "zone_type" in roles:
        return fl.texts(zones, roles, "zone_type") == "禁养区"
    if "category" in roles:
        return ~np.isnan(fl.numbers(zones, roles, "category"))
    if "type" in roles:
        return np.isin(fl.texts(zones, roles, "type"), list(vocab.BAN_ZONE_CATEGORIES.values()))
    return np.ones(len(zones), dtype=bool)


def _aligned(farms, zones):
    """Farm geometries in the zones' CRS (as shapely arrays)."""
    fg = np.asarray(farms.geometry.array, dtype=object)
    zg = np.asarray(zones.geometry.array, dtype=object)
    fcrs, zcrs = getattr(farms, "crs", None), getattr(zones, "crs", None)
    if fcrs is not None and zcrs is not None and not fcrs.equals(zcrs):
        fg = np.asarray(farms.geometry.to_crs(zcrs).array, dtype=object)
    return fg, zg


def farms_in_ban_zones(farms, zones) -> pd.DataFrame:
    """Farms in (or registered in) a breeding-ban zone; see the module docstring.

    Columns: row (positional row of the farm), name, township, species, stock,
    ledger_zone (所在禁养区编号 as recorded), zone_code / zone_name / zone_kind (the
    zones the farm lies in, joined with 、), inside, disposal, disposal_date,
    inspection_date, restocked, unresolved, not_in_ledger, zone_mismatch,
    needs_action. Ordered with the farms needing action first.
    """
    fr, zr = fl.role_columns(farms, FARMS), fl.role_columns(zones, ZONES)
    ban = ban_zone_mask(zones, zr)
    fg, zg = _aligned(farms, zones)
    zone_rows = np.flatnonzero(ban & ~(shapely.is_missing(zg) | shapely.is_empty(zg)))
    pairs = np.empty((2, 0), dtype=np.int64)
    if len(zone_rows) and len(fg):
        tree = shapely.STRtree(zg[zone_rows])
        ok = ~shapely.is_missing(fg)
        farm_idx = np.flatnonzero(ok)
        hit = tree.query(fg[farm_idx], predicate="intersects")
        pairs = np.vstack([farm_idx[hit[0]], zone_rows[hit[1]]])
    zcode, zname, zkind = fl.texts(zones, zr, "code"), fl.texts(zones, zr, "name"), fl.texts(zones, zr, "type")
    joined = pd.DataFrame({"row": pairs[0], "zone_code": zcode[pairs[1]], "zone_name": zname[pairs[1]],
                           "zone_kind": zkind[pairs[1]]})
    agg = joined.groupby("row", sort=True).agg(lambda s: _JOIN.join(dict.fromkeys(v for v in s if v)))

    ledger_zone = fl.texts(farms, fr, "zone_code")
    registered = np.flatnonzero(ledger_zone != "")
    rows = np.union1d(agg.index.to_numpy(dtype=np.int64), registered).astype(np.int64)
    out = pd.DataFrame({"row": rows})
    out = out.join(agg, on="row")
    for c in ("zone_code", "zone_name", "zone_kind"):
        out[c] = out[c].astype(object).where(out[c].notna(), "")
    out["inside"] = out["zone_code"] != ""
    for key, role in (("name", "name"), ("township", "township"), ("species", "species"),
                      ("disposal_date", "disposal_date"), ("inspection_date", "inspection_date")):
        out[key] = fl.texts(farms, fr, role)[rows]
    out["stock"] = fl.numbers(farms, fr, "stock")[rows]
    out["ledger_zone"] = ledger_zone[rows]
    disposal = fl.texts(farms, fr, "disposal")[rows]
    out["disposal"] = np.where(disposal == "", UNDISPOSED, disposal)
    restocked_text = fl.texts(farms, fr, "restocked")[rows]
    out["restocked"] = np.isin(restocked_text, ("是", "Y", "y", "1", "yes", "true", "True"))
    out["unresolved"] = out["disposal"].to_numpy() == UNDISPOSED
    out["not_in_ledger"] = out["inside"].to_numpy() & (out["ledger_zone"].to_numpy() == "")
    in_codes = [set(c.split(_JOIN)) for c in out["zone_code"]]
    out["zone_mismatch"] = np.array([bool(lz) and bool(codes - {""}) and lz not in codes
                                     for lz, codes in zip(out["ledger_zone"], in_codes)], dtype=bool)
    out["outside"] = ~out["inside"].to_numpy()
    out["needs_action"] = (out["unresolved"] | out["restocked"] | out["not_in_ledger"]).to_numpy()
    order = np.lexsort((out["row"].to_numpy(), ~out["inside"].to_numpy(), ~out["needs_action"].to_numpy()))
    return out.iloc[order].reset_index(drop=True)


def disposal_counts(result: pd.DataFrame) -> dict[str, int]:
    """Farms inside ban zones per 处置方式 (关闭/搬迁/转产/未处置 first) and 复养 count."""
    inside = result[result["inside"]]
    counts = inside["disposal"].value_counts()
    out = {k: int(counts.get(k, 0)) for k in vocab.DISPOSAL}
    for k, n in counts.items():
        if k not in out:
            out[k] = int(n)
    out["复养"] = int(inside["restocked"].sum())
    return out


# ----------------------------------------------------------------------------- grazing

def _month_day(text) -> float:
    """'04-01' / '4月1日' / '2024-04-01' → 401 (NaN when unreadable)."""
    s = str(text or "").strip()
    if not s:
        return np.nan
    digits = [int(p) for p in "".join(ch if ch.isdigit() else " " for ch in s).split()]
    if len(digits) >= 3 and digits[0] > 31:  # a full date: keep month and day
        digits = digits[1:3]
    if len(digits) < 2 or not (1 <= digits[0] <= 12 and 1 <= digits[1] <= 31):
        return np.nan
    return digits[0] * 100 + digits[1]


def grazing_in_force(zones, on) -> pd.DataFrame:
    """Every grazing zone with whether its ban/rest is in force on ``on``.

    Columns: row, code, township, type, in_term, in_force, kind ("ban" | "rest" | ""),
    window ("MM-DD–MM-DD" or ""), until ('YYYY-MM-DD' the period in force ends, or ""),
    days_left, stocking, ranger, area_ha.
    """
    r = fl.role_columns(zones, GRAZING)
    day = fl.as_day(on)
    n = len(zones)
    start, end = fl.dates(zones, r, "start_date"), fl.dates(zones, r, "end_date")
    in_term = (np.isnat(start) | (start <= day)) & (np.isnat(end) | (day <= end))
    kind_text = fl.texts(zones, r, "type")
    ws = np.array([_month_day(v) for v in fl.texts(zones, r, "rest_start")], dtype=float)
    we = np.array([_month_day(v) for v in fl.texts(zones, r, "rest_end")], dtype=float)
    has_window = ~np.isnan(ws) & ~np.isnan(we)
    year = int(str(day)[:4])
    md = int(str(day)[5:7]) * 100 + int(str(day)[8:10])
    straight = has_window & (ws <= we) & (ws <= md) & (md <= we)
    wrapped = has_window & (ws > we) & ((md >= ws) | (md <= we))
    in_window = straight | wrapped

    ban = (kind_text == "全年禁牧") & in_term
    rest = ~ban & has_window & in_window & in_term
    kind = np.where(ban, "ban", np.where(rest, "rest", ""))

    until = np.full(n, np.datetime64("NaT"), dtype="datetime64[D]")
    until[ban] = end[ban]
    end_year = np.where(wrapped & (md >= ws), year + 1, year)
    for i in np.flatnonzero(rest):  # one date per resting zone (a handful)
        m, d = divmod(int(we[i]), 100)
        try:
            until[i] = np.datetime64(f"{int(end_year[i]):04d}-{m:02d}-{d:02d}")
        except ValueError:  # 02-29 in a common year
            until[i] = np.datetime64(f"{int(end_year[i]):04d}-{m:02d}-28")
        if not np.isnat(end[i]) and end[i] < until[i]:
            until[i] = end[i]
    window = np.array([f"{int(a) // 100:02d}-{int(a) % 100:02d}–{int(b) // 100:02d}-{int(b) % 100:02d}"
                       if ok else "" for a, b, ok in zip(np.nan_to_num(ws), np.nan_to_num(we), has_window)],
                      dtype=object)
    return pd.DataFrame({
        "row": np.arange(n), "code": fl.texts(zones, r, "code"), "township": fl.texts(zones, r, "township"),
        "type": kind_text, "in_term": in_term, "in_force": ban | rest, "kind": kind, "window": window,
        "until": [fl.day_text(u) for u in until], "days_left": fl.days_between(until, np.full(n, day)),
        "stocking": fl.numbers(zones, r, "stocking"), "ranger": fl.texts(zones, r, "ranger"),
        "area_ha": fl.numbers(zones, r, "area_ha"),
    })
