"""The thematic layer definitions: one :class:`~ecomap.domain.schema.Theme` per kind of layer.

Canonical field names are pinyin abbreviations in the style of Chinese GIS data
(HXBM 红线编码, ZDXCSD 最大下沉深度 …); the sample county writes exactly these, in this
order. ``variants`` collect other spellings seen in real data (domain.md) so that
:func:`ecomap.domain.catalogue.match_theme` can recognise a county's own files.

No Qt here.
"""

from __future__ import annotations

from ecomap.domain import lifecycle as lc
from ecomap.domain import vocab as v
from ecomap.domain.schema import Field as F
from ecomap.domain.schema import Theme

# ----------------------------------------------------------------------------- shared fields

_XZQDM_VARIANTS = ("XZQHDM", "行政区划代码", "行政区代码", "区划代码", "ADCODE", "PAC", "QHDM", "XZDM", "code")
_XZQMC_VARIANTS = ("XZQHMC", "行政区划名称", "行政区名称", "区划名称", "QHMC", "NAME", "名称", "MC")


def _township(name: str = "XZMC") -> F:
    return F(name, "乡镇", "Township", role="township",
             variants=("乡镇名称", "所在乡镇", "乡镇街道", "XZ", "XIANGZHEN", "SZXZMC", "XZJD", "township"))


def _area(name: str, alias: str = "面积", unit: str = "hm²", extra: tuple[str, ...] = ()) -> F:
    return F(name, alias, "Area", "float", role="area_ha", unit=unit,
             variants=("MJ", "面积", "面积公顷", "MJGQ", "area_ha", "hectares", *extra))


def _version() -> F:
    return F("version", "版本号", "Version", "int", role="version", nullable=False,
             variants=("BBH", "版本", "VER", "rowversion"))


# ----------------------------------------------------------------------------- base layers

COUNTY = Theme(
    "county", "县级行政区", "County boundary", "Polygon",
    (
        F("XZQDM", "行政区代码", "Admin code", role="code", variants=_XZQDM_VARIANTS),
        F("XZQMC", "行政区名称", "Admin name", role="name", variants=(*_XZQMC_VARIANTS, "县名", "县名称")),
        _area("MJ"),
    ),
    layer_names=("county", "XJXZQ", "县级行政区", "县界", "县域", "XZQ_X", "county_boundary"),
)

TOWNSHIPS = Theme(
    "townships", "乡镇行政区", "Townships", "Polygon",
    (
        F("XZQDM", "行政区代码", "Admin code", role="code", variants=_XZQDM_VARIANTS),
        F("XZQMC", "乡镇名称", "Township name", role="name",
          variants=(*_XZQMC_VARIANTS, "乡镇名称", "乡镇", "XZMC", "XZJDMC")),
        _area("MJ"),
        F("RK", "户籍人口", "Population", "int", role="population", variants=("人口", "户籍人口数", "HJRK", "ZRK")),
    ),
    layer_names=("townships", "township", "XZJX", "乡镇", "乡级行政区", "乡镇界", "XZQ_XZ"),
)

VILLAGES = Theme(
    "villages", "村庄", "Villages", "Point",
    (
        F("CM", "村名", "Village", role="name",
          variants=("村名称", "村庄名称", "行政村", "行政村名称", "CMC", "CZMC", "XZCMC", "NAME", "MC")),
        _township(),
        F("HS", "户数", "Households", "int", role="households", variants=("总户数", "ZHS", "households")),
        F("RK", "人口", "Population", "int", role="population", variants=("总人口", "人口数", "ZRK", "population")),
    ),
    layer_names=("villages", "village", "村庄", "行政村", "居民点", "CZ_P", "JMD"),
)

