"""Restoration projects of the sample county and their stage history.

Fifteen projects of the four types, in every stage of :mod:`ecomap.domain.lifecycle`
(one was sent back from 竣工 to 在建 after a failed acceptance check). The five
finished ones (竣工/验收) are where NDVI recovers between 2019 and 2024; two
projects overlap a red line.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import shapely
from shapely import ops

from ecomap.domain import lifecycle
from ecomap.domain.sample_county import noise
from ecomap.domain.sample_county.base import COUNTY_CODE, County, area_ha, blob, frame
from ecomap.domain.sample_county.mining import link_subsidence

_CONTRACTORS = ("陕西黄土地生态工程有限公司", "秦川土地整治工程有限公司", "示范县城乡建设投资有限公司",
                "陕西绿源环境治理有限公司", "中煤地质生态修复有限公司")

# name, type, stage, mode, funding, where, plan start, actual start, plan end, actual end, accepted, %, 万元
PROJECTS = (
    ("石窑镇采煤沉陷区综合治理一期工程", "采煤沉陷区", "验收", "生态重建", "中央财政", ("cx", ("CX-01", "CX-02")),
     "2020-04-01", "2020-05-10", "2021-10-31", "2021-11-20", "2022-06-15", 100.0, 4800.0),
    ("石窑镇采煤沉陷区综合治理二期工程", "采煤沉陷区", "在建", "生态重建", "中央财政", ("cx", ("CX-04", "CX-05")),
     "2023-03-01", "2023-04-18", "2025-10-31", None, None, 68.0, 6200.0),
    ("马家沟煤矿采煤沉陷区治理工程", "采煤沉陷区", "前期", "辅助再生", "矿山企业治理恢复基金", ("cx", ("CX-11",)),
     "2026-04-01", None, "2027-10-31", None, None, 0.0, 2600.0),
    ("后峁煤矿沉陷区治理工程", "采煤沉陷区", "终止", "生态重建", "市县财政", ("cx", ("CX-09", "CX-10")),
     "2024-03-01", None, "2025-12-31", None, None, 0.0, 1800.0),
    ("红崖历史遗留矿山生态修复工程", "历史遗留矿山", "竣工", "生态重建", "中央财政", ("mine", "红崖小煤窑", 420.0),
     "2021-03-01", "2021-04-06", "2022-10-31", "2022-09-28", None, 100.0, 1350.0),
    ("城关东郊砖厂取土场生态修复工程", "历史遗留矿山", "验收", "生态重建", "市县财政",
     ("mine", "城关东郊砖厂取土场", 380.0), "2020-03-15", "2020-04-02", "2021-06-30", "2021-06-18", "2021-11-25",
     100.0, 860.0),
    ("杏树坪废弃采石场生态修复工程", "历史遗留矿山", "在建", "辅助再生", "省级财政", ("mine", "杏树坪废弃采石场", 400.0),
     "2023-09-01", "2023-09-20", "2024-12-31", None, None, 88.0, 1120.0),
    ("高庙废弃砖瓦窑生态修复工程", "历史遗留矿山", "暂缓", "自然恢复", "市县财政", ("mine", "高庙废弃砖瓦窑取土场", 320.0),
     "2022-04-01", "2022-05-12", "2023-10-31", None, None, 22.0, 540.0),
    ("王家岔砂石坑生态修复工程", "历史遗留矿山", "储备", "辅助再生", "市县财政", ("mine", "王家岔砂石坑", 300.0),
     "2026-09-01", None, "2027-09-30", None, None, 0.0, 420.0),
    ("石窑煤矿边开采边治理工程", "生产矿山", "在建", "生态重建", "矿山企业治理恢复基金", ("mine", "石窑煤矿", 650.0),
     "2024-03-01", "2024-03-25", "2026-12-31", None, None, 45.0, 3200.0),
    ("黑龙沟煤矿矸石山综合治理工程", "生产矿山", "竣工", "生态重建", "矿山企业治理恢复基金", ("mine", "黑龙沟煤矿", 500.0),
     "2021-05-01", "2021-05-20", "2023-06-30", "2023-06-10", None, 100.0, 1900.0),
    ("柳湾煤矿闭坑生态修复工程", "生产矿山", "开工", "生态重建", "矿山企业治理恢复基金", ("mine", "柳湾煤矿", 550.0),
     "2025-09-01", "2025-09-26", "2027-06-30", None, None, 8.0, 2100.0),
    ("清水河流域山水林田湖草沙一体化保护和修复工程", "山水林田湖草沙", "在建", "保护保育", "中央财政", ("upper", None),
     "2022-06-01", "2022-07-15", "2026-06-30", None, None, 57.0, 28500.0),
    ("白草塬水土流失综合治理工程", "山水林田湖草沙", "验收", "辅助再生", "中央财政", ("town", "白草塬镇"),
     "2020-03-01", "2020-04-10", "2022-06-30", "2022-05-30", "2022-12-20", 100.0, 5600.0),
    ("北部风沙区防风固沙综合治理工程", "山水林田湖草沙", "储备", "辅助再生", "省级财政", ("north", None),
     "2026-05-01", None, "2028-10-31", None, None, 0.0, 3800.0),
)

#: The revert story: (project index, date of 竣工, date sent back, note)
_REVERTED = (6, "2024-11-20", "2025-04-08", "初验发现边坡复绿不达标，退回在建整改")


def _d(text: str) -> date:
    return date.fromisoformat(text)


def _history(code: str, idx: int, stage: str, plan_start: str, start: str | None, end: str | None,
             accepted: str | None) -> list[dict]:
    """Stage changes from 储备 up to the current stage, with plausible dates and notes."""
    ps = _d(plan_start)
    rows = [(None, "储备", ps - timedelta(days=540), "纳入县级生态修复项目储备库")]
    main = lifecycle.RESTORATION_STAGES
    target = stage if stage in main else ("在建" if stage == "暂缓" else "前期")
    steps = main[1:main.index(target) + 1]
    notes = {"前期": "可研批复，开展初步设计和招标", "开工": "完成招标，正式开工", "在建": "全面进入施工阶段",
             "竣工": "完成全部建设内容，申请验收", "验收": "通过县级验收"}
    when = {"前期": ps - timedelta(days=200), "开工": _d(start) if start else None,
            "在建": _d(start) + timedelta(days=35) if start else None, "竣工": _d(end) if end else None,
            "验收": _d(accepted) if accepted else None}
    prev = "储备"
    for s in steps:
        if idx == _REVERTED[0] and s == "在建":
            rows.append((prev, "在建", when["在建"], notes["在建"]))
            rows.append(("在建", "竣工", _d(_REVERTED[1]), notes["竣工"]))
            rows.append(("竣工", "在建", _d(_REVERTED[2]), _REVERTED[3]))
            prev = "在建"
            continue
        rows.append((prev, s, when[s], notes[s]))
        prev = s
    if stage == "暂缓":
        rows.append(("在建", "暂缓", date(2023, 7, 10), "配套资金未到位，暂缓实施"))
    if stage == "终止":
        rows.append(("前期", "终止", date(2024, 8, 20), "沉陷区尚未稳沉，项目终止，待稳沉后重新申报"))
    out = []
    for old, new, day, note in rows:
        revert = old == "竣工" and new == "在建"
        if not lifecycle.can_advance_stage(old, new, revert=revert):
            raise RuntimeError(f"sample history of {code}: {old} → {new} is not a legal stage change")
        out.append({"XMBH": code, "RQ": day.isoformat(), "YJD": old, "XJD": new, "SM": note})
    return out


def build_restoration(ctx: County) -> None:
    r = noise.rng("restoration")
    county = ctx.outline
    subs = ctx.layers["subsidence"].set_index("BH").geometry
    mines = ctx.geoms["mine_points"]
    redlines = ctx.layers["redlines"].set_index("HXMC").geometry
    towns = ctx.townships.set_index("XZQMC").geometry
    records, geoms, history = [], [], []
    taken = shapely.Polygon()
    links: dict[str, tuple[str, str, float]] = {}
    for idx, (name, kind, stage, mode, funding, where, p_start, a_start, p_end, a_end, accepted, progress,
              invest) in enumerate(PROJECTS):
        what = where[0]
        if what == "cx":
            poly = shapely.union_all([subs[b] for b in where[1]]).buffer(-30.0)
        elif what == "mine":
            p = mines[where[1]]
            poly = blob(p.x, p.y, where[2], where[2] * 0.75, float(r.uniform(0, np.pi)), r, 0.15)
        elif what == "upper":  # across the upstream soil-erosion red line
            rl = redlines["清水河上游水土流失生态保护红线"]
            edge = rl.exterior if rl.geom_type == "Polygon" else max(rl.geoms, key=lambda g: g.area).exterior
            c = edge.interpolate(float(r.uniform(0, 1)), normalized=True)
            poly = blob(c.x, c.y, 3300.0, 1700.0, float(r.uniform(0, np.pi)), r, 0.14)
        elif what == "town":
            c = ops.polylabel(towns[where[1]], 50.0)
            poly = blob(c.x + 1200, c.y - 800, 2000.0, 1400.0, float(r.uniform(0, np.pi)), r, 0.15)
        else:  # the northernmost township
            north = max(towns.index, key=lambda n: towns[n].centroid.y if n != "石窑镇" else -1e12)
            c = ops.polylabel(towns[north], 50.0)
            poly = blob(c.x, c.y, 2600.0, 1500.0, float(r.uniform(0, np.pi)), r, 0.15)
        poly = shapely.intersection(poly, county).difference(taken)
        parts = [g for g in shapely.get_parts(poly) if g.geom_type == "Polygon" and g.area > 2e4]
        # a project over several subsidence areas keeps all of them; otherwise drop overlay crumbs
        poly = shapely.MultiPolygon(parts) if what == "cx" and len(parts) > 1 else max(parts, key=lambda g: g.area)
        taken = shapely.union_all([taken, poly])
        entered = _d(p_start) - timedelta(days=540)  # into the project library (see _history)
        code = f"XF-{COUNTY_CODE}-{entered.year}-{idx + 1:03d}"
        done = round(invest * progress / 100.0 * (r.uniform(0.97, 1.0) if progress >= 100 else r.uniform(0.85, 1.0)), 1)
        if stage == "前期":
            done = round(invest * 0.02, 1)  # design and survey fees
        hist = _history(code, idx, stage, p_start, a_start, a_end, accepted)
        history += hist
        started = stage not in ("储备", "前期", "终止")
        records.append({
            "XMBH": code, "XMMC": name, "XMLX": kind, "XZMC": ctx.township_of(poly), "XFMJ": area_ha(poly),
            "JHTZ": invest, "LJWCTZ": done, "ZJLY": funding,
            "ZRDW": ctx.layers["mines"].set_index("KSMC").loc[where[1], "CKQR"] if kind == "生产矿山" else
            ("示范县发展和改革局" if kind == "采煤沉陷区" else "示范县自然资源局"),
            "SSDW": str(_CONTRACTORS[idx % len(_CONTRACTORS)]) if started else None,
            "JHKGRQ": p_start, "SJKGRQ": a_start, "JHWGRQ": p_end, "SJWGRQ": a_end, "WCJD": progress, "XMJD": stage,
            "XFFS": mode, "YSRQ": accepted, "version": len(hist),
        })
        geoms.append(poly)
        if what == "cx" and stage in ("验收", "在建", "前期"):
            status = {"验收": "已验收", "在建": "治理中", "前期": "未治理"}[stage]
            area = sum(shapely.area(subs[b]) for b in where[1])
            for b in where[1]:
                share = shapely.area(subs[b]) / area
                links[b] = (code, status, round((done if stage != "前期" else invest) * share, 1))
    ctx.layers["restoration_projects"] = frame("restoration_projects", records, geoms)
    ctx.layers["restoration_history"] = frame("restoration_history", history)
    link_subsidence(ctx, links)
