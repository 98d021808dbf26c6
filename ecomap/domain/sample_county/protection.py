"""Protection layers of the sample county: red lines, drinking-water zones, breeding and grazing zones, farms.

Stories placed on purpose:

* a red line (水土保持) covers the historical 红崖小煤窑 (its restoration project overlaps
  it) and another covers the 石峡 limestone quarry and a corner of the 后峁 coal block;
* two farms inside no-breeding zones are still 未处置 (one is missing from the
  ledger: no zone number), one closed farm has restocked (复养).
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely import ops

from ecomap.domain import vocab
from ecomap.domain.sample_county import noise
from ecomap.domain.sample_county.base import (
    COUNTY_CODE,
    County,
    area_ha,
    blob,
    frame,
    iso,
    person,
    points_in,
)

_GKYQ = "严格禁止开发性、生产性建设活动，仅允许对生态功能不造成破坏的有限人为活动"


def _parts_polygon(geom):
    """Drop slivers and points left by overlays; keep polygons of at least 1 hm²."""
    parts = [g for g in shapely.get_parts(shapely.make_valid(geom)) if g.geom_type == "Polygon" and g.area > 1e4]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else shapely.MultiPolygon(parts)


def build_redlines(ctx: County) -> None:
    """Ten red-line polygons of six types that never overlap each other."""
    r = noise.rng("redlines")
    county = ctx.outline
    seat = ctx.seats["城关镇"]
    mines = ctx.geoms["mine_points"]
    res = ctx.geoms["reservoir"]
    liugou = ctx.geoms["rivers"]["柳沟河"]
    upstream = liugou.interpolate(0.12, normalized=True)
    towns = ctx.townships.set_index("XZQMC").geometry
    houmao = ctx.geoms["coal_blocks"][3]
    corner = shapely.get_coordinates(houmao.exterior)[:4]
    far_corner = corner[np.argmax(np.hypot(*(corner - np.array(ctx.geoms["coal_field"].centroid.coords[0])).T))]
    lime = mines["石峡水泥用灰岩矿"]
    hongya = mines["红崖小煤窑"]
    bc = ops.polylabel(towns["白草塬镇"], 50.0)
    # (name, LXBM, centre, radii, story: must contain these geometries)
    northmost = max(towns.index, key=lambda n: towns[n].centroid.y if n != "石窑镇" else -1e12)
    north = towns[northmost].centroid
    # (name, LXBM, centre, radii, must contain); the story polygons come first so nothing
    # drawn earlier can take their ground
    specs = [
        ("红崖水土保持生态保护红线", "13", hongya, (1900, 1400), hongya),
        ("石峡水土保持生态保护红线", "13", lime, (1700, 1300), lime),
        ("后峁梁峁区水土保持生态保护红线", "13", shapely.Point(far_corner), (1500, 1100), None),
        ("白草塬生物多样性维护生态保护红线", "12", bc, (3000, 2300), None),
        ("清泉水库水源涵养生态保护红线", "11", res.centroid, (3200, 2200), None),
        ("柳沟河源头水源涵养生态保护红线", "11", upstream, (2600, 1800), None),
        ("北部风沙区防风固沙生态保护红线", "14", north, (4200, 2200), None),
        ("马家河流域水土流失生态保护红线", "21", ctx.geoms["rivers"]["马家河"].interpolate(0.3, normalized=True),
         (2600, 1500), None),
        ("清水河上游水土流失生态保护红线", "21", ctx.geoms["rivers"]["清水河"].interpolate(0.12, normalized=True),
         (2800, 1700), None),
        ("西北部土地沙化生态保护红线", "22", None, (2400, 1600), None),
    ]
    keep_out = shapely.union_all([seat.buffer(2000.0), ctx.geoms["coal_field"].buffer(300.0).difference(
        houmao.buffer(700.0)), *[mines[m].buffer(600.0) for m in ("石窑煤矿", "黑龙沟煤矿", "前湾煤矿")]])
    taken = shapely.Polygon()
    records, geoms = [], []
    serial: dict[str, int] = {}
    for name, code, centre, (rx, ry), must in specs:
        if centre is None:  # north-west, away from everything else
            cands = points_in(county.buffer(-2500.0), 1, r, avoid=taken.buffer(2500.0))
            centre = cands[0]
        poly = blob(centre.x, centre.y, rx, ry, float(r.uniform(0, np.pi)), r, 0.16)
        poly = shapely.transform(poly, noise.Warp([(160.0, 2200.0), (40.0, 500.0)], noise.seed_of(name)))
        poly = shapely.intersection(poly, county).difference(keep_out).difference(taken)
        poly = _parts_polygon(poly)
        if must is not None and not poly.contains(must):
            raise RuntimeError(f"sample story broken: {name} must contain its mine")
        serial[code] = serial.get(code, 0) + 1
        group = vocab.REDLINE_GROUPS[code[0]]
        records.append({
            "HXBM": f"{COUNTY_CODE}{code}{serial[code]:03d}", "HXMC": name, "HXDL": group,
            "HXLX": vocab.REDLINE_TYPES[code], "LXBM": code, "TBMJ": area_ha(poly), "XZQDM": COUNTY_CODE,
            "BHDMC": "白草塬省级自然保护区" if code == "12" else None, "GKYQ": _GKYQ,
        })
        geoms.append(poly)
        taken = shapely.union_all([taken, poly])
    ctx.layers["redlines"] = frame("redlines", records, geoms)


def build_drinking_water(ctx: County) -> None:
    """Nested zones of the 清泉水库 source and a small groundwater well field."""
    county = ctx.outline
    res = ctx.geoms["reservoir"]
    intake = ctx.geoms["intake"]
    liugou = ctx.geoms["rivers"]["柳沟河"]
    res_start = liugou.project(shapely.Point(ctx.geoms["reservoir_line"].coords[0]))
    inflow = ops.substring(liugou, max(res_start - 3000.0, 0.0), res_start)
    upper = ops.substring(liugou, 0.0, res_start)
    z1 = shapely.intersection(shapely.intersection(res, intake.buffer(900.0)).buffer(200.0), county)
    z2 = shapely.intersection(shapely.union_all([res.buffer(1000.0), inflow.buffer(500.0)]), county).difference(z1)
    z3 = shapely.intersection(upper.buffer(1600.0), county).difference(shapely.union_all([z1, z2]))
    # groundwater well field by 红柳河 (the river that gives the town its name: 清水河 there)
    seat = ctx.seats["红柳河镇"]
    river = shapely.union_all(list(ctx.geoms["rivers"].values()))
    d = river.distance(seat)
    near = ops.nearest_points(seat, river)[1]
    base = shapely.Point(seat.x + (near.x - seat.x) * 0.6, seat.y + (near.y - seat.y) * 0.6) if d < 3000 else seat
    wells = [shapely.Point(base.x + dx, base.y + dy) for dx, dy in ((-300, 0), (0, 150), (300, -60))]
    g1 = shapely.union_all([w.buffer(60.0) for w in wells])
    g2 = shapely.convex_hull(shapely.MultiPoint(wells)).buffer(450.0).difference(g1)
    rows = [("清泉水库饮用水水源地", "一级保护区", "湖库型", z1), ("清泉水库饮用水水源地", "二级保护区", "湖库型", z2),
            ("清泉水库饮用水水源地", "准保护区", "湖库型", z3),
            ("红柳河镇地下水饮用水水源地", "一级保护区", "地下水型", g1),
            ("红柳河镇地下水饮用水水源地", "二级保护区", "地下水型", g2)]
    records = [{"SYDMC": n, "BHQJB": lvl, "SYLX": kind, "SZYQ": vocab.DW_ZONE_TARGETS[lvl], "MJ": area_ha(g)}
               for n, lvl, kind, g in rows]
    ctx.layers["drinking_water_zones"] = frame("drinking_water_zones", records, [g for *_, g in rows])
    ctx.geoms["dw_reservoir"] = shapely.union_all([z1, z2])
    ctx.geoms["dw_quasi"] = z3
    ctx.geoms["dw_ground"] = shapely.union_all([g1, g2])


def build_ban_zones(ctx: County) -> None:
    """No-breeding zones of the five legal categories (编号 jy0k-nn) and two restricted zones."""
    r = noise.rng("ban-zones")
    county = ctx.outline
    reserve = ctx.layers["redlines"].set_index("LXBM").geometry["12"]
    reserve = reserve if reserve.geom_type == "Polygon" else max(reserve.geoms, key=lambda g: g.area)
    main = ctx.geoms["rivers"]["清水河"]
    scenic_at = main.interpolate(0.22, normalized=True)
    wet = ops.substring(main, 0.80, 0.90, normalized=True)
    seat = ctx.seats["城关镇"]
    ban = [
        (1, "清泉水库饮用水水源保护区", "《水污染防治法》第六十五、六十六条", ctx.geoms["dw_reservoir"]),
        (1, "红柳河镇地下水饮用水水源保护区", "《水污染防治法》第六十五、六十六条", ctx.geoms["dw_ground"]),
        (2, "石峡风景名胜区", "《风景名胜区条例》",
         blob(scenic_at.x, scenic_at.y, 1800, 1100, float(r.uniform(0, np.pi)), r, 0.12)),
        (3, "白草塬省级自然保护区核心区和缓冲区", "《自然保护区条例》", reserve.buffer(-700.0)),
        (4, "城关镇城镇居民区", "《畜禽规模养殖污染防治条例》第十一条",
         blob(seat.x, seat.y, 2600, 2000, float(r.uniform(0, np.pi)), r, 0.1)),
        (4, "石窑镇集镇区", "《畜禽规模养殖污染防治条例》第十一条", ctx.seats["石窑镇"].buffer(800.0)),
        (4, "马家沟镇集镇区", "《畜禽规模养殖污染防治条例》第十一条", ctx.seats["马家沟镇"].buffer(700.0)),
        (5, "清水河国家湿地公园", "《湿地保护法》", wet.buffer(450.0)),
    ]
    records, geoms = [], []
    counts: dict[int, int] = {}
    union = shapely.Polygon()
    for cat, name, basis, g in ban:
        g = _parts_polygon(shapely.intersection(g, county))
        counts[cat] = counts.get(cat, 0) + 1
        records.append({"BH": f"jy{cat:02d}-{counts[cat]:02d}", "MC": name, "QYLX": "禁养区", "JYLB": cat,
                        "JYLX": vocab.BAN_ZONE_CATEGORIES[cat], "HDYJ": basis, "MJ": area_ha(g), "BZ": None})
        geoms.append(g)
        union = shapely.union_all([union, g])
    restricted = [
        ("清水河干流沿岸限养区", shapely.intersection(main.buffer(500.0), county).difference(union)),
        ("清泉水库准保护区限养区", ctx.geoms["dw_quasi"].difference(union)),
    ]
    for k, (name, g) in enumerate(restricted, start=1):
        g = _parts_polygon(g)
        records.append({"BH": f"xy{k:02d}", "MC": name, "QYLX": "限养区", "JYLB": None, "JYLX": "限养区",
                        "HDYJ": "示范县畜禽养殖区域划定方案", "MJ": area_ha(g), "BZ": "新建养殖场须配套粪污处理设施"})
        geoms.append(g)
        union = shapely.union_all([union, g])
    ctx.layers["breeding_ban_zones"] = frame("breeding_ban_zones", records, geoms)
    ctx.geoms["ban_union"] = union


def build_farms(ctx: County) -> None:
    """~30 farms; some inside no-breeding zones with their disposal history."""
    r = noise.rng("farms")
    county = ctx.outline
    zones = ctx.layers["breeding_ban_zones"]
    by_code = dict(zip(zones["BH"], zones.geometry))
    villages = ctx.layers["villages"]
    # (zone, species, stock, disposal, disposal date, inspection date, restocked, recorded in ledger)
    inside = [
        ("jy01-01", "生猪", 860, "未处置", None, "2025-10-16", None, True),
        ("jy04-01", "蛋鸡", 12000, "未处置", None, None, None, False),
        ("jy01-01", "肉牛", 140, "关闭", "2018-09-30", "2025-06-12", "否", True),
        ("jy04-01", "生猪", 520, "关闭", "2018-11-20", "2025-09-08", "是", True),
        ("jy03-01", "羊", 600, "搬迁", "2019-05-31", "2025-05-20", "否", True),
        ("jy02-01", "肉鸡", 8000, "转产", "2019-08-15", "2025-07-02", "否", True),
        ("jy05-01", "生猪", 300, "关闭", "2020-04-30", "2025-08-26", "否", True),
    ]
    records, pts = [], []
    placed: list = []
    wet = shapely.union_all([ctx.geoms["reservoir"].buffer(80.0),
                             *[g.buffer(60.0) for g in ctx.geoms["rivers"].values()]])
    for code, species, stock, disposal, d_date, i_date, restocked, recorded in inside:
        p = points_in(by_code[code].buffer(-120.0), 1, r, 500.0, avoid=wet, existing=placed)[0]
        placed.append(p)
        records.append({"SZJYQ": code if recorded else None, "CZ": species, "CLL": stock, "CZFS": disposal,
                        "CZRQ": d_date, "HCRQ": i_date, "SFFY": restocked, "geometry": p})
    restricted = shapely.union_all([g for c, g in by_code.items() if c.startswith("xy")])
    species_pool = ("生猪", "生猪", "肉牛", "羊", "羊", "蛋鸡", "肉鸡", "奶牛")
    for k, p in enumerate(points_in(restricted.buffer(-80.0), 4, r, 800.0, avoid=wet, existing=placed)):
        placed.append(p)
        records.append({"SZJYQ": None, "CZ": str(species_pool[k % len(species_pool)]), "CLL": int(r.integers(80, 900)),
                        "CZFS": None, "CZRQ": None, "HCRQ": iso(2025, int(r.integers(3, 11)), int(r.integers(1, 28))),
                        "SFFY": None, "geometry": p})
    elsewhere = points_in(county.buffer(-500.0), 19, r, 1200.0, avoid=ctx.geoms["ban_union"].buffer(200.0),
                          existing=placed)
    for p in elsewhere:
        sp = str(r.choice(species_pool))
        stock = int(r.integers(2000, 30000)) if "鸡" in sp else int(r.integers(50, 1500))
        records.append({"SZJYQ": None, "CZ": sp, "CLL": stock, "CZFS": None, "CZRQ": None,
                        "HCRQ": None, "SFFY": None, "geometry": p})
    suffix = {"生猪": "生猪养殖场", "肉牛": "肉牛养殖场", "奶牛": "奶牛场", "羊": "养羊场", "蛋鸡": "蛋鸡养殖场",
              "肉鸡": "肉鸡养殖场"}
    names = set()
    for rec in records:
        p = rec["geometry"]
        village = villages.loc[villages.geometry.distance(p).idxmin(), "CM"]
        if r.random() < 0.5:
            name = f"{village[:-1]}{suffix[rec['CZ']]}"
        else:
            name = f"示范县{person(r)}{suffix[rec['CZ']]}"
        while name in names:
            name = f"示范县{person(r)}{suffix[rec['CZ']]}"
        names.add(name)
        rec["YZCMC"] = name
        rec["XZMC"] = ctx.township_of(p)
    pts = [rec.pop("geometry") for rec in records]
    ctx.layers["farms"] = frame("farms", records, pts)


def build_grazing(ctx: County) -> None:
    """Grazing control zones tiling the county: mostly 全年禁牧, with rest, rotation and balance zones."""
    r = noise.rng("grazing")
    kinds = {"沙峁乡": "季节性休牧", "红柳河镇": "季节性休牧", "王家岔乡": "划区轮牧", "高庙乡": "草畜平衡"}
    records, geoms = [], []
    k = 0
    for town, poly in zip(ctx.townships["XZQMC"], ctx.townships.geometry):
        kind = kinds.get(town, "全年禁牧")
        parts = [poly]
        if kind == "划区轮牧":  # three paddocks
            seeds = points_in(poly.buffer(-1500.0), 3, r, 3000.0)
            cells = shapely.voronoi_polygons(shapely.MultiPoint(seeds), extend_to=poly.envelope.buffer(5000))
            parts = [shapely.intersection(c, poly) for c in cells.geoms]
        for j, part in enumerate(parts, start=1):
            k += 1
            code = f"JM-{k:02d}"
            ha = area_ha(part)
            rest = kind == "季节性休牧"
            capacity = 0 if kind == "全年禁牧" else round(ha * r.uniform(0.9, 1.5))
            records.append({
                "QYBH": code, "XZMC": town, "GKLX": kind, "QSRQ": "2021-01-01", "ZZRQ": "2025-12-31",
                "XMKSR": ("03-15" if town == "沙峁乡" else "04-01") if rest else None,
                "XMJSR": ("06-15" if town == "沙峁乡" else "06-30") if rest else None,
                "HDZXL": capacity, "GHY": person(r), "BZBZ": 7.5 if kind == "全年禁牧" else 2.5, "MJ": ha,
            })
            geoms.append(part)
    ctx.layers["grazing_zones"] = frame("grazing_zones", records, geoms)
