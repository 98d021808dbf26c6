"""Mines, licence areas, coal-mining subsidence and tailings ponds of the sample county.

The coal field lies in 石窑镇: four licence blocks in a 2 × 2 grid. Longwall panels
subside as elongated strips inside the blocks, so 石窑镇 ends up with far more
subsidence than any other township (one of the stories the analyses must find).
One coal block and the limestone quarry are later overlapped by red lines.
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely import ops

from ecomap.domain import vocab
from ecomap.domain.sample_county import noise
from ecomap.domain.sample_county.base import County, area_ha, frame, iso, points_in

SUBSIDENCE_WARP = noise.Warp([(120.0, 2_500.0), (30.0, 500.0)], seed=noise.seed_of("subsidence-warp"))

#: name, holder, status, green level, year listed, capacity (10⁴ t/a) — one per coal block
COAL_BLOCKS = (
    ("石窑煤矿", "陕西示范矿业集团石窑煤业有限公司", "生产", "国家级", 2020, 240.0),
    ("黑龙沟煤矿", "示范县黑龙沟煤业有限责任公司", "生产", "省级", 2022, 120.0),
    ("前湾煤矿", "示范县前湾煤矿有限公司", "生产", "否", None, 90.0),
    ("后峁煤矿", "示范县后峁煤业有限公司", "停产", "否", None, 60.0),
)
#: name, mineral, status, township, holder, capacity, licence size (m) or None
OTHER_MINES = (
    ("马家沟煤矿", "煤", "生产", "马家沟镇", "示范县马家沟煤矿有限公司", 45.0, (2600.0, 2000.0)),
    ("柳湾煤矿", "煤", "关闭", "柳湾镇", "示范县柳湾煤矿（已关闭）", None, None),
    ("石峡水泥用灰岩矿", "水泥用灰岩", "生产", "红柳河镇", "示范县石峡建材有限公司", 80.0, (900.0, 600.0)),
    ("清水河建筑用砂矿", "建筑用砂", "停产", None, "示范县清河砂石有限公司", 12.0, (1000.0, 260.0)),
    ("沙峁砖瓦用黏土矿", "砖瓦用黏土", "生产", "沙峁乡", "示范县沙峁新型建材厂", 6.0, (420.0, 360.0)),
    ("红崖小煤窑", "煤", "历史遗留", "柳湾镇", "责任主体灭失", None, None),
    ("城关东郊砖厂取土场", "砖瓦用黏土", "历史遗留", "城关镇", "责任主体灭失", None, None),
    ("杏树坪废弃采石场", "建筑石料用灰岩", "历史遗留", "杏树坪乡", "责任主体灭失", None, None),
    ("高庙废弃砖瓦窑取土场", "砖瓦用黏土", "历史遗留", "高庙乡", "责任主体灭失", None, None),
    ("王家岔砂石坑", "建筑用砂", "历史遗留", "王家岔乡", "责任主体灭失", None, None),
)


def _rect(cx, cy, w, h, angle) -> shapely.Polygon:
    ca, sa = np.cos(angle), np.sin(angle)
    corners = np.array([(-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)])
    return shapely.Polygon(np.column_stack([cx + ca * corners[:, 0] - sa * corners[:, 1],
                                            cy + sa * corners[:, 0] + ca * corners[:, 1]]))


def build_coalfield(ctx: County) -> None:
    """Four licence blocks in 石窑镇 (2 × 2, rotated), kept as helper geometry."""
    r = noise.rng("coalfield")
    town = ctx.township_poly("石窑镇")
    c = ops.polylabel(town, 50.0)
    angle = float(r.uniform(0.35, 0.75))
    bw, bh = 3300.0, 2600.0
    ca, sa = np.cos(angle), np.sin(angle)
    blocks = []
    for i, j in ((0, 1), (1, 1), (0, 0), (1, 0)):
        dx, dy = (i - 0.5) * bw, (j - 0.5) * bh
        blocks.append(_rect(c.x + ca * dx - sa * dy, c.y + sa * dx + ca * dy, bw, bh, angle))
    ctx.geoms["coal_blocks"] = blocks
    ctx.geoms["coal_angle"] = angle
    ctx.geoms["coal_field"] = shapely.union_all(blocks)


def _licence(rng) -> tuple[str, str, str]:
    year = int(rng.integers(2008, 2019))
    number = f"C6100002{year}{int(rng.integers(10**9, 10**10 - 1)):010d}"
    start = iso(year, int(rng.integers(1, 13)), int(rng.integers(1, 29)))
    end_year = year + int(rng.choice([10, 15, 20, 30]))
    return number, start, f"{max(end_year, 2027)}{start[4:]}"


def build_mines(ctx: County) -> None:
    """Mine points and licence polygons (producing and stopped mines only)."""
    r = noise.rng("mines")
    county = ctx.outline
    field = ctx.geoms["coal_field"]
    c = field.centroid
    no_go = shapely.union_all([field.buffer(1500.0), ctx.geoms["reservoir"].buffer(1500.0),
                               ctx.seats["城关镇"].buffer(2500.0)])
    mines, mine_pts, areas, area_geoms = [], [], [], []
    for block, (name, holder, status, green, year, cap) in zip(ctx.geoms["coal_blocks"], COAL_BLOCKS):
        b = block.centroid
        p = shapely.Point(b.x + (c.x - b.x) * 0.35, b.y + (c.y - b.y) * 0.35)
        lic, start, end = _licence(r)
        mines.append({"KSMC": name, "XKZH": lic, "KZ": "煤", "KCFS": "井工", "KCZT": status, "LSKS": green,
                      "RXNF": year, "CKQR": holder, "SCGM": cap, "XZMC": ctx.township_of(p)})
        mine_pts.append(p)
        areas.append({"XKZH": lic, "KSMC": name, "CKQR": holder, "KZ": "煤", "MJ": area_ha(block),
                      "YXQQ": start, "YXQZ": end})
        area_geoms.append(block)
    placed = list(mine_pts)
    for name, mineral, status, town, holder, cap, size in OTHER_MINES:
        if town is None:  # on the bank of 清水河, in the rural township it crosses longest
            river = ctx.geoms["rivers"]["清水河"]
            towns = ctx.townships[ctx.townships["XZQMC"] != "城关镇"]
            town = towns["XZQMC"].iloc[int(shapely.length(shapely.intersection(towns.geometry.values,
                                                                                    river)).argmax())]
            poly = shapely.intersection(ctx.township_poly(town).buffer(-1200.0), river.buffer(300.0))
        else:
            poly = shapely.intersection(ctx.township_poly(town).buffer(-1200.0), county)
        avoid = no_go if mineral != "煤" else ctx.geoms["reservoir"].buffer(1500.0)
        p = points_in(poly, 1, r, 2500.0, avoid, placed)[0]
        placed.append(p)
        historical = status == "历史遗留"
        lic = None
        if not historical and status != "关闭":
            lic, start, end = _licence(r)
            w, h = size
            angle = float(r.uniform(0, np.pi))
            if name == "清水河建筑用砂矿":
                river = ctx.geoms["rivers"]["清水河"]
                d = river.project(p)
                a, b = river.interpolate(d - 50), river.interpolate(d + 50)
                angle = float(np.arctan2(b.y - a.y, b.x - a.x))
            poly_area = _rect(p.x, p.y, w, h, angle)
            areas.append({"XKZH": lic, "KSMC": name, "CKQR": holder, "KZ": mineral, "MJ": area_ha(poly_area),
                          "YXQQ": start, "YXQZ": end})
            area_geoms.append(poly_area)
        elif status == "关闭":
            lic = f"C6100002{2006}{int(r.integers(10**9, 10**10 - 1)):010d}"
        mines.append({"KSMC": name, "XKZH": lic, "KZ": mineral,
                      "KCFS": "井工" if mineral == "煤" else "露天", "KCZT": status,
                      "LSKS": "省级" if name == "石峡水泥用灰岩矿" else "否",
                      "RXNF": 2023 if name == "石峡水泥用灰岩矿" else None,
                      "CKQR": holder, "SCGM": cap, "XZMC": ctx.township_of(p)})
        mine_pts.append(p)
    ctx.layers["mines"] = frame("mines", mines, mine_pts)
    ctx.layers["mine_areas"] = frame("mine_areas", areas, area_geoms)
    ctx.geoms["mine_points"] = dict(zip([m["KSMC"] for m in mines], mine_pts))


# ----------------------------------------------------------------------------- subsidence

#: (mine, panel strip index, max depth m, stability, waterlogged) for each subsidence polygon
_PANELS = (
    ("石窑煤矿", 0, 6.8, "稳沉", True), ("石窑煤矿", 1, 4.2, "稳沉", False), ("石窑煤矿", 2, 2.6, "未稳沉", False),
    ("黑龙沟煤矿", 0, 3.6, "稳沉", True), ("黑龙沟煤矿", 1, 2.1, "稳沉", False), ("黑龙沟煤矿", 2, 1.4, "未稳沉", False),
    ("前湾煤矿", 0, 2.4, "稳沉", False), ("前湾煤矿", 2, 0.8, "未稳沉", False),
    ("后峁煤矿", 0, 1.7, "稳沉", False), ("后峁煤矿", 1, 0.9, "预测", False),
)


def _panel(block: shapely.Polygon, angle: float, strip: int, rng) -> shapely.Polygon:
    """An elongated, rounded panel shape occupying one third of a licence block."""
    c = block.centroid
    ca, sa = np.cos(angle), np.sin(angle)
    bw, bh = 3300.0, 2600.0
    off = (strip - 1) * bh / 3.0
    length = bw * rng.uniform(0.62, 0.82)
    width = bh / 3.0 * rng.uniform(0.55, 0.75)
    shift = rng.uniform(-0.08, 0.08) * bw
    x, y = c.x + ca * shift - sa * off, c.y + sa * shift + ca * off
    return _rect(x, y, length, width, angle).buffer(-120.0).buffer(220.0, quad_segs=8)


def build_subsidence(ctx: County) -> None:
    """Subsidence polygons: ten over the 石窑镇 coal field, a few small ones elsewhere."""
    r = noise.rng("subsidence")
    blocks = dict(zip([b[0] for b in COAL_BLOCKS], ctx.geoms["coal_blocks"]))
    angle = ctx.geoms["coal_angle"]
    villages = ctx.layers["villages"]
    shapes = []
    for mine, strip, depth, stable, water in _PANELS:
        poly = _panel(blocks[mine], angle, strip, r)
        shapes.append((mine, poly, depth, stable, water))
    for mine, radius, depth, stable in (("马家沟煤矿", 520.0, 1.2, "未稳沉"), ("马家沟煤矿", 380.0, 0.7, "预测"),
                                        ("柳湾煤矿", 600.0, 2.2, "稳沉"), ("红崖小煤窑", 230.0, 0.9, "稳沉")):
        p = ctx.geoms["mine_points"][mine]
        ang = r.uniform(0, 2 * np.pi)
        cx, cy = p.x + 500 * np.cos(ang), p.y + 500 * np.sin(ang)
        if mine == "红崖小煤窑":
            cx, cy = p.x + 150, p.y - 120
        poly = _rect(cx, cy, radius * 2.4, radius * 1.2, float(r.uniform(0, np.pi))).buffer(radius * 0.3)
        shapes.append((mine, poly, depth, stable, False))
    mines = ctx.layers["mines"].set_index("KSMC")
    records, geoms = [], []
    counters: dict[str, int] = {}
    for k, (mine, poly, depth, stable, water) in enumerate(shapes, start=1):
        town = ctx.township_of(shapely.Point(ctx.geoms["mine_points"][mine]))
        poly = shapely.transform(poly, SUBSIDENCE_WARP)
        poly = shapely.intersection(poly, ctx.township_poly(town))
        if poly.geom_type != "Polygon":
            poly = max(shapely.get_parts(poly), key=lambda g: g.area)
        counters[mine] = counters.get(mine, 0) + 1
        area = area_ha(poly)
        near = villages[villages.geometry.within(poly.buffer(300.0))]
        nearest = villages.loc[villages.geometry.distance(poly).idxmin(), "CM"]
        share = r.uniform(0.25, 0.6)
        households = round(near["HS"].sum() * share)
        farmland = round(area * r.uniform(0.25, 0.5), 2)
        records.append({
            "BH": f"CX-{k:02d}", "MC": f"{mine}{'一二三四'[counters[mine] - 1]}号沉陷区", "XZMC": town, "CZMC": nearest,
            "MKMC": mine, "CKQR": mines.loc[mine, "CKQR"], "CXMJ": area,
            "ZDXCSD": depth, "PJXCSD": round(depth * r.uniform(0.35, 0.55), 2),
            "JSMJ": round(area * r.uniform(0.12, 0.3), 2) if water else (
                round(area * r.uniform(0.01, 0.05), 2) if depth > 2 else 0.0),
            "SFCNJS": "是" if water else "否", "WDZT": stable,
            "SHCD": vocab.damage_degree(depth, water), "YXCZS": len(near), "YXHS": households,
            "YXRK": round(households * r.uniform(2.7, 3.1)), "SHGDMJ": farmland,
            "YJJBNTMJ": round(farmland * r.uniform(0.3, 0.6), 2), "ZLZT": "未治理", "ZLMS": None,
            "ZLXMBH": None, "TZ": None,
        })
        geoms.append(poly)
    ctx.layers["subsidence"] = frame("subsidence", records, geoms)


def link_subsidence(ctx: County, links: dict[str, tuple[str, str, float]]) -> None:
    """Write treatment status, mode, project and investment for subsidence treated by projects.

    ``links`` = {BH: (project ID, 治理状态, investment share in 万元)}.
    """
    s = ctx.layers["subsidence"]
    for bh, (project, status, invest) in links.items():
        i = s.index[s["BH"] == bh][0]
        s.loc[i, "ZLXMBH"] = project
        s.loc[i, "ZLZT"] = status
        s.loc[i, "TZ"] = invest
    for i, row in s.iterrows():
        if row["SFCNJS"] == "是":
            mode = "渔光互补" if row["MKMC"] == "黑龙沟煤矿" else "生态湿地"
        elif row["SHCD"] == "中度" or row["ZDXCSD"] >= 1.0:
            mode = "挖深垫浅"
        else:
            mode = "土地平整复垦"
        s.loc[i, "ZLMS"] = mode if row["ZLZT"] != "未治理" or row["WDZT"] == "稳沉" else None


# ----------------------------------------------------------------------------- tailings

_PONDS = (
    # name, owner mine, volume 10⁴ m³, dam height m, safety, running, near a village?
    ("石窑选煤厂尾矿库", "石窑煤矿", 420.0, 38.0, "正常库", "在用", False),
    ("黑龙沟选煤厂尾矿库", "黑龙沟煤矿", 180.0, 32.0, "病库", "在用", True),
    ("前湾洗煤厂尾矿库", "前湾煤矿", 65.0, 22.0, "正常库", "停用", False),
    ("后峁煤泥尾矿库", "后峁煤矿", 95.0, 26.0, "险库", "停用", False),
)


def build_tailings(ctx: County) -> None:
    """Tailings ponds of the coal preparation plants; one 病库 is a 头顶库 above a village."""
    r = noise.rng("tailings")
    villages = ctx.layers["villages"]
    mines = ctx.layers["mines"].set_index("KSMC")
    records, pts = [], []
    for name, mine, volume, height, safety, running, overhead in _PONDS:
        m = ctx.geoms["mine_points"][mine]
        if overhead:  # upslope of the nearest village, 600 m away
            v = villages.geometry.iloc[int(villages.geometry.distance(m).argmin())]
            ang = np.arctan2(m.y - v.y, m.x - v.x)
            p = shapely.Point(v.x + 600 * np.cos(ang), v.y + 600 * np.sin(ang))
        else:
            for _ in range(200):
                ang = r.uniform(0, 2 * np.pi)
                p = shapely.Point(m.x + 900 * np.cos(ang), m.y + 900 * np.sin(ang))
                if villages.geometry.distance(p).min() > 1200:
                    break
        near = bool(villages.geometry.distance(p).min() <= 1000.0)
        records.append({"WKKMC": name, "SSQY": mines.loc[mine, "CKQR"], "XZMC": ctx.township_of(p),
                        "QKR": volume, "BG": height, "DB": vocab.tailings_grade(volume, height), "AQD": safety,
                        "SFTDK": "是" if near else "否", "YXZT": running})
        pts.append(p)
    ctx.layers["tailings_ponds"] = frame("tailings_ponds", records, pts)
