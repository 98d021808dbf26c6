"""Inspection rectification items (督察整改台账) of the sample county.

Twenty-four items from five sources, placed at the feature they concern (a mine, a
farm, a section, a project …). Eight are open past their deadline on the
reference date (2025-11-30); several link to restoration projects (关联项目编号).
"""

from __future__ import annotations

import shapely

from ecomap.domain import lifecycle
from ecomap.domain.sample_county import noise
from ecomap.domain.sample_county.base import REFERENCE_DATE, County, frame, person
from ecomap.domain.sample_county.water import section_code

_NR, _EE, _AG, _FOR = "示范县自然资源局", "市生态环境局示范分局", "示范县农业农村局", "示范县林业局"

# source, number, description, category, where, unit, deadline, status, % done, note, closed on, project index
ITEMS = (
    ("中央第二轮督察", "ZY2-0899-01", "红崖历史遗留小煤窑废弃矿坑未治理，存在地质灾害隐患", "矿山生态", ("project", 4),
     _NR, "2022-12-31", "已销号", 100.0, "已完成地形整治和植被恢复，经市级复核销号", "2023-06-20", 4),
    ("中央第二轮督察", "ZY2-0899-02", "石窑镇采煤沉陷区治理进度滞后，部分沉陷区常年积水", "矿山生态", ("project", 1),
     "示范县发展和改革局", "2024-12-31", "滞后", 65.0, "二期工程完成投资约七成，受雨季影响工期顺延", None, 1),
    ("中央第二轮督察", "ZY2-0899-03", "柳湾煤矿关闭后矿区未开展生态修复", "矿山生态", ("project", 11),
     _NR, "2025-12-31", "整改中", 10.0, "闭坑修复工程已开工", None, 11),
    ("中央第二轮督察", "ZY2-0899-04", "水土流失综合治理任务未按期完成", "生态保护", ("project", 13),
     "示范县水利局", "2023-12-31", "验收通过", 100.0, "白草塬水土流失综合治理工程通过县级验收", None, 13),
    ("中央第二轮督察", "ZY2-0899-05", "城区冬季燃煤散烧问题突出", "大气环境", ("seat", "城关镇"),
     _EE, None, "长期坚持", None, "清洁取暖改造持续推进，每年采暖季专项检查", None, None),
    ("中央第二轮督察", "ZY2-0899-06", "石窑煤矿边开采边治理措施落实不到位", "矿山生态", ("project", 9),
     "陕西示范矿业集团石窑煤业有限公司", "2026-06-30", "整改中", 45.0, "边开采边治理工程按序时推进", None, 9),
    ("中央督察回头看", "HTK-0899-01", "禁养区内生猪养殖场未按期关闭", "畜禽养殖", ("farm", "jy01-01"),
     _AG, "2023-06-30", "整改中", 40.0, "已下达关闭通知，养殖户申请延期搬迁", None, None),
    ("中央督察回头看", "HTK-0899-02", "白草塬自然保护区内违规修建道路", "生态保护", ("redline", "12"),
     _FOR, "2022-12-31", "已销号", 100.0, "违规道路已拆除复绿", "2023-04-28", None),
    ("中央督察回头看", "HTK-0899-03", "草原禁牧管护不到位，存在夜间偷牧现象", "生态保护", ("grazing", "全年禁牧"),
     _FOR, None, "长期坚持", None, "落实网格化管护，开展夜间巡查", None, None),
    ("省级督察", "SJ-0899-01", "石窑沟入清水河口断面氨氮超标", "水环境", ("section", 6),
     _EE, "2024-06-30", "滞后", 50.0, "矿井水处理站提标改造尚未完成", None, None),
    ("省级督察", "SJ-0899-02", "县城污水处理厂出水总磷不能稳定达标", "水环境", ("section", 3),
     "示范县住房和城乡建设局", "2024-12-31", "已完成整改", 100.0, "除磷设施改造完成，待验收", None, None),
    ("省级督察", "SJ-0899-03", "已关闭养殖场存在复养现象", "畜禽养殖", ("farm", "restocked"),
     "城关镇人民政府", "2025-10-31", "反弹", 30.0, "2025年9月核查发现复养，已重新交办", None, None),
    ("省级督察", "SJ-0899-04", "黑龙沟选煤厂尾矿库为病库，未按要求整治", "矿山生态", ("pond", "黑龙沟选煤厂尾矿库"),
     "示范县应急管理局", "2025-09-30", "整改中", 70.0, "排洪设施改造施工中", None, None),
    ("省级督察", "SJ-0899-05", "高庙废弃砖瓦窑遗留建筑垃圾未清运", "固体废物", ("project", 7),
     "高庙乡人民政府", "2025-06-30", "滞后", 20.0, "修复项目暂缓实施，清运工作滞后", None, 7),
    ("省级督察", "SJ-0899-06", "杏树坪历史遗留矿山修复工程进度滞后", "矿山生态", ("project", 6),
     _NR, "2025-10-31", "滞后", 88.0, "初验未通过，正在整改边坡复绿", None, 6),
    ("省级督察", "SJ-0899-07", "马家河沿岸生活垃圾随意堆放", "固体废物", ("river", "马家河"),
     "马家沟镇人民政府", "2024-10-31", "已销号", 100.0, "垃圾已清运，建立河长巡河制度", "2025-01-15", None),
    ("黄河流域生态环境警示片", "JSP2023-0899-01", "清泉水库饮用水水源一级保护区内存在农家乐经营", "水环境", ("dw1", None),
     _EE, "2023-09-30", "已销号", 100.0, "农家乐已关停拆除", "2024-03-12", None),
    ("黄河流域生态环境警示片", "JSP2023-0899-02", "石峡水泥用灰岩矿矿区范围与生态保护红线重叠", "矿山生态",
     ("mine", "石峡水泥用灰岩矿"), _NR, "2025-12-31", "整改中", 30.0, "已停止红线内开采，正在办理矿区范围调整", None, None),
    ("黄河流域生态环境警示片", "JSP2024-0899-01", "后峁煤矿沉陷区治理项目停滞", "矿山生态", ("subsidence", "CX-09"),
     "示范县发展和改革局", "2024-12-31", "未启动", 0.0, "项目已终止，待沉陷区稳沉后重新申报", None, 3),
    ("黄河流域生态环境警示片", "JSP2024-0899-02", "清水河出境断面汛期水质波动", "水环境", ("section", 4),
     _EE, "2025-12-31", "整改中", 60.0, "实施入河排污口整治", None, None),
    ("信访交办", "XFJB-2023-0899-017", "黑龙沟煤矿储煤场扬尘污染", "大气环境", ("mine", "黑龙沟煤矿"),
     "示范县黑龙沟煤业有限责任公司", "2023-03-31", "已销号", 100.0, "储煤场全封闭改造完成", "2023-08-10", None),
    ("信访交办", "XFJB-2023-0899-042", "前湾煤矿矸石随意堆放", "固体废物", ("mine", "前湾煤矿"),
     "示范县前湾煤矿有限公司", "2023-12-31", "公示中", 100.0, "整改完成，公示期至2025-12-05", None, None),
    ("信访交办", "XFJB-2024-0899-008", "养殖场粪污直排清水河", "畜禽养殖", ("farm", "river"),
     _AG, "2024-08-31", "验收通过", 100.0, "配套建设粪污贮存池，实现资源化利用", None, None),
    ("信访交办", "XFJB-2025-0899-021", "禁养区内蛋鸡养殖场未纳入台账", "畜禽养殖", ("farm", "unrecorded"),
     "城关镇人民政府", "2026-03-31", "未启动", 0.0, "已核实，拟纳入关闭计划", None, None),
)


