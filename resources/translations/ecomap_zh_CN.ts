<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>EcoMap</name>
    <message>
      <location filename="ecomap/io/parcel_txt_writer.py" line="115" />
      <source>'{text}' cannot be written in {encoding}; choose UTF-8</source>
      <translation>“{text}”无法用 {encoding} 编码写出；请选择 UTF-8</translation>
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
      <location filename="ecomap/core/layout/output.py" line="204" />
      <source>(no extension)</source>
      <translation>（无扩展名）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/legend.py" line="122" />
      <source>(other values)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/cli/cmd_water_report.py" line="28" />
      <source>--out FILE.csv or FILE.xlsx is required unless --json is given</source>
      <translation>未指定 --json 时必须用 --out 指定 .csv 或 .xlsx 输出文件</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_render.py" line="47" />
      <source>--size must look like 1920x1080, not '{text}'</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/crs_dialog.py" line="67" />
      <source>3° zone for longitude {lon:.1f}° (to project the data)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="766" />
      <source>; the stated area looks like mu (亩), not hectares</source>
      <translation>；所填面积似乎以亩而非公顷为单位</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="763" />
      <source>; the stated area looks like square metres, not hectares</source>
      <translation>；所填面积似乎以平方米而非公顷为单位</translation>
    </message>
    <message>
      <location filename="ecomap/gui/bookmarks_panel.py" line="24" />
      <source>Add current view</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/layer_tree_view.py" line="375" />
      <source>Add group {name}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/layer_tree_view.py" line="432" />
      <source>Add group…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/expression_dialog.py" line="53" />
      <source>Add to selection</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/tree_commands.py" line="84" />
      <source>Add {names}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="111" />
      <source>Alias</source>
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
      <location filename="ecomap/io/parcel_txt.py" line="116" />
      <source>Area difference (%)</source>
      <translation>面积差异（%）</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/templates.py" line="109" />
      <source>Atlas {page}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/raster_style_widget.py" line="37" />
      <source>Band</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/raster_style_widget.py" line="47" />
      <source>Bands</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/layout/text.py" line="99" />
      <source>Beijing 1954 Coordinate System</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/bookmarks_panel.py" line="55" />
      <source>Bookmark {n}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="107" />
      <source>Boundary points</source>
      <translation>界址点数</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/templates.py" line="172" />
      <source>Briefing map</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/layout/templates.py" line="39" />
      <source>Briefing map {page}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="369" />
      <source>CAD layer</source>
      <translation>CAD 图层</translation>
    </message>
    <message>
      <location filename="ecomap/gui/crs_dialog.py" line="78" />
      <source>CGCS2000 3° zone {zone} (central meridian {cm}°E), eastings without zone number</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/crs_dialog.py" line="81" />
      <source>CGCS2000 longitude/latitude</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="115" />
      <source>CRS</source>
      <translation>坐标系</translation>
    </message>
    <message>
      <location filename="ecomap/gui/attribute_table.py" line="156" />
      <source>Cancel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/style_dialog.py" line="27" />
      <source>Categorized (by value)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="74" />
      <source>Change encoding…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="79" />
      <source>Check</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/layout/text.py" line="97" />
      <source>China Geodetic Coordinate System 2000</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="72" />
      <source>Choose colour</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/encoding_dialog.py" line="49" />
      <source>Choose the encoding in which the Chinese text below reads correctly.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/goto_dialog.py" line="72" />
      <source>Choose…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="37" />
      <source>Circle</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/class_style_widgets.py" line="186" />
      <source>Classes</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/class_style_widgets.py" line="82" />
      <source>Classify</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/attribute_table.py" line="69" />
      <source>Clear selection</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/identify_panel.py" line="42" />
      <source>Click on the map with the Identify tool.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/measure_panel.py" line="49" />
      <source>Click to add points; double-click or right-click to finish; Backspace removes the last point. Measured on the ellipsoid.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/status_bar.py" line="88" />
      <source>Click to change</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/raster_style_widget.py" line="65" />
      <source>Clip percentiles</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/class_style_widgets.py" line="86" />
      <source>Colour ramp</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="115" />
      <source>Computed area (hm²)</source>
      <translation>计算面积（公顷）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/raster_style_widget.py" line="53" />
      <source>Contrast stretch</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/crs_dialog.py" line="91" />
      <source>Coordinate system</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/goto_dialog.py" line="108" />
      <source>Coordinate system of the X, Y</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/goto_dialog.py" line="82" />
      <source>Coordinates</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="32" />
      <source>Cross-hatch</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/status_bar.py" line="27" />
      <source>Cursor longitude/latitude</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/status_bar.py" line="24" />
      <source>Cursor position in the map coordinate system</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="188" />
      <source>Custom</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/status_bar.py" line="29" />
      <source>DMS</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="27" />
      <source>Dash-dot</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="27" />
      <source>Dashed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/bookmarks_panel.py" line="26" />
      <source>Delete</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="32" />
      <source>Diagonal lines</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="38" />
      <source>Diamond</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/measure_panel.py" line="71" />
      <source>Distance</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="33" />
      <source>Dots</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="27" />
      <source>Dotted</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/crs_dialog.py" line="117" />
      <source>EPSG</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/crs_dialog.py" line="113" />
      <source>EPSG code or name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/goto_dialog.py" line="71" />
      <source>EPSG code, empty = map CRS</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/goto_dialog.py" line="122" />
      <source>EPSG:{code} is not a known coordinate system</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt_writer.py" line="103" />
      <source>EPSG:{epsg} is not a Chinese Gauss-Krüger coordinate system</source>
      <translation>EPSG:{epsg} 不是我国高斯-克吕格投影坐标系</translation>
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
      <location filename="ecomap/io/dxf.py" line="370" />
      <source>Entity handle</source>
      <translation>实体句柄</translation>
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="369" />
      <source>Entity type</source>
      <translation>实体类型</translation>
    </message>
    <message>
      <location filename="ecomap/gui/class_style_widgets.py" line="28" />
      <source>Equal interval</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/encoding_dialog.py" line="33" />
      <source>Error</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/attribute_table.py" line="31" />
      <source>Excel holds at most {n} rows; export to CSV instead</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/attribute_table.py" line="148" />
      <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/domain/water_quality.py" line="135" />
      <source>Excellent</source>
      <translation>优</translation>
    </message>
    <message>
      <location filename="ecomap/gui/attribute_table.py" line="75" />
      <source>Export</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/attribute_table.py" line="147" />
      <source>Export table</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/attribute_table.py" line="161" />
      <source>Exported to {path}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/attribute_table.py" line="156" />
      <source>Exporting {n} rows…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="116" />
      <source>Extent</source>
      <translation>范围</translation>
    </message>
    <message>
      <location filename="ecomap/gui/identify_panel.py" line="108" />
      <source>Feature #{n}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/identify_panel.py" line="39" />
      <source>Feature / field</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="114" />
      <source>Features</source>
      <translation>要素数</translation>
    </message>
    <message>
      <location filename="ecomap/gui/class_style_widgets.py" line="85" />
      <source>Field</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="126" />
      <source>Fields</source>
      <translation>字段</translation>
    </message>
    <message>
      <location filename="ecomap/gui/expression_dialog.py" line="62" />
      <source>Fields (double-click to insert)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/layer_tree_view.py" line="156" />
      <source>File not found: {path}