ROADS = Theme(
    "roads", "道路", "Roads", "LineString",
    (
        F("DLMC", "道路名称", "Road name", role="name", variants=("路名", "道路名", "LMC", "NAME", "名称")),
        F("LXBH", "路线编号", "Route number", role="code", variants=("路线编码", "道路编号", "LXDM", "ROUTE")),
        F("DJ", "道路等级", "Road class", role="type", values=v.ROAD_CLASSES,
          variants=("等级", "技术等级", "行政等级", "DLDJ", "GLDJ", "class")),
        F("CD", "长度", "Length", "float", role="length_km", unit="km", variants=("长度公里", "里程", "LC")),
    ),
    layer_names=("roads", "road", "道路", "公路", "交通", "LRDL", "GL"),
)

RIVERS = Theme(
    "rivers", "河流", "Rivers", "LineString",
    (
        F("HLMC", "河流名称", "River name", role="name", variants=("河名", "河流名", "NAME", "名称", "RVNM")),
        F("HLDM", "河流代码", "River code", role="code", variants=("河流编码", "HLBM", "RVCD")),
        F("HLDJ", "河流级别", "River order", role="type", values=v.RIVER_LEVELS,
          variants=("河流等级", "级别", "等级", "HLJB")),
        F("CD", "长度", "Length", "float", role="length_km", unit="km", variants=("河长", "长度公里", "HC")),
    ),
    layer_names=("rivers", "river", "河流", "水系", "河道", "HYDL", "HL"),
)

LAKES = Theme(
    "lakes", "湖库水面", "Lakes and reservoirs", "Polygon",
    (
        F("HKMC", "湖库名称", "Name", role="name", variants=("水库名称", "湖泊名称", "SKMC", "HPMC", "NAME", "名称")),
        F("ZKR", "总库容", "Total capacity", "float", role="capacity", unit="10⁴ m³",
          variants=("库容", "总库容万立方米", "KR")),
        F("GN", "主要功能", "Main use", role="use", variants=("功能", "水库功能", "ZYGN")),
        _area("MJ", "水面面积"),
    ),
    layer_names=("lakes", "reservoirs", "reservoir", "湖库", "水库", "湖泊", "水面", "HYDA", "SK"),
)

LANDUSE = Theme(
    "landuse", "土地利用现状（地类图斑）", "Land use (survey parcels)", "Polygon",
    (
        F("BSM", "标识码", "Feature id", role="id", variants=("标识码", "OBJECTID", "FID")),
        F("TBBH", "图斑编号", "Parcel number", role="parcel_no", variants=("图斑编号", "TBYBH", "图斑预编号")),
        F("DLBM", "地类编码", "Land class code", role="class_code", values=tuple(v.LANDUSE_CLASSES),
          variants=("地类编码", "地类代码", "DLDM", "TDLYLX")),
        F("DLMC", "地类名称", "Land class", role="class_name", variants=("地类名称", "地类")),
        F("QSDWMC", "权属单位名称", "Owner", role="owner", variants=("权属单位", "QSDW")),
        F("ZLDWMC", "坐落单位名称", "Located in", role="location", variants=("坐落单位", "ZLDW")),
        F("TBMJ", "图斑面积", "Parcel area", "float", role="area_m2", unit="m²", variants=("图斑面积", "MJ")),
    ),
    layer_names=("DLTB", "地类图斑", "landuse", "land_use", "土地利用", "土地利用现状", "三调", "国土调查",
                 "国土变更调查"),
)

# ----------------------------------------------------------------------------- protection