def _locate(ctx: County, where) -> shapely.Point:
    kind, key = where
    if kind == "project":
        return shapely.point_on_surface(ctx.layers["restoration_projects"].geometry.iloc[key])
    if kind == "seat":
        return ctx.seats[key]
    if kind == "mine":
        return ctx.geoms["mine_points"][key]
    if kind == "pond":
        ponds = ctx.layers["tailings_ponds"]
        return ponds.geometry[ponds["WKKMC"] == key].iloc[0]
    if kind == "section":
        sec = ctx.layers["water_sections"]
        return sec.geometry[sec["DMBM"] == section_code(key)].iloc[0]
    if kind == "subsidence":
        s = ctx.layers["subsidence"]
        return shapely.point_on_surface(s.geometry[s["BH"] == key].iloc[0])
    if kind == "redline":
        rl = ctx.layers["redlines"]
        return shapely.point_on_surface(rl.geometry[rl["LXBM"] == key].iloc[0])
    if kind == "grazing":
        g = ctx.layers["grazing_zones"]
        return shapely.point_on_surface(g.geometry[g["GKLX"] == key].iloc[1])
    if kind == "river":
        return ctx.geoms["rivers"][key].interpolate(0.6, normalized=True)
    if kind == "dw1":
        z = ctx.layers["drinking_water_zones"]
        ring = z.geometry[z["BHQJB"] == "一级保护区"].iloc[0].difference(ctx.geoms["reservoir"])
        return shapely.point_on_surface(ring)
    farms = ctx.layers["farms"]
    if key == "restocked":
        return farms.geometry[farms["SFFY"] == "是"].iloc[0]
    if key == "unrecorded":
        return farms.geometry[(farms["CZFS"] == "未处置") & farms["SZJYQ"].isna()].iloc[0]
    if key == "river":
        free = farms[farms["CZFS"].isna()]
        return free.geometry.iloc[int(free.geometry.distance(ctx.geoms["rivers"]["清水河"]).argmin())]
    return farms.geometry[(farms["CZFS"] == "未处置") & (farms["SZJYQ"] == key)].iloc[0]


def build_items(ctx: County) -> None:
    r = noise.rng("rectification")
    projects = ctx.layers["restoration_projects"]
    records, pts = [], []
    for k, (source, number, text, category, where, unit, deadline, status, done, note, closed,
            project) in enumerate(ITEMS, start=1):
        p = _locate(ctx, where)
        p = shapely.Point(p.x + 40.0, p.y + 40.0)  # beside, not on top of, the feature it concerns
        if status not in lifecycle.RECTIFICATION.states:
            raise RuntimeError(f"sample item {number}: unknown status {status}")
        records.append({
            "XH": k, "WTLY": source, "WTBH": number, "WTMS": text, "XZMC": ctx.township_of(p), "WTLB": category,
            "ZRDW": unit, "ZRR": f"{person(r)}", "ZGSX": deadline, "ZT": status, "JZSM": note, "WCL": done,
            "XHRQ": closed, "GLXMBH": projects["XMBH"].iloc[project] if project is not None else None,
            "version": int(r.integers(1, 5)),
        })
        pts.append(p)
    ctx.layers["rectification_items"] = frame("rectification_items", records, pts)
    overdue = sum(lifecycle.is_overdue(rec["ZT"], rec["ZGSX"], REFERENCE_DATE) for rec in records)
    if overdue < 3:
        raise RuntimeError("sample story broken: too few overdue rectification items")
