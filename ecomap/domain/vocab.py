"""Code lists of the thematic layers (the allowed values of enumerated fields).

Chinese values are data, not UI text: they are what the county's ledgers contain.
Sources: /work/shared/domain.md (section numbers below). Values marked [U] there are
kept here in one place so a county can change them.

No Qt here.
"""

from __future__ import annotations

# §1.2 red-line type codes (LXBM): first digit 1 = ecological function, 2 = sensitivity
REDLINE_TYPES: dict[str, str] = {
    "11": "水源涵养", "12": "生物多样性维护", "13": "水土保持", "14": "防风固沙", "15": "其他生态功能",
    "21": "水土流失", "22": "土地沙化", "23": "石漠化", "24": "盐渍化", "25": "其他生态环境敏感脆弱",
}
REDLINE_GROUPS: dict[str, str] = {"1": "生态功能重要区域", "2": "生态环境敏感脆弱区域"}

# §2 subsidence
#: Default depth class breaks (m): light < 1, medium 1–3, severe > 3 [V-weak]; configurable.
SUBSIDENCE_DEPTH_BREAKS: tuple[float, float] = (1.0, 3.0)
SUBSIDENCE_STABILITY = ("稳沉", "未稳沉", "预测")
DAMAGE_DEGREES = ("轻度", "中度", "重度")
SUBSIDENCE_TREATMENT = ("未治理", "治理中", "已治理", "已验收")
SUBSIDENCE_MODES = ("土地平整复垦", "挖深垫浅", "充填复垦", "疏排法", "生态湿地", "渔光互补", "农光互补",
                    "搬迁避让")
YES_NO = ("是", "否")


def damage_degree(depth_max: float, waterlogged: bool = False,
                  breaks: tuple[float, float] = SUBSIDENCE_DEPTH_BREAKS) -> str:
    """轻度 / 中度 / 重度 from the maximum depth (m); year-round water makes it 重度."""
    if waterlogged or depth_max > breaks[1]:
        return "重度"
    return "中度" if depth_max >= breaks[0] else "轻度"


# §3.1 grazing
GRAZING_TYPES = ("全年禁牧", "季节性休牧", "划区轮牧", "草畜平衡")

# §3.2 breeding zones
BAN_ZONE_CATEGORIES: dict[int, str] = {
    1: "饮用水水源保护区",
    2: "风景名胜区",
    3: "自然保护区核心区和缓冲区",
    4: "城镇居民区和文化教育科学研究区",
    5: "法律法规规定的其他禁养区域",
}
BREEDING_ZONE_TYPES = ("禁养区", "限养区", "适养区")
#: The 类型 column of a breeding-zone layer: a ban category, or the zone type for the others.
BREEDING_ZONE_KINDS = (*BAN_ZONE_CATEGORIES.values(), "限养区", "适养区")
LIVESTOCK = ("生猪", "肉牛", "奶牛", "羊", "蛋鸡", "肉鸡")
DISPOSAL = ("关闭", "搬迁", "转产", "未处置")