REDLINES = Theme(
    "redlines", "生态保护红线", "Ecological protection red line", "Polygon",
    (
        F("HXBM", "红线编码", "Red-line code", role="code",
          variants=("红线编号", "红线代码", "HXDM", "LHDM", "LHBM", "TBBM", "图斑编码")),
        F("HXMC", "红线名称", "Red-line name", role="name", variants=("红线命名", "HXMM", "名称", "MC", "NAME")),
        F("HXDL", "红线大类", "Red-line group", role="group", values=tuple(v.REDLINE_GROUPS.values()),
          variants=("大类", "红线类别", "LHDL")),
        F("HXLX", "红线类型", "Red-line type", role="type", values=tuple(v.REDLINE_TYPES.values()),
          variants=("LHLX", "类型", "主导功能", "ZDSTXTFWGN", "主导生态系统服务功能")),
        F("LXBM", "类型编码", "Type code", role="type_code", values=tuple(v.REDLINE_TYPES),
          variants=("类型代码", "LXDM", "HXLXBM", "HXLXDM")),
        _area("TBMJ", "图斑面积", extra=("红线面积", "HXMJ")),
        F("XZQDM", "行政区代码", "Admin code", role="admin_code", variants=_XZQDM_VARIANTS),
        F("BHDMC", "保护地名称", "Protected area", role="protected_area",
          variants=("自然保护地名称", "保护区名称", "BHQMC")),
        F("GKYQ", "管控要求", "Control requirements", role="rules", variants=("管控措施", "GKCS")),
    ),
    layer_names=("redlines", "redline", "red_line", "STBHHX", "生态保护红线", "生态红线", "红线", "LDSTBHHX",
                 "陆域生态保护红线", "ecological_redline"),
)

SUBSIDENCE = Theme(
    "subsidence", "采煤沉陷区", "Coal-mining subsidence", "Polygon",
    (
        F("BH", "编号", "ID", role="code", variants=("沉陷区编号", "CXQBH", "TBBH", "图斑编号", "ID")),
        F("MC", "名称", "Name", role="name", variants=("沉陷区名称", "CXQMC", "NAME")),
        _township(),
        F("CZMC", "所在村", "Village", role="village", variants=("村庄", "所在村庄", "村名", "CM")),
        F("MKMC", "煤矿名称", "Coal mine", role="mine_name",
          variants=("矿井名称", "煤矿", "矿山名称", "KJMC", "KSMC")),
        F("CKQR", "采矿权人", "Mining-right holder", role="holder", variants=("矿业权人", "采矿权人名称", "KYQR")),
        _area("CXMJ", "沉陷面积", extra=("塌陷面积", "TXMJ", "采空塌陷面积")),
        F("ZDXCSD", "最大下沉深度", "Max subsidence depth", "float", role="depth_max", unit="m",
          variants=("最大下沉", "最大沉陷深度", "最大塌陷深度", "最大下沉值", "ZDXC", "ZDCXSD", "ZDTXSD", "MAXDEPTH",
                    "max_depth", "depth_max")),
        F("PJXCSD", "平均下沉深度", "Mean subsidence depth", "float", role="depth_mean", unit="m",
          variants=("平均下沉", "平均沉陷深度", "平均塌陷深度", "PJXC", "PJCXSD", "MEANDEPTH", "mean_depth")),
        F("JSMJ", "积水面积", "Waterlogged area", "float", role="water_area_ha", unit="hm²",
          variants=("积水区面积", "水域面积")),
        F("SFCNJS", "是否常年积水", "Waterlogged all year", role="waterlogged", values=v.YES_NO,
          variants=("常年积水", "是否积水", "CNJS")),
        F("WDZT", "稳定状态", "Stability", role="stability", values=v.SUBSIDENCE_STABILITY,
          variants=("稳沉状态", "是否稳沉", "稳定性", "WCZT")),
        F("SHCD", "损毁程度", "Damage degree", role="damage", values=v.DAMAGE_DEGREES,
          variants=("破坏程度", "损毁等级", "PHCD", "SHDJ")),
        F("YXCZS", "影响村庄数", "Villages affected", "int", role="villages_affected",
          variants=("涉及村庄数", "影响村庄", "SJCZS")),
        F("YXHS", "影响户数", "Households affected", "int", role="households_affected",
          variants=("涉及户数", "影响农户数", "SJHS")),
        F("YXRK", "影响人口", "People affected", "int", role="people_affected",
          variants=("涉及人口", "影响人数", "SJRK")),
        F("SHGDMJ", "损毁耕地面积", "Damaged farmland", "float", role="farmland_damaged_ha", unit="hm²",
          variants=("损毁耕地", "破坏耕地面积", "GDMJ")),
        F("YJJBNTMJ", "永久基本农田面积", "Permanent basic farmland", "float", role="basic_farmland_ha",
          unit="hm²", variants=("基本农田面积", "JBNTMJ")),
        F("ZLZT", "治理状态", "Treatment status", role="status", values=v.SUBSIDENCE_TREATMENT,
          variants=("治理情况", "恢复治理情况", "ZLQK")),
        F("ZLMS", "治理模式", "Treatment mode", role="mode", variants=("治理方式", "ZLFS")),
        F("ZLXMBH", "治理项目编号", "Treatment project", role="project_code",
          variants=("项目编号", "关联项目编号", "XMBH")),
        F("TZ", "治理投资", "Investment", "float", role="investment", unit="万元", variants=("投资", "投资万元", "ZLTZ")),
    ),
    layer_names=("subsidence", "采煤沉陷", "沉陷区", "塌陷区", "采空塌陷", "采煤塌陷", "CMCXQ", "CXQ", "TXQ"),
)

