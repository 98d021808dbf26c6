<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>EcoMap</name>
    <message>
      <location filename="ecomap/io/parcel_txt_writer.py" line="94" />
      <source>'{text}' cannot be written in {encoding}; choose UTF-8</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/expression.py" line="288" />
      <source>'{text}' is not a number</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/coords.py" line="63" />
      <source>'{text}' is not a number or degrees-minutes-seconds</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/registry.py" line="98" />
      <source>(no extension)</source>
      <translation>（无扩展名）</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_water_report.py" line="28" />
      <source>--out FILE.csv or FILE.xlsx is required unless --json is given</source>
      <translation>未指定 --json 时必须用 --out 指定 .csv 或 .xlsx 输出文件</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="524" />
      <source>; the stated area looks like mu (亩), not hectares</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="521" />
      <source>; the stated area looks like square metres, not hectares</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/tree_commands.py" line="84" />
      <source>Add {names}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/registry.py" line="68" />
      <source>All supported data</source>
      <translation>所有支持的数据</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="122" />
      <source>Area</source>
      <translation>面积</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="77" />
      <source>Area difference (%)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="68" />
      <source>Boundary points</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="336" />
      <source>CAD layer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="115" />
      <source>CRS</source>
      <translation>坐标系</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="76" />
      <source>Computed area (hm²)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt_writer.py" line="85" />
      <source>EPSG:{epsg} is not a Chinese Gauss-Krüger coordinate system</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/cli/main.py" line="43" />
      <source>EcoMap: desktop GIS for ecological protection and mine restoration (headless commands)</source>
      <translation>EcoMap 生态一张图：生态保护与矿山修复桌面 GIS（命令行）</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="117" />
      <source>Encoding</source>
      <translation>编码</translation>
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="337" />
      <source>Entity handle</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="336" />
      <source>Entity type</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/domain/water_quality.py" line="135" />
      <source>Excellent</source>
      <translation>优</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="116" />
      <source>Extent</source>
      <translation>范围</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="114" />
      <source>Features</source>
      <translation>要素数</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="126" />
      <source>Fields</source>
      <translation>字段</translation>
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="188" />
      <source>GDAL cannot read this file ({detail})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="113" />
      <source>Geometry</source>
      <translation>几何类型</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="72" />
      <source>Geometry type</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/domain/water_quality.py" line="136" />
      <source>Good</source>
      <translation>良好</translation>
    </message>
    <message>
      <location filename="ecomap/core/tree_commands.py" line="134" />
      <source>Group {name}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/domain/water_quality.py" line="139" />
      <source>Heavily polluted</source>
      <translation>重度污染</translation>
    </message>
    <message>
      <location filename="ecomap/core/tree_commands.py" line="21" />
      <source>Hide {name}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="118" />
      <source>Invalid geometries</source>
      <translation>无效几何</translation>
    </message>
    <message>
      <location filename="ecomap/io/ogr.py" line="85" />
      <source>JSON syntax error at line {line}, column {col}: {msg}</source>
      <translation>JSON 语法错误：第 {line} 行第 {col} 列：{msg}</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="75" />
      <source>Land class code</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="74" />
      <source>Land use</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="112" />
      <source>Layer</source>
      <translation>图层</translation>
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="337" />
      <source>Line type</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="73" />
      <source>Map sheet</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/domain/water_quality.py" line="138" />
      <source>Moderately polluted</source>
      <translation>中度污染</translation>
    </message>
    <message>
      <location filename="ecomap/core/tree_commands.py" line="119" />
      <source>Move {name}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="142" />
      <source>No data</source>
      <translation>无数据值</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="144" />
      <source>Note</source>
      <translation>提示</translation>
    </message>
    <message>
      <location filename="ecomap/core/tree_commands.py" line="35" />
      <source>Opacity of {name}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="70" />
      <source>Parcel ID</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="71" />
      <source>Parcel name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="139" />
      <source>Raster</source>
      <translation>栅格</translation>
    </message>
    <message>
      <location filename="ecomap/core/tree_commands.py" line="102" />
      <source>Remove {names}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/tree_commands.py" line="56" />
      <source>Rename {old} to {new}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/tree_commands.py" line="20" />
      <source>Show {name}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/domain/water_quality.py" line="137" />
      <source>Slightly polluted</source>
      <translation>轻度污染</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="69" />
      <source>Stated area (hm²)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/tree_commands.py" line="68" />
      <source>Style of {name}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="336" />
      <source>Text</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/kml.py" line="233" />
      <source>Unnamed folder</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/cli/cmd_water_report.py" line="38" />
      <source>Wrote {path}: {month}, {assessed} of {total} sections assessed</source>
      <translation>已写入 {path}：{month}，共 {total} 个断面，参评 {assessed} 个</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="119" />
      <source>X holds the easting and Y the northing, the reverse of the format; the columns were swapped</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/style.py" line="263" />
      <source>a style must be a JSON object with a 'type'</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/style.py" line="75" />
      <source>a symbol must be a JSON object</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="109" />
      <source>assumed EPSG:{epsg} {name}</source>
      <translation>推断为 EPSG:{epsg} {name}（待确认）</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="139" />
      <source>bands</source>
      <translation>个波段</translation>
    </message>
    <message>
      <location filename="ecomap/cli/main.py" line="72" />
      <source>cancelled</source>
      <translation>已取消</translation>
    </message>
    <message>
      <location filename="ecomap/core/expression.py" line="307" />
      <source>cannot compare text with a number; put numbers without quotes and text in 'single quotes'</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/text_encoding.py" line="56" />
      <source>cannot decode the text as UTF-8, GBK or GB18030 (byte {offset})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/domain/water_report.py" line="377" />
      <source>cannot open the file as a GeoPackage ({detail})</source>
      <translation>无法作为 GeoPackage 打开该文件（{detail}）</translation>
    </message>
    <message>
      <location filename="ecomap/io/text_encoding.py" line="65" />
      <source>cannot read the file: {reason}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/domain/water_report.py" line="351" />
      <source>cannot read the project file ({detail})</source>
      <translation>无法读取工程文件（{detail}）</translation>
    </message>
    <message>
      <location filename="ecomap/io/raster.py" line="37" />
      <source>cannot read the raster ({detail})</source>
      <translation>无法读取栅格（{detail}）</translation>
    </message>
    <message>
      <location filename="ecomap/io/registry.py" line="84" />
      <source>cannot read this file ({detail})</source>
      <translation>无法读取此文件（{detail}）</translation>
    </message>
    <message>
      <location filename="ecomap/core/expression.py" line="56" />
      <source>cannot understand the expression at character {pos}: '{text}'</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/kml_writer.py" line="305" />
      <source>cannot write the file ({detail})</source>
      <translation>无法写入文件（{detail}）</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt_writer.py" line="101" />
      <source>cannot write the file: {reason}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/csv_points.py" line="240" />
      <source>column {x} holds latitudes and {y} longitudes; they were swapped</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/csv_points.py" line="243" />
      <source>column {x} holds the northing and {y} the easting (Chinese survey convention); they were swapped</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/csv_points.py" line="246" />
      <source>columns {x}/{y} hold longitude/latitude; a CSV declares no coordinate system, assuming CGCS2000 (EPSG:4490)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/crs_detect.py" line="98" />
      <source>coordinates lie in China's longitude/latitude range</source>
      <translation>坐标位于中国经纬度范围内</translation>
    </message>
    <message>
      <location filename="ecomap/io/crs_detect.py" line="91" />
      <source>eastings carry Gauss-Krüger zone {zone} in front</source>
      <translation>横坐标前带有高斯-克吕格带号 {zone}</translation>
    </message>
    <message>
      <location filename="ecomap/core/expression.py" line="114" />
      <source>end of expression</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/expression.py" line="108" />
      <source>expected '{what}'</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/expression.py" line="175" />
      <source>expected IN, LIKE or BETWEEN after NOT</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/expression.py" line="210" />
      <source>expected a field name, a number or a 'text'</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/expression.py" line="220" />
      <source>expected a number or a 'text' in the list</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/domain/water_report.py" line="403" />
      <source>file not found</source>
      <translation>文件不存在</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="117" />
      <source>guessed</source>
      <translation>推测</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="122" />
      <source>ha</source>
      <translation>公顷</translation>
    </message>
    <message>
      <location filename="ecomap/domain/water_report.py" line="99" />
      <source>invalid month "{month}": expected YYYY-MM, e.g. 2024-06</source>
      <translation>月份“{month}”格式不正确：应为 YYYY-MM，例如 2024-06</translation>
    </message>
    <message>
      <location filename="ecomap/core/style.py" line="119" />
      <source>labels need a 'field'</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/crs_detect.py" line="101" />
      <source>latitude and longitude are swapped</source>
      <translation>经度与纬度顺序颠倒</translation>
    </message>
    <message>
      <location filename="ecomap/io/kml.py" line="351" />
      <source>latitude and longitude were swapped in the file; EcoMap exchanged them</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/kml_writer.py" line="142" />
      <source>layer '{layer}' has no field '{field}'</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/kml_writer.py" line="144" />
      <source>layer '{name}' has no coordinate system; it cannot be written to KML</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="246" />
      <source>line {line}: X and Y must be numbers, found '{x}', '{y}'</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="232" />
      <source>line {line}: a point comes before any parcel line (ending in @)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="230" />
      <source>line {line}: expected 点号,圈号,X,Y</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="185" />
      <source>line {line}: not a key=value line; ignored</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="187" />
      <source>line {line}: not a land-parcel coordinate file (expected a section such as [属性描述])</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="487" />
      <source>line {line}: parcel '{parcel}' has no points; it is kept without geometry</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="479" />
      <source>line {line}: parcel '{parcel}' states {stated} boundary points but has {n}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="507" />
      <source>line {line}: parcel '{parcel}' states {stated} hm² but its boundary encloses {computed:.4f} hm² ({diff:+.2f} %)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="399" />
      <source>line {line}: ring {ring} of parcel '{parcel}' has {n} distinct points; a {kind} needs at least {minimum}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="205" />
      <source>line {line}: the number of boundary points (界址点数) '{value}' is not a number</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="210" />
      <source>line {line}: the parcel area (地块面积) '{value}' is not a number</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="239" />
      <source>line {line}: the ring number (圈号) '{value}' is not an integer; expected 点号,圈号,X,Y</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="214" />
      <source>line {line}: unknown geometry type '{value}'; read as a polygon</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="148" />
      <source>lines</source>
      <translation>线</translation>
    </message>
    <message>
      <location filename="ecomap/core/coords.py" line="94" />
      <source>longitude must be within ±180° and latitude within ±90°</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="149" />
      <source>mixed geometry types</source>
      <translation>混合几何类型</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="302" />
      <source>mixed zone numbers in the eastings</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="122" />
      <source>mu</source>
      <translation>亩</translation>
    </message>
    <message>
      <location filename="ecomap/domain/water_report.py" line="327" />
      <source>no assessable values in {month}; excluded from the shares</source>
      <translation>{month} 无有效监测值，不参与比例统计</translation>
    </message>
    <message>
      <location filename="ecomap/io/csv_points.py" line="70" />
      <source>no coordinate columns found (expected X/Y, 经度/纬度, lon/lat, E/N …); columns: {columns}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/expression.py" line="263" />
      <source>no field named '{name}'</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/project.py" line="198" />
      <source>no layer named '{name}'</source>
      <translation>没有名为“{name}”的图层</translation>
    </message>
    <message>
      <location filename="ecomap/domain/water_report.py" line="317" />
      <source>no measurement in {month}; excluded from the shares</source>
      <translation>{month} 无监测数据，不参与比例统计</translation>
    </message>
    <message>
      <location filename="ecomap/domain/water_report.py" line="291" />
      <source>no measurements for {month}; months present: {first} to {last}</source>
      <translation>{month} 没有监测数据；现有月份：{first} 至 {last}</translation>
    </message>
    <message>
      <location filename="ecomap/core/project.py" line="139" />
      <source>no permission to read this file</source>
      <translation>没有读取此文件的权限</translation>
    </message>
    <message>
      <location filename="ecomap/io/registry.py" line="114" />
      <source>no permission to read this folder</source>
      <translation>没有读取此文件夹的权限</translation>
    </message>
    <message>
      <location filename="ecomap/io/csv_points.py" line="234" />
      <source>no row has readable coordinates</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/project.py" line="137" />
      <source>no such file or folder</source>
      <translation>文件或文件夹不存在</translation>
    </message>
    <message>
      <location filename="ecomap/domain/water_report.py" line="330" />
      <source>no valid water-quality target; excluded from the compliance rate</source>
      <translation>无有效水质目标，不参与达标率统计</translation>
    </message>
    <message>
      <location filename="ecomap/domain/water_report.py" line="425" />
      <source>no water measurements table found (expected "{layer}" with fields DMBM, JCNY and parameter values)</source>
      <translation>未找到水质监测表（应为“{layer}”，含 DMBM、JCNY 字段及各项指标值）</translation>
    </message>
    <message>
      <location filename="ecomap/domain/water_report.py" line="422" />
      <source>no water sections layer found (expected "{layer}" with fields DMBM and SZMB)</source>
      <translation>未找到水质断面图层（应为“{layer}”，含 DMBM 和 SZMB 字段）</translation>
    </message>
    <message>
      <location filename="ecomap/io/crs_detect.py" line="95" />
      <source>northing and easting are swapped; eastings carry zone {zone}</source>
      <translation>纵横坐标顺序颠倒；横坐标带有带号 {zone}</translation>
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="315" />
      <source>northing and easting were swapped in the file; EcoMap exchanged them</source>
      <translation>文件中纵横坐标顺序颠倒，EcoMap 已自动交换</translation>
    </message>
    <message>
      <location filename="ecomap/io/ogr.py" line="39" />
      <source>not a GeoPackage: the file is not an SQLite database</source>
      <translation>不是 GeoPackage：该文件不是 SQLite 数据库</translation>
    </message>
    <message>
      <location filename="ecomap/core/style.py" line="37" />
      <source>not a colour: '{text}' (expected #rrggbb or #rrggbbaa)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="190" />
      <source>not a land-parcel coordinate file: there is no [地块坐标] section</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/raster.py" line="36" />
      <source>not a raster image that GDAL can read</source>
      <translation>不是可读取的栅格影像</translation>
    </message>
    <message>
      <location filename="ecomap/core/project.py" line="148" />
      <source>not an EcoMap project file</source>
      <translation>不是 EcoMap 项目文件</translation>
    </message>
    <message>
      <location filename="ecomap/io/ogr.py" line="68" />
      <source>not valid GeoJSON ({detail})</source>
      <translation>不是有效的 GeoJSON（{detail}）</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="142" />
      <source>overviews</source>
      <translation>金字塔</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="148" />
      <source>points</source>
      <translation>点</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="148" />
      <source>polygons</source>
      <translation>面</translation>
    </message>
    <message>
      <location filename="ecomap/io/csv_points.py" line="90" />
      <source>rows with missing or unreadable coordinates, kept without geometry: {n} (rows {rows}{more})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="310" />
      <source>some entities lie far from the rest of the drawing and were ignored when inferring the coordinate system</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/style.py" line="88" />
      <source>stroke_unit must be 'mm' or 'px'</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="150" />
      <source>table (no geometry)</source>
      <translation>属性表（无几何）</translation>
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="89" />
      <source>the DXF drawing contains no features EcoMap can read</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="186" />
      <source>the DXF drawing is damaged near line {line}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/ogr.py" line="70" />
      <source>the GeoPackage is damaged or truncated ({detail})</source>
      <translation>GeoPackage 已损坏或不完整（{detail}）</translation>
    </message>
    <message>
      <location filename="ecomap/io/ogr.py" line="44" />
      <source>the GeoPackage is truncated: {have:,} of {want:,} bytes are present</source>
      <translation>GeoPackage 文件不完整：应有 {want:,} 字节，实际只有 {have:,} 字节</translation>
    </message>
    <message>
      <location filename="ecomap/domain/water_report.py" line="417" />
      <source>the GeoPackages of the project are missing: {paths}</source>
      <translation>工程引用的 GeoPackage 文件不存在：{paths}</translation>
    </message>
    <message>
      <location filename="ecomap/io/kml.py" line="139" />
      <source>the KML document declares an unknown encoding '{encoding}'</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/kml.py" line="74" />
      <source>the KML document is larger than {limit} MB; EcoMap refuses it</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/kml.py" line="132" />
      <source>the KML document is not valid {encoding}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/kml.py" line="154" />
      <source>the KML document is not valid {encoding}, UTF-8 or GB18030</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/kml.py" line="265" />
      <source>the KML file contains no features (placemarks)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/kml.py" line="96" />
      <source>the KMZ archive contains an unsafe file name ({name}); EcoMap refuses it</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/kml.py" line="100" />
      <source>the KMZ archive contains no KML document</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/kml.py" line="116" />
      <source>the KMZ archive is damaged ({detail})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/kml.py" line="77" />
      <source>the KMZ file is not a valid ZIP archive</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/ogr.py" line="72" />
      <source>the Shapefile is damaged ({detail})</source>
      <translation>Shapefile 已损坏（{detail}）</translation>
    </message>
    <message>
      <location filename="ecomap/io/ogr.py" line="29" />
      <source>the Shapefile's companion file {name} is missing; copy all files of the Shapefile (.shp, .shx, .dbf, .prj, .cpg) together</source>
      <translation>缺少 Shapefile 的配套文件 {name}；请将 Shapefile 的全部文件（.shp、.shx、.dbf、.prj、.cpg）一起复制</translation>
    </message>
    <message>
      <location filename="ecomap/io/kml.py" line="199" />
      <source>the XML declares entities, which EcoMap refuses for safety</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="192" />
      <source>the [地块坐标] section holds no parcels</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="284" />
      <source>the coordinate system (坐标系) '{text}' is missing or not recognised; assuming CGCS2000</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="499" />
      <source>the coordinate system is unknown: computed areas are planar</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="291" />
      <source>the coordinates are latitude and longitude</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/crs_detect.py" line="102" />
      <source>the coordinates do not identify a Chinese coordinate system</source>
      <translation>无法根据坐标判断所用的中国坐标系</translation>
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="320" />
      <source>the drawing has no coordinate system and none could be inferred ({reason})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="305" />
      <source>the easting prefix {zone} is not a Gauss-Krüger zone in China</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="327" />
      <source>the eastings are neither zone-prefixed nor within one zone (0–1 000 000 m)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="300" />
      <source>the eastings carry different zone numbers ({zones}); using zone {zone}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/expression.py" line="120" />
      <source>the expression is empty</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/ogr.py" line="106" />
      <source>the file contains no layers</source>
      <translation>文件中没有图层</translation>
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="317" />
      <source>the file declares no coordinate system; assumed EPSG:{epsg} because {reason}</source>
      <translation>文件未声明坐标系；推断为 EPSG:{epsg}，依据：{reason}</translation>
    </message>
    <message>
      <location filename="ecomap/io/crs_detect.py" line="116" />
      <source>the file declares {name}, but its coordinates are not longitude/latitude</source>
      <translation>文件声明为 {name}，但坐标并非经纬度</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="365" />
      <source>the file gives datum transformation parameters ({params}); they are kept in the metadata, not applied</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="288" />
      <source>the file holds no coordinates</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/csv_points.py" line="168" />
      <source>the file holds no table</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/registry.py" line="86" />
      <source>the file is empty (0 bytes)</source>
      <translation>文件为空（0 字节）</translation>
    </message>
    <message>
      <location filename="ecomap/io/kml.py" line="201" />
      <source>the file is not valid XML ({detail})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/registry.py" line="118" />
      <source>the folder contains no data files EcoMap can read</source>
      <translation>文件夹中没有 EcoMap 可读取的数据文件</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="325" />
      <source>the header gives no zone (带号) and the eastings carry no zone prefix</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="310" />
      <source>the header says zone (带号) {header} but the eastings carry zone {zone}; using zone {zone}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="318" />
      <source>the header says {header}° zones but zone {zone} is a {width}° zone; using {width}°</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt_writer.py" line="79" />
      <source>the layer has no coordinate system; cannot write a parcel TXT</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/water_report_files.py" line="76" />
      <source>the output folder does not exist</source>
      <translation>输出文件夹不存在</translation>
    </message>
    <message>
      <location filename="ecomap/core/project.py" line="145" />
      <source>the project file is damaged (line {line}: {msg})</source>
      <translation>项目文件已损坏（第 {line} 行：{msg}）</translation>
    </message>
    <message>
      <location filename="ecomap/domain/water_report.py" line="407" />
      <source>the project has no GeoPackage layer with water-quality sections and measurements</source>
      <translation>工程中没有包含水质断面和监测数据的 GeoPackage 图层</translation>
    </message>
    <message>
      <location filename="ecomap/core/project.py" line="111" />
      <source>the project was saved by a newer EcoMap (format {version})</source>
      <translation>该项目由更新版本的 EcoMap 保存（格式 {version}）</translation>
    </message>
    <message>
      <location filename="ecomap/core/coords.py" line="113" />
      <source>the scale must be a positive number</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/csv_points.py" line="172" />
      <source>the table has a header but no rows</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/csv_points.py" line="166" />
      <source>the table is malformed: {reason}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/text_encoding.py" line="40" />
      <source>the text is not valid {encoding} (byte {offset})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/domain/water_report.py" line="214" />
      <source>the water measurements table has no water-quality parameter fields (pH, DO, CODMn, …)</source>
      <translation>水质监测表中没有水质指标字段（pH、溶解氧、高锰酸盐指数等）</translation>
    </message>
    <message>
      <location filename="ecomap/domain/water_report.py" line="209" />
      <source>the water measurements table has no {field} field</source>
      <translation>水质监测表中没有 {field} 字段</translation>
    </message>
    <message>
      <location filename="ecomap/domain/water_report.py" line="287" />
      <source>the water measurements table is empty</source>
      <translation>水质监测表为空</translation>
    </message>
    <message>
      <location filename="ecomap/domain/water_report.py" line="191" />
      <source>the water sections table has no {field} field</source>
      <translation>水质断面表中没有 {field} 字段</translation>
    </message>
    <message>
      <location filename="ecomap/io/kml_writer.py" line="152" />
      <source>there are no layers to write</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/text_encoding.py" line="43" />
      <source>this is a binary file, not text</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="183" />
      <source>this is not a DXF drawing GDAL can read</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/coords.py" line="83" />
      <source>type two values separated by a comma, e.g. 116.404, 39.915</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/cli/main.py" line="77" />
      <source>unexpected problem ({detail}); set ECOMAP_DEBUG=1 for details</source>
      <translation>意外错误（{detail}）；设置 ECOMAP_DEBUG=1 可查看详情</translation>
    </message>
    <message>
      <location filename="ecomap/core/expression.py" line="123" />
      <source>unexpected text</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="110" />
      <source>unknown</source>
      <translation>未知</translation>
    </message>
    <message>
      <location filename="ecomap/core/style.py" line="274" />
      <source>unknown classification method '{name}'</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt_writer.py" line="97" />
      <source>unknown encoding {encoding}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/registry.py" line="97" />
      <source>unknown file type '{ext}'; EcoMap reads {formats}</source>
      <translation>未知的文件类型“{ext}”；EcoMap 可读取：{formats}</translation>
    </message>
    <message>
      <location filename="ecomap/core/style.py" line="84" />
      <source>unknown hatch '{name}'</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/style.py" line="86" />
      <source>unknown marker '{name}'</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/style.py" line="282" />
      <source>unknown raster mode '{name}'</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/style.py" line="288" />
      <source>unknown style type '{name}'</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/water_report_files.py" line="141" />
      <source>unsupported output format "{suffix}"; use .csv or .xlsx</source>
      <translation>不支持的输出格式“{suffix}”，请使用 .csv 或 .xlsx</translation>
    </message>
    <message>
      <location filename="ecomap/core/coords.py" line="104" />
      <source>write the scale as 1:N, e.g. 1:50000</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="87" />
      <source>{count} DXF entities without geometry were left out</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/kml.py" line="509" />
      <source>{count} KML geometries had too few coordinates and were left out</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/kml.py" line="512" />
      <source>{count} KML geometries had unreadable coordinates and were left out</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/kml.py" line="268" />
      <source>{count} overlays and network links in the KML were not loaded</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="196" />
      <source>{count} paper-space entities (layout sheets) were left out</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/expression.py" line="115" />
      <source>{message} at character {pos} (near '{near}')</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="329" />
      <source>{name} lines</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="330" />
      <source>{name} points</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="328" />
      <source>{name} polygons</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="331" />
      <source>{name} text</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="512" />
      <source>… and {n} more parcels whose stated area differs by more than 1 %</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="483" />
      <source>… and {n} more parcels with a different number of boundary points</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="315" />
      <source>几度分带 is missing; {width}° zones assumed from zone {zone}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="308" />
      <source>带号 is missing; zone {zone} taken from the easting prefix</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="357" />
      <source>带号 {value} read as the central meridian {value}°E: {width}° zone {zone}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="359" />
      <source>带号 {zone} is not a Gauss-Krüger zone in China</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