Right-click → Locate file…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="89" />
      <source>Fill</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="96" />
      <source>Fill colour</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/attribute_table.py" line="63" />
      <source>Filter</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/attribute_table.py" line="59" />
      <source>Filter, e.g.  面积 &gt; 1000 AND 治理状态 = '未治理'</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/style_dialog.py" line="44" />
      <source>Font size</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="207" />
      <source>GDAL cannot read this file ({detail})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="113" />
      <source>Geometry</source>
      <translation>几何类型</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="111" />
      <source>Geometry type</source>
      <translation>图形属性</translation>
    </message>
    <message>
      <location filename="ecomap/gui/goto_dialog.py" line="64" />
      <source>Go to coordinates</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/domain/water_quality.py" line="136" />
      <source>Good</source>
      <translation>良好</translation>
    </message>
    <message>
      <location filename="ecomap/gui/style_dialog.py" line="28" />
      <source>Graduated (by number ranges)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/layer_tree_view.py" line="383" />
      <source>Group layers</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/layer_tree_view.py" line="371" />
      <source>Group name:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/layer_tree_view.py" line="422" />
      <source>Group selected layers…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/tree_commands.py" line="134" />
      <source>Group {name}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/style_dialog.py" line="54" />
      <source>Halo</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="133" />
      <source>Hatch</source>
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
      <location filename="ecomap/gui/legend.py" line="128" />
      <source>Hillshade</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="33" />
      <source>Horizontal lines</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="99" />
      <source>Information</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/goto_dialog.py" line="81" />
      <source>Input</source>
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
      <location filename="ecomap/gui/class_style_widgets.py" line="87" />
      <source>Label</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/style_dialog.py" line="39" />
      <source>Label field</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/style_dialog.py" line="144" />
      <source>Labels</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="114" />
      <source>Land class code</source>
      <translation>地类编码</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="113" />
      <source>Land use</source>
      <translation>地块用途</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="112" />
      <source>Layer</source>
      <translation>图层</translation>
    </message>
    <message>
      <location filename="ecomap/gui/style_dialog.py" line="80" />
      <source>Layer opacity</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="104" />
      <source>Line colour</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="122" />
      <source>Line style</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="370" />
      <source>Line type</source>
      <translation>线型</translation>
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="117" />
      <source>Line width</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="23" />
      <source>Lines</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/layer_tree_view.py" line="413" />
      <source>Locate file…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="28" />
      <source>Long dashes</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/goto_dialog.py" line="23" />
      <source>Longitude, latitude (CGCS2000 / WGS84)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/goto_dialog.py" line="24" />
      <source>Longitude, latitude from Amap/Tencent (GCJ-02, approximate)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/goto_dialog.py" line="25" />
      <source>Longitude, latitude from Baidu (BD-09, approximate)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/status_bar.py" line="43" />
      <source>Map coordinate system — click to change</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/status_bar.py" line="36" />
      <source>Map scale: type 1:N (e.g. 1:10000 or 1:1万) and press Enter</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="112" />
      <source>Map sheet</source>
      <translation>图幅号</translation>
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="148" />
      <source>Marker</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/measure_panel.py" line="37" />
      <source>Measuring</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/class_style_widgets.py" line="185" />
      <source>Method</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/raster_style_widget.py" line="51" />
      <source>Minimum – maximum</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="24" />
      <source>Mixed geometry</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/domain/water_quality.py" line="138" />
      <source>Moderately polluted</source>
      <translation>中度污染</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_tree_view.py" line="246" />
      <source>Move layers</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/tree_commands.py" line="119" />
      <source>Move {name}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/crs_dialog.py" line="117" />
      <source>Name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/bookmarks_panel.py" line="54" />
      <source>Name:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/class_style_widgets.py" line="29" />
      <source>Natural breaks (Jenks)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/bookmarks_panel.py" line="54" />
      <source>New bookmark</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/layer_tree_view.py" line="371" />
      <source>New group</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/measure_panel.py" line="35" />
      <source>New measurement</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/expression_dialog.py" line="53" />
      <source>New selection</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="142" />
      <source>No data</source>
      <translation>无数据值</translation>
    </message>
    <message>
      <location filename="ecomap/gui/attribute_table.py" line="145" />
      <source>No features are selected.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="24" />
      <source>No geometry (table)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="90" />
      <source>No-data value</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="32" />
      <source>None</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/layer_tree_view.py" line="160" />
      <source>Not shown at this scale</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="144" />
      <source>Note</source>
      <translation>提示</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="98" />
      <source>Notes</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/identify_panel.py" line="81" />
      <source>Nothing found here.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/crs_dialog.py" line="155" />
      <source>Nothing selected</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/style_dialog.py" line="69" />
      <source>Only show the layer between these scales</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/layer_tree_view.py" line="396" />
      <source>Opacity</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/tree_commands.py" line="35" />
      <source>Opacity of {name}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/layer_tree_view.py" line="417" />
      <source>Open attribute table</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/layout/legend.py" line="113" />
      <source>Other</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="98" />
      <source>Outline</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="104" />
      <source>Outline colour</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="91" />
      <source>Overviews</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="109" />
      <source>Parcel ID</source>
      <translation>地块编号</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="110" />
      <source>Parcel name</source>
      <translation>地块名称</translation>
    </message>
    <message>
      <location filename="ecomap/gui/raster_style_widget.py" line="52" />
      <source>Percentile clip</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/measure_panel.py" line="84" />
      <source>Perimeter {value}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="89" />
      <source>Pixel size</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="23" />
      <source>Points</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="23" />
      <source>Polygons</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="87" />
      <source>Preview</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="48" />
      <source>Properties — {name}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/layer_tree_view.py" line="426" />
      <source>Properties…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/class_style_widgets.py" line="28" />
      <source>Quantile (equal count)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/raster_style_widget.py" line="17" />
      <source>RGB composite</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/class_style_widgets.py" line="195" />
      <source>Range</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="139" />
      <source>Raster</source>
      <translation>栅格</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_tree_view.py" line="423" />
      <source>Remove</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/class_style_widgets.py" line="90" />
      <source>Remove class</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/expression_dialog.py" line="54" />
      <source>Remove from selection</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/layer_tree_view.py" line="430" />
      <source>Remove group</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/tree_commands.py" line="102" />
      <source>Remove {names}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/layer_tree_view.py" line="421" />
      <source>Rename</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/tree_commands.py" line="56" />
      <source>Rename {old} to {new}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/raster_style_widget.py" line="34" />
      <source>Render type</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/measure_panel.py" line="42" />
      <source>Result</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/status_bar.py" line="53" />
      <source>Scale</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/crs_dialog.py" line="111" />
      <source>Search by EPSG code or name (e.g. 4527, CGCS2000 117E, Xian 1980):</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/measure_panel.py" line="46" />
      <source>Segments</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/expression_dialog.py" line="79" />
      <source>Select</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/expression_dialog.py" line="32" />
      <source>Select by expression — {name}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/attribute_table.py" line="72" />
      <source>Select every feature the filter shows</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/attribute_table.py" line="71" />
      <source>Select shown</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/expression_dialog.py" line="54" />
      <source>Select within selection</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/attribute_table.py" line="79" />
      <source>Selected rows to CSV/Excel…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/crs_dialog.py" line="154" />
      <source>Selected: EPSG:{code} {name}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="59" />
      <source>Set coordinate system…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/status_bar.py" line="31" />
      <source>Show degrees-minutes-seconds instead of decimal degrees</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/style_dialog.py" line="35" />
      <source>Show labels</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/attribute_table.py" line="65" />
      <source>Show selected only</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/tree_commands.py" line="20" />
      <source>Show {name}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/attribute_table.py" line="78" />
      <source>Shown rows to CSV/Excel…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/raster_style_widget.py" line="16" />
      <source>Single band colour ramp</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/raster_style_widget.py" line="16" />
      <source>Single band grey</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/style_dialog.py" line="27" />
      <source>Single symbol</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="86" />
      <source>Size</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/domain/water_quality.py" line="137" />
      <source>Slightly polluted</source>
      <translation>轻度污染</translation>
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="27" />
      <source>Solid</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="56" />
      <source>Source</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="37" />
      <source>Square</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="38" />
      <source>Star</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="108" />
      <source>Stated area (hm²)</source>
      <translation>地块面积（公顷）</translation>
    </message>
    <message>
      <location filename="ecomap/core/tree_commands.py" line="68" />
      <source>Style of {name}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/style_dialog.py" line="111" />
      <source>Style — {name}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/layer_tree_view.py" line="418" />
      <source>Style…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/crs_dialog.py" line="99" />
      <source>Suggested for these coordinates:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/class_style_widgets.py" line="87" />
      <source>Symbol</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/class_style_widgets.py" line="142" />
      <source>Symbol for {label}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="154" />
      <source>Symbol opacity</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/style_dialog.py" line="121" />
      <source>Symbology</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/expression_dialog.py" line="58" />
      <source>Test</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="369" />
      <source>Text</source>
      <translation>文字</translation>
    </message>
    <message>
      <location filename="ecomap/gui/style_dialog.py" line="46" />
      <source>Text colour</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="77" />
      <source>Text encoding</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/encoding_dialog.py" line="42" />
      <source>Text encoding — {name}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/class_style_widgets.py" line="213" />
      <source>The field has no numbers</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/encoding_dialog.py" line="46" />
      <source>The file does not say which text encoding it uses; EcoMap guessed {enc}. If the Chinese below looks garbled, choose another encoding.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/layout/context.py" line="95" />
      <source>Thematic map</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/class_style_widgets.py" line="205" />
      <source>This layer has no numeric field</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="37" />
      <source>Triangle</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="111" />
      <source>Type</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/measure_panel.py" line="41" />
      <source>Units</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/kml.py" line="258" />
      <source>Unnamed folder</source>
      <translation>未命名文件夹</translation>
    </message>
    <message>
      <location filename="ecomap/gui/class_style_widgets.py" line="87" />
      <source>Value</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/expression_dialog.py" line="66" />
      <source>Values</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="33" />
      <source>Vertical lines</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/style_dialog.py" line="146" />
      <source>Visibility</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/layout/text.py" line="113" />
      <source>WGS 84, geographic coordinates</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/goto_dialog.py" line="100" />
      <source>Web-map coordinates carry a deliberate offset of several hundred metres; EcoMap removes it with the public formula. The result is approximate.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/style_dialog.py" line="47" />
      <source>White halo around the text</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/attribute_table.py" line="28" />
      <source>Writing {name}…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/cli/cmd_water_report.py" line="38" />
      <source>Wrote {path}: {month}, {assessed} of {total} sections assessed</source>
      <translation>已写入 {path}：{month}，共 {total} 个断面，参评 {assessed} 个</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="160" />
      <source>X holds the easting and Y the northing, the reverse of the format; the columns were swapped</source>
      <translation>X 为东坐标、Y 为北坐标，与格式规定相反；已交换两列</translation>
    </message>
    <message>
      <location filename="ecomap/gui/goto_dialog.py" line="26" />
      <source>X, Y in a coordinate system</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/goto_dialog.py" line="37" />
      <source>X/Y in EPSG:{code}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/goto_dialog.py" line="37" />
      <source>X/Y in the map CRS</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/layout/text.py" line="98" />
      <source>Xi'an 1980 Coordinate System</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/layer_tree_view.py" line="428" />
      <source>Zoom to group</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/layer_tree_view.py" line="415" />
      <source>Zoom to layer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/attribute_table.py" line="67" />
      <source>Zoom to selection</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/style_dialog.py" line="76" />
      <source>Zoomed in to at least</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/style_dialog.py" line="75" />
      <source>Zoomed out to at most</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/layout/model.py" line="352" />
      <source>a layout must be a JSON object</source>
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
      <location filename="ecomap/analysis/overlay.py" line="205" />
      <source>an overlap needs at least one polygon layer ('{a}' is {ka}, '{b}' is {kb})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="109" />
      <source>assumed EPSG:{epsg} {name}</source>
      <translation>推断为 EPSG:{epsg} {name}（待确认）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="36" />
      <source>assumed: {reason}</source>
      <translation type="unfinished" />
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
      <location filename="ecomap/io/text_encoding.py" line="62" />
      <source>cannot decode the text as UTF-8, GBK or GB18030 (byte {offset})</source>
      <translation>无法按 UTF-8、GBK 或 GB18030 解码文本（第 {offset} 字节）</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/mapview.py" line="117" />
      <source>cannot measure distances at the map's centre in {crs}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/domain/water_report.py" line="378" />
      <source>cannot open the file as a GeoPackage ({detail})</source>
      <translation>无法作为 GeoPackage 打开该文件（{detail}）</translation>
    </message>
    <message>
      <location filename="ecomap/io/text_encoding.py" line="72" />
      <source>cannot read the file: {reason}</source>
      <translation>无法读取文件：{reason}</translation>
    </message>
    <message>
      <location filename="ecomap/domain/water_report.py" line="352" />
      <source>cannot read the project file ({detail})</source>
      <translation>无法读取工程文件（{detail}）</translation>
    </message>
    <message>
      <location filename="ecomap/io/raster.py" line="37" />
      <source>cannot read the raster ({detail})</source>
      <translation>无法读取栅格（{detail}）</translation>
    </message>
    <message>
      <location filename="ecomap/core/render/sources.py" line="60" />
      <source>cannot read this file ({detail})</source>
      <translation>无法读取此文件（{detail}）</translation>
    </message>
    <message>
      <location filename="ecomap/core/expression.py" line="56" />
      <source>cannot understand the expression at character {pos}: '{text}'</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/layout/output.py" line="48" />
      <source>cannot write the file ({detail})</source>
      <translation>无法写入文件（{detail}）</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt_writer.py" line="125" />
      <source>cannot write the file: {reason}</source>
      <translation>无法写入文件：{reason}</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_render.py" line="144" />
      <source>cannot write the image</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="19" />
      <source>chosen by you</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/csv_points.py" line="284" />
      <source>column {x} holds latitudes and {y} longitudes; they were swapped</source>
      <translation>{x} 列为纬度、{y} 列为经度；已交换</translation>
    </message>
    <message>
      <location filename="ecomap/io/csv_points.py" line="290" />
      <source>column {x} holds the northing and {y} the easting (Chinese survey convention); they were swapped</source>
      <translation>{x} 列为北坐标、{y} 列为东坐标（测量坐标习惯）；已交换</translation>
    </message>
    <message>
      <location filename="ecomap/io/csv_points.py" line="296" />
      <source>columns {x}/{y} hold longitude/latitude; a CSV declares no coordinate system, assuming CGCS2000 (EPSG:4490)</source>
      <translation>{x}/{y} 列为经纬度；CSV 不声明坐标系，假定为 CGCS2000（EPSG:4490）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/goto_dialog.py" line="45" />
      <source>converted from BD-09 (approximate, within a few metres)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/goto_dialog.py" line="42" />
      <source>converted from GCJ-02 (approximate, within a few metres)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/crs_detect.py" line="98" />
      <source>coordinates lie in China's longitude/latitude range</source>
      <translation>坐标位于中国经纬度范围内</translation>
    </message>
    <message>
      <location filename="ecomap/gui/expression_dialog.py" line="45" />
      <source>e.g.  "ZLZT" = '未治理' AND MJ &gt; 10</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/goto_dialog.py" line="69" />
      <source>e.g. 116.404, 39.915  or  116°24′14″E 39°54′54″N</source>
      <translation type="unfinished" />
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
      <location filename="ecomap/domain/water_report.py" line="404" />
      <source>file not found</source>
      <translation>文件不存在</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="18" />
      <source>fixed by the format</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="17" />
      <source>from the .cpg file</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="17" />
      <source>from the DBF language mark</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="19" />
      <source>from the byte-order mark</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="117" />
      <source>guessed</source>
      <translation>推测</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="18" />
      <source>guessed from the text</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="122" />
      <source>ha</source>
      <translation>公顷</translation>
    </message>
    <message>
      <location filename="ecomap/core/units.py" line="21" />
      <source>hectares (公顷)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/domain/water_report.py" line="99" />
      <source>invalid month "{month}": expected YYYY-MM, e.g. 2024-06</source>
      <translation>月份“{month}”格式不正确：应为 YYYY-MM，例如 2024-06</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/scalebar.py" line="86" />
      <source>km</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/units.py" line="20" />
      <source>km²</source>
      <translation type="unfinished" />
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
      <location filename="ecomap/io/kml.py" line="385" />
      <source>latitude and longitude were swapped in the file; EcoMap exchanged them</source>
      <translation>文件中的纬度和经度顺序颠倒，EcoMap 已将其互换</translation>
    </message>
    <message>
      <location filename="ecomap/analysis/overlay.py" line="187" />
      <source>layer '{layer}' has no field '{field}'</source>
      <translation>图层“{layer}”没有字段“{field}”</translation>
    </message>
    <message>
      <location filename="ecomap/io/kml_writer.py" line="146" />
      <source>layer '{name}' has no coordinate system; it cannot be written to KML</source>
      <translation>图层“{name}”没有坐标系，无法写入 KML</translation>
    </message>
    <message>
      <location filename="ecomap/analysis/overlay.py" line="90" />
      <source>layer '{name}' has no single geometry type (points, lines or polygons)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/workspace.py" line="199" />
      <source>layer '{name}' is not a {kind} layer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="339" />
      <source>line {line}: X and Y must be numbers, found '{x}', '{y}'</source>
      <translation>第 {line} 行：X、Y 必须为数字，实际为“{x}”“{y}”</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="330" />
      <source>line {line}: a point comes before any parcel line (ending in @)</source>
      <translation>第 {line} 行：坐标点出现在任何地块行（以 @ 结尾）之前</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="328" />
      <source>line {line}: expected 点号,圈号,X,Y</source>
      <translation>第 {line} 行：应为 点号,圈号,X,Y</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="582" />
      <source>line {line}: line {ring} of parcel '{parcel}' has {n} distinct points; a line needs at least 2</source>
      <translation>第 {line} 行：地块“{parcel}”的第 {ring} 条线只有 {n} 个不同的点，线至少需要 2 个</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="250" />
      <source>line {line}: not a key=value line; ignored</source>
      <translation>第 {line} 行：不是“键=值”格式，已忽略</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="234" />
      <source>line {line}: not a land-parcel coordinate file (expected a section such as [属性描述])</source>
      <translation>第 {line} 行：不是界址点坐标文件（应有 [属性描述] 等节）</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="715" />
      <source>line {line}: parcel '{parcel}' has no points; it is kept without geometry</source>
      <translation>第 {line} 行：地块“{parcel}”没有坐标点，保留为无几何的记录</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="699" />
      <source>line {line}: parcel '{parcel}' states {stated} boundary points but has {n}</source>
      <translation>第 {line} 行：地块“{parcel}”界址点数填写为 {stated}，实际有 {n} 个点</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="738" />
      <source>line {line}: parcel '{parcel}' states {stated} hm² but its boundary encloses {computed:.4f} hm² ({diff:+.2f} %)</source>
      <translation>第 {line} 行：地块“{parcel}”填写面积 {stated} 公顷，界址范围计算面积 {computed:.4f} 公顷（相差 {diff:+.2f}%）</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="574" />
      <source>line {line}: ring {ring} of parcel '{parcel}' has {n} distinct points; a polygon ring needs at least 3</source>
      <translation>第 {line} 行：地块“{parcel}”的第 {ring} 圈只有 {n} 个不同的点，面至少需要 3 个</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="278" />
      <source>line {line}: the number of boundary points (界址点数) '{value}' is not a number</source>
      <translation>第 {line} 行：界址点数“{value}”不是数字</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="287" />
      <source>line {line}: the parcel area (地块面积) '{value}' is not a number</source>
      <translation>第 {line} 行：地块面积“{value}”不是数字</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="334" />
      <source>line {line}: the ring number (圈号) '{value}' is not an integer; expected 点号,圈号,X,Y</source>
      <translation>第 {line} 行：圈号“{value}”不是整数；应为 点号,圈号,X,Y</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="294" />
      <source>line {line}: unknown geometry type '{value}'; read as a polygon</source>
      <translation>第 {line} 行：未知的图形属性“{value}”，按面读取</translation>
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
      <location filename="ecomap/gui/goto_dialog.py" line="39" />
      <source>longitude/latitude</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/layout/scalebar.py" line="46" />
      <source>m</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="149" />
      <source>mixed geometry types</source>
      <translation>混合几何类型</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="435" />
      <source>mixed zone numbers in the eastings</source>
      <translation>Y 坐标（东坐标）带号不一致</translation>
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="111" />
      <source>mm</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="122" />
      <source>mu</source>
      <translation>亩</translation>
    </message>
    <message>
      <location filename="ecomap/core/units.py" line="20" />
      <source>mu (亩)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/units.py" line="20" />
      <source>m²</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/domain/water_report.py" line="328" />
      <source>no assessable values in {month}; excluded from the shares</source>
      <translation>{month} 无有效监测值，不参与比例统计</translation>
    </message>
    <message>
      <location filename="ecomap/io/csv_points.py" line="83" />
      <source>no coordinate columns found (expected X/Y, 经度/纬度, lon/lat, E/N …); columns: {columns}</source>
      <translation>未找到坐标列（应为 X/Y、经度/纬度、lon/lat、E/N 等）；现有列：{columns}</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/atlas.py" line="68" />
      <source>no coverage layer named '{name}' (layers: {known})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/expression.py" line="263" />
      <source>no field named '{name}'</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/workspace.py" line="196" />
      <source>no layer '{name}'; the layers are: {names}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/project.py" line="198" />
      <source>no layer named '{name}'</source>
      <translation>没有名为“{name}”的图层</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/templates.py" line="175" />
      <source>no layout named '{name}' (available: {known})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/domain/water_report.py" line="318" />
      <source>no measurement in {month}; excluded from the shares</source>
      <translation>{month} 无监测数据，不参与比例统计</translation>
    </message>
    <message>
      <location filename="ecomap/domain/water_report.py" line="292" />
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
      <location filename="ecomap/io/csv_points.py" line="277" />
      <source>no row has readable coordinates</source>
      <translation>没有一行的坐标可以识别</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/templates.py" line="127" />
      <source>no such file or folder</source>
      <translation>文件或文件夹不存在</translation>
    </message>
    <message>
      <location filename="ecomap/domain/water_report.py" line="331" />
      <source>no valid water-quality target; excluded from the compliance rate</source>
      <translation>无有效水质目标，不参与达标率统计</translation>
    </message>
    <message>
      <location filename="ecomap/domain/water_report.py" line="426" />
      <source>no water measurements table found (expected "{layer}" with fields DMBM, JCNY and parameter values)</source>
      <translation>未找到水质监测表（应为“{layer}”，含 DMBM、JCNY 字段及各项指标值）</translation>
    </message>
    <message>
      <location filename="ecomap/domain/water_report.py" line="423" />
      <source>no water sections layer found (expected "{layer}" with fields DMBM and SZMB)</source>
      <translation>未找到水质断面图层（应为“{layer}”，含 DMBM 和 SZMB 字段）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="122" />
      <source>none</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/crs_detect.py" line="95" />
      <source>northing and easting are swapped; eastings carry zone {zone}</source>
      <translation>纵横坐标顺序颠倒；横坐标带有带号 {zone}</translation>
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="335" />
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
      <location filename="ecomap/io/parcel_txt.py" line="253" />
      <source>not a land-parcel coordinate file: there is no [地块坐标] section</source>
      <translation>不是界址点坐标文件：没有 [地块坐标] 节</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/templates.py" line="129" />
      <source>not a layout template ({detail})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/raster.py" line="36" />
      <source>not a raster image that GDAL can read</source>
      <translation>不是可读取的栅格影像</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_render.py" line="150" />
      <source>not a views file ({detail})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/layout/model.py" line="354" />
      <source>not an EcoMap layout</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/project.py" line="148" />
      <source>not an EcoMap project file</source>
      <translation>不是 EcoMap 项目文件</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="78" />
      <source>not checked</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/ogr.py" line="68" />
      <source>not valid GeoJSON ({detail})</source>
      <translation>不是有效的 GeoJSON（{detail}）</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_render.py" line="115" />
      <source>nothing to draw: no layer with geometry</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/cli/cmd_render.py" line="127" />
      <source>nothing to draw: the layers are empty</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/layout/model.py" line="347" />
      <source>orientation must be 'portrait' or 'landscape'</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="142" />
      <source>overviews</source>
      <translation>金字塔</translation>
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="112" />
      <source>pixels</source>
      <translation type="unfinished" />
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
      <location filename="ecomap/cli/cmd_render.py" line="82" />
      <source>project files are not supported by this build</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/workspace.py" line="200" />
      <source>raster</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/csv_points.py" line="107" />
      <source>rows with missing or unreadable coordinates, kept without geometry: {n} (rows {rows}{more})</source>
      <translation>坐标缺失或无法识别的行（已保留，无几何）：{n} 行（第 {rows}{more} 行）</translation>
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
      <translation>DXF 图形中没有 EcoMap 能读取的要素</translation>
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="205" />
      <source>the DXF drawing is damaged near line {line}</source>
      <translation>DXF 图形在第 {line} 行附近已损坏</translation>
    </message>
    <message>
      <location filename="ecomap/gui/goto_dialog.py" line="117" />
      <source>the EPSG code must be a number, e.g. 4527</source>
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
      <location filename="ecomap/domain/water_report.py" line="418" />
      <source>the GeoPackages of the project are missing: {paths}</source>
      <translation>工程引用的 GeoPackage 文件不存在：{paths}</translation>
    </message>
    <message>
      <location filename="ecomap/io/kml.py" line="139" />
      <source>the KML document declares an unknown encoding '{encoding}'</source>
      <translation>KML 文档声明了未知的编码“{encoding}”</translation>
    </message>
    <message>
      <location filename="ecomap/io/kml.py" line="74" />
      <source>the KML document is larger than {limit} MB; EcoMap refuses it</source>
      <translation>KML 文档大于 {limit} MB，EcoMap 拒绝读取</translation>
    </message>
    <message>
      <location filename="ecomap/io/kml.py" line="132" />
      <source>the KML document is not valid {encoding}</source>
      <translation>KML 文档不是有效的 {encoding} 编码</translation>
    </message>
    <message>
      <location filename="ecomap/io/kml.py" line="155" />
      <source>the KML document is not valid {encoding}, UTF-8 or GB18030</source>
      <translation>KML 文档既不是有效的 {encoding}，也不是 UTF-8 或 GB18030 编码</translation>
    </message>
    <message>
      <location filename="ecomap/io/kml.py" line="293" />
      <source>the KML file contains no features (placemarks)</source>
      <translation>KML 文件中没有要素（地标）</translation>
    </message>
    <message>
      <location filename="ecomap/io/kml.py" line="96" />
      <source>the KMZ archive contains an unsafe file name ({name}); EcoMap refuses it</source>
      <translation>KMZ 压缩包中含有不安全的文件名（{name}），EcoMap 拒绝读取</translation>
    </message>
    <message>
      <location filename="ecomap/io/kml.py" line="100" />
      <source>the KMZ archive contains no KML document</source>
      <translation>KMZ 压缩包中没有 KML 文档</translation>
    </message>
    <message>
      <location filename="ecomap/io/kml.py" line="116" />
      <source>the KMZ archive is damaged ({detail})</source>
      <translation>KMZ 压缩包已损坏（{detail}）</translation>
    </message>
    <message>
      <location filename="ecomap/io/kml.py" line="77" />
      <source>the KMZ file is not a valid ZIP archive</source>
      <translation>KMZ 文件不是有效的 ZIP 压缩包</translation>
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
      <location filename="ecomap/io/kml.py" line="200" />
      <source>the XML declares entities, which EcoMap refuses for safety</source>
      <translation>该 XML 声明了实体，出于安全考虑 EcoMap 拒绝读取</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="263" />
      <source>the [地块坐标] section holds no parcels</source>
      <translation>[地块坐标] 节中没有地块</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/atlas.py" line="144" />
      <source>the atlas goes to a folder or a .pdf file</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/layout/atlas.py" line="125" />
      <source>the atlas needs a coverage layer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="411" />
      <source>the coordinate system (坐标系) '{text}' is missing or not recognised; assuming CGCS2000</source>
      <translation>坐标系“{text}”缺失或无法识别；假定为 2000 国家大地坐标系</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="729" />
      <source>the coordinate system is unknown: computed areas are planar</source>
      <translation>坐标系未知：计算面积为平面面积</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="421" />
      <source>the coordinates are latitude and longitude</source>
      <translation>坐标为经纬度</translation>
    </message>
    <message>
      <location filename="ecomap/io/crs_detect.py" line="102" />
      <source>the coordinates do not identify a Chinese coordinate system</source>
      <translation>无法根据坐标判断所用的中国坐标系</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/atlas.py" line="130" />
      <source>the coverage layer '{name}' has no features</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/layout/atlas.py" line="71" />
      <source>the coverage layer '{name}' has no geometry</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="340" />
      <source>the drawing has no coordinate system and none could be inferred ({reason})</source>
      <translation>图形没有坐标系，也无法推断（{reason}）</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="439" />
      <source>the easting prefix {zone} is not a Gauss-Krüger zone in China</source>
      <translation>Y 坐标前缀 {zone} 不是我国范围内的高斯-克吕格投影带</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="474" />
      <source>the eastings are neither zone-prefixed nor within one zone (0–1 000 000 m)</source>
      <translation>Y 坐标既不带带号前缀，也不在单个投影带范围内（0–1 000 000 米）</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="431" />
      <source>the eastings carry different zone numbers ({zones}); using zone {zone}</source>
      <translation>Y 坐标带有不同的带号（{zones}）；采用第 {zone} 带</translation>
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
      <location filename="ecomap/io/dxf.py" line="337" />
      <source>the file declares no coordinate system; assumed EPSG:{epsg} because {reason}</source>
      <translation>文件未声明坐标系；推断为 EPSG:{epsg}，依据：{reason}</translation>
    </message>
    <message>
      <location filename="ecomap/io/crs_detect.py" line="116" />
      <source>the file declares {name}, but its coordinates are not longitude/latitude</source>
      <translation>文件声明为 {name}，但坐标并非经纬度</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="525" />
      <source>the file gives datum transformation parameters ({params}); they are kept in the metadata, not applied</source>
      <translation>文件给出了转换参数（{params}）；已保存在元数据中，未予应用</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="418" />
      <source>the file holds no coordinates</source>
      <translation>文件中没有坐标</translation>
    </message>
    <message>
      <location filename="ecomap/io/csv_points.py" line="208" />
      <source>the file holds no table</source>
      <translation>文件中没有表格</translation>
    </message>
    <message>
      <location filename="ecomap/io/registry.py" line="86" />
      <source>the file is empty (0 bytes)</source>
      <translation>文件为空（0 字节）</translation>
    </message>
    <message>
      <location filename="ecomap/io/kml.py" line="202" />
      <source>the file is not valid XML ({detail})</source>
      <translation>文件不是有效的 XML（{detail}）</translation>
    </message>
    <message>
      <location filename="ecomap/io/registry.py" line="118" />
      <source>the folder contains no data files EcoMap can read</source>
      <translation>文件夹中没有 EcoMap 可读取的数据文件</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/output.py" line="44" />
      <source>the folder does not exist</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="470" />
      <source>the header gives no zone (带号) and the eastings carry no zone prefix</source>
      <translation>文件头没有带号，Y 坐标也不带带号前缀</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="448" />
      <source>the header says zone (带号) {header} but the eastings carry zone {zone}; using zone {zone}</source>
      <translation>文件头带号为 {header}，但 Y 坐标前缀为第 {zone} 带；采用第 {zone} 带</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="461" />
      <source>the header says {header}° zones but zone {zone} is a {width}° zone; using {width}°</source>
      <translation>文件头为 {header} 度分带，但第 {zone} 带属于 {width} 度分带；采用 {width} 度分带</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt_writer.py" line="95" />
      <source>the layer has no coordinate system; cannot write a parcel TXT</source>
      <translation>图层没有坐标系，无法写出界址点坐标 TXT</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/model.py" line="356" />
      <source>the layout was saved by a newer EcoMap (format {version})</source>
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
      <location filename="ecomap/domain/water_report.py" line="408" />
      <source>the project has no GeoPackage layer with water-quality sections and measurements</source>
      <translation>工程中没有包含水质断面和监测数据的 GeoPackage 图层</translation>
    </message>
    <message>
      <location filename="ecomap/core/project.py" line="111" />
      <source>the project was saved by a newer EcoMap (format {version})</source>
      <translation>该项目由更新版本的 EcoMap 保存（格式 {version}）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/crs_dialog.py" line="71" />
      <source>the same zone on the Beijing 1954 datum</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/crs_dialog.py" line="70" />
      <source>the same zone on the Xian 1980 datum</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/coords.py" line="113" />
      <source>the scale must be a positive number</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/csv_points.py" line="212" />
      <source>the table has a header but no rows</source>
      <translation>表格只有表头，没有数据行</translation>
    </message>
    <message>
      <location filename="ecomap/io/csv_points.py" line="205" />
      <source>the table is malformed: {reason}</source>
      <translation>表格格式错误：{reason}</translation>
    </message>
    <message>
      <location filename="ecomap/io/text_encoding.py" line="42" />
      <source>the text is not valid {encoding} (byte {offset})</source>
      <translation>文本不是有效的 {encoding} 编码（第 {offset} 字节）</translation>
    </message>
    <message>
      <location filename="ecomap/domain/water_report.py" line="215" />
      <source>the water measurements table has no water-quality parameter fields (pH, DO, CODMn, …)</source>
      <translation>水质监测表中没有水质指标字段（pH、溶解氧、高锰酸盐指数等）</translation>
    </message>
    <message>
      <location filename="ecomap/domain/water_report.py" line="210" />
      <source>the water measurements table has no {field} field</source>
      <translation>水质监测表中没有 {field} 字段</translation>
    </message>
    <message>
      <location filename="ecomap/domain/water_report.py" line="288" />
      <source>the water measurements table is empty</source>
      <translation>水质监测表为空</translation>
    </message>
    <message>
      <location filename="ecomap/domain/water_report.py" line="191" />
      <source>the water sections table has no {field} field</source>
      <translation>水质断面表中没有 {field} 字段</translation>
    </message>
    <message>
      <location filename="ecomap/io/kml_writer.py" line="154" />
      <source>there are no layers to write</source>
      <translation>没有可写出的图层</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/output.py" line="108" />
      <source>there are no pages to write</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/text_encoding.py" line="47" />
      <source>this is a binary file, not text</source>
      <translation>这是二进制文件，不是文本文件</translation>
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="202" />
      <source>this is not a DXF drawing GDAL can read</source>
      <translation>这不是 GDAL 能读取的 DXF 图形</translation>
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
      <location filename="ecomap/io/parcel_txt_writer.py" line="120" />
      <source>unknown encoding {encoding}</source>
      <translation>未知编码 {encoding}</translation>
    </message>
    <message>
      <location filename="ecomap/io/registry.py" line="97" />
      <source>unknown file type '{ext}'; EcoMap reads {formats}</source>
      <translation>未知的文件类型“{ext}”；EcoMap 可读取：{formats}</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/model.py" line="119" />
      <source>unknown grid style '{name}'</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/layout/model.py" line="117" />
      <source>unknown grid type '{name}'</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/style.py" line="84" />
      <source>unknown hatch '{name}'</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/layout/output.py" line="142" />
      <source>unknown image type '{ext}' (use .png, .jpg or .tif)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/layout/model.py" line="252" />
      <source>unknown layout item '{kind}'</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/style.py" line="86" />
      <source>unknown marker '{name}'</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/layout/atlas.py" line="148" />
      <source>unknown output type '{ext}' (use .pdf, .svg, .png, .jpg or .tif)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/layout/model.py" line="340" />
      <source>unknown page size '{page}' (use {known})</source>
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
      <location filename="ecomap/gui/layer_properties.py" line="32" />
      <source>unknown — the file declares none and the coordinates do not tell</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/water_report_files.py" line="141" />
      <source>unsupported output format "{suffix}"; use .csv or .xlsx</source>
      <translation>不支持的输出格式“{suffix}”，请使用 .csv 或 .xlsx</translation>
    </message>
    <message>
      <location filename="ecomap/core/workspace.py" line="200" />
      <source>vector</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/coords.py" line="104" />
      <source>write the scale as 1:N, e.g. 1:50000</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/cli/cmd_render.py" line="163" />
      <source>wrote {path} ({w}×{h}) in {secs:.2f} s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="87" />
      <source>{count} DXF entities without geometry were left out</source>
      <translation>{count} 个没有几何的 DXF 实体未载入</translation>
    </message>
    <message>
      <location filename="ecomap/io/kml.py" line="543" />
      <source>{count} KML geometries had too few coordinates and were left out</source>
      <translation>{count} 个 KML 几何的坐标点过少，未载入</translation>
    </message>
    <message>
      <location filename="ecomap/io/kml.py" line="546" />
      <source>{count} KML geometries had unreadable coordinates and were left out</source>
      <translation>{count} 个 KML 几何的坐标无法读取，未载入</translation>
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="329" />
      <source>{count} entities lie far from the rest of the drawing (often at 0,0) and were ignored when inferring the coordinate system</source>
      <translation>{count} 个实体远离图形的其余部分（常位于 0,0），推断坐标系时已忽略</translation>
    </message>
    <message>
      <location filename="ecomap/io/kml.py" line="296" />
      <source>{count} overlays and network links in the KML were not loaded</source>
      <translation>KML 中的 {count} 个叠加层和网络链接未载入</translation>
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="215" />
      <source>{count} paper-space entities (layout sheets) were left out</source>
      <translation>{count} 个图纸空间（布局）实体未载入</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/text.py" line="103" />
      <source>{datum}, Gauss-Krüger projection, {width}° zones, zone {zone} (central meridian {meridian}°E)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/layout/text.py" line="111" />
      <source>{datum}, geographic coordinates</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/expression.py" line="115" />
      <source>{message} at character {pos} (near '{near}')</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="362" />
      <source>{name} lines</source>
      <translation>{name} 线</translation>
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="363" />
      <source>{name} points</source>
      <translation>{name} 点</translation>
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="361" />
      <source>{name} polygons</source>
      <translation>{name} 面</translation>
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="364" />
      <source>{name} text</source>
      <translation>{name} 注记</translation>
    </message>
    <message>
      <location filename="ecomap/gui/class_style_widgets.py" line="113" />
      <source>{n} different values — too many for categories; use Graduated</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/identify_panel.py" line="84" />
      <source>{n} feature(s) found.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/expression_dialog.py" line="108" />
      <source>{n} feature(s) match</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/expression_dialog.py" line="118" />
      <source>{n} feature(s) selected</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="122" />
      <source>{n} invalid (self-intersections or bad rings)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/attribute_model.py" line="176" />
      <source>{total} features, {shown} shown, {selected} selected</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/core/layout/output.py" line="123" />
      <source>{w} × {h} pixels is too large an image; choose a lower resolution</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="86" />
      <source>{w} × {h} pixels, {n} band(s), {dtype}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="752" />
      <source>… and {n} more parcels whose stated area differs by more than 1 %</source>
      <translation>……另有 {n} 个地块的面积与计算面积相差超过 1%</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="708" />
      <source>… and {n} more parcels with a different number of boundary points</source>
      <translation>……另有 {n} 个地块的界址点数不符</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="456" />
      <source>几度分带 is missing; {width}° zones assumed from zone {zone}</source>
      <translation>缺少几度分带；按第 {zone} 带推定为 {width} 度分带</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="445" />
      <source>带号 is missing; zone {zone} taken from the easting prefix</source>
      <translation>缺少带号；按 Y 坐标前缀取第 {zone} 带</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="514" />
      <source>带号 {value} read as the central meridian {value}°E: {width}° zone {zone}</source>
      <translation>带号 {value} 按中央经线东经 {value}° 理解：{width} 度分带第 {zone} 带</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="518" />
      <source>带号 {zone} is not a Gauss-Krüger zone in China</source>
      <translation>带号 {zone} 不是我国范围内的高斯-克吕格投影带</translation>
    </message>
  </context>
</TS>