GRAZING_ZONES = Theme(
    "grazing_zones", "禁牧休牧区", "Grazing ban and rest zones", "Polygon",
    (
        F("QYBH", "区域编号", "Zone ID", role="code", variants=("编号", "禁牧区编号", "BH", "JMQBH")),
        _township(),
        F("GKLX", "管控类型", "Control type", role="type", values=v.GRAZING_TYPES,
          variants=("禁牧类型", "类型", "JMLX", "管理类型")),
        F("QSRQ", "起始日期", "Start date", "date", role="start_date", variants=("开始日期", "起始时间", "KSRQ")),
        F("ZZRQ", "终止日期", "End date", "date", role="end_date", variants=("结束日期", "截止日期", "终止时间", "JSRQ")),
        F("XMKSR", "休牧开始(月-日)", "Rest from (MM-DD)", role="rest_start",
          variants=("休牧开始", "休牧起始", "休牧开始日期", "XMQSR")),
        F("XMJSR", "休牧结束(月-日)", "Rest until (MM-DD)", role="rest_end",
          variants=("休牧结束", "休牧终止", "休牧结束日期", "XMZZR")),
        F("HDZXL", "核定载畜量", "Approved stocking", "int", role="stocking", unit="羊单位",
          variants=("载畜量", "核定载畜量羊单位", "ZXL")),
        F("GHY", "管护员", "Ranger", role="ranger", variants=("管护人员", "草管员", "护林员")),
        F("BZBZ", "补助标准", "Subsidy rate", "float", role="subsidy", unit="元/亩·年",
          variants=("补助标准元亩", "补奖标准")),
        _area("MJ"),
    ),
    layer_names=("grazing_zones", "grazing", "禁牧", "休牧", "轮牧", "草畜平衡", "JMQ", "禁牧区"),
)

BREEDING_BAN_ZONES = Theme(
    "breeding_ban_zones", "畜禽养殖禁养区", "Livestock no-breeding zones", "Polygon",
    (
        F("BH", "编号", "ID", role="code", variants=("禁养区编号", "区域编号", "JYQBH")),
        F("MC", "名称", "Name", role="name", variants=("禁养区名称", "区域名称", "JYQMC", "NAME")),
        F("QYLX", "区域类型", "Zone type", role="zone_type", values=v.BREEDING_ZONE_TYPES,
          variants=("分区类型", "区划类型", "FQLX")),
        F("JYLB", "禁养类别", "Ban category", "int", role="category", values=tuple(v.BAN_ZONE_CATEGORIES),
          variants=("类别", "禁养区类别", "类别代码")),
        F("JYLX", "禁养区类型", "Kind", role="type", values=v.BREEDING_ZONE_KINDS,
          variants=("类型", "禁养类型", "划定类型")),
        F("HDYJ", "划定依据", "Legal basis", role="basis", variants=("依据", "法律依据")),
        _area("MJ", extra=("调整后面积",)),
        F("BZ", "备注", "Notes", role="notes", variants=("说明",)),
    ),
    layer_names=("breeding_ban_zones", "禁养区", "限养区", "畜禽养殖禁养", "禁养", "JYQ", "no_breeding"),
)