# §4 surface water (GB 3838-2002); the class rules live in ecomap.domain.water_quality
WATER_CLASSES = ("Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "劣Ⅴ")
WATER_CLASS_COLORS = {"Ⅰ": "#5ab1ef", "Ⅱ": "#5ab1ef", "Ⅲ": "#42cc70", "Ⅳ": "#e8dd3e", "Ⅴ": "#f5a524",
                      "劣Ⅴ": "#ed5466"}
WATER_CLASS_LABELS = {"Ⅰ": "Ⅰ类（优）", "Ⅱ": "Ⅱ类（优）", "Ⅲ": "Ⅲ类（良好）", "Ⅳ": "Ⅳ类（轻度污染）",
                      "Ⅴ": "Ⅴ类（中度污染）", "劣Ⅴ": "劣Ⅴ类（重度污染）"}
WATER_TARGETS = ("Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ")
WATER_BODY_TYPES = ("河流", "湖库")
SECTION_LEVELS = ("国考", "省考", "市考", "县考")

# §5 drinking-water source protection zones
DW_ZONE_LEVELS = ("一级保护区", "二级保护区", "准保护区")
DW_SOURCE_TYPES = ("河流型", "湖库型", "地下水型")
#: Water-quality requirement per zone level (not worse than).
DW_ZONE_TARGETS = {"一级保护区": "Ⅱ", "二级保护区": "Ⅲ", "准保护区": "Ⅲ"}

# §6 mines
MINERALS = ("煤", "建筑用砂", "砖瓦用黏土", "水泥用灰岩", "建筑石料用灰岩")
MINING_METHODS = ("井工", "露天")
MINE_STATUS = ("生产", "停产", "关闭", "历史遗留")
GREEN_MINE_LEVELS = ("国家级", "省级", "否")
TAILINGS_GRADES = ("一等", "二等", "三等", "四等", "五等")
TAILINGS_SAFETY = ("正常库", "病库", "险库", "危库")
TAILINGS_RUNNING = ("在用", "停用", "闭库")
PROJECT_TYPES = ("历史遗留矿山", "生产矿山", "山水林田湖草沙", "采煤沉陷区")
FUNDING_SOURCES = ("中央财政", "省级财政", "市县财政", "社会资本", "矿山企业治理恢复基金")
RESTORATION_MODES = ("保护保育", "自然恢复", "辅助再生", "生态重建", "转型利用")


def tailings_grade(volume_1e4_m3: float, dam_height_m: float) -> str:
    """Design class (等别) after GB 50863-2013 from total volume (10⁴ m³) and dam height (m).

    Each criterion gives a class; the higher (more severe) one applies, but if the two
    differ by more than one class the higher one is lowered by one. Class 一 needs an
    expert upgrade of a class-二 pond and is never returned.
    """
    def by_volume(v):
        return 2 if v >= 10000 else 3 if v >= 1000 else 4 if v >= 100 else 5

    def by_height(h):
        return 2 if h >= 100 else 3 if h >= 60 else 4 if h >= 30 else 5

    a, b = by_volume(volume_1e4_m3), by_height(dam_height_m)
    grade = min(a, b)
    if abs(a - b) > 1:
        grade += 1
    return TAILINGS_GRADES[grade - 1]


# §7 rectification
ISSUE_SOURCES = ("中央第二轮督察", "中央督察回头看", "省级督察", "黄河流域生态环境警示片", "信访交办")
ISSUE_CATEGORIES = ("水环境", "大气环境", "生态保护", "矿山生态", "固体废物", "畜禽养殖", "土壤环境")

# base layers
ROAD_CLASSES = ("国道", "省道", "县道", "乡道")

# ------------------------------------------------------------- land use (三调 地类, GB/T 21010-2017)

#: first-level classes of the third national land survey: code -> (name, map colour). The
#: colours are conventional land-use colours, not the survey's own printing palette.
LANDUSE_GROUPS: dict[str, tuple[str, str]] = {
    "00": ("湿地", "#6fc2c8"), "01": ("耕地", "#f5e7a1"), "02": ("种植园用地", "#f3c27a"),
    "03": ("林地", "#5aa05a"), "04": ("草地", "#b5d98a"), "05": ("商业服务业用地", "#e86a7a"),
    "06": ("工矿用地", "#b07a5e"), "07": ("住宅用地", "#e8a09a"), "08": ("公共管理与公共服务用地", "#e39bd8"),
    "09": ("特殊用地", "#8f7bbf"), "10": ("交通运输用地", "#a6a6a6"), "11": ("水域及水利设施用地", "#7fb6e6"),
    "12": ("其他土地", "#d9cfc1"),
}
#: second-level codes (地类编码 DLBM) -> (地类名称, first-level code); the wetland classes
#: keep their GB/T 21010 codes but belong to 湿地 in the survey
LANDUSE_CLASSES: dict[str, tuple[str, str]] = {
    "0101": ("水田", "01"), "0102": ("水浇地", "01"), "0103": ("旱地", "01"),
    "0201": ("果园", "02"), "0202": ("茶园", "02"), "0203": ("橡胶园", "02"), "0204": ("其他园地", "02"),
    "0301": ("乔木林地", "03"), "0302": ("竹林地", "03"), "0303": ("红树林地", "00"), "0304": ("森林沼泽", "00"),
    "0305": ("灌木林地", "03"), "0306": ("灌丛沼泽", "00"), "0307": ("其他林地", "03"),
    "0401": ("天然牧草地", "04"), "0402": ("沼泽草地", "00"), "0403": ("人工牧草地", "04"), "0404": ("其他草地", "04"),
    "05H1": ("商业服务业设施用地", "05"), "0508": ("物流仓储用地", "05"),
    "0601": ("工业用地", "06"), "0602": ("采矿用地", "06"), "0603": ("盐田", "00"),
    "0701": ("城镇住宅用地", "07"), "0702": ("农村宅基地", "07"),
    "08H1": ("机关团体新闻出版用地", "08"), "08H2": ("科教文卫用地", "08"), "0809": ("公用设施用地", "08"),
    "0810": ("公园与绿地", "08"), "09": ("特殊用地", "09"),
    "1001": ("铁路用地", "10"), "1002": ("轨道交通用地", "10"), "1003": ("公路用地", "10"),
    "1004": ("城镇村道路用地", "10"), "1005": ("交通服务场站用地", "10"), "1006": ("农村道路", "10"),
    "1007": ("机场用地", "10"), "1008": ("港口码头用地", "10"), "1009": ("管道运输用地", "10"),
    "1101": ("河流水面", "11"), "1102": ("湖泊水面", "11"), "1103": ("水库水面", "11"), "1104": ("坑塘水面", "11"),
    "1105": ("沿海滩涂", "00"), "1106": ("内陆滩涂", "00"), "1107": ("沟渠", "11"), "1108": ("沼泽地", "00"),
    "1109": ("水工建筑用地", "11"), "1110": ("冰川及永久积雪", "11"),
    "1201": ("空闲地", "12"), "1202": ("设施农用地", "12"), "1203": ("田坎", "12"), "1204": ("盐碱地", "12"),
    "1205": ("沙地", "12"), "1206": ("裸土地", "12"), "1207": ("裸岩石砾地", "12"),
}
RIVER_LEVELS = ("干流", "一级支流", "二级支流")