FARMS = Theme(
    "farms", "畜禽养殖场", "Livestock farms", "Point",
    (
        F("YZCMC", "养殖场名称", "Farm name", role="name",
          variants=("养殖场", "养殖场（户）名称", "养殖户名称", "名称", "YZCHMC", "NAME")),
        _township(),
        F("CZ", "畜种", "Species", role="species", values=v.LIVESTOCK, variants=("养殖品种", "养殖种类", "品种")),
        F("CLL", "存栏量", "Stock", "int", role="stock", unit="头/只",
          variants=("存栏", "存栏数", "存栏头数", "CLS")),
        F("SZJYQ", "所在禁养区编号", "Ban zone ID", role="zone_code",
          variants=("禁养区编号", "所在禁养区", "JYQBH")),
        F("CZFS", "处置方式", "Disposal", role="disposal", values=v.DISPOSAL,
          variants=("处置情况", "关闭搬迁情况", "整治方式")),
        F("CZRQ", "处置日期", "Disposal date", "date", role="disposal_date", variants=("关闭日期", "处置时间")),
        F("HCRQ", "核查日期", "Inspection date", "date", role="inspection_date", variants=("核查时间", "巡查日期")),
        F("SFFY", "是否复养", "Restocked", role="restocked", values=v.YES_NO, variants=("复养", "复养情况", "FY")),
    ),
    layer_names=("farms", "farm", "养殖场", "畜禽养殖", "养殖户", "YZC"),
)

# ----------------------------------------------------------------------------- water

_DMBM = F("DMBM", "断面编码", "Section code", role="section_code", nullable=False,
          variants=("断面代码", "断面编号", "DMDM", "DMBH", "section_code"))

#: The latest measured class, stored on the sections as county layers carry it; the water
#: panel recomputes it for the month the user picks (the style field).
WATER_CLASS_FIELD = "SZLB"

WATER_SECTIONS = Theme(
    "water_sections", "水质监测断面", "Water-quality sections", "Point",
    (
        _DMBM,
        F("DMMC", "断面名称", "Section name", role="name", variants=("断面", "点位名称", "section_name")),
        F("SZHL", "所在河流/湖库", "River or lake", role="river",
          variants=("所在河流", "所在水体", "河流名称", "所在湖库", "HLMC", "river")),
        F("STLX", "水体类型", "Water body type", role="water_body", values=v.WATER_BODY_TYPES,
          variants=("水体", "断面类型", "SZLX", "water_body")),
        F("DMJB", "断面级别", "Section level", role="level", values=v.SECTION_LEVELS,
          variants=("断面属性", "控制级别", "考核级别")),
        F("SZMB", "水质目标", "Target class", role="target_class", values=v.WATER_TARGETS,
          variants=("目标水质", "水质目标类别", "考核目标", "MBSZ", "target")),
        F(WATER_CLASS_FIELD, "水质类别", "Water class", role="water_class", values=v.WATER_CLASSES,
          variants=("水质", "类别", "评价类别", "SZJB", "class")),
    ),
    layer_names=("water_sections", "sections", "水质断面", "监测断面", "断面", "DM"),
)

WATER_MEASUREMENTS = Theme(
    "water_measurements", "水质监测数据", "Water-quality measurements", None,
    (
        _DMBM,
        F("JCNY", "监测年月", "Month", role="month", nullable=False,
          variants=("年月", "监测时间", "采样日期", "JCSJ", "NY", "month")),
        F("pH", "pH值", "pH", "float", role="ph", variants=("PH值", "酸碱度")),
        F("DO", "溶解氧", "Dissolved oxygen", "float", role="do", unit="mg/L", variants=("RJY",)),
        F("CODMn", "高锰酸盐指数", "Permanganate index", "float", role="codmn", unit="mg/L",
          variants=("高锰酸钾指数", "IMn", "CODMN", "GMSYZS")),
        F("COD", "化学需氧量", "COD", "float", role="cod", unit="mg/L", variants=("CODCr", "HXXYL")),
        F("BOD5", "五日生化需氧量", "BOD5", "float", role="bod5", unit="mg/L", variants=("BOD", "生化需氧量")),
        F("NH3N", "氨氮", "Ammonia nitrogen", "float", role="nh3n", unit="mg/L", variants=("NH3-N", "AD", "NH4N")),
        F("TP", "总磷", "Total phosphorus", "float", role="tp", unit="mg/L", variants=("ZL",)),
        F("TN", "总氮", "Total nitrogen", "float", role="tn", unit="mg/L", variants=("ZD",)),
    ),
    layer_names=("water_measurements", "measurements", "水质监测数据", "监测数据", "水质数据", "JCSJ"),
)

DRINKING_WATER_ZONES = Theme(
    "drinking_water_zones", "饮用水水源保护区", "Drinking-water source protection zones", "Polygon",
    (
        F("SYDMC", "水源地名称", "Water source", role="name", variants=("水源地", "水源名称", "SYMC", "NAME")),
        F("BHQJB", "保护区级别", "Zone level", role="level", values=v.DW_ZONE_LEVELS,
          variants=("保护区等级", "级别", "保护级别", "BHJB", "BHQDJ")),
        F("SYLX", "水源类型", "Source type", role="type", values=v.DW_SOURCE_TYPES,
          variants=("水源地类型", "类型", "SYDLX")),
        F("SZYQ", "水质要求", "Quality requirement", role="target_class", values=v.WATER_TARGETS,
          variants=("水质目标", "SZMB")),
        _area("MJ"),
    ),
    layer_names=("drinking_water_zones", "饮用水水源", "水源保护区", "水源地", "SYDBHQ", "YYSSY"),
)

# ----------------------------------------------------------------------------- mines

MINES = Theme(
    "mines", "矿山", "Mines", "Point",
    (
        F("KSMC", "矿山名称", "Mine name", role="name", variants=("矿山", "矿井名称", "矿区名称", "NAME", "名称")),
        F("XKZH", "采矿许可证号", "Licence number", role="code",
          variants=("许可证号", "采矿证号", "许可证编号", "CKXKZH")),
        F("KZ", "矿种", "Mineral", role="mineral", values=v.MINERALS, variants=("开采矿种", "主矿种", "KCKZ")),
        F("KCFS", "开采方式", "Mining method", role="method", values=v.MINING_METHODS, variants=("开采方法",)),
        F("KCZT", "开采状态", "Status", role="status", values=v.MINE_STATUS,
          variants=("生产状态", "矿山状态", "状态", "SCZT", "KSZT")),
        F("LSKS", "绿色矿山", "Green mine", role="green", values=v.GREEN_MINE_LEVELS,
          variants=("绿色矿山级别", "绿色矿山等级", "LSKSJB")),
        F("RXNF", "入选年份", "Year listed", "int", role="green_year", variants=("入选年度", "绿色矿山入选年份")),
        F("CKQR", "采矿权人", "Mining-right holder", role="holder", variants=("矿业权人", "KYQR", "企业名称")),
        F("SCGM", "生产规模", "Capacity", "float", role="capacity", unit="万吨/年",
          variants=("设计规模", "规模", "生产能力")),
        _township(),
    ),
    layer_names=("mines", "mine", "矿山", "矿井", "KS", "矿点"),
)

MINE_AREAS = Theme(
    "mine_areas", "矿区范围", "Mining licence areas", "Polygon",
    (
        F("XKZH", "采矿许可证号", "Licence number", role="code",
          variants=("许可证号", "采矿证号", "许可证编号", "CKXKZH")),
        F("KSMC", "矿山名称", "Mine name", role="name", variants=("矿山", "矿区名称", "NAME", "名称")),
        F("CKQR", "采矿权人", "Mining-right holder", role="holder", variants=("矿业权人", "KYQR")),
        F("KZ", "矿种", "Mineral", role="mineral", values=v.MINERALS, variants=("开采矿种", "主矿种")),
        _area("MJ", "矿区面积", extra=("KQMJ",)),
        F("YXQQ", "有效期起", "Valid from", "date", role="valid_from", variants=("有效期开始", "发证日期")),
        F("YXQZ", "有效期止", "Valid until", "date", role="valid_until", variants=("有效期截止", "有效期至")),
    ),
    layer_names=("mine_areas", "矿区范围", "采矿权", "矿业权", "KQFW", "CKQ"),
)

TAILINGS_PONDS = Theme(
    "tailings_ponds", "尾矿库", "Tailings ponds", "Point",
    (
        F("WKKMC", "尾矿库名称", "Name", role="name", variants=("尾矿库", "名称", "NAME")),
        F("SSQY", "所属企业", "Owner", role="owner", variants=("企业名称", "运营单位", "QYMC")),
        _township(),
        F("QKR", "全库容", "Total volume", "float", role="volume", unit="10⁴ m³",
          variants=("总库容", "库容", "设计库容", "ZKR")),
        F("BG", "坝高", "Dam height", "float", role="dam_height", unit="m", variants=("总坝高", "设计坝高", "ZBG")),
        F("DB", "等别", "Design class", role="grade", values=v.TAILINGS_GRADES, variants=("等级", "库等别")),
        F("AQD", "安全度", "Safety grade", role="safety", values=v.TAILINGS_SAFETY,
          variants=("安全等级", "安全状况", "AQDJ")),
        F("SFTDK", "是否头顶库", "Overhead pond", role="overhead", values=v.YES_NO, variants=("头顶库", "TDK")),
        F("YXZT", "运行状态", "Operation", role="status", values=v.TAILINGS_RUNNING,
          variants=("运行情况", "使用状态", "状态")),
    ),
    layer_names=("tailings_ponds", "tailings", "尾矿库", "WKK"),
)

RESTORATION_PROJECTS = Theme(
    "restoration_projects", "生态修复项目", "Restoration projects", "Polygon",
    (
        F("XMBH", "项目编号", "Project ID", role="code", nullable=False, variants=("项目代码", "编号", "XMDM")),
        F("XMMC", "项目名称", "Project name", role="name", variants=("项目", "名称", "NAME")),
        F("XMLX", "项目类型", "Project type", role="type", values=v.PROJECT_TYPES, variants=("类型", "项目类别")),
        _township(),
        _area("XFMJ", "修复面积", extra=("治理面积", "ZLMJ")),
        F("JHTZ", "计划投资", "Planned investment", "float", role="investment_planned", unit="万元",
          variants=("总投资", "计划总投资", "ZTZ")),
        F("LJWCTZ", "累计完成投资", "Investment to date", "float", role="investment_done", unit="万元",
          variants=("完成投资", "累计投资", "WCTZ")),
        F("ZJLY", "资金来源", "Funding", role="funding", variants=("资金渠道",)),
        F("ZRDW", "责任单位", "Responsible unit", role="responsible", variants=("主管单位", "牵头单位")),
        F("SSDW", "实施单位", "Implementing unit", role="implementer", variants=("施工单位", "建设单位")),
        F("JHKGRQ", "计划开工日期", "Planned start", "date", role="planned_start", variants=("计划开工",)),
        F("SJKGRQ", "实际开工日期", "Actual start", "date", role="actual_start", variants=("开工日期", "实际开工")),
        F("JHWGRQ", "计划完工日期", "Planned completion", "date", role="planned_end", variants=("计划完工",)),
        F("SJWGRQ", "实际完工日期", "Actual completion", "date", role="actual_end",
          variants=("完工日期", "竣工日期", "实际完工")),
        F("WCJD", "进度", "Progress", "float", role="progress", unit="%", variants=("形象进度", "完成进度", "进度百分比")),
        F("XMJD", "阶段", "Stage", role="stage", values=lc.RESTORATION_STAGES + lc.RESTORATION_SIDE_STAGES,
          variants=("项目阶段", "项目状态", "状态", "建设状态", "JSZT")),
        F("XFFS", "修复方式", "Restoration mode", role="mode", values=v.RESTORATION_MODES,
          variants=("修复模式", "治理方式")),
        F("YSRQ", "验收日期", "Acceptance date", "date", role="acceptance_date", variants=("验收时间",)),
        _version(),
    ),
    layer_names=("restoration_projects", "restoration", "修复项目", "生态修复", "治理项目", "XFXM"),
)

RESTORATION_HISTORY = Theme(
    "restoration_history", "修复项目阶段记录", "Restoration stage history", None,
    (
        F("XMBH", "项目编号", "Project ID", role="project_code", nullable=False, variants=("项目代码", "XMDM")),
        F("RQ", "日期", "Date", "date", role="date", nullable=False, variants=("变更日期", "时间", "BGRQ")),
        F("YJD", "原阶段", "From stage", role="from_stage", variants=("原状态", "变更前阶段")),
        F("XJD", "新阶段", "To stage", role="to_stage", nullable=False, variants=("新状态", "变更后阶段")),
        F("SM", "说明", "Note", role="note", variants=("备注", "变更说明")),
    ),
    layer_names=("restoration_history", "阶段记录", "状态记录", "stage_history"),
)

RECTIFICATION_ITEMS = Theme(
    "rectification_items", "督察整改问题", "Inspection rectification items", "Point",
    (
        F("XH", "序号", "No.", "int", role="serial", variants=("编号序号",)),
        F("WTLY", "问题来源", "Source", role="source", variants=("来源", "交办批次", "督察批次")),
        F("WTBH", "问题编号", "Issue ID", role="code", variants=("问题序号", "交办编号", "编号")),
        F("WTMS", "问题描述", "Issue", role="name", variants=("问题", "主要问题", "问题内容")),
        _township(),
        F("WTLB", "问题类别", "Category", role="category", values=v.ISSUE_CATEGORIES, variants=("类别", "问题类型")),
        F("ZRDW", "责任单位", "Responsible unit", role="responsible", variants=("牵头单位", "责任部门")),
        F("ZRR", "责任人", "Responsible person", role="person", variants=("责任领导",)),
        F("ZGSX", "整改时限", "Deadline", "date", role="deadline", variants=("完成时限", "整改期限", "时限")),
        F("ZT", "状态", "Status", role="status",
          values=lc.RECTIFICATION_STATUSES + lc.RECTIFICATION_SIDE_STATUSES,
          variants=("整改状态", "整改情况", "进展状态", "ZGZT")),
        F("JZSM", "进展说明", "Progress note", role="note", variants=("整改进展", "进展情况")),
        F("WCL", "完成率", "Completion", "float", role="progress", unit="%", variants=("完成比例", "完成进度")),
        F("XHRQ", "销号日期", "Closed on", "date", role="closed_date", variants=("销号时间",)),
        F("GLXMBH", "关联项目编号", "Linked project", role="project_code", variants=("项目编号", "关联项目")),
        _version(),
    ),
    layer_names=("rectification_items", "rectification", "督察整改", "整改问题", "整改台账", "DCZG"),
)

THEME_LIST: tuple[Theme, ...] = (
    COUNTY, TOWNSHIPS, VILLAGES, ROADS, RIVERS, LAKES, LANDUSE,
    REDLINES, SUBSIDENCE, GRAZING_ZONES, BREEDING_BAN_ZONES, FARMS,
    WATER_SECTIONS, WATER_MEASUREMENTS, DRINKING_WATER_ZONES,
    MINES, MINE_AREAS, TAILINGS_PONDS, RESTORATION_PROJECTS, RESTORATION_HISTORY, RECTIFICATION_ITEMS,
)
