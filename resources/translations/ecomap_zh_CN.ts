<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>EcoMap</name>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="51" />
      <source> (assumed)</source>
      <translation>（推断）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_menu.py" line="59" />
      <source>&amp;Analysis</source>
      <translation>分析(&amp;A)</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/rectification_panel.py" line="104" />
      <source>&amp;Category</source>
      <translation>类别(&amp;C)</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="250" />
      <source>&amp;Edit</source>
      <translation>编辑(&amp;E)</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/restoration_panel.py" line="131" />
      <source>&amp;Edit… (F2)</source>
      <translation>编辑(&amp;E)…（F2）</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="243" />
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/restoration_panel.py" line="106" />
      <source>&amp;Funding</source>
      <translation>资金来源(&amp;F)</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="271" />
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/restoration_panel.py" line="102" />
      <source>&amp;Late or behind schedule</source>
      <translation>逾期或滞后(&amp;L)</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="262" />
      <source>&amp;Layer</source>
      <translation>图层(&amp;L)</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/water_panel.py" line="128" />
      <source>&amp;Month</source>
      <translation>月份(&amp;M)</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/project_edit_dialog.py" line="85" />
      <source>&amp;Note</source>
      <translation>说明(&amp;N)</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/rectification_panel.py" line="99" />
      <source>&amp;Overdue only</source>
      <translation>仅逾期(&amp;O)</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/water_panel.py" line="158" />
      <source>&amp;Parameter</source>
      <translation>指标(&amp;P)</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/ban_zone_panel.py" line="113" />
      <source>&amp;Reference date</source>
      <translation>参考日期(&amp;R)</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="266" />
      <source>&amp;Tools</source>
      <translation>工具(&amp;T)</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/rectification_panel.py" line="104" />
      <source>&amp;Township</source>
      <translation>乡镇(&amp;T)</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="253" />
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/restoration_panel.py" line="130" />
      <source>&amp;Zoom to project</source>
      <translation>缩放到项目(&amp;Z)</translation>
    </message>
    <message>
      <location filename="ecomap/io/export.py" line="302" />
      <source>'{name}' is a raster; only vector layers are exported here</source>
      <translation>“{name}”是栅格图层；此处只导出矢量图层</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt_writer.py" line="118" />
      <source>'{text}' cannot be written in {encoding}; choose UTF-8</source>
      <translation>“{text}”无法用 {encoding} 编码写出；请选择 UTF-8</translation>
    </message>
    <message>
      <location filename="ecomap/io/shapefile_writer.py" line="114" />
      <source>'{text}' in field '{field}' cannot be written in {encoding}; choose UTF-8</source>
      <translation>字段“{field}”中的“{text}”无法用 {encoding} 编码写出，请选择 UTF-8</translation>
    </message>
    <message>
      <location filename="ecomap/core/expression.py" line="322" />
      <source>'{text}' is not a number</source>
      <translation>“{text}”不是数字</translation>
    </message>
    <message>
      <location filename="ecomap/core/coords.py" line="63" />
      <source>'{text}' is not a number or degrees-minutes-seconds</source>
      <translation>“{text}”不是数字，也不是度分秒</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/edit_commands.py" line="67" />
      <source>(deleted)</source>
      <translation>（已删除）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/edit_commands.py" line="54" />
      <source>(empty)</source>
      <translation>（空）</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/output.py" line="293" />
      <source>(no extension)</source>
      <translation>（无扩展名）</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="394" />
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/legend.py" line="134" />
      <source>(other values)</source>
      <translation>（其他值）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/task_indicator.py" line="120" />
      <source>({n} tasks)</source>
      <translation>（{n} 个任务）</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_export_layer.py" line="107" />
      <source>--datum-shift file applies the file's own</source>
      <translation>--datum-shift file 使用数据文件自带的参数</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_export_layer.py" line="131" />
      <source>--datum-shift file: the file gives no datum transformation parameters</source>
      <translation>--datum-shift file：数据文件没有给出基准转换参数</translation>
    </message>
    <message>
      <location filename="ecomap/cli/export_common.py" line="59" />
      <source>--dpi must be between 30 and 1200</source>
      <translation>--dpi 必须在 30 到 1200 之间</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_export_layer.py" line="56" />
      <source>--layer is required for a project; layers: {names}</source>
      <translation>工程文件须用 --layer 指定图层；现有图层：{names}</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_export_layer.py" line="68" />
      <source>--layer is required: the file has {n} layers ({names})</source>
      <translation>须用 --layer 指定图层：该文件有 {n} 个图层（{names}）</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_water_report.py" line="28" />
      <source>--out FILE.csv or FILE.xlsx is required unless --json is given</source>
      <translation>未指定 --json 时必须用 --out 指定 .csv 或 .xlsx 输出文件</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_render.py" line="54" />
      <source>--size must look like 1920x1080, not '{text}'</source>
      <translation>--size 应形如 1920x1080，而不是“{text}”</translation>
    </message>
    <message>
      <location filename="ecomap/cli/export_common.py" line="41" />
      <source>--var expects NAME=VALUE, got '{text}'</source>
      <translation>--var 的格式应为 名称=值，实际为“{text}”</translation>
    </message>
    <message>
      <location filename="ecomap/gui/crs_dialog.py" line="77" />
      <source>3° zone for longitude {lon:.1f}° (to project the data)</source>
      <translation>经度 {lon:.1f}° 所在的 3 度带（用于投影）</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="690" />
      <source>; the stated area looks like mu (亩), not hectares</source>
      <translation>；所填面积似乎以亩而非公顷为单位</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="687" />
      <source>; the stated area looks like square metres, not hectares</source>
      <translation>；所填面积似乎以平方米而非公顷为单位</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/ban_zone_panel.py" line="144" />
      <source>&lt;b&gt;Farms in breeding-ban zones&lt;/b&gt;</source>
      <translation>&lt;b&gt;禁养区内养殖场&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/ban_zone_panel.py" line="151" />
      <source>&lt;b&gt;Grazing bans and rest periods&lt;/b&gt;</source>
      <translation>&lt;b&gt;禁牧与休牧&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/ban_zone_panel.py" line="217" />
      <source>&lt;b&gt;{inside}&lt;/b&gt; farms lie in ban zones ({disposal}); &lt;span style='color:#b00020'&gt;&lt;b&gt;{undisposed}&lt;/b&gt; not disposed of, &lt;b&gt;{restocked}&lt;/b&gt; restocked, &lt;b&gt;{missing}&lt;/b&gt; missing from the ledger&lt;/span&gt;</source>
      <translation>禁养区内共有 &lt;b&gt;{inside}&lt;/b&gt; 个养殖场（{disposal}）；&lt;span style='color:#b00020'&gt;未处置 &lt;b&gt;{undisposed}&lt;/b&gt; 个，复养 &lt;b&gt;{restocked}&lt;/b&gt; 个，未列入台账 &lt;b&gt;{missing}&lt;/b&gt; 个&lt;/span&gt;</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/rectification_panel.py" line="208" />
      <source>&lt;b&gt;{n}&lt;/b&gt; items on {day}: &lt;b&gt;{open}&lt;/b&gt; open, &lt;span style='color:#b00020'&gt;&lt;b&gt;{overdue}&lt;/b&gt; overdue&lt;/span&gt;, &lt;b&gt;{soon}&lt;/b&gt; due within 30 days, &lt;b&gt;{closed}&lt;/b&gt; struck off</source>
      <translation>截至 {day} 共 &lt;b&gt;{n}&lt;/b&gt; 个问题：未完成 &lt;b&gt;{open}&lt;/b&gt; 个，&lt;span style='color:#b00020'&gt;逾期 &lt;b&gt;{overdue}&lt;/b&gt; 个&lt;/span&gt;，30 天内到期 &lt;b&gt;{soon}&lt;/b&gt; 个，已销号 &lt;b&gt;{closed}&lt;/b&gt; 个</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/restoration_panel.py" line="243" />
      <source>&lt;b&gt;{n}&lt;/b&gt; projects (judged on {day}): {stages}</source>
      <translation>共 &lt;b&gt;{n}&lt;/b&gt; 个项目（截至 {day}）：{stages}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/restoration_panel.py" line="252" />
      <source>&lt;span style='color:#b00020'&gt;&lt;b&gt;{overdue}&lt;/b&gt; overdue&lt;/span&gt;, &lt;b&gt;{behind}&lt;/b&gt; behind schedule, &lt;b&gt;{late}&lt;/b&gt; late to start</source>
      <translation>&lt;span style='color:#b00020'&gt;逾期未完工 &lt;b&gt;{overdue}&lt;/b&gt; 个&lt;/span&gt;，滞后于序时进度 &lt;b&gt;{behind}&lt;/b&gt; 个，逾期未开工 &lt;b&gt;{late}&lt;/b&gt; 个</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_actions.py" line="329" />
      <source>A {ext} file per feature, in a folder</source>
      <translation>每个要素一个 {ext} 文件，存入文件夹</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="237" />
      <source>About EcoMap</source>
      <translation>关于 EcoMap</translation>
    </message>
    <message>
      <location filename="ecomap/gui/dataset_chooser.py" line="60" />
      <source>Add</source>
      <translation>添加</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="184" />
      <source>Add Shapefile, GeoPackage, KML, CSV, TXT, DXF or raster files</source>
      <translation>添加 Shapefile、GeoPackage、KML、CSV、TXT、DXF 或栅格文件</translation>
    </message>
    <message>
      <location filename="ecomap/gui/bookmarks_panel.py" line="31" />
      <source>Add current view</source>
      <translation>添加当前视图</translation>
    </message>
    <message>
      <location filename="ecomap/app/data_loader.py" line="135" />
      <source>Add data</source>
      <translation>添加数据</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="183" />
      <source>Add data…</source>
      <translation>添加数据…</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_tree_view.py" line="399" />
      <source>Add group {name}</source>
      <translation>添加组 {name}</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="235" />
      <source>Add group…</source>
      <translation>添加组…</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_actions.py" line="175" />
      <source>Add some layers to the map first.</source>
      <translation>请先向地图添加图层。</translation>
    </message>
    <message>
      <location filename="ecomap/gui/expression_dialog.py" line="63" />
      <source>Add to selection</source>
      <translation>添加到选择</translation>
    </message>
    <message>
      <location filename="ecomap/core/tree_commands.py" line="84" />
      <source>Add {names}</source>
      <translation>添加 {names}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="216" />
      <source>Add {what}</source>
      <translation>添加{what}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_stats.py" line="42" />
      <source>Administrative units</source>
      <translation>行政单元</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="138" />
      <source>Alias</source>
      <translation>别名</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="336" />
      <source>Alignment</source>
      <translation>对齐</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/rectification_panel.py" line="98" />
      <source>All categories</source>
      <translation>全部类别</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="408" />
      <source>All files (*)</source>
      <translation>所有文件 (*)</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/restoration_panel.py" line="100" />
      <source>All funding</source>
      <translation>全部资金来源</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/rectification_panel.py" line="95" />
      <source>All sources</source>
      <translation>全部来源</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/restoration_panel.py" line="98" />
      <source>All stages</source>
      <translation>全部阶段</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/rectification_panel.py" line="96" />
      <source>All statuses</source>
      <translation>全部状态</translation>
    </message>
    <message>
      <location filename="ecomap/io/registry.py" line="108" />
      <source>All supported data</source>
      <translation>所有支持的数据</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/rectification_panel.py" line="97" />
      <source>All townships</source>
      <translation>全部乡镇</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/restoration_panel.py" line="99" />
      <source>All types</source>
      <translation>全部类型</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_actions.py" line="316" />
      <source>An atlas needs a polygon layer to page through.</source>
      <translation>图集需要一个用于分页的面图层。</translation>
    </message>
    <message>
      <location filename="ecomap/domain/edit_rules.py" line="168" />
      <source>An item struck off the ledger (已销号) needs its {field}</source>
      <translation>已销号的问题必须填写{field}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_common.py" line="155" />
      <source>Analysis</source>
      <translation>分析</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="325" />
      <source>Apply text</source>
      <translation>应用文字</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/ban_zone_panel.py" line="131" />
      <source>Approved stocking</source>
      <translation>核定载畜量</translation>
    </message>
    <message>
      <location filename="ecomap/gui/measure_panel.py" line="79" />
      <source>Area</source>
      <translation>面积</translation>
    </message>
    <message>
      <location filename="ecomap/services/screening_report.py" line="235" />
      <source>Area (mu)</source>
      <translation>面积(亩)</translation>
    </message>
    <message>
      <location filename="ecomap/services/screening_report.py" line="235" />
      <source>Area (m²)</source>
      <translation>面积(平方米)</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="133" />
      <source>Area (sum of features)</source>
      <translation>面积（要素合计）</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="105" />
      <source>Area difference (%)</source>
      <translation>面积差异（%）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/restoration_panel.py" line="249" />
      <source>Area: {area} hm², restored (finished) {restored} hm²</source>
      <translation>修复面积：{area} 公顷，已完工 {restored} 公顷</translation>
    </message>
    <message>
      <location filename="ecomap/services/screening_report.py" line="211" />
      <source>Area: {m2} m² = {mu} mu = {ha} ha</source>
      <translation>面积：{m2} 平方米 = {mu} 亩 = {ha} 公顷</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_stats.py" line="52" />
      <source>Areas are the land each layer covers (overlapping features counted once); the feature-area sum, which counts overlaps again, is the feature_area column.</source>
      <translation>面积为各图层覆盖的土地面积（重叠要素只计一次）；要素面积合计（重叠部分重复计）见 feature_area 列。</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_stats.py" line="44" />
      <source>Areas are the land each layer covers in a unit: overlapping features of one layer count once, so a share never exceeds 100 %. The feature area sum adds every feature and counts overlaps again.</source>
      <translation>面积为各图层在单元内覆盖的土地面积：同一图层内重叠的要素只计一次，占比不会超过 100%。“要素面积合计”为各要素面积相加，重叠部分重复计。</translation>
    </message>
    <message>
      <location filename="ecomap/app/tool_handlers.py" line="92" />
      <source>At {lon:.5f}°E, {lat:.5f}°N.</source>
      <translation>位置：东经 {lon:.5f}°，北纬 {lat:.5f}°。</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_actions.py" line="319" />
      <source>Atlas</source>
      <translation>图集</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_actions.py" line="393" />
      <source>Atlas (one page per feature)…</source>
      <translation>图集（每个要素一页）…</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/templates.py" line="122" />
      <source>Atlas {page}</source>
      <translation>图集 {page}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/project_detail.py" line="57" />
      <source>Attributes</source>
      <translation>属性</translation>
    </message>
    <message>
      <location filename="ecomap/app/layer_actions.py" line="75" />
      <source>Attributes — {name}</source>
      <translation>属性表 — {name}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/status_dialog.py" line="70" />
      <source>Audit &amp;remark</source>
      <translation>审计说明(&amp;R)</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/ban_zone_panel.py" line="88" />
      <source>Ban zone</source>
      <translation>禁养区</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/__init__.py" line="24" />
      <source>Ban zones</source>
      <translation>禁养禁牧</translation>
    </message>
    <message>
      <location filename="ecomap/gui/raster_style_widget.py" line="37" />
      <source>Band</source>
      <translation>波段</translation>
    </message>
    <message>
      <location filename="ecomap/gui/identify_panel.py" line="59" />
      <source>Band {n}</source>
      <translation>波段 {n}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/raster_style_widget.py" line="47" />
      <source>Bands</source>
      <translation>波段组合</translation>
    </message>
    <message>
      <location filename="ecomap/services/screening_report.py" line="230" />
      <source>Basis</source>
      <translation>依据</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/project_detail.py" line="19" />
      <source>Behind schedule</source>
      <translation>滞后于序时进度</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/text.py" line="90" />
      <source>Beijing 1954 Coordinate System</source>
      <translation>1954北京坐标系</translation>
    </message>
    <message>
      <location filename="ecomap/gui/crs_dialog.py" line="101" />
      <source>Beijing 1954 longitude/latitude</source>
      <translation>北京 54 经纬度</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="332" />
      <source>Bold</source>
      <translation>粗体</translation>
    </message>
    <message>
      <location filename="ecomap/gui/bookmarks_panel.py" line="62" />
      <source>Bookmark {n}</source>
      <translation>书签 {n}</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="134" />
      <source>Bookmarks</source>
      <translation>空间书签</translation>
    </message>
    <message>
      <location filename="ecomap/services/screening_report.py" line="265" />
      <source>Boundary contact without overlapping area is not counted as an overlap. Areas and distances are ellipsoidal (CGCS2000).</source>
      <translation>仅边界接触而无重叠面积的不计为压占。面积与距离均为椭球计算（CGCS2000）。</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="96" />
      <source>Boundary points</source>
      <translation>界址点数</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/templates.py" line="185" />
      <source>Briefing map</source>
      <translation>汇报图</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/templates.py" line="50" />
      <source>Briefing map {page}</source>
      <translation>汇报图 {page}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_screening.py" line="96" />
      <source>Browse…</source>
      <translation>浏览…</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_screening.py" line="134" />
      <source>Buffer for lines and points</source>
      <translation>线状/点状用地缓冲宽度</translation>
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="406" />
      <source>CAD layer</source>
      <translation>CAD 图层</translation>
    </message>
    <message>
      <location filename="ecomap/gui/crs_dialog.py" line="86" />
      <source>CGCS2000 3° zone {zone} (central meridian {cm}°E), eastings without zone number</source>
      <translation>CGCS2000 3 度带第 {zone} 带（中央经线 {cm}°E），横坐标不带带号</translation>
    </message>
    <message>
      <location filename="ecomap/gui/crs_dialog.py" line="90" />
      <source>CGCS2000 longitude/latitude</source>
      <translation>CGCS2000 经纬度</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_data_dialog.py" line="56" />
      <source>CGCS2000 longitude/latitude (EPSG:4490)</source>
      <translation>CGCS2000 经纬度（EPSG:4490）</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="126" />
      <source>CRS</source>
      <translation>坐标系</translation>
    </message>
    <message>
      <location filename="ecomap/app/task_progress.py" line="29" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_common.py" line="121" />
      <source>Cancelled</source>
      <translation>已取消</translation>
    </message>
    <message>
      <location filename="ecomap/gui/task_indicator.py" line="108" />
      <source>Cancelling: {what}</source>
      <translation>正在取消：{what}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/rectification_panel.py" line="284" />
      <source>Cannot edit</source>
      <translation>无法编辑</translation>
    </message>
    <message>
      <location filename="ecomap/gui/style_dialog.py" line="47" />
      <source>Categorized (by value)</source>
      <translation>分类（按值）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/rectification_panel.py" line="253" />
      <source>Category</source>
      <translation>问题类别</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="463" />
      <source>Centred on {x:.3f}, {y:.3f} ({note})</source>
      <translation>已定位到 {x:.3f}, {y:.3f}（{note}）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/rectification_panel.py" line="128" />
      <source>Change &amp;status… (F2)</source>
      <translation>变更状态(&amp;S)…（F2）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="101" />
      <source>Change encoding…</source>
      <translation>更改编码…</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="230" />
      <source>Change page</source>
      <translation>更改纸张</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/status_dialog.py" line="34" />
      <source>Change status of {code}</source>
      <translation>变更 {code} 的状态</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/restoration_panel.py" line="154" />
      <source>Charts</source>
      <translation>图表</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="106" />
      <source>Check</source>
      <translation>检查</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/text.py" line="88" />
      <source>China Geodetic Coordinate System 2000</source>
      <translation>2000国家大地坐标系</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="211" />
      <source>Choose a picture</source>
      <translation>选择图片</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_data_dialog.py" line="242" />
      <source>Choose at least one layer and where to save.</source>
      <translation>请至少选择一个图层，并指定保存位置。</translation>
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="84" />
      <source>Choose colour</source>
      <translation>选择颜色</translation>
    </message>
    <message>
      <location filename="ecomap/gui/dataset_chooser.py" line="36" />
      <source>Choose datasets — {name}</source>
      <translation>选择数据集 — {name}</translation>
    </message>
    <message>
      <location filename="ecomap/app/layer_actions.py" line="120" />
      <source>Choose the coordinate system the data was made in. The coordinates are not changed; EcoMap only learns how to read them.</source>
      <translation>请选择数据制作时所用的坐标系。坐标值不会被修改，EcoMap 只是据此正确理解它们。</translation>
    </message>
    <message>
      <location filename="ecomap/gui/encoding_dialog.py" line="60" />
      <source>Choose the encoding in which the Chinese text below reads correctly.</source>
      <translation>请选择能让下方中文正常显示的编码。</translation>
    </message>
    <message>
      <location filename="ecomap/gui/goto_dialog.py" line="81" />
      <source>Choose…</source>
      <translation>选择…</translation>
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="49" />
      <source>Circle</source>
      <translation>圆形</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/water_panel.py" line="143" />
      <source>Class</source>
      <translation>类别</translation>
    </message>
    <message>
      <location filename="ecomap/gui/class_style_widgets.py" line="207" />
      <source>Classes</source>
      <translation>类别数</translation>
    </message>
    <message>
      <location filename="ecomap/gui/class_style_widgets.py" line="101" />
      <source>Classify</source>
      <translation>分类</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="228" />
      <source>Clear selection</source>
      <translation>清除选择</translation>
    </message>
    <message>
      <location filename="ecomap/gui/identify_panel.py" line="42" />
      <source>Click on the map with the Identify tool.</source>
      <translation>用“识别”工具在地图上点击。</translation>
    </message>
    <message>
      <location filename="ecomap/gui/measure_panel.py" line="57" />
      <source>Click to add points; double-click or right-click to finish; Backspace removes the last point. Measured on the ellipsoid.</source>
      <translation>单击添加节点，双击或右键结束，退格键删除最后一个节点。按椭球面计算。</translation>
    </message>
    <message>
      <location filename="ecomap/gui/status_bar.py" line="92" />
      <source>Click to change</source>
      <translation>点击更改</translation>
    </message>
    <message>
      <location filename="ecomap/gui/raster_style_widget.py" line="65" />
      <source>Clip percentiles</source>
      <translation>截断百分比</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/rectification_panel.py" line="258" />
      <source>Closed on</source>
      <translation>销号日期</translation>
    </message>
    <message>
      <location filename="ecomap/gui/class_style_widgets.py" line="105" />
      <source>Colour ramp</source>
      <translation>色带</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/project_detail.py" line="19" />
      <source>Completion overdue</source>
      <translation>逾期未完工</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="104" />
      <source>Computed area (hm²)</source>
      <translation>计算面积（公顷）</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_screen.py" line="80" />
      <source>Conclusion: {verdict}</source>
      <translation>结论：{verdict}</translation>
    </message>
    <message>
      <location filename="ecomap/services/screening_report.py" line="264" />
      <source>Constraint layers checked: {layers}</source>
      <translation>已检查的约束图层：{layers}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/raster_style_widget.py" line="53" />
      <source>Contrast stretch</source>
      <translation>对比度拉伸</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/ban_zone_panel.py" line="126" />
      <source>Control type</source>
      <translation>管控类型</translation>
    </message>
    <message>
      <location filename="ecomap/gui/crs_dialog.py" line="112" />
      <source>Coordinate system</source>
      <translation>坐标系</translation>
    </message>
    <message>
      <location filename="ecomap/gui/goto_dialog.py" line="117" />
      <source>Coordinate system of the X, Y</source>
      <translation>X, Y 的坐标系</translation>
    </message>
    <message>
      <location filename="ecomap/app/data_loader.py" line="278" />
      <source>Coordinate system of {name}</source>
      <translation>{name} 的坐标系</translation>
    </message>
    <message>
      <location filename="ecomap/services/screening_report.py" line="213" />
      <source>Coordinate system: {crs}</source>
      <translation>坐标系：{crs}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/goto_dialog.py" line="91" />
      <source>Coordinates</source>
      <translation>坐标</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_screening.py" line="87" />
      <source>Coordinates or WKT</source>
      <translation>坐标或 WKT</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_actions.py" line="305" />
      <source>Copied the map image ({w} × {h} pixels)</source>
      <translation>已复制地图图片（{w} × {h} 像素）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="465" />
      <source>Copied the page image</source>
      <translation>已复制页面图片</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_actions.py" line="308" />
      <source>Copy map image</source>
      <translation>复制地图图片</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="164" />
      <source>Copy page image</source>
      <translation>复制整页图片</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_actions.py" line="306" />
      <source>Copying the map image</source>
      <translation>正在复制地图图片</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="466" />
      <source>Copying the page image</source>
      <translation>正在复制页面图片</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_actions.py" line="79" />
      <source>Could not write {path}: {error}</source>
      <translation>无法写出 {path}：{error}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/rectification_panel.py" line="144" />
      <source>Counts by source and status</source>
      <translation>按来源和状态统计</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_actions.py" line="331" />
      <source>Coverage layer</source>
      <translation>覆盖图层</translation>
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="44" />
      <source>Cross-hatch</source>
      <translation>交叉线</translation>
    </message>
    <message>
      <location filename="ecomap/gui/status_bar.py" line="29" />
      <source>Cursor longitude/latitude</source>
      <translation>光标经纬度</translation>
    </message>
    <message>
      <location filename="ecomap/gui/status_bar.py" line="26" />
      <source>Cursor position in the map coordinate system</source>
      <translation>光标在地图坐标系中的位置</translation>
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="200" />
      <source>Custom</source>
      <translation>自定义</translation>
    </message>
    <message>
      <location filename="ecomap/gui/status_bar.py" line="31" />
      <source>DMS</source>
      <translation>度分秒</translation>
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="39" />
      <source>Dash-dot</source>
      <translation>点划线</translation>
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="39" />
      <source>Dashed</source>
      <translation>虚线</translation>
    </message>
    <message>
      <location filename="ecomap/app/project_controller.py" line="179" />
      <source>Data file not found</source>
      <translation>找不到数据文件</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="420" />
      <source>Data source</source>
      <translation>数据来源</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/project_detail.py" line="73" />
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <location filename="ecomap/services/screening_report.py" line="214" />
      <source>Date: {date}</source>
      <translation>日期：{date}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/ban_zone_panel.py" line="130" />
      <source>Days left</source>
      <translation>剩余天数</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/rectification_panel.py" line="256" />
      <source>Days to deadline</source>
      <translation>距整改时限(天)</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/project_detail.py" line="84" />
      <source>Deadline</source>
      <translation>整改时限</translation>
    </message>
    <message>
      <location filename="ecomap/gui/bookmarks_panel.py" line="33" />
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="154" />
      <source>Delete item</source>
      <translation>删除元素</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/restoration_panel.py" line="153" />
      <source>Details</source>
      <translation>详情</translation>
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="44" />
      <source>Diagonal lines</source>
      <translation>斜线</translation>
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="50" />
      <source>Diamond</source>
      <translation>菱形</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/ban_zone_panel.py" line="89" />
      <source>Disposal</source>
      <translation>处置方式</translation>
    </message>
    <message>
      <location filename="ecomap/gui/measure_panel.py" line="79" />
      <source>Distance</source>
      <translation>距离</translation>
    </message>
    <message>
      <location filename="ecomap/services/screening_report.py" line="251" />
      <source>Distance (m)</source>
      <translation>距离(米)</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_overlay.py" line="86" />
      <source>Distance query</source>
      <translation>距离查询</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_menu.py" line="67" />
      <source>Distance query…</source>
      <translation>距离查询…</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_common.py" line="119" />
      <source>Done</source>
      <translation>完成</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/rectification_panel.py" line="257" />
      <source>Done %</source>
      <translation>完成率%</translation>
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="45" />
      <source>Dots</source>
      <translation>点状</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_actions.py" line="289" />
      <source>Dots per inch</source>
      <translation>每英寸点数（dpi）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="39" />
      <source>Dotted</source>
      <translation>点线</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_screening.py" line="84" />
      <source>Draw on the map</source>
      <translation>在地图上绘制</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="340" />
      <source>Drawing failed: {error}</source>
      <translation>绘制失败：{error}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_scene.py" line="103" />
      <source>Drawing map…</source>
      <translation>正在绘制…</translation>
    </message>
    <message>
      <location filename="ecomap/core/render/job.py" line="278" />
      <source>Drawing the map…</source>
      <translation>正在绘制地图…</translation>
    </message>
    <message>
      <location filename="ecomap/services/exports.py" line="98" />
      <source>Drawing the page…</source>
      <translation>正在绘制页面…</translation>
    </message>
    <message>
      <location filename="ecomap/services/exports.py" line="75" />
      <source>Drawing {name}…</source>
      <translation>正在绘制 {name}…</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_screening.py" line="91" />
      <source>Draw…</source>
      <translation>绘制…</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_actions.py" line="382" />
      <source>E&amp;xport</source>
      <translation>导出(&amp;X)</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/rectification_panel.py" line="129" />
      <source>E&amp;xport XLSX…</source>
      <translation>导出 XLSX(&amp;X)…</translation>
    </message>
    <message>
      <location filename="ecomap/gui/crs_dialog.py" line="138" />
      <source>EPSG</source>
      <translation>EPSG</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_screening.py" line="104" />
      <source>EPSG code (optional)</source>
      <translation>EPSG 代码（可选）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/crs_dialog.py" line="134" />
      <source>EPSG code or name</source>
      <translation>EPSG 代码或名称</translation>
    </message>
    <message>
      <location filename="ecomap/gui/goto_dialog.py" line="80" />
      <source>EPSG code, empty = map CRS</source>
      <translation>EPSG 代码，留空表示地图坐标系</translation>
    </message>
    <message>
      <location filename="ecomap/gui/goto_dialog.py" line="131" />
      <source>EPSG:{code} is not a known coordinate system</source>
      <translation>EPSG:{code} 不是已知的坐标系</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt_writer.py" line="106" />
      <source>EPSG:{epsg} is not a Chinese Gauss-Krüger coordinate system</source>
      <translation>EPSG:{epsg} 不是我国高斯-克吕格投影坐标系</translation>
    </message>
    <message>
      <location filename="ecomap/io/crs_detect.py" line="425" />
      <source>EcoMap assumes EPSG:{epsg} for the declared coordinate system: {reason}</source>
      <translation>EcoMap 将文件声明的坐标系推断为 EPSG:{epsg}：{reason}</translation>
    </message>
    <message>
      <location filename="ecomap/app/data_loader.py" line="187" />
      <source>EcoMap could not open {n} file(s):</source>
      <translation>EcoMap 无法打开 {n} 个文件：</translation>
    </message>
    <message>
      <location filename="ecomap/app/project_controller.py" line="303" />
      <source>EcoMap did not close normally last time. Recover the unsaved work on {what} (autosaved {when})?</source>
      <translation>EcoMap 上次没有正常关闭。是否恢复 {what} 中未保存的工作（自动保存于 {when}）？</translation>
    </message>
    <message>
      <location filename="ecomap/io/zipped.py" line="114" />
      <source>EcoMap does not read rasters from inside a ZIP archive; unpack it and open the image file</source>
      <translation>EcoMap 不能直接读取 ZIP 压缩包内的栅格，请解压后打开影像文件</translation>
    </message>
    <message>
      <location filename="ecomap/app/project_controller.py" line="34" />
      <source>EcoMap project (*.ecomap)</source>
      <translation>EcoMap 工程 (*.ecomap)</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="490" />
      <source>EcoMap — a desktop GIS for county natural-resources and ecology-environment work: ecological red lines, coal-mining subsidence, grazing and breeding bans, water quality and mine restoration.</source>
      <translation>EcoMap——面向县级自然资源和生态环境工作的桌面 GIS：生态保护红线、采煤沉陷区、禁牧禁养、水质监测和矿山生态修复。</translation>
    </message>
    <message>
      <location filename="ecomap/cli/main.py" line="66" />
      <source>EcoMap: desktop GIS for ecological protection and mine restoration (headless commands)</source>
      <translation>EcoMap 生态一张图：生态保护与矿山修复桌面 GIS（命令行）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/__init__.py" line="36" />
      <source>Edit not carried out</source>
      <translation>编辑未执行</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/project_edit_dialog.py" line="36" />
      <source>Edit project {code}</source>
      <translation>编辑项目 {code}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="425" />
      <source>Edit text</source>
      <translation>编辑文字</translation>
    </message>
    <message>
      <location filename="ecomap/services/editing.py" line="274" />
      <source>Edit {key}: {fields}</source>
      <translation>编辑 {key}：{fields}</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="128" />
      <source>Encoding</source>
      <translation>编码</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_data_dialog.py" line="213" />
      <source>Enter 7 parameters…</source>
      <translation>输入七参数…</translation>
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="407" />
      <source>Entity handle</source>
      <translation>实体句柄</translation>
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="406" />
      <source>Entity type</source>
      <translation>实体类型</translation>
    </message>
    <message>
      <location filename="ecomap/gui/class_style_widgets.py" line="47" />
      <source>Equal interval</source>
      <translation>等间距</translation>
    </message>
    <message>
      <location filename="ecomap/gui/encoding_dialog.py" line="42" />
      <source>Error</source>
      <translation>错误</translation>
    </message>
    <message>
      <location filename="ecomap/gui/attribute_table.py" line="47" />
      <source>Excel holds at most {n} rows; export to CSV instead</source>
      <translation>Excel 最多容纳 {n} 行，请导出为 CSV</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/rectification_panel.py" line="310" />
      <source>Excel workbook (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <location filename="ecomap/gui/attribute_table.py" line="167" />
      <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
      <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
      <location filename="ecomap/domain/water_quality.py" line="135" />
      <source>Excellent</source>
      <translation>优</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="185" />
      <source>Exit</source>
      <translation>退出</translation>
    </message>
    <message>
      <location filename="ecomap/gui/attribute_table.py" line="94" />
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_screening.py" line="322" />
      <source>Export PDF report</source>
      <translation>导出 PDF 报告</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_screening.py" line="156" />
      <source>Export PDF report…</source>
      <translation>导出 PDF 报告…</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="161" />
      <source>Export PDF…</source>
      <translation>导出 PDF…</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="163" />
      <source>Export SVG…</source>
      <translation>导出 SVG…</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_actions.py" line="105" />
      <source>Export cancelled: {path}</source>
      <translation>已取消导出：{path}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_data_dialog.py" line="71" />
      <source>Export data</source>
      <translation>导出数据</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_actions.py" line="395" />
      <source>Export data…</source>
      <translation>导出数据…</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_overlay.py" line="128" />
      <source>Export distance query</source>
      <translation>导出距离查询</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/rectification_panel.py" line="318" />
      <source>Export failed</source>
      <translation>导出失败</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="162" />
      <source>Export image…</source>
      <translation>导出图片…</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="434" />
      <source>Export layout</source>
      <translation>导出版式</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_actions.py" line="280" />
      <source>Export map</source>
      <translation>导出地图</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_actions.py" line="390" />
      <source>Export map image or PDF…</source>
      <translation>导出地图图片或 PDF…</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_overlay.py" line="78" />
      <source>Export overlap report</source>
      <translation>导出叠加重叠分析</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_stats.py" line="130" />
      <source>Export statistics</source>
      <translation>导出统计结果</translation>
    </message>
    <message>
      <location filename="ecomap/gui/attribute_table.py" line="166" />
      <source>Export table</source>
      <translation>导出表格</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_screening.py" line="337" />
      <source>Export tables</source>
      <translation>导出表格</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_screening.py" line="157" />
      <source>Export tables…</source>
      <translation>导出表格…</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/rectification_panel.py" line="309" />
      <source>Export the ledger</source>
      <translation>导出整改台账</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_zonal.py" line="137" />
      <source>Export zonal statistics</source>
      <translation>导出分区统计</translation>
    </message>
    <message>
      <location filename="ecomap/gui/attribute_table.py" line="181" />
      <source>Exported to {path}</source>
      <translation>已导出到 {path}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_screening.py" line="327" />
      <source>Exporting {name}</source>
      <translation>正在导出 {name}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/attribute_table.py" line="175" />
      <source>Exporting {n} rows…</source>
      <translation>正在导出 {n} 行…</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_common.py" line="408" />
      <source>Export…</source>
      <translation>导出…</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="127" />
      <source>Extent</source>
      <translation>范围</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_common.py" line="120" />
      <source>Failed</source>
      <translation>失败</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/water_panel.py" line="145" />
      <source>Failing parameters (× over the target limit)</source>
      <translation>超标因子（超标倍数）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/ban_zone_panel.py" line="87" />
      <source>Farm</source>
      <translation>养殖场</translation>
    </message>
    <message>
      <location filename="ecomap/services/screening_report.py" line="235" />
      <source>Feature</source>
      <translation>要素</translation>
    </message>
    <message>
      <location filename="ecomap/gui/identify_panel.py" line="118" />
      <source>Feature #{n}</source>
      <translation>要素 #{n}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/identify_panel.py" line="39" />
      <source>Feature / field</source>
      <translation>要素 / 字段</translation>
    </message>
    <message>
      <location filename="ecomap/gui/attribute_model.py" line="136" />
      <source>Feature ID {fid}</source>
      <translation>要素 ID {fid}</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="125" />
      <source>Features</source>
      <translation>要素数</translation>
    </message>
    <message>
      <location filename="ecomap/gui/class_style_widgets.py" line="104" />
      <source>Field</source>
      <translation>字段</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="137" />
      <source>Fields</source>
      <translation>字段</translation>
    </message>
    <message>
      <location filename="ecomap/gui/expression_dialog.py" line="72" />
      <source>Fields (double-click to insert)</source>
      <translation>字段（双击插入）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="416" />
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_screening.py" line="86" />
      <source>File (parcel TXT, Shapefile, KML …)</source>
      <translation>文件（界址点 TXT、Shapefile、KML 等）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_tree_view.py" line="173" />
      <source>File not found: {path}</source>
      <translation>找不到文件：{path}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="101" />
      <source>Fill</source>
      <translation>填充</translation>
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="108" />
      <source>Fill colour</source>
      <translation>填充颜色</translation>
    </message>
    <message>
      <location filename="ecomap/gui/attribute_table.py" line="82" />
      <source>Filter</source>
      <translation>筛选</translation>
    </message>
    <message>
      <location filename="ecomap/gui/attribute_table.py" line="78" />
      <source>Filter, e.g.  面积 &gt; 1000 AND 治理状态 = '未治理'</source>
      <translation>筛选条件，例如  面积 &gt; 1000 AND 治理状态 = '未治理'</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_overlay.py" line="99" />
      <source>Find features of</source>
      <translation>查找图层</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/project_detail.py" line="17" />
      <source>Finished</source>
      <translation>已完工</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="156" />
      <source>Fit page</source>
      <translation>整页显示</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_actions.py" line="344" />
      <source>Folder for the atlas pages</source>
      <translation>图集页面所在文件夹</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_data_dialog.py" line="152" />
      <source>Folder for the exported files</source>
      <translation>导出文件所在文件夹</translation>
    </message>
    <message>
      <location filename="ecomap/gui/style_dialog.py" line="64" />
      <source>Font size</source>
      <translation>字号</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_screening.py" line="81" />
      <source>Footprint</source>
      <translation>项目用地</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_screen.py" line="81" />
      <source>Footprint area: {m2:,.2f} m² ({mu:,.3f} mu, {ha:,.4f} ha)</source>
      <translation>用地面积：{m2:,.2f} 平方米（{mu:,.3f} 亩，{ha:,.4f} 公顷）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_screening.py" line="274" />
      <source>Footprint area: {m2:,.2f} m² ({mu:,.3f} mu, {ha:,.4f} ha) — screened in {ms:.0f} ms</source>
      <translation>用地面积：{m2:,.2f} 平方米（{mu:,.3f} 亩，{ha:,.4f} 公顷），分析用时 {ms:.0f} 毫秒</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_screening.py" line="200" />
      <source>Footprint file</source>
      <translation>项目用地文件</translation>
    </message>
    <message>
      <location filename="ecomap/services/screening_report.py" line="208" />
      <source>Footprint: {source}</source>
      <translation>项目用地：{source}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_data_dialog.py" line="113" />
      <source>Format</source>
      <translation>格式</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="319" />
      <source>Frame line</source>
      <translation>边框线</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="320" />
      <source>Frame line (mm)</source>
      <translation>边框线宽（毫米）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/project_detail.py" line="73" />
      <source>From</source>
      <translation>原阶段</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="219" />
      <source>Full extent</source>
      <translation>全图</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_data_dialog.py" line="95" />
      <source>GBK is the default: ArcGIS and most Chinese land and forestry software read Shapefiles and parcel TXT files as GBK. Choose UTF-8 for QGIS and newer tools; a Shapefile field name then holds 3 Chinese characters instead of 5.</source>
      <translation>默认 GBK：ArcGIS 和多数国产国土、林业软件按 GBK 读取 Shapefile 和界址点 TXT。QGIS 等新软件可选 UTF-8，此时 Shapefile 字段名最多 3 个汉字（GBK 为 5 个）。</translation>
    </message>
    <message>
      <location filename="ecomap/io/mapinfo.py" line="108" />
      <source>GDAL cannot read this MapInfo table ({detail})</source>
      <translation>GDAL 无法读取此 MapInfo 表（{detail}）</translation>
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="244" />
      <source>GDAL cannot read this file ({detail})</source>
      <translation>GDAL 无法读取此文件（{detail}）</translation>
    </message>
    <message>
      <location filename="ecomap/io/registry.py" line="111" />
      <source>GPS tracks</source>
      <translation>GPS 轨迹</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="124" />
      <source>Geometry</source>
      <translation>几何类型</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_data_dialog.py" line="116" />
      <source>Geometry (CSV, Excel)</source>
      <translation>几何（CSV、Excel）</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="100" />
      <source>Geometry type</source>
      <translation>图形属性</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/status_dialog.py" line="43" />
      <source>Go back to an earlier status (explicit)</source>
      <translation>退回到之前的状态（明确退回）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/goto_dialog.py" line="73" />
      <source>Go to coordinates</source>
      <translation>定位到坐标</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="224" />
      <source>Go to coordinates…</source>
      <translation>定位到坐标…</translation>
    </message>
    <message>
      <location filename="ecomap/domain/water_quality.py" line="136" />
      <source>Good</source>
      <translation>良好</translation>
    </message>
    <message>
      <location filename="ecomap/gui/style_dialog.py" line="48" />
      <source>Graduated (by number ranges)</source>
      <translation>分级（按数值范围）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/ban_zone_panel.py" line="62" />
      <source>Grazing ban</source>
      <translation>禁牧</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/ban_zone_panel.py" line="109" />
      <source>Grazing rules in force on &amp;date</source>
      <translation>禁牧休牧执行日期(&amp;D)</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="361" />
      <source>Grid</source>
      <translation>格网</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_overlay.py" line="38" />
      <source>Group A by</source>
      <translation>A 汇总字段</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_overlay.py" line="39" />
      <source>Group B by</source>
      <translation>B 汇总字段</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_tree_view.py" line="407" />
      <source>Group layers</source>
      <translation>图层编组</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_tree_view.py" line="395" />
      <source>Group name:</source>
      <translation>组名：</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_tree_view.py" line="447" />
      <source>Group selected layers…</source>
      <translation>将所选图层编组…</translation>
    </message>
    <message>
      <location filename="ecomap/core/tree_commands.py" line="134" />
      <source>Group {name}</source>
      <translation>编组 {name}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/style_dialog.py" line="74" />
      <source>Halo</source>
      <translation>描边</translation>
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="145" />
      <source>Hatch</source>
      <translation>晕线</translation>
    </message>
    <message>
      <location filename="ecomap/domain/water_quality.py" line="139" />
      <source>Heavily polluted</source>
      <translation>重度污染</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="317" />
      <source>Height (mm)</source>
      <translation>高（毫米）</translation>
    </message>
    <message>
      <location filename="ecomap/core/tree_commands.py" line="21" />
      <source>Hide {name}</source>
      <translation>隐藏 {name}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/legend.py" line="140" />
      <source>Hillshade</source>
      <translation>山体阴影</translation>
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="45" />
      <source>Horizontal lines</source>
      <translation>横线</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="199" />
      <source>Identify</source>
      <translation>识别</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="200" />
      <source>Identify features: click on the map</source>
      <translation>识别要素：在地图上单击</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="130" />
      <source>Identify results</source>
      <translation>识别结果</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="212" />
      <source>Images</source>
      <translation>图片</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/ban_zone_panel.py" line="125" />
      <source>In force</source>
      <translation>执行情况</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="126" />
      <source>Information</source>
      <translation>信息</translation>
    </message>
    <message>
      <location filename="ecomap/gui/goto_dialog.py" line="90" />
      <source>Input</source>
      <translation>输入类型</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/ban_zone_panel.py" line="95" />
      <source>Inspected</source>
      <translation>核查日期</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="129" />
      <source>Invalid geometries</source>
      <translation>无效几何</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/restoration_panel.py" line="142" />
      <source>Investment by planned start year (×10⁴ CNY)</source>
      <translation>按计划开工年度的投资（万元）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/restoration_panel.py" line="245" />
      <source>Investment: planned &lt;b&gt;{planned}&lt;/b&gt;, spent &lt;b&gt;{done}&lt;/b&gt; ({share}), still to spend &lt;b&gt;{left}&lt;/b&gt; ×10⁴ CNY</source>
      <translation>投资：计划 &lt;b&gt;{planned}&lt;/b&gt;，累计完成 &lt;b&gt;{done}&lt;/b&gt;（{share}），尚需 &lt;b&gt;{left}&lt;/b&gt; 万元</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/project_detail.py" line="84" />
      <source>Issue</source>
      <translation>问题描述</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/project_detail.py" line="84" />
      <source>Issue ID</source>
      <translation>问题编号</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/rectification_panel.py" line="145" />
      <source>Item</source>
      <translation>问题详情</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="113" />
      <source>Items</source>
      <translation>元素</translation>
    </message>
    <message>
      <location filename="ecomap/io/ogr.py" line="122" />
      <source>JSON syntax error at line {line}, column {col}: {msg}</source>
      <translation>JSON 语法错误：第 {line} 行第 {col} 列：{msg}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_data_dialog.py" line="55" />
      <source>Keep each layer's coordinate system</source>
      <translation>保持各图层原坐标系</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_data_dialog.py" line="215" />
      <source>Keep the coordinates (up to about 100 m off)</source>
      <translation>坐标保持不变（可能偏差约 100 米）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/class_style_widgets.py" line="106" />
      <source>Label</source>
      <translation>文字</translation>
    </message>
    <message>
      <location filename="ecomap/gui/style_dialog.py" line="59" />
      <source>Label field</source>
      <translation>标注字段</translation>
    </message>
    <message>
      <location filename="ecomap/gui/style_dialog.py" line="164" />
      <source>Labels</source>
      <translation>标注</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="103" />
      <source>Land class code</source>
      <translation>地类编码</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="102" />
      <source>Land use</source>
      <translation>地块用途</translation>
    </message>
    <message>
      <location filename="ecomap/io/export.py" line="120" />
      <source>Land-parcel coordinate TXT</source>
      <translation>界址点坐标 TXT</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="123" />
      <source>Layer</source>
      <translation>图层</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_overlay.py" line="36" />
      <source>Layer A</source>
      <translation>图层 A</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_overlay.py" line="37" />
      <source>Layer B</source>
      <translation>图层 B</translation>
    </message>
    <message>
      <location filename="ecomap/gui/style_dialog.py" line="100" />
      <source>Layer opacity</source>
      <translation>图层透明度</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="232" />
      <source>Layer properties…</source>
      <translation>图层属性…</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="231" />
      <source>Layer style…</source>
      <translation>图层样式…</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="114" />
      <source>Layers</source>
      <translation>图层</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="483" />
      <source>Layers in other coordinate systems are reprojected on the fly.</source>
      <translation>其他坐标系的图层会实时投影到地图坐标系。</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="487" />
      <source>Layout templates</source>
      <translation>版式模板</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/rectification_panel.py" line="320" />
      <source>Ledger exported to {path}</source>
      <translation>台账已导出到 {path}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="316" />
      <source>Left (mm)</source>
      <translation>左（毫米）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="392" />
      <source>Legend entries</source>
      <translation>图例条目</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="396" />
      <source>Legend label</source>
      <translation>图例文字</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="369" />
      <source>Legend title</source>
      <translation>图例标题</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/water_panel.py" line="147" />
      <source>Level</source>
      <translation>级别</translation>
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="116" />
      <source>Line colour</source>
      <translation>线条颜色</translation>
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="134" />
      <source>Line style</source>
      <translation>线型</translation>
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="407" />
      <source>Line type</source>
      <translation>线型</translation>
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="129" />
      <source>Line width</source>
      <translation>线宽</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="37" />
      <source>Lines</source>
      <translation>线</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/rectification_panel.py" line="258" />
      <source>Linked project</source>
      <translation>关联项目</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/project_detail.py" line="77" />
      <source>Linked rectification items</source>
      <translation>关联督察整改问题</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/rectification_panel.py" line="92" />
      <source>Load a rectification-items layer (e.g. the sample county.gpkg) to see the ledger here.</source>
      <translation>加载督察整改问题图层（例如示例数据 county.gpkg）后，这里显示整改台账。</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/restoration_panel.py" line="93" />
      <source>Load a restoration-projects layer (e.g. the sample county.gpkg) to see the projects here.</source>
      <translation>加载生态修复项目图层（例如示例数据 county.gpkg）后，这里显示项目。</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/water_panel.py" line="119" />
      <source>Load a water-sections layer with its monthly measurements (e.g. the sample county.gpkg) to see water quality here.</source>
      <translation>加载水质断面图层及其逐月监测数据（例如示例数据 county.gpkg）后，这里显示水质。</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="494" />
      <source>Load template</source>
      <translation>加载模板</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="158" />
      <source>Load template…</source>
      <translation>加载模板…</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/ban_zone_panel.py" line="82" />
      <source>Load the farms and breeding-ban zone layers (e.g. the sample county.gpkg) to see farms in ban zones here.</source>
      <translation>加载养殖场和畜禽养殖禁养区图层（例如示例数据 county.gpkg）后，这里显示位于禁养区内的养殖场。</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/ban_zone_panel.py" line="76" />
      <source>Loading the ban zones</source>
      <translation>正在加载禁养区与禁牧区</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/rectification_panel.py" line="88" />
      <source>Loading the rectification ledger</source>
      <translation>正在加载整改台账</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/restoration_panel.py" line="89" />
      <source>Loading the restoration projects</source>
      <translation>正在加载生态修复项目</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/water_panel.py" line="115" />
      <source>Loading the water-quality data</source>
      <translation>正在加载水质数据</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/widgets.py" line="111" />
      <source>Loading…</source>
      <translation>正在加载…</translation>
    </message>
    <message>
      <location filename="ecomap/app/layer_actions.py" line="176" />
      <source>Locate file</source>
      <translation>查找文件</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_tree_view.py" line="437" />
      <source>Locate file…</source>
      <translation>查找文件…</translation>
    </message>
    <message>
      <location filename="ecomap/app/layer_actions.py" line="167" />
      <source>Locate {name}</source>
      <translation>查找 {name}</translation>
    </message>
    <message>
      <location filename="ecomap/app/project_controller.py" line="182" />
      <source>Locate…</source>
      <translation>查找…</translation>
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="40" />
      <source>Long dashes</source>
      <translation>长虚线</translation>
    </message>
    <message>
      <location filename="ecomap/gui/goto_dialog.py" line="32" />
      <source>Longitude, latitude (CGCS2000 / WGS84)</source>
      <translation>经度, 纬度（CGCS2000 / WGS84）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/goto_dialog.py" line="33" />
      <source>Longitude, latitude from Amap/Tencent (GCJ-02, approximate)</source>
      <translation>高德/腾讯地图的经度, 纬度（GCJ-02，近似）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/goto_dialog.py" line="34" />
      <source>Longitude, latitude from Baidu (BD-09, approximate)</source>
      <translation>百度地图的经度, 纬度（BD-09，近似）</translation>
    </message>
    <message>
      <location filename="ecomap/app/data_loader.py" line="135" />
      <source>Looking into folders and archives…</source>
      <translation>正在查看文件夹和压缩包…</translation>
    </message>
    <message>
      <location filename="ecomap/app/data_loader.py" line="136" />
      <source>Looking into {name}…</source>
      <translation>正在查看 {name}…</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="275" />
      <source>Main toolbar</source>
      <translation>主工具栏</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="481" />
      <source>Map coordinate system</source>
      <translation>地图坐标系</translation>
    </message>
    <message>
      <location filename="ecomap/gui/status_bar.py" line="45" />
      <source>Map coordinate system — click to change</source>
      <translation>地图坐标系——点击更改</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="236" />
      <source>Map coordinate system…</source>
      <translation>地图坐标系…</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="349" />
      <source>Map extent</source>
      <translation>地图范围</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="282" />
      <source>Map navigation</source>
      <translation>地图浏览</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="340" />
      <source>Map scale</source>
      <translation>地图比例尺</translation>
    </message>
    <message>
      <location filename="ecomap/gui/status_bar.py" line="38" />
      <source>Map scale: type 1:N (e.g. 1:10000 or 1:1万) and press Enter</source>
      <translation>地图比例尺：输入 1:N（例如 1:10000 或 1:1万）后按回车</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="101" />
      <source>Map sheet</source>
      <translation>图幅号</translation>
    </message>
    <message>
      <location filename="ecomap/io/registry.py" line="110" />
      <source>MapInfo tables</source>
      <translation>MapInfo 表</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="420" />
      <source>Mapping unit</source>
      <translation>制图单位</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_actions.py" line="246" />
      <source>Mapping unit (制图单位), remembered for next time:</source>
      <translation>制图单位（下次自动沿用）：</translation>
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="160" />
      <source>Marker</source>
      <translation>点符号</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="364" />
      <source>Mask</source>
      <translation>范围遮罩</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_zonal.py" line="37" />
      <source>Mean slope from a DEM</source>
      <translation>由 DEM 计算平均坡度</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_zonal.py" line="65" />
      <source>Mean unreliable below (valid pixels)</source>
      <translation>有效像元少于此数时均值不可靠</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="132" />
      <source>Measure</source>
      <translation>量算</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="207" />
      <source>Measure area</source>
      <translation>测量面积</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="206" />
      <source>Measure distance</source>
      <translation>测量距离</translation>
    </message>
    <message>
      <location filename="ecomap/gui/measure_panel.py" line="45" />
      <source>Measuring</source>
      <translation>测量内容</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/water_panel.py" line="144" />
      <source>Meets target</source>
      <translation>是否达标</translation>
    </message>
    <message>
      <location filename="ecomap/gui/class_style_widgets.py" line="206" />
      <source>Method</source>
      <translation>方法</translation>
    </message>
    <message>
      <location filename="ecomap/gui/raster_style_widget.py" line="51" />
      <source>Minimum – maximum</source>
      <translation>最小值–最大值</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="38" />
      <source>Mixed geometry</source>
      <translation>混合几何</translation>
    </message>
    <message>
      <location filename="ecomap/domain/water_quality.py" line="138" />
      <source>Moderately polluted</source>
      <translation>中度污染</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="198" />
      <source>Move item</source>
      <translation>移动元素</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_tree_view.py" line="263" />
      <source>Move layers</source>
      <translation>移动图层</translation>
    </message>
    <message>
      <location filename="ecomap/core/tree_commands.py" line="119" />
      <source>Move {name}</source>
      <translation>移动 {name}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/crs_dialog.py" line="138" />
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <location filename="ecomap/gui/bookmarks_panel.py" line="61" />
      <source>Name:</source>
      <translation>名称：</translation>
    </message>
    <message>
      <location filename="ecomap/gui/class_style_widgets.py" line="48" />
      <source>Natural breaks (Jenks)</source>
      <translation>自然断点（Jenks）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_screening.py" line="152" />
      <source>Nearby red lines and water zones</source>
      <translation>临近的红线与水源保护区</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_screening.py" line="153" />
      <source>Nearest water features</source>
      <translation>最近水体要素</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/ban_zone_panel.py" line="207" />
      <source>Needs the farms and the breeding-ban zone layers.</source>
      <translation>需要养殖场图层和禁养区图层。</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/ban_zone_panel.py" line="246" />
      <source>Needs the grazing-zones layer.</source>
      <translation>需要禁牧休牧区图层。</translation>
    </message>
    <message>
      <location filename="ecomap/gui/bookmarks_panel.py" line="61" />
      <source>New bookmark</source>
      <translation>新建书签</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="225" />
      <source>New bookmark…</source>
      <translation>新建书签…</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_tree_view.py" line="395" />
      <source>New group</source>
      <translation>新建组</translation>
    </message>
    <message>
      <location filename="ecomap/gui/measure_panel.py" line="43" />
      <source>New measurement</source>
      <translation>重新测量</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="179" />
      <source>New project</source>
      <translation>新建工程</translation>
    </message>
    <message>
      <location filename="ecomap/gui/expression_dialog.py" line="63" />
      <source>New selection</source>
      <translation>新建选择</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="222" />
      <source>Next extent</source>
      <translation>下一视图</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/rectification_panel.py" line="262" />
      <source>Next steps in the workflow: {steps}</source>
      <translation>下一步可变更为：{steps}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/water_panel.py" line="64" />
      <source>No</source>
      <translation>否</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="156" />
      <source>No data</source>
      <translation>无数据值</translation>
    </message>
    <message>
      <location filename="ecomap/gui/attribute_table.py" line="164" />
      <source>No features are selected.</source>
      <translation>没有选中的要素。</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="38" />
      <source>No geometry (table)</source>
      <translation>无几何（纯属性表）</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="352" />
      <source>No map coordinate system yet</source>
      <translation>尚未确定地图坐标系</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/restoration_panel.py" line="221" />
      <source>No project matches the filters.</source>
      <translation>没有符合筛选条件的项目。</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/project_detail.py" line="79" />
      <source>No rectification item names this project.</source>
      <translation>没有关联本项目的整改问题。</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/project_detail.py" line="69" />
      <source>No stage history recorded.</source>
      <translation>没有阶段记录。</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="468" />
      <source>No vector layer to select from: add one or pick it in the layer list.</source>
      <translation>没有可供选择的矢量图层：请添加图层，或在图层列表中选中一个。</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/water_panel.py" line="356" />
      <source>No {name} values for this section</source>
      <translation>该断面没有{name}数据</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="117" />
      <source>No-data value</source>
      <translation>无数据值</translation>
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="44" />
      <source>None</source>
      <translation>无</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/project_detail.py" line="18" />
      <source>Not due to start</source>
      <translation>未到开工时间</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_tree_view.py" line="177" />
      <source>Not shown at this scale</source>
      <translation>当前比例尺下不显示</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="158" />
      <source>Note</source>
      <translation>提示</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="125" />
      <source>Notes</source>
      <translation>说明</translation>
    </message>
    <message>
      <location filename="ecomap/gui/identify_panel.py" line="90" />
      <source>Nothing found here.</source>
      <translation>此处没有要素。</translation>
    </message>
    <message>
      <location filename="ecomap/app/layer_actions.py" line="102" />
      <source>Nothing is selected in {name}.</source>
      <translation>{name} 中没有选中的要素。</translation>
    </message>
    <message>
      <location filename="ecomap/gui/crs_dialog.py" line="176" />
      <source>Nothing selected</source>
      <translation>未选择</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/rectification_panel.py" line="100" />
      <source>O&amp;pen items only</source>
      <translation>仅未完成(&amp;P)</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/project_detail.py" line="20" />
      <source>On schedule</source>
      <translation>符合序时进度</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/ban_zone_panel.py" line="254" />
      <source>On {day}: {bans} zones under a grazing ban, {rests} in their rest period, {free} open to (controlled) grazing</source>
      <translation>{day}：禁牧 {bans} 个区域，休牧 {rests} 个，其余 {free} 个可（按规定）放牧</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_actions.py" line="327" />
      <source>One PDF, a page per feature</source>
      <translation>一个 PDF，每个要素一页</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_actions.py" line="251" />
      <source>One-click briefing map</source>
      <translation>一键出图</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_actions.py" line="388" />
      <source>One-click briefing map (PDF)…</source>
      <translation>一键出图（PDF）…</translation>
    </message>
    <message>
      <location filename="ecomap/gui/style_dialog.py" line="89" />
      <source>Only show the layer between these scales</source>
      <translation>仅在以下比例尺范围内显示该图层</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_data_dialog.py" line="81" />
      <source>Only the selected features</source>
      <translation>仅导出选中的要素</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_tree_view.py" line="420" />
      <source>Opacity</source>
      <translation>透明度</translation>
    </message>
    <message>
      <location filename="ecomap/core/tree_commands.py" line="35" />
      <source>Opacity of {name}</source>
      <translation>{name} 的透明度</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="230" />
      <source>Open attribute table</source>
      <translation>打开属性表</translation>
    </message>
    <message>
      <location filename="ecomap/app/project_controller.py" line="132" />
      <source>Open project</source>
      <translation>打开工程</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="180" />
      <source>Open project…</source>
      <translation>打开工程…</translation>
    </message>
    <message>
      <location filename="ecomap/app/project_controller.py" line="195" />
      <source>Opening failed: {error}</source>
      <translation>打开失败：{error}</translation>
    </message>
    <message>
      <location filename="ecomap/app/project_controller.py" line="154" />
      <source>Opening project…</source>
      <translation>正在打开工程…</translation>
    </message>
    <message>
      <location filename="ecomap/app/project_controller.py" line="154" />
      <source>Opening {name}…</source>
      <translation>正在打开 {name}…</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/legend.py" line="142" />
      <source>Other</source>
      <translation>其他</translation>
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="110" />
      <source>Outline</source>
      <translation>边线</translation>
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="116" />
      <source>Outline colour</source>
      <translation>边线颜色</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_actions.py" line="333" />
      <source>Output</source>
      <translation>输出</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/rectification_panel.py" line="219" />
      <source>Overdue</source>
      <translation>逾期</translation>
    </message>
    <message>
      <location filename="ecomap/services/screening_report.py" line="81" />
      <source>Overlap</source>
      <translation>重叠部分</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_overlay.py" line="26" />
      <source>Overlap report</source>
      <translation>叠加重叠分析</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_menu.py" line="66" />
      <source>Overlap report…</source>
      <translation>叠加重叠分析…</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_overlay.py" line="44" />
      <source>Overlapping pairs</source>
      <translation>重叠明细</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_screening.py" line="151" />
      <source>Overlaps</source>
      <translation>压占情况</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="116" />
      <source>Overview</source>
      <translation>鹰眼图</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="118" />
      <source>Overviews</source>
      <translation>金字塔</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/edit_commands.py" line="71" />
      <source>Overwrite with mine</source>
      <translation>用我的修改覆盖</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_screening.py" line="101" />
      <source>POLYGON ((x y, …)) or one "x, y" pair per line</source>
      <translation>POLYGON ((x y, …)) 或每行一对“x, y”坐标</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_actions.py" line="332" />
      <source>Page</source>
      <translation>页面</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/atlas.py" line="113" />
      <source>Page {page} of {pages}: {name}</source>
      <translation>第 {page} 页，共 {pages} 页：{name}</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="194" />
      <source>Pan</source>
      <translation>漫游</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="258" />
      <source>Panels</source>
      <translation>面板</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="98" />
      <source>Parcel ID</source>
      <translation>地块编号</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="99" />
      <source>Parcel name</source>
      <translation>地块名称</translation>
    </message>
    <message>
      <location filename="ecomap/gui/raster_style_widget.py" line="52" />
      <source>Percentile clip</source>
      <translation>百分比截断</translation>
    </message>
    <message>
      <location filename="ecomap/gui/measure_panel.py" line="92" />
      <source>Perimeter {value}</source>
      <translation>周长 {value}</translation>
    </message>
    <message>
      <location filename="ecomap/app/layer_actions.py" line="38" />
      <source>Pick a layer in the layer list first.</source>
      <translation>请先在图层列表中选中一个图层。</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="414" />
      <source>Picture</source>
      <translation>图片</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="116" />
      <source>Pixel size</source>
      <translation>像元大小</translation>
    </message>
    <message>
      <location filename="ecomap/analysis/zonal.py" line="524" />
      <source>Pixels counted: every pixel the polygon touches (all touched)</source>
      <translation>像元规则：计入与面边界接触的全部像元（all-touched）</translation>
    </message>
    <message>
      <location filename="ecomap/analysis/zonal.py" line="525" />
      <source>Pixels counted: those whose centre lies inside the polygon</source>
      <translation>像元规则：只计像元中心落在面内的像元（像元中心法）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="329" />
      <source>Placeholders: {title} {date} {scale} {crs} {unit} {source}, and field names such as {XZQMC} in an atlas</source>
      <translation>可用变量：{title} {date} {scale} {crs} {unit} {source}，图集中还可用字段名，如 {XZQMC}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/restoration_panel.py" line="265" />
      <source>Planned</source>
      <translation>计划投资</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/restoration_panel.py" line="120" />
      <source>Planned completion</source>
      <translation>计划完工</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/restoration_panel.py" line="118" />
      <source>Planned ×10⁴</source>
      <translation>计划投资(万元)</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="37" />
      <source>Points</source>
      <translation>点</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_zonal.py" line="56" />
      <source>Polygons</source>
      <translation>面</translation>
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="99" />
      <source>Preview</source>
      <translation>预览</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="221" />
      <source>Previous extent</source>
      <translation>上一视图</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="85" />
      <source>Print layout — {name}</source>
      <translation>出图版式 — {name}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_actions.py" line="389" />
      <source>Print layout…</source>
      <translation>出图版式设计…</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/restoration_panel.py" line="116" />
      <source>Progress %</source>
      <translation>进度%</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/restoration_panel.py" line="143" />
      <source>Progress (coloured) against the schedule to date (grey), %</source>
      <translation>形象进度（彩色）与序时进度（灰色），%</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/rectification_panel.py" line="257" />
      <source>Progress note</source>
      <translation>进展说明</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/project_detail.py" line="48" />
      <source>Progress {actual} against {planned} due by {day}</source>
      <translation>形象进度 {actual}，截至 {day} 序时进度 {planned}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/restoration_panel.py" line="113" />
      <source>Project</source>
      <translation>项目</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/restoration_panel.py" line="122" />
      <source>Project ID</source>
      <translation>项目编号</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_screening.py" line="133" />
      <source>Project type</source>
      <translation>项目类型</translation>
    </message>
    <message>
      <location filename="ecomap/services/screening_report.py" line="210" />
      <source>Project type: {type}</source>
      <translation>项目类型：{type}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/restoration_panel.py" line="141" />
      <source>Projects per stage</source>
      <translation>各阶段项目数</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="115" />
      <source>Properties</source>
      <translation>属性</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="73" />
      <source>Properties — {name}</source>
      <translation>属性 — {name}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_tree_view.py" line="451" />
      <source>Properties…</source>
      <translation>属性…</translation>
    </message>
    <message>
      <location filename="ecomap/gui/class_style_widgets.py" line="47" />
      <source>Quantile (equal count)</source>
      <translation>分位数（等数量）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/raster_style_widget.py" line="17" />
      <source>RGB composite</source>
      <translation>RGB 合成</translation>
    </message>
    <message>
      <location filename="ecomap/gui/class_style_widgets.py" line="216" />
      <source>Range</source>
      <translation>范围</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/ban_zone_panel.py" line="132" />
      <source>Ranger</source>
      <translation>管护员</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="153" />
      <source>Raster</source>
      <translation>栅格</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_zonal.py" line="61" />
      <source>Raster (after)</source>
      <translation>栅格（后期）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_zonal.py" line="60" />
      <source>Raster (before / DEM)</source>
      <translation>栅格（前期 / DEM）</translation>
    </message>
    <message>
      <location filename="ecomap/app/data_loader.py" line="145" />
      <source>Reading data…</source>
      <translation>正在读取数据…</translation>
    </message>
    <message>
      <location filename="ecomap/app/data_loader.py" line="173" />
      <source>Reading failed: {error}</source>
      <translation>读取失败：{error}</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/atlas.py" line="104" />
      <source>Reading the coverage layer…</source>
      <translation>正在读取覆盖图层…</translation>
    </message>
    <message>
      <location filename="ecomap/app/data_loader.py" line="145" />
      <source>Reading {name}…</source>
      <translation>正在读取 {name}…</translation>
    </message>
    <message>
      <location filename="ecomap/services/screening_report.py" line="230" />
      <source>Reason</source>
      <translation>说明</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="246" />
      <source>Recent projects</source>
      <translation>最近的工程</translation>
    </message>
    <message>
      <location filename="ecomap/app/project_controller.py" line="302" />
      <source>Recover unsaved work</source>
      <translation>恢复未保存的工作</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_zonal.py" line="62" />
      <source>Recovered when mean NDVI rose by at least</source>
      <translation>NDVI 均值增幅不小于此值判定为已恢复</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/__init__.py" line="22" />
      <source>Rectification</source>
      <translation>督察整改</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="189" />
      <source>Redo</source>
      <translation>重做</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/project_detail.py" line="73" />
      <source>Remarks</source>
      <translation>说明</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_tree_view.py" line="448" />
      <source>Remove</source>
      <translation>移除</translation>
    </message>
    <message>
      <location filename="ecomap/gui/class_style_widgets.py" line="109" />
      <source>Remove class</source>
      <translation>删除类别</translation>
    </message>
    <message>
      <location filename="ecomap/gui/expression_dialog.py" line="64" />
      <source>Remove from selection</source>
      <translation>从选择中移除</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_tree_view.py" line="455" />
      <source>Remove group</source>
      <translation>移除组</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="234" />
      <source>Remove layer</source>
      <translation>移除图层</translation>
    </message>
    <message>
      <location filename="ecomap/core/tree_commands.py" line="102" />
      <source>Remove {names}</source>
      <translation>移除 {names}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_tree_view.py" line="446" />
      <source>Rename</source>
      <translation>重命名</translation>
    </message>
    <message>
      <location filename="ecomap/core/tree_commands.py" line="56" />
      <source>Rename {old} to {new}</source>
      <translation>将 {old} 重命名为 {new}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/raster_style_widget.py" line="34" />
      <source>Render type</source>
      <translation>渲染方式</translation>
    </message>
    <message>
      <location filename="ecomap/app/layer_actions.py" line="232" />
      <source>Repair geometry</source>
      <translation>修复几何</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_tree_view.py" line="442" />
      <source>Repair geometry (new copy)</source>
      <translation>修复几何（生成副本）</translation>
    </message>
    <message>
      <location filename="ecomap/app/layer_actions.py" line="204" />
      <source>Repair geometry of {name}</source>
      <translation>修复 {name} 的几何</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="157" />
      <source>Reset to briefing template</source>
      <translation>恢复为汇报模板</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_actions.py" line="289" />
      <source>Resolution</source>
      <translation>分辨率</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/rectification_panel.py" line="255" />
      <source>Responsible person</source>
      <translation>责任人</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/rectification_panel.py" line="254" />
      <source>Responsible unit</source>
      <translation>责任单位</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/ban_zone_panel.py" line="128" />
      <source>Rest period</source>
      <translation>休牧期</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/ban_zone_panel.py" line="90" />
      <source>Restocked</source>
      <translation>复养</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/__init__.py" line="21" />
      <source>Restoration</source>
      <translation>生态修复</translation>
    </message>
    <message>
      <location filename="ecomap/gui/measure_panel.py" line="50" />
      <source>Result</source>
      <translation>结果</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/edit_commands.py" line="89" />
      <source>Retry once the other program has finished writing, or cancel: the change is then not saved.</source>
      <translation>请在另一个程序写完后重试，或取消：取消后本次修改不会保存。</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/project_edit_dialog.py" line="49" />
      <source>Revert to an earlier stage (explicit)</source>
      <translation>退回到之前的阶段（明确退回）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_tree_view.py" line="173" />
      <source>Right-click → Locate file…</source>
      <translation>右键 → 查找文件…</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/water_panel.py" line="146" />
      <source>River or lake</source>
      <translation>所在河流/湖库</translation>
    </message>
    <message>
      <location filename="ecomap/io/gpx.py" line="44" />
      <source>Route points</source>
      <translation>航线点</translation>
    </message>
    <message>
      <location filename="ecomap/io/gpx.py" line="43" />
      <source>Routes</source>
      <translation>航线</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_screening.py" line="150" />
      <source>Rules</source>
      <translation>判定规则</translation>
    </message>
    <message>
      <location filename="ecomap/services/screening_report.py" line="229" />
      <source>Rules applied</source>
      <translation>判定规则</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_common.py" line="104" />
      <source>Run</source>
      <translation>运行</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/restoration_panel.py" line="106" />
      <source>S&amp;tage</source>
      <translation>阶段(&amp;T)</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="486" />
      <source>Save as template</source>
      <translation>另存为模板</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="159" />
      <source>Save as template…</source>
      <translation>另存为模板…</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="166" />
      <source>Save in project</source>
      <translation>保存到工程</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="181" />
      <source>Save project</source>
      <translation>保存工程</translation>
    </message>
    <message>
      <location filename="ecomap/app/project_controller.py" line="251" />
      <source>Save project as</source>
      <translation>工程另存为</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="182" />
      <source>Save project as…</source>
      <translation>工程另存为…</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_data_dialog.py" line="117" />
      <source>Save to</source>
      <translation>保存到</translation>
    </message>
    <message>
      <location filename="ecomap/app/project_controller.py" line="270" />
      <source>Saved {path}</source>
      <translation>已保存 {path}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/status_bar.py" line="57" />
      <source>Scale</source>
      <translation>比例尺</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="342" />
      <source>Scale 1: (0 = fit)</source>
      <translation>比例尺 1:（0 = 自动）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="405" />
      <source>Scale bar</source>
      <translation>比例尺</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="403" />
      <source>Scale bar units</source>
      <translation>比例尺单位</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/restoration_panel.py" line="117" />
      <source>Schedule %</source>
      <translation>序时进度%</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_screening.py" line="137" />
      <source>Screen</source>
      <translation>分析</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/rectification_panel.py" line="101" />
      <source>Search ID, issue, unit or note (Ctrl+F)</source>
      <translation>搜索编号、问题、单位或进展（Ctrl+F）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/crs_dialog.py" line="132" />
      <source>Search by EPSG code or name (e.g. 4527, CGCS2000 117E, Xian 1980):</source>
      <translation>按 EPSG 代码或名称搜索（例如 4527、CGCS2000 117E、西安 80）：</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/restoration_panel.py" line="103" />
      <source>Search name, ID or unit (Ctrl+F)</source>
      <translation>搜索名称、编号或单位（Ctrl+F）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/ban_zone_panel.py" line="62" />
      <source>Seasonal rest</source>
      <translation>休牧</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/water_panel.py" line="141" />
      <source>Section</source>
      <translation>断面</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/water_panel.py" line="148" />
      <source>Section code</source>
      <translation>断面编码</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/water_panel.py" line="136" />
      <source>Sections missing their target, per month</source>
      <translation>各月未达标断面数</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="404" />
      <source>Segments</source>
      <translation>分段数</translation>
    </message>
    <message>
      <location filename="ecomap/gui/expression_dialog.py" line="89" />
      <source>Select</source>
      <translation>选择</translation>
    </message>
    <message>
      <location filename="ecomap/gui/dataset_chooser.py" line="53" />
      <source>Select all</source>
      <translation>全选</translation>
    </message>
    <message>
      <location filename="ecomap/gui/expression_dialog.py" line="42" />
      <source>Select by expression — {name}</source>
      <translation>按表达式选择 — {name}</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="226" />
      <source>Select by expression…</source>
      <translation>按表达式选择…</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="203" />
      <source>Select by polygon</source>
      <translation>多边形选择</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="201" />
      <source>Select by rectangle</source>
      <translation>矩形选择</translation>
    </message>
    <message>
      <location filename="ecomap/gui/attribute_table.py" line="91" />
      <source>Select every feature the filter shows</source>
      <translation>选中筛选出的所有要素</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="205" />
      <source>Select features inside a polygon: click the corners, double-click to end</source>
      <translation>选择多边形内的要素：依次单击各角点，双击结束</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="202" />
      <source>Select features: drag a box (Shift adds, Ctrl removes)</source>
      <translation>选择要素：拉框（Shift 添加，Ctrl 移除）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/dataset_chooser.py" line="53" />
      <source>Select none</source>
      <translation>全不选</translation>
    </message>
    <message>
      <location filename="ecomap/gui/attribute_table.py" line="90" />
      <source>Select shown</source>
      <translation>选中显示的行</translation>
    </message>
    <message>
      <location filename="ecomap/gui/expression_dialog.py" line="64" />
      <source>Select within selection</source>
      <translation>在选择结果中选择</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_screening.py" line="85" />
      <source>Selected features of</source>
      <translation>图层中的选中要素</translation>
    </message>
    <message>
      <location filename="ecomap/gui/attribute_table.py" line="98" />
      <source>Selected rows to CSV/Excel…</source>
      <translation>导出选中的行到 CSV/Excel…</translation>
    </message>
    <message>
      <location filename="ecomap/gui/crs_dialog.py" line="175" />
      <source>Selected: EPSG:{code} {name}</source>
      <translation>已选：EPSG:{code} {name}</translation>
    </message>
    <message>
      <location filename="ecomap/app/tool_handlers.py" line="121" />
      <source>Selecting in {layer}…</source>
      <translation>正在 {layer} 中选择…</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="86" />
      <source>Set coordinate system…</source>
      <translation>设置坐标系…</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="233" />
      <source>Set layer coordinate system…</source>
      <translation>设置图层坐标系…</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_data_dialog.py" line="227" />
      <source>Seven parameters dx, dy, dz (m), rx, ry, rz (″), ds (ppm), rotations as in PROJ's +towgs84:</source>
      <translation>七参数 dx、dy、dz（米），rx、ry、rz（秒），ds（ppm），旋转按 PROJ +towgs84 的约定：</translation>
    </message>
    <message>
      <location filename="ecomap/io/shapefile_writer.py" line="171" />
      <source>Shapefile field names hold at most 10 bytes in {encoding}, and FID and Shape are ArcGIS's own; renamed: {list}</source>
      <translation>Shapefile 字段名在 {encoding} 下最多 10 个字节，且 FID、Shape 为 ArcGIS 自用字段；已改名：{list}</translation>
    </message>
    <message>
      <location filename="ecomap/services/screening_report.py" line="236" />
      <source>Share</source>
      <translation>占比</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="375" />
      <source>Show</source>
      <translation>显示</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="348" />
      <source>Show all layers</source>
      <translation>显示全部图层</translation>
    </message>
    <message>
      <location filename="ecomap/gui/status_bar.py" line="33" />
      <source>Show degrees-minutes-seconds instead of decimal degrees</source>
      <translation>以度分秒代替十进制度显示</translation>
    </message>
    <message>
      <location filename="ecomap/gui/style_dialog.py" line="55" />
      <source>Show labels</source>
      <translation>显示标注</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/rectification_panel.py" line="127" />
      <source>Show on &amp;map</source>
      <translation>在地图上显示(&amp;M)</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="362" />
      <source>Show only inside the county boundary</source>
      <translation>只显示县界以内</translation>
    </message>
    <message>
      <location filename="ecomap/gui/attribute_table.py" line="84" />
      <source>Show selected only</source>
      <translation>只显示选中的</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="344" />
      <source>Show the main window's view</source>
      <translation>显示主窗口当前视图</translation>
    </message>
    <message>
      <location filename="ecomap/core/tree_commands.py" line="20" />
      <source>Show {name}</source>
      <translation>显示 {name}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/attribute_table.py" line="97" />
      <source>Shown rows to CSV/Excel…</source>
      <translation>导出显示的行到 CSV/Excel…</translation>
    </message>
    <message>
      <location filename="ecomap/gui/raster_style_widget.py" line="16" />
      <source>Single band colour ramp</source>
      <translation>单波段色带</translation>
    </message>
    <message>
      <location filename="ecomap/gui/raster_style_widget.py" line="16" />
      <source>Single band grey</source>
      <translation>单波段灰度</translation>
    </message>
    <message>
      <location filename="ecomap/gui/style_dialog.py" line="47" />
      <source>Single symbol</source>
      <translation>单一符号</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_screening.py" line="67" />
      <source>Site screening</source>
      <translation>选址分析</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_menu.py" line="65" />
      <source>Site screening (三线一单)…</source>
      <translation>选址分析（三线一单）…</translation>
    </message>
    <message>
      <location filename="ecomap/services/screening_report.py" line="202" />
      <source>Site screening report</source>
      <translation>建设项目选址分析报告</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="113" />
      <source>Size</source>
      <translation>大小</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="331" />
      <source>Size (pt)</source>
      <translation>字号（磅）</translation>
    </message>
    <message>
      <location filename="ecomap/app/project_controller.py" line="183" />
      <source>Skip (keep the layer as missing)</source>
      <translation>跳过（保留该图层，标为缺失）</translation>
    </message>
    <message>
      <location filename="ecomap/domain/water_quality.py" line="137" />
      <source>Slightly polluted</source>
      <translation>轻度污染</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/rectification_panel.py" line="104" />
      <source>So&amp;urce</source>
      <translation>来源(&amp;U)</translation>
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="39" />
      <source>Solid</source>
      <translation>实线</translation>
    </message>
    <message>
      <location filename="ecomap/app/data_loader.py" line="186" />
      <source>Some files could not be opened</source>
      <translation>部分文件无法打开</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/edit_commands.py" line="61" />
      <source>Someone else changed this feature</source>
      <translation>该要素已被他人修改</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="81" />
      <source>Source</source>
      <translation>问题来源</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/ban_zone_panel.py" line="93" />
      <source>Species</source>
      <translation>畜种</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/restoration_panel.py" line="266" />
      <source>Spent</source>
      <translation>完成投资</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/restoration_panel.py" line="119" />
      <source>Spent ×10⁴</source>
      <translation>完成投资(万元)</translation>
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="49" />
      <source>Square</source>
      <translation>方形</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/rectification_panel.py" line="104" />
      <source>St&amp;atus</source>
      <translation>状态(&amp;A)</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/restoration_panel.py" line="115" />
      <source>Stage</source>
      <translation>阶段</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/project_detail.py" line="67" />
      <source>Stage history</source>
      <translation>阶段记录</translation>
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="50" />
      <source>Star</source>
      <translation>五角星</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/project_detail.py" line="18" />
      <source>Start overdue</source>
      <translation>逾期未开工</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="97" />
      <source>Stated area (hm²)</source>
      <translation>地块面积（公顷）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_zonal.py" line="63" />
      <source>Statistics</source>
      <translation>统计量</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_stats.py" line="34" />
      <source>Statistics by township</source>
      <translation>分乡镇统计</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_menu.py" line="68" />
      <source>Statistics by township…</source>
      <translation>分乡镇统计…</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_zonal.py" line="36" />
      <source>Statistics of one raster</source>
      <translation>单个栅格统计</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/project_detail.py" line="84" />
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/project_detail.py" line="54" />
      <source>Still to spend: {value} ×10⁴ CNY</source>
      <translation>尚需投资：{value} 万元</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/ban_zone_panel.py" line="94" />
      <source>Stock</source>
      <translation>存栏</translation>
    </message>
    <message>
      <location filename="ecomap/core/tree_commands.py" line="68" />
      <source>Style of {name}</source>
      <translation>{name} 的样式</translation>
    </message>
    <message>
      <location filename="ecomap/gui/style_dialog.py" line="131" />
      <source>Style — {name}</source>
      <translation>样式 — {name}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_tree_view.py" line="443" />
      <source>Style…</source>
      <translation>样式…</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="421" />
      <source>Subtitle</source>
      <translation>副标题</translation>
    </message>
    <message>
      <location filename="ecomap/gui/crs_dialog.py" line="120" />
      <source>Suggested for these coordinates:</source>
      <translation>根据坐标值推荐：</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_overlay.py" line="64" />
      <source>Sum of the pairs: {m2:,.2f} m² (land under overlapping features counted again)</source>
      <translation>逐对面积合计：{m2:,.2f} 平方米（重叠要素下的土地重复计）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_overlay.py" line="45" />
      <source>Summary</source>
      <translation>汇总</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/project_detail.py" line="17" />
      <source>Suspended</source>
      <translation>暂缓</translation>
    </message>
    <message>
      <location filename="ecomap/gui/class_style_widgets.py" line="106" />
      <source>Symbol</source>
      <translation>符号</translation>
    </message>
    <message>
      <location filename="ecomap/gui/class_style_widgets.py" line="163" />
      <source>Symbol for {label}</source>
      <translation>“{label}”的符号</translation>
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="166" />
      <source>Symbol opacity</source>
      <translation>符号透明度</translation>
    </message>
    <message>
      <location filename="ecomap/gui/style_dialog.py" line="141" />
      <source>Symbology</source>
      <translation>符号</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/ban_zone_panel.py" line="111" />
      <source>T&amp;oday</source>
      <translation>今天(&amp;O)</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/restoration_panel.py" line="106" />
      <source>T&amp;ype</source>
      <translation>类型(&amp;Y)</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/edit_commands.py" line="72" />
      <source>Take theirs</source>
      <translation>采用对方的值</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/water_panel.py" line="142" />
      <source>Target</source>
      <translation>目标</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/project_detail.py" line="17" />
      <source>Terminated</source>
      <translation>已终止</translation>
    </message>
    <message>
      <location filename="ecomap/gui/expression_dialog.py" line="68" />
      <source>Test</source>
      <translation>测试</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="327" />
      <source>Text</source>
      <translation>文字</translation>
    </message>
    <message>
      <location filename="ecomap/gui/style_dialog.py" line="66" />
      <source>Text colour</source>
      <translation>文字颜色</translation>
    </message>
    <message>
      <location filename="ecomap/app/data_loader.py" line="214" />
      <source>Text encoding</source>
      <translation>文字编码</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_data_dialog.py" line="115" />
      <source>Text encoding (Shapefile, TXT)</source>
      <translation>文字编码（Shapefile、TXT）</translation>
    </message>
    <message>
      <location filename="ecomap/app/layer_actions.py" line="155" />
      <source>Text encoding of {name}</source>
      <translation>{name} 的文字编码</translation>
    </message>
    <message>
      <location filename="ecomap/gui/encoding_dialog.py" line="53" />
      <source>Text encoding — {name}</source>
      <translation>文字编码 — {name}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="419" />
      <source>Text for the footer and title (used by {unit}, {source}, {subtitle})</source>
      <translation>图名与图签文字（用于 {unit}、{source}、{subtitle}）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="331" />
      <source>Text size</source>
      <translation>文字大小</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="399" />
      <source>Text size (pt)</source>
      <translation>文字大小（磅）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/edit_commands.py" line="87" />
      <source>The GeoPackage is locked</source>
      <translation>GeoPackage 已被锁定</translation>
    </message>
    <message>
      <location filename="ecomap/app/project_controller.py" line="180" />
      <source>The data of layer "{name}" was not found:</source>
      <translation>找不到图层“{name}”的数据：</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/panel_loader.py" line="30" />
      <source>The data of this panel could not be read: {error}</source>
      <translation>无法读取本面板的数据：{error}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/class_style_widgets.py" line="234" />
      <source>The field has no numbers</source>
      <translation>该字段没有数值</translation>
    </message>
    <message>
      <location filename="ecomap/gui/encoding_dialog.py" line="57" />
      <source>The file does not say which text encoding it uses; EcoMap guessed {enc}. If the Chinese below looks garbled, choose another encoding.</source>
      <translation>该文件没有说明文字编码，EcoMap 推测为 {enc}。如果下方中文显示为乱码，请换一种编码。</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_data_dialog.py" line="180" />
      <source>The file of layer '{name}' declares no coordinate system; EcoMap assumed EPSG:{epsg}{why}.</source>
      <translation>图层“{name}”的文件未声明坐标系，EcoMap 推断为 EPSG:{epsg}{why}。</translation>
    </message>
    <message>
      <location filename="ecomap/services/screening_report.py" line="247" />
      <source>The footprint overlaps no constraint layer.</source>
      <translation>项目用地未与任何约束图层重叠。</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="498" />
      <source>The language changes when EcoMap is started again.</source>
      <translation>重新启动 EcoMap 后切换语言。</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_scene.py" line="103" />
      <source>The map could not be drawn: {error}</source>
      <translation>地图未能绘制：{error}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_data_dialog.py" line="91" />
      <source>The map's coordinate system ({crs})</source>
      <translation>地图坐标系（{crs}）</translation>
    </message>
    <message>
      <location filename="ecomap/app/project_controller.py" line="101" />
      <source>The project "{name}" has unsaved changes. Save them?</source>
      <translation>工程“{name}”有未保存的修改，是否保存？</translation>
    </message>
    <message>
      <location filename="ecomap/app/project_controller.py" line="263" />
      <source>The project was not saved.</source>
      <translation>工程没有保存。</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="127" />
      <source>Thematic</source>
      <translation>专题</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/context.py" line="91" />
      <source>Thematic map</source>
      <translation>专题图</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="128" />
      <source>Thematic panels</source>
      <translation>专题面板</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="123" />
      <source>Thematic panels (red lines, subsidence, water quality, mines…) appear here.</source>
      <translation>专题面板（生态红线、采煤沉陷、水质、矿山等）显示在这里。</translation>
    </message>
    <message>
      <location filename="ecomap/gui/class_style_widgets.py" line="226" />
      <source>This layer has no numeric field</source>
      <translation>该图层没有数值字段</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="370" />
      <source>Title</source>
      <translation>标题</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/project_detail.py" line="73" />
      <source>To</source>
      <translation>新阶段</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/ban_zone_panel.py" line="91" />
      <source>To act on</source>
      <translation>待处理事项</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="316" />
      <source>Top (mm)</source>
      <translation>上（毫米）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/rectification_panel.py" line="219" />
      <source>Total</source>
      <translation>合计</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_overlay.py" line="61" />
      <source>Total overlap: {m2:,.2f} m² ({mu:,.3f} mu, {ha:,.4f} ha)</source>
      <translation>重叠总面积：{m2:,.2f} 平方米（{mu:,.3f} 亩，{ha:,.4f} 公顷）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/ban_zone_panel.py" line="92" />
      <source>Township</source>
      <translation>乡镇</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_screen.py" line="84" />
      <source>Township: {names}</source>
      <translation>所在乡镇：{names}</translation>
    </message>
    <message>
      <location filename="ecomap/io/gpx.py" line="44" />
      <source>Track points</source>
      <translation>航迹点</translation>
    </message>
    <message>
      <location filename="ecomap/io/gpx.py" line="43" />
      <source>Tracks</source>
      <translation>航迹</translation>
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="49" />
      <source>Triangle</source>
      <translation>三角形</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="138" />
      <source>Type</source>
      <translation>类型</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="186" />
      <source>Undo</source>
      <translation>撤销</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="402" />
      <source>Units</source>
      <translation>单位</translation>
    </message>
    <message>
      <location filename="ecomap/io/kml.py" line="256" />
      <source>Unnamed folder</source>
      <translation>未命名文件夹</translation>
    </message>
    <message>
      <location filename="ecomap/app/project_controller.py" line="100" />
      <source>Unsaved changes</source>
      <translation>未保存的修改</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/ban_zone_panel.py" line="129" />
      <source>Until</source>
      <translation>截止</translation>
    </message>
    <message>
      <location filename="ecomap/app/project_controller.py" line="81" />
      <source>Untitled project</source>
      <translation>未命名工程</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="239" />
      <source>Use Chinese (after restart)</source>
      <translation>使用中文（重启后生效）</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="238" />
      <source>Use English (after restart)</source>
      <translation>Use English（重启后生效）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_data_dialog.py" line="214" />
      <source>Use the file's parameters</source>
      <translation>使用文件自带的参数</translation>
    </message>
    <message>
      <location filename="ecomap/io/linked_sources.py" line="63" />
      <source>VRTs nested more than {n} deep; EcoMap refuses them</source>
      <translation>VRT 嵌套超过 {n} 层，EcoMap 拒绝打开</translation>
    </message>
    <message>
      <location filename="ecomap/gui/class_style_widgets.py" line="106" />
      <source>Value</source>
      <translation>值</translation>
    </message>
    <message>
      <location filename="ecomap/gui/expression_dialog.py" line="76" />
      <source>Values</source>
      <translation>取值</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_zonal.py" line="35" />
      <source>Vegetation recovery (two NDVI rasters)</source>
      <translation>植被恢复评价（两期 NDVI）</translation>
    </message>
    <message>
      <location filename="ecomap/services/screening_report.py" line="230" />
      <source>Verdict</source>
      <translation>结论</translation>
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="45" />
      <source>Vertical lines</source>
      <translation>竖线</translation>
    </message>
    <message>
      <location filename="ecomap/gui/style_dialog.py" line="166" />
      <source>Visibility</source>
      <translation>可见性</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_data_dialog.py" line="57" />
      <source>WGS 84 longitude/latitude (EPSG:4326)</source>
      <translation>WGS 84 经纬度（EPSG:4326）</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/text.py" line="139" />
      <source>WGS 84, geographic coordinates</source>
      <translation>WGS 84 坐标系，经纬度坐标</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_screening.py" line="135" />
      <source>Warn within (red lines, drinking-water zones)</source>
      <translation>临近提示距离（生态保护红线、饮用水水源保护区）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/__init__.py" line="23" />
      <source>Water quality</source>
      <translation>水质</translation>
    </message>
    <message>
      <location filename="ecomap/io/gpx.py" line="43" />
      <source>Waypoints</source>
      <translation>航点</translation>
    </message>
    <message>
      <location filename="ecomap/gui/goto_dialog.py" line="109" />
      <source>Web-map coordinates carry a deliberate offset of several hundred metres; EcoMap removes it with the public formula. The result is approximate.</source>
      <translation>网络地图坐标带有数百米的人为偏移，EcoMap 用公开的公式去除偏移，结果为近似值。</translation>
    </message>
    <message>
      <location filename="ecomap/gui/style_dialog.py" line="67" />
      <source>White halo around the text</source>
      <translation>文字加白色描边</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/status_dialog.py" line="69" />
      <source>Why (kept in the audit)</source>
      <translation>变更原因（记入审计记录）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/project_edit_dialog.py" line="84" />
      <source>Why (kept in the stage history and the audit)</source>
      <translation>变更原因（记入阶段记录和审计记录）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="316" />
      <source>Width (mm)</source>
      <translation>宽（毫米）</translation>
    </message>
    <message>
      <location filename="ecomap/services/screening_report.py" line="248" />
      <source>Within {distance} of red lines and drinking-water zones</source>
      <translation>{distance} 范围内的生态保护红线与饮用水水源保护区</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_common.py" line="128" />
      <source>Working…</source>
      <translation>正在计算…</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_data_dialog.py" line="182" />
      <source>Write the layer as EPSG:{epsg}? Choose No to pick the coordinate system to write in the list instead.</source>
      <translation>按 EPSG:{epsg} 写出该图层吗？选“否”则在列表中选择要写出的坐标系。</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_actions.py" line="358" />
      <source>Writing the atlas {name}</source>
      <translation>正在导出图集 {name}</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/output.py" line="208" />
      <source>Writing {name}…</source>
      <translation>正在写入 {name}…</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_data_dialog.py" line="261" />
      <source>Wrote {n} file(s).</source>
      <translation>已写出 {n} 个文件。</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_actions.py" line="234" />
      <source>Wrote {n} files to {path}</source>
      <translation>已写出 {n} 个文件到 {path}</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_atlas.py" line="69" />
      <source>Wrote {n} files to {path} in {seconds:.1f} s</source>
      <translation>已向 {path} 写出 {n} 个文件，用时 {seconds:.1f} 秒</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_overlay.py" line="67" />
      <source>Wrote {path}</source>
      <translation>已写出 {path}</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_export_map.py" line="60" />
      <source>Wrote {path} ({layout}, {page} {orientation}, {dpi} dpi) in {seconds:.1f} s</source>
      <translation>已写出 {path}（{layout}，{page} {orientation}，{dpi} dpi），用时 {seconds:.1f} 秒</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_water_report.py" line="38" />
      <source>Wrote {path}: {month}, {assessed} of {total} sections assessed</source>
      <translation>已写入 {path}：{month}，共 {total} 个断面，参评 {assessed} 个</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_export_layer.py" line="112" />
      <source>Wrote {path}: {n} features, {crs}</source>
      <translation>已写出 {path}：{n} 个要素，{crs}</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_atlas.py" line="67" />
      <source>Wrote {path}: {pages} pages in {seconds:.1f} s</source>
      <translation>已写出 {path}：共 {pages} 页，用时 {seconds:.1f} 秒</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="149" />
      <source>X holds the easting and Y the northing, the reverse of the format; the columns were swapped</source>
      <translation>X 为东坐标、Y 为北坐标，与格式规定相反；已交换两列</translation>
    </message>
    <message>
      <location filename="ecomap/gui/goto_dialog.py" line="35" />
      <source>X, Y in a coordinate system</source>
      <translation>某坐标系下的 X, Y</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_data_dialog.py" line="99" />
      <source>X/Y columns (points)</source>
      <translation>X/Y 坐标列（点）</translation>
    </message>
    <message>
      <location filename="ecomap/io/table_export.py" line="51" />
      <source>X/Y columns need a point layer; use WKT for lines and polygons</source>
      <translation>X/Y 坐标列只适用于点图层；线和面请用 WKT</translation>
    </message>
    <message>
      <location filename="ecomap/gui/goto_dialog.py" line="46" />
      <source>X/Y in EPSG:{code}</source>
      <translation>EPSG:{code} 下的 X/Y</translation>
    </message>
    <message>
      <location filename="ecomap/gui/goto_dialog.py" line="46" />
      <source>X/Y in the map CRS</source>
      <translation>地图坐标系下的 X/Y</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/text.py" line="89" />
      <source>Xi'an 1980 Coordinate System</source>
      <translation>1980西安坐标系</translation>
    </message>
    <message>
      <location filename="ecomap/gui/crs_dialog.py" line="101" />
      <source>Xian 1980 longitude/latitude</source>
      <translation>西安 80 经纬度</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/project_edit_dialog.py" line="79" />
      <source>YYYY-MM-DD or empty</source>
      <translation>YYYY-MM-DD，可为空</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/ban_zone_panel.py" line="211" />
      <source>Yes</source>
      <translation>是</translation>
    </message>
    <message>
      <location filename="ecomap/io/registry.py" line="109" />
      <source>ZIP archives of data</source>
      <translation>数据压缩包</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_zonal.py" line="30" />
      <source>Zonal statistics</source>
      <translation>分区统计</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_menu.py" line="69" />
      <source>Zonal statistics / vegetation recovery…</source>
      <translation>分区统计 / 植被恢复评价…</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/ban_zone_panel.py" line="124" />
      <source>Zone</source>
      <translation>区域</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/ban_zone_panel.py" line="96" />
      <source>Zone name</source>
      <translation>区域名称</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="195" />
      <source>Zoom in</source>
      <translation>放大</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="196" />
      <source>Zoom in: click or drag a box</source>
      <translation>放大：单击或拉框</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="197" />
      <source>Zoom out</source>
      <translation>缩小</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="220" />
      <source>Zoom to all layers</source>
      <translation>缩放到所有图层</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_screening.py" line="158" />
      <source>Zoom to footprint</source>
      <translation>缩放至用地</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_tree_view.py" line="453" />
      <source>Zoom to group</source>
      <translation>缩放到组</translation>
    </message>
    <message>
      <location filename="ecomap/app/main_window.py" line="223" />
      <source>Zoom to layer</source>
      <translation>缩放到图层</translation>
    </message>
    <message>
      <location filename="ecomap/gui/attribute_table.py" line="86" />
      <source>Zoom to selection</source>
      <translation>缩放到选中要素</translation>
    </message>
    <message>
      <location filename="ecomap/gui/style_dialog.py" line="96" />
      <source>Zoomed in to at least</source>
      <translation>最大比例尺（放大到）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/style_dialog.py" line="95" />
      <source>Zoomed out to at most</source>
      <translation>最小比例尺（缩小到）</translation>
    </message>
    <message>
      <location filename="ecomap/core/datum_shift.py" line="144" />
      <source>a 7-parameter set needs seven numbers dx, dy, dz (m), rx, ry, rz (″), ds (ppm); got '{text}'</source>
      <translation>七参数须为七个数：dx、dy、dz（米），rx、ry、rz（秒），ds（ppm）；实际为 '{text}'</translation>
    </message>
    <message>
      <location filename="ecomap/io/export.py" line="460" />
      <source>a CSV file does not record its coordinate system: the coordinates are in {crs}</source>
      <translation>CSV 文件不记录坐标系：坐标为 {crs}</translation>
    </message>
    <message>
      <location filename="ecomap/io/shapefile_writer.py" line="135" />
      <source>a Shapefile holds one kind of geometry, but this layer mixes points, lines and polygons; export to GeoPackage instead</source>
      <translation>Shapefile 只能保存一种几何类型，而该图层混有点、线、面；请改为导出 GeoPackage</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/model.py" line="357" />
      <source>a layout must be a JSON object</source>
      <translation>版式必须是一个 JSON 对象</translation>
    </message>
    <message>
      <location filename="ecomap/analysis/footprint.py" line="54" />
      <source>a line or point footprint needs a buffer width greater than 0 m</source>
      <translation>线状或点状用地需要大于 0 米的缓冲宽度</translation>
    </message>
    <message>
      <location filename="ecomap/io/linked_sources.py" line="132" />
      <source>a network address, GDAL virtual file or connection string</source>
      <translation>网络地址、GDAL 虚拟文件或连接字符串</translation>
    </message>
    <message>
      <location filename="ecomap/core/expression.py" line="416" />
      <source>a number in the expression is too large</source>
      <translation>表达式中的数字太大</translation>
    </message>
    <message>
      <location filename="ecomap/io/ogr.py" line="127" />
      <source>a number in the file has thousands of digits</source>
      <translation>文件中有一个长达数千位的数字</translation>
    </message>
    <message>
      <location filename="ecomap/core/style.py" line="271" />
      <source>a style must be a JSON object with a 'type'</source>
      <translation>样式必须是带有 type 的 JSON 对象</translation>
    </message>
    <message>
      <location filename="ecomap/io/linked_sources.py" line="66" />
      <source>a vector (OGR) VRT, which EcoMap does not open: its sources may name any file; open the data it names instead</source>
      <translation>这是矢量（OGR）VRT，EcoMap 不打开此类文件：其数据源可以指向任意文件；请直接打开它所引用的数据</translation>
    </message>
    <message>
      <location filename="ecomap/core/datum_shift.py" line="216" />
      <source>accuracy unknown</source>
      <translation>精度未知</translation>
    </message>
    <message>
      <location filename="ecomap/core/datum_shift.py" line="215" />
      <source>accuracy {m:g} m</source>
      <translation>精度 {m:g} 米</translation>
    </message>
    <message>
      <location filename="ecomap/io/linked_sources.py" line="135" />
      <source>an absolute path</source>
      <translation>绝对路径</translation>
    </message>
    <message>
      <location filename="ecomap/core/atomic.py" line="219" />
      <source>an interrupted write of this dataset could not be finished ({detail})</source>
      <translation>此数据集上次被中断的写入无法完成（{detail}）</translation>
    </message>
    <message>
      <location filename="ecomap/analysis/overlay.py" line="241" />
      <source>an overlap needs at least one polygon layer ('{a}' is {ka}, '{b}' is {kb})</source>
      <translation>叠加分析至少需要一个面图层（“{a}”为{ka}，“{b}”为{kb}）</translation>
    </message>
    <message>
      <location filename="ecomap/io/export.py" line="347" />
      <source>an unknown coordinate system</source>
      <translation>未知坐标系</translation>
    </message>
    <message>
      <location filename="ecomap/app/project_controller.py" line="293" />
      <source>an unsaved project</source>
      <translation>未保存的工程</translation>
    </message>
    <message>
      <location filename="ecomap/io/gpkg_edit.py" line="43" />
      <source>another program (QGIS, ArcGIS or a second EcoMap) is writing to this GeoPackage and holds it locked, so the change was not saved; finish or close it there and try again</source>
      <translation>另一个程序（QGIS、ArcGIS 或另一个 EcoMap）正在写入此 GeoPackage 并锁定了它，因此本次修改未保存；请在该程序中完成或关闭后重试</translation>
    </message>
    <message>
      <location filename="ecomap/core/atomic.py" line="214" />
      <source>another program is writing this dataset; try again when it has finished</source>
      <translation>另一个程序正在写入此数据集；请等它完成后重试</translation>
    </message>
    <message>
      <location filename="ecomap/io/ogr.py" line="125" />
      <source>arrays or objects are nested deeper than any GeoJSON needs</source>
      <translation>数组或对象的嵌套层数远超任何 GeoJSON 所需</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="166" />
      <source>assumed EPSG:{epsg} {name}</source>
      <translation>推断为 EPSG:{epsg} {name}（待确认）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="54" />
      <source>assumed: {reason}</source>
      <translation>推测：{reason}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_data_dialog.py" line="99" />
      <source>automatic</source>
      <translation>自动</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="153" />
      <source>bands</source>
      <translation>个波段</translation>
    </message>
    <message>
      <location filename="ecomap/core/expression.py" line="220" />
      <source>brackets are nested more than {n} deep</source>
      <translation>括号嵌套超过 {n} 层</translation>
    </message>
    <message>
      <location filename="ecomap/cli/main.py" line="102" />
      <source>cancelled</source>
      <translation>已取消</translation>
    </message>
    <message>
      <location filename="ecomap/core/expression.py" line="418" />
      <source>cannot calculate '{op}' with these values</source>
      <translation>无法对这些值进行“{op}”运算</translation>
    </message>
    <message>
      <location filename="ecomap/core/expression.py" line="341" />
      <source>cannot compare text with a number; put numbers without quotes and text in 'single quotes'</source>
      <translation>不能把文本和数字比较：数字不加引号，文本放在 '单引号' 里</translation>
    </message>
    <message>
      <location filename="ecomap/io/text_encoding.py" line="62" />
      <source>cannot decode the text as UTF-8, GBK or GB18030 (byte {offset})</source>
      <translation>无法按 UTF-8、GBK 或 GB18030 解码文本（第 {offset} 字节）</translation>
    </message>
    <message>
      <location filename="ecomap/services/editing.py" line="248" />
      <source>cannot edit field(s) {fields} of "{table}"</source>
      <translation>不能编辑“{table}”的字段 {fields}</translation>
    </message>
    <message>
      <location filename="ecomap/io/export.py" line="292" />
      <source>cannot export to '{ext}'; EcoMap writes {formats}</source>
      <translation>不能导出为“{ext}”；EcoMap 可写出 {formats}</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/mapview.py" line="117" />
      <source>cannot measure distances at the map's centre in {crs}</source>
      <translation>无法在 {crs} 中量算地图中心处的距离</translation>
    </message>
    <message>
      <location filename="ecomap/io/gpkg_edit.py" line="124" />
      <source>cannot open the GeoPackage ({detail})</source>
      <translation>无法打开 GeoPackage（{detail}）</translation>
    </message>
    <message>
      <location filename="ecomap/domain/water_report.py" line="409" />
      <source>cannot open the file as a GeoPackage ({detail})</source>
      <translation>无法作为 GeoPackage 打开该文件（{detail}）</translation>
    </message>
    <message>
      <location filename="ecomap/io/text_encoding.py" line="72" />
      <source>cannot read the file: {reason}</source>
      <translation>无法读取文件：{reason}</translation>
    </message>
    <message>
      <location filename="ecomap/domain/water_report.py" line="365" />
      <source>cannot read the project file ({detail})</source>
      <translation>无法读取工程文件（{detail}）</translation>
    </message>
    <message>
      <location filename="ecomap/analysis/zonal.py" line="452" />
      <source>cannot read the raster ({detail})</source>
      <translation>无法读取栅格（{detail}）</translation>
    </message>
    <message>
      <location filename="ecomap/core/project.py" line="177" />
      <source>cannot read this file ({detail})</source>
      <translation>无法读取此文件（{detail}）</translation>
    </message>
    <message>
      <location filename="ecomap/core/expression.py" line="64" />
      <source>cannot understand the expression at character {pos}: '{text}'</source>
      <translation>无法理解表达式第 {pos} 个字符处的内容：“{text}”</translation>
    </message>
    <message>
      <location filename="ecomap/core/atomic.py" line="462" />
      <source>cannot write the file ({detail})</source>
      <translation>无法写入文件（{detail}）</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_render.py" line="181" />
      <source>cannot write the image</source>
      <translation>无法写入图像</translation>
    </message>
    <message>
      <location filename="ecomap/io/gpkg_edit.py" line="54" />
      <source>cannot write to the GeoPackage ({detail})</source>
      <translation>无法写入 GeoPackage（{detail}）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="337" />
      <source>centre</source>
      <translation>居中</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_screening.py" line="232" />
      <source>choose a footprint file</source>
      <translation>请选择项目用地文件</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="32" />
      <source>chosen by you</source>
      <translation>由您指定</translation>
    </message>
    <message>
      <location filename="ecomap/io/csv_points.py" line="321" />
      <source>column {x} holds latitudes and {y} longitudes; they were swapped</source>
      <translation>{x} 列为纬度、{y} 列为经度；已交换</translation>
    </message>
    <message>
      <location filename="ecomap/io/csv_points.py" line="327" />
      <source>column {x} holds the northing and {y} the easting (Chinese survey convention); they were swapped</source>
      <translation>{x} 列为北坐标、{y} 列为东坐标（测量坐标习惯）；已交换</translation>
    </message>
    <message>
      <location filename="ecomap/io/csv_points.py" line="333" />
      <source>columns {x}/{y} hold longitude/latitude; a CSV declares no coordinate system, assuming CGCS2000 (EPSG:4490)</source>
      <translation>{x}/{y} 列为经纬度；CSV 不声明坐标系，假定为 CGCS2000（EPSG:4490）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/goto_dialog.py" line="54" />
      <source>converted from BD-09 (approximate, within a few metres)</source>
      <translation>由 BD-09 换算（近似，误差数米以内）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/goto_dialog.py" line="51" />
      <source>converted from GCJ-02 (approximate, within a few metres)</source>
      <translation>由 GCJ-02 换算（近似，误差数米以内）</translation>
    </message>
    <message>
      <location filename="ecomap/io/crs_detect.py" line="376" />
      <source>coordinates lie in China's longitude/latitude range</source>
      <translation>坐标位于中国经纬度范围内</translation>
    </message>
    <message>
      <location filename="ecomap/io/export.py" line="489" />
      <source>coordinates were written in EPSG:{epsg}, the Gauss-Krüger zone of the parcels</source>
      <translation>坐标按地块所在的高斯-克吕格投影带 EPSG:{epsg} 写出</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_stats.py" line="120" />
      <source>count</source>
      <translation>个数</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_zonal.py" line="50" />
      <source>count every pixel the polygon touches (else only pixels whose centre lies inside)</source>
      <translation>计入与面边界接触的全部像元（否则只计像元中心落在面内的）</translation>
    </message>
    <message>
      <location filename="ecomap/core/expression.py" line="414" />
      <source>division by zero in the expression</source>
      <translation>表达式中出现除以零</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_screening.py" line="214" />
      <source>draw the footprint on the map first</source>
      <translation>请先在地图上绘制项目用地</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_screening.py" line="216" />
      <source>drawn on the map</source>
      <translation>地图上绘制</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_screening.py" line="187" />
      <source>drawn: {n} corners</source>
      <translation>已绘制：{n} 个拐点</translation>
    </message>
    <message>
      <location filename="ecomap/core/geometry_check.py" line="60" />
      <source>duplicate rings</source>
      <translation>重复的环</translation>
    </message>
    <message>
      <location filename="ecomap/gui/expression_dialog.py" line="55" />
      <source>e.g.  "ZLZT" = '未治理' AND MJ &gt; 10</source>
      <translation>例如  "ZLZT" = '未治理' AND MJ &gt; 10</translation>
    </message>
    <message>
      <location filename="ecomap/gui/goto_dialog.py" line="78" />
      <source>e.g. 116.404, 39.915  or  116°24′14″E 39°54′54″N</source>
      <translation>例如 116.404, 39.915  或  116°24′14″E 39°54′54″N</translation>
    </message>
    <message>
      <location filename="ecomap/io/crs_detect.py" line="367" />
      <source>eastings carry Gauss-Krüger zone {zone} in front</source>
      <translation>横坐标前带有高斯-克吕格带号 {zone}</translation>
    </message>
    <message>
      <location filename="ecomap/core/json_check.py" line="174" />
      <source>empty text</source>
      <translation>文本为空</translation>
    </message>
    <message>
      <location filename="ecomap/core/expression.py" line="126" />
      <source>end of expression</source>
      <translation>表达式末尾</translation>
    </message>
    <message>
      <location filename="ecomap/core/expression.py" line="120" />
      <source>expected '{what}'</source>
      <translation>此处应为“{what}”</translation>
    </message>
    <message>
      <location filename="ecomap/core/expression.py" line="191" />
      <source>expected IN, LIKE or BETWEEN after NOT</source>
      <translation>NOT 之后应为 IN、LIKE 或 BETWEEN</translation>
    </message>
    <message>
      <location filename="ecomap/core/expression.py" line="234" />
      <source>expected a field name, a number or a 'text'</source>
      <translation>此处应为字段名、数字或 '文本'</translation>
    </message>
    <message>
      <location filename="ecomap/core/expression.py" line="244" />
      <source>expected a number or a 'text' in the list</source>
      <translation>列表中应为数字或 '文本'</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_screening.py" line="99" />
      <source>feature id or name (optional)</source>
      <translation>要素号或名称（可选）</translation>
    </message>
    <message>
      <location filename="ecomap/core/geometry_check.py" line="118" />
      <source>feature {ids}</source>
      <translation>要素序号 {ids}</translation>
    </message>
    <message>
      <location filename="ecomap/core/geometry_check.py" line="115" />
      <source>fid {ids}</source>
      <translation>fid {ids}</translation>
    </message>
    <message>
      <location filename="ecomap/io/shapefile_writer.py" line="182" />
      <source>field '{field}' holds times of day, which a Shapefile date cannot; written as text</source>
      <translation>字段“{field}”含有时刻，Shapefile 日期无法保存，已按文本写出</translation>
    </message>
    <message>
      <location filename="ecomap/io/export_fields.py" line="80" />
      <source>field names {format} reserves or cannot hold were renamed: {list}</source>
      <translation>{format} 保留或无法存放的字段名已改名：{list}</translation>
    </message>
    <message>
      <location filename="ecomap/io/ogr_attributes.py" line="71" />
      <source>field {field}: its name was cut in the middle of a character in the file (a DBF field name holds 10 bytes); it is shown without the half character</source>
      <translation>字段 {field}：文件中的字段名在字符中间被截断（DBF 字段名最多 10 个字节），显示时略去了这半个字符</translation>
    </message>
    <message>
      <location filename="ecomap/io/ogr_attributes.py" line="76" />
      <source>field {field}: {n} value(s) end in half a character (the file cut them at the field width); the half character is left out</source>
      <translation>字段 {field}：有 {n} 个值的末尾是半个字符（文件在字段宽度处截断了文本），已略去这半个字符</translation>
    </message>
    <message>
      <location filename="ecomap/io/ogr_attributes.py" line="80" />
      <source>field {field}: {n} value(s) hold bytes that are not {encoding} text; they are shown as �</source>
      <translation>字段 {field}：有 {n} 个值含有不是 {encoding} 文本的字节，显示为 �</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_overlay.py" line="32" />
      <source>fields of A to group by, comma-separated (optional)</source>
      <translation>A 的汇总字段，逗号分隔（可选）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_overlay.py" line="34" />
      <source>fields of B to group by (optional)</source>
      <translation>B 的汇总字段（可选）</translation>
    </message>
    <message>
      <location filename="ecomap/domain/water_report.py" line="435" />
      <source>file not found</source>
      <translation>文件不存在</translation>
    </message>
    <message>
      <location filename="ecomap/services/project_open.py" line="59" />
      <source>file not found: {path}</source>
      <translation>找不到文件：{path}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="31" />
      <source>fixed by the format</source>
      <translation>由格式规定</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="30" />
      <source>from the .cpg file</source>
      <translation>来自 .cpg 文件</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="30" />
      <source>from the DBF language mark</source>
      <translation>来自 DBF 语言标识</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="33" />
      <source>from the MapInfo Charset line</source>
      <translation>取自 MapInfo 文件头的 Charset 行</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="32" />
      <source>from the byte-order mark</source>
      <translation>来自字节顺序标记</translation>
    </message>
    <message>
      <location filename="ecomap/core/geometry_check.py" line="52" />
      <source>geometry cannot be read (the feature is kept without geometry)</source>
      <translation>几何无法解析（要素保留，但没有几何）</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_export_layer.py" line="104" />
      <source>give --towgs84 dx,dy,dz,rx,ry,rz,ds with the local 7 parameters, or --datum-shift none to write the coordinates unchanged (up to about 100 m off; the result says so)</source>
      <translation>用 --towgs84 dx,dy,dz,rx,ry,rz,ds 给出本地七参数，或用 --datum-shift none 不改坐标写出（可能偏差约 100 米，结果中会注明）</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_export_layer.py" line="125" />
      <source>give either --towgs84 or --datum-shift, not both</source>
      <translation>--towgs84 与 --datum-shift 只能给一个</translation>
    </message>
    <message>
      <location filename="ecomap/core/project_schema.py" line="35" />
      <source>groups nested deeper than {n} levels</source>
      <translation>分组嵌套超过 {n} 层</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="128" />
      <source>guessed</source>
      <translation>推测</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="31" />
      <source>guessed from the text</source>
      <translation>根据文字内容推测</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="133" />
      <source>ha</source>
      <translation>公顷</translation>
    </message>
    <message>
      <location filename="ecomap/core/units.py" line="21" />
      <source>hectares (公顷)</source>
      <translation>公顷</translation>
    </message>
    <message>
      <location filename="ecomap/core/geometry_check.py" line="57" />
      <source>hole outside its polygon</source>
      <translation>内环位于外环之外</translation>
    </message>
    <message>
      <location filename="ecomap/core/geometry_check.py" line="59" />
      <source>interior split into pieces</source>
      <translation>内部被分割成多块</translation>
    </message>
    <message>
      <location filename="ecomap/domain/water_report.py" line="99" />
      <source>invalid month "{month}": expected YYYY-MM, e.g. 2024-06</source>
      <translation>月份“{month}”格式不正确：应为 YYYY-MM，例如 2024-06</translation>
    </message>
    <message>
      <location filename="ecomap/core/geometry_check.py" line="62" />
      <source>invalid structure</source>
      <translation>结构无效</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="353" />
      <source>kilometre grid</source>
      <translation>公里网</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/scalebar.py" line="86" />
      <source>km</source>
      <translation>千米</translation>
    </message>
    <message>
      <location filename="ecomap/core/units.py" line="20" />
      <source>km²</source>
      <translation>平方千米</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/mapdraw.py" line="137" />
      <source>labels of a layer were not drawn: {reason}</source>
      <translation>有图层的注记未绘制：{reason}</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_render.py" line="215" />
      <source>labels of layer “{name}” not drawn: {error}</source>
      <translation>图层“{name}”的标注未绘制：{error}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_actions.py" line="325" />
      <source>landscape</source>
      <translation>横向</translation>
    </message>
    <message>
      <location filename="ecomap/io/crs_detect.py" line="379" />
      <source>latitude and longitude are swapped</source>
      <translation>经度与纬度顺序颠倒</translation>
    </message>
    <message>
      <location filename="ecomap/io/kml.py" line="383" />
      <source>latitude and longitude were swapped in the file; EcoMap exchanged them</source>
      <translation>文件中的纬度和经度顺序颠倒，EcoMap 已将其互换</translation>
    </message>
    <message>
      <location filename="ecomap/analysis/overlay.py" line="223" />
      <source>layer '{layer}' has no field '{field}'</source>
      <translation>图层“{layer}”没有字段“{field}”</translation>
    </message>
    <message>
      <location filename="ecomap/io/export.py" line="179" />
      <source>layer '{name}' has no coordinate system, so none was written; GeoJSON readers will take the coordinates for WGS 84 longitude/latitude</source>
      <translation>图层“{name}”没有坐标系，因此未写入坐标系；GeoJSON 软件会把坐标当作 WGS 84 经纬度</translation>
    </message>
    <message>
      <location filename="ecomap/io/export.py" line="186" />
      <source>layer '{name}' has no coordinate system; it cannot be reprojected</source>
      <translation>图层“{name}”没有坐标系，无法投影转换</translation>
    </message>
    <message>
      <location filename="ecomap/io/export.py" line="184" />
      <source>layer '{name}' has no coordinate system; it cannot be written to KML</source>
      <translation>图层“{name}”没有坐标系，无法写入 KML</translation>
    </message>
    <message>
      <location filename="ecomap/analysis/overlay.py" line="124" />
      <source>layer '{name}' has no single geometry type (points, lines or polygons)</source>
      <translation>图层“{name}”的几何类型不单一（应为点、线或面）</translation>
    </message>
    <message>
      <location filename="ecomap/core/workspace.py" line="202" />
      <source>layer '{name}' is not a {kind} layer</source>
      <translation>图层“{name}”不是{kind}图层</translation>
    </message>
    <message>
      <location filename="ecomap/io/export_datum.py" line="54" />
      <source>layer '{name}' is on {source}; writing it on {target} needs a datum transformation, and PROJ publishes none from {source} to {target} for this area, only a no-op that would leave the coordinates up to about 100 m off while calling them {target}. Give the local 7-parameter set (dx,dy,dz,rx,ry,rz,ds) or accept the coordinates unchanged</source>
      <translation>图层“{name}”采用 {source}；按 {target} 写出需要基准转换，而 PROJ 没有发布该地区从 {source} 到 {target} 的转换，只有一个不改坐标的空转换，坐标可能偏差约 100 米却被标为 {target}。请给出本地七参数（dx,dy,dz,rx,ry,rz,ds），或确认坐标保持不变</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/mapdraw.py" line="127" />
      <source>layer '{name}' was not drawn: {reason}</source>
      <translation>图层“{name}”未绘制：{reason}</translation>
    </message>
    <message>
      <location filename="ecomap/io/export_datum.py" line="156" />
      <source>layer '{name}': moved from {source} to {target} with the datum transformation {shift} ({accuracy})</source>
      <translation>图层“{name}”：已用基准转换 {shift}（{accuracy}）从 {source} 转换到 {target}</translation>
    </message>
    <message>
      <location filename="ecomap/io/export.py" line="191" />
      <source>layer '{name}': the M values were left out: EcoMap cannot carry measures through a reprojection</source>
      <translation>图层“{name}”：已略去 M 值，EcoMap 不能在投影转换中保留测量值</translation>
    </message>
    <message>
      <location filename="ecomap/io/export_datum.py" line="121" />
      <source>layer '{name}': the coordinates were taken from {source} to {target} unchanged, without a datum transformation; they may be up to about 100 m off</source>
      <translation>图层“{name}”：坐标未经基准转换，从 {source} 原样作为 {target} 写出，可能偏差约 100 米</translation>
    </message>
    <message>
      <location filename="ecomap/io/export.py" line="171" />
      <source>layer '{name}': the file declares no coordinate system; it was reprojected from the assumed EPSG:{epsg}</source>
      <translation>图层“{name}”：文件未声明坐标系，已按推断的 EPSG:{epsg} 投影转换</translation>
    </message>
    <message>
      <location filename="ecomap/io/export.py" line="250" />
      <source>layer '{name}': the {values} values were left out; there is no place for them in {what}</source>
      <translation>图层“{name}”：{what} 无法存放 {values} 值，已略去</translation>
    </message>
    <message>
      <location filename="ecomap/io/export.py" line="196" />
      <source>layer '{name}': {fields} hold lengths or areas computed before the reprojection; they no longer match the geometry</source>
      <translation>图层“{name}”：{fields} 是投影转换前计算的长度或面积，已与几何不符</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_render.py" line="216" />
      <source>layer “{name}” not drawn: {error}</source>
      <translation>图层“{name}”未绘制：{error}</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_render.py" line="106" />
      <source>layer “{name}”: {error}; drawn with the default style</source>
      <translation>图层“{name}”：{error}；已使用默认样式绘制</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/ban_zone_panel.py" line="55" />
      <source>ledger names zone {zone}</source>
      <translation>台账登记为 {zone}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="337" />
      <source>left</source>
      <translation>左</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="358" />
      <source>line {line}: X and Y must be numbers, found '{x}', '{y}'</source>
      <translation>第 {line} 行：X、Y 必须为数字，实际为“{x}”“{y}”</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="349" />
      <source>line {line}: a point comes before any parcel line (ending in @)</source>
      <translation>第 {line} 行：坐标点出现在任何地块行（以 @ 结尾）之前</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="347" />
      <source>line {line}: expected 点号,圈号,X,Y</source>
      <translation>第 {line} 行：应为 点号,圈号,X,Y</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="508" />
      <source>line {line}: line {ring} of parcel '{parcel}' has {n} distinct points; a line needs at least 2</source>
      <translation>第 {line} 行：地块“{parcel}”的第 {ring} 条线只有 {n} 个不同的点，线至少需要 2 个</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="241" />
      <source>line {line}: not a key=value line; ignored</source>
      <translation>第 {line} 行：不是“键=值”格式，已忽略</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="225" />
      <source>line {line}: not a land-parcel coordinate file (expected a section such as [属性描述])</source>
      <translation>第 {line} 行：不是界址点坐标文件（应有 [属性描述] 等节）</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="641" />
      <source>line {line}: parcel '{parcel}' has no points; it is kept without geometry</source>
      <translation>第 {line} 行：地块“{parcel}”没有坐标点，保留为无几何的记录</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="625" />
      <source>line {line}: parcel '{parcel}' states {stated} boundary points but has {n}</source>
      <translation>第 {line} 行：地块“{parcel}”界址点数填写为 {stated}，实际有 {n} 个点</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="662" />
      <source>line {line}: parcel '{parcel}' states {stated} hm² but its boundary encloses {computed:.4f} hm² ({diff:+.2f} %)</source>
      <translation>第 {line} 行：地块“{parcel}”填写面积 {stated} 公顷，界址范围计算面积 {computed:.4f} 公顷（相差 {diff:+.2f}%）</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="500" />
      <source>line {line}: ring {ring} of parcel '{parcel}' has {n} distinct points; a polygon ring needs at least 3</source>
      <translation>第 {line} 行：地块“{parcel}”的第 {ring} 圈只有 {n} 个不同的点，面至少需要 3 个</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="276" />
      <source>line {line}: the number of boundary points (界址点数) '{value}' is not a count of points</source>
      <translation>第 {line} 行：界址点数“{value}”不是有效的点数</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="269" />
      <source>line {line}: the number of boundary points (界址点数) '{value}' is not a number</source>
      <translation>第 {line} 行：界址点数“{value}”不是数字</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="284" />
      <source>line {line}: the parcel area (地块面积) '{value}' is not a number</source>
      <translation>第 {line} 行：地块面积“{value}”不是数字</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="353" />
      <source>line {line}: the ring number (圈号) '{value}' is not an integer; expected 点号,圈号,X,Y</source>
      <translation>第 {line} 行：圈号“{value}”不是整数；应为 点号,圈号,X,Y</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="291" />
      <source>line {line}: unknown geometry type '{value}'; read as a polygon</source>
      <translation>第 {line} 行：未知的图形属性“{value}”，按面读取</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="178" />
      <source>lines</source>
      <translation>线</translation>
    </message>
    <message>
      <location filename="ecomap/core/datum_shift.py" line="179" />
      <source>local 7-parameter set ({values})</source>
      <translation>本地七参数（{values}）</translation>
    </message>
    <message>
      <location filename="ecomap/core/coords.py" line="94" />
      <source>longitude must be within ±180° and latitude within ±90°</source>
      <translation>经度须在 ±180° 之间，纬度须在 ±90° 之间</translation>
    </message>
    <message>
      <location filename="ecomap/gui/goto_dialog.py" line="48" />
      <source>longitude/latitude</source>
      <translation>经纬度</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="352" />
      <source>longitude/latitude graticule</source>
      <translation>经纬网</translation>
    </message>
    <message>
      <location filename="ecomap/io/crs_detect.py" line="429" />
      <source>longitudes are given as 0–360°; features east of 180° were moved by −360° into the −180…180° range</source>
      <translation>经度按 0–360° 书写；位于 180° 以东的要素已平移 −360°，换算到 −180…180° 范围</translation>
    </message>
    <message>
      <location filename="ecomap/io/csv_points.py" line="108" />
      <source>longitudes are given as 0–360°; those east of 180° were moved by −360° into the −180…180° range</source>
      <translation>经度按 0–360° 书写；大于 180° 的经度已减去 360°，换算到 −180…180° 范围</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/scalebar.py" line="46" />
      <source>m</source>
      <translation>米</translation>
    </message>
    <message>
      <location filename="ecomap/core/json_check.py" line="232" />
      <source>missing</source>
      <translation>缺失</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/ban_zone_panel.py" line="53" />
      <source>missing from the ledger</source>
      <translation>未列入台账</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="179" />
      <source>mixed geometry types</source>
      <translation>混合几何类型</translation>
    </message>
    <message>
      <location filename="ecomap/core/layers.py" line="198" />
      <source>mixed geometry: {count} lines, {length:,.1f} m long in all; the area counts polygons only</source>
      <translation>混合几何：{count} 条线，总长 {length:,.1f} 米；面积只统计面要素</translation>
    </message>
    <message>
      <location filename="ecomap/io/crs_detect.py" line="508" />
      <source>mixed zone numbers in the eastings</source>
      <translation>Y 坐标（东坐标）带号不一致</translation>
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="123" />
      <source>mm</source>
      <translation>毫米</translation>
    </message>
    <message>
      <location filename="ecomap/core/json_check.py" line="188" />
      <source>more than {n} values</source>
      <translation>超过 {n} 个值</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="133" />
      <source>mu</source>
      <translation>亩</translation>
    </message>
    <message>
      <location filename="ecomap/core/units.py" line="20" />
      <source>mu (亩)</source>
      <translation>亩</translation>
    </message>
    <message>
      <location filename="ecomap/core/units.py" line="20" />
      <source>m²</source>
      <translation>平方米</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_screen.py" line="96" />
      <source>near {layer} #{fid} {name}: {distance}</source>
      <translation>临近 {layer} #{fid} {name}：{distance}</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_screen.py" line="99" />
      <source>nearest {layer}: {name} at {distance:,.1f} m</source>
      <translation>最近的{layer}：{name}，距离 {distance:,.1f} 米</translation>
    </message>
    <message>
      <location filename="ecomap/analysis/footprint.py" line="183" />
      <source>neither an existing file nor WKT (POLYGON ((x y, …)))</source>
      <translation>既不是已有文件，也不是 WKT（POLYGON ((x y, …))）</translation>
    </message>
    <message>
      <location filename="ecomap/core/json_check.py" line="193" />
      <source>nested deeper than {n} levels</source>
      <translation>嵌套超过 {n} 层</translation>
    </message>
    <message>
      <location filename="ecomap/core/geometry_check.py" line="58" />
      <source>nested rings</source>
      <translation>环相互嵌套</translation>
    </message>
    <message>
      <location filename="ecomap/domain/water_report.py" line="341" />
      <source>no assessable values in {month}; excluded from the shares</source>
      <translation>{month} 无有效监测值，不参与比例统计</translation>
    </message>
    <message>
      <location filename="ecomap/io/csv_points.py" line="156" />
      <source>no coordinate columns found (expected X/Y, 经度/纬度, lon/lat, E/N …); columns: {columns}</source>
      <translation>未找到坐标列（应为 X/Y、经度/纬度、lon/lat、E/N 等）；现有列：{columns}</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_export_layer.py" line="114" />
      <source>no coordinate system</source>
      <translation>无坐标系</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/atlas.py" line="42" />
      <source>no coverage layer named '{name}' (layers: {known})</source>
      <translation>没有名为“{name}”的覆盖图层（现有图层：{known}）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/identify_panel.py" line="58" />
      <source>no data</source>
      <translation>无数据</translation>
    </message>
    <message>
      <location filename="ecomap/analysis/footprint.py" line="148" />
      <source>no feature '{feature}' in the file</source>
      <translation>文件中没有要素“{feature}”</translation>
    </message>
    <message>
      <location filename="ecomap/analysis/footprint.py" line="130" />
      <source>no feature {fid}</source>
      <translation>没有要素 {fid}</translation>
    </message>
    <message>
      <location filename="ecomap/core/expression.py" line="288" />
      <source>no field named '{name}'</source>
      <translation>没有名为“{name}”的字段</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_data_dialog.py" line="100" />
      <source>no geometry</source>
      <translation>不含几何</translation>
    </message>
    <message>
      <location filename="ecomap/core/workspace.py" line="199" />
      <source>no layer '{name}'; the layers are: {names}</source>
      <translation>没有图层“{name}”；现有图层：{names}</translation>
    </message>
    <message>
      <location filename="ecomap/io/gpx.py" line="67" />
      <source>no layer named '{name}'</source>
      <translation>没有名为“{name}”的图层</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/templates.py" line="188" />
      <source>no layout named '{name}' (available: {known})</source>
      <translation>没有名为“{name}”的版式（可用：{known}）</translation>
    </message>
    <message>
      <location filename="ecomap/domain/water_report.py" line="331" />
      <source>no measurement in {month}; excluded from the shares</source>
      <translation>{month} 无监测数据，不参与比例统计</translation>
    </message>
    <message>
      <location filename="ecomap/domain/water_report.py" line="305" />
      <source>no measurements for {month}; months present: {first} to {last}</source>
      <translation>{month} 没有监测数据；现有月份：{first} 至 {last}</translation>
    </message>
    <message>
      <location filename="ecomap/core/project.py" line="173" />
      <source>no permission to read this file</source>
      <translation>没有读取此文件的权限</translation>
    </message>
    <message>
      <location filename="ecomap/io/registry.py" line="228" />
      <source>no permission to read this folder</source>
      <translation>没有读取此文件夹的权限</translation>
    </message>
    <message>
      <location filename="ecomap/io/csv_points.py" line="314" />
      <source>no row has readable coordinates</source>
      <translation>没有一行的坐标可以识别</translation>
    </message>
    <message>
      <location filename="ecomap/analysis/screening_rules.py" line="248" />
      <source>no such file or folder</source>
      <translation>文件或文件夹不存在</translation>
    </message>
    <message>
      <location filename="ecomap/services/editing.py" line="158" />
      <source>no table named "{table}"</source>
      <translation>没有名为“{table}”的表</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_stats.py" line="36" />
      <source>no thematic layers to count; name them with --layers</source>
      <translation>没有可统计的专题图层，请用 --layers 指定</translation>
    </message>
    <message>
      <location filename="ecomap/domain/water_report.py" line="344" />
      <source>no valid water-quality target; excluded from the compliance rate</source>
      <translation>无有效水质目标，不参与达标率统计</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_export_layer.py" line="73" />
      <source>no vector layer named '{name}'; layers: {names}</source>
      <translation>没有名为“{name}”的矢量图层；现有图层：{names}</translation>
    </message>
    <message>
      <location filename="ecomap/domain/water_report.py" line="457" />
      <source>no water measurements table found (expected "{layer}" with fields DMBM, JCNY and parameter values)</source>
      <translation>未找到水质监测表（应为“{layer}”，含 DMBM、JCNY 字段及各项指标值）</translation>
    </message>
    <message>
      <location filename="ecomap/domain/water_report.py" line="454" />
      <source>no water sections layer found (expected "{layer}" with fields DMBM and SZMB)</source>
      <translation>未找到水质断面图层（应为“{layer}”，含 DMBM 和 SZMB 字段）</translation>
    </message>
    <message>
      <location filename="ecomap/core/geometry_check.py" line="55" />
      <source>non-finite coordinates (NaN or infinity)</source>
      <translation>坐标非有限值（NaN 或无穷大）</translation>
    </message>
    <message>
      <location filename="ecomap/domain/edit_rules.py" line="124" />
      <source>none</source>
      <translation>无</translation>
    </message>
    <message>
      <location filename="ecomap/io/registry.py" line="261" />
      <source>none of its {n} datasets could be read; the first: {error}</source>
      <translation>其中 {n} 个数据集都无法读取；第一个的原因：{error}</translation>
    </message>
    <message>
      <location filename="ecomap/services/exports.py" line="64" />
      <source>none of the project's layers could be opened</source>
      <translation>工程中的图层均无法打开</translation>
    </message>
    <message>
      <location filename="ecomap/io/crs_detect.py" line="372" />
      <source>northing and easting are swapped; eastings carry zone {zone}</source>
      <translation>纵横坐标顺序颠倒；横坐标带有带号 {zone}</translation>
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="372" />
      <source>northing and easting were swapped in the file; EcoMap exchanged them</source>
      <translation>文件中纵横坐标顺序颠倒，EcoMap 已自动交换</translation>
    </message>
    <message>
      <location filename="ecomap/io/linked_sources.py" line="69" />
      <source>not a GDAL VRT (its root element is &lt;{tag}&gt;)</source>
      <translation>不是 GDAL VRT 文件（根元素为 &lt;{tag}&gt;）</translation>
    </message>
    <message>
      <location filename="ecomap/io/gpx.py" line="107" />
      <source>not a GPX file GDAL can read ({detail})</source>
      <translation>不是 GDAL 能读取的 GPX 文件（{detail}）</translation>
    </message>
    <message>
      <location filename="ecomap/io/ogr.py" line="73" />
      <source>not a GeoPackage: the file is not an SQLite database</source>
      <translation>不是 GeoPackage：该文件不是 SQLite 数据库</translation>
    </message>
    <message>
      <location filename="ecomap/core/style.py" line="40" />
      <source>not a colour: '{text}' (expected #rrggbb or #rrggbbaa)</source>
      <translation>不是颜色：“{text}”（应为 #rrggbb 或 #rrggbbaa）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_screening.py" line="245" />
      <source>not a coordinate pair: {line}</source>
      <translation>不是坐标对：{line}</translation>
    </message>
    <message>
      <location filename="ecomap/io/linked_sources.py" line="130" />
      <source>not a file name</source>
      <translation>不是文件名</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="244" />
      <source>not a land-parcel coordinate file: there is no [地块坐标] section</source>
      <translation>不是界址点坐标文件：没有 [地块坐标] 节</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/templates.py" line="142" />
      <source>not a layout template ({detail})</source>
      <translation>不是版式模板（{detail}）</translation>
    </message>
    <message>
      <location filename="ecomap/io/gdal_config.py" line="103" />
      <source>not a local file; EcoMap never reads from the network or from GDAL virtual file systems</source>
      <translation>不是本地文件；EcoMap 从不读取网络地址或 GDAL 虚拟文件系统中的数据</translation>
    </message>
    <message>
      <location filename="ecomap/io/raster.py" line="44" />
      <source>not a raster image that GDAL can read</source>
      <translation>不是可读取的栅格影像</translation>
    </message>
    <message>
      <location filename="ecomap/analysis/zonal.py" line="434" />
      <source>not a raster layer</source>
      <translation>不是栅格图层</translation>
    </message>
    <message>
      <location filename="ecomap/io/archive.py" line="115" />
      <source>not a valid ZIP archive</source>
      <translation>不是有效的 ZIP 压缩包</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_render.py" line="187" />
      <source>not a views file ({detail})</source>
      <translation>不是视图文件（{detail}）</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/model.py" line="359" />
      <source>not an EcoMap layout</source>
      <translation>不是 EcoMap 版式文件</translation>
    </message>
    <message>
      <location filename="ecomap/core/project.py" line="194" />
      <source>not an EcoMap project file</source>
      <translation>不是 EcoMap 项目文件</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="105" />
      <source>not checked</source>
      <translation>未检查</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/ban_zone_panel.py" line="49" />
      <source>not disposed of</source>
      <translation>未处置</translation>
    </message>
    <message>
      <location filename="ecomap/io/ogr.py" line="105" />
      <source>not valid GeoJSON ({detail})</source>
      <translation>不是有效的 GeoJSON（{detail}）</translation>
    </message>
    <message>
      <location filename="ecomap/analysis/footprint.py" line="103" />
      <source>not valid WKT ({detail})</source>
      <translation>WKT 格式不正确（{detail}）</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_export_layer.py" line="116" />
      <source>note: {text}</source>
      <translation>提示：{text}</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_render.py" line="219" />
      <source>nothing could be drawn</source>
      <translation>没有任何图层能够绘制</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_screening.py" line="93" />
      <source>nothing drawn yet</source>
      <translation>尚未绘制</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_render.py" line="147" />
      <source>nothing to draw: no layer with geometry</source>
      <translation>没有可绘制的内容：没有带几何的图层</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_render.py" line="159" />
      <source>nothing to draw: the layers are empty</source>
      <translation>没有可绘制的内容：图层为空</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_overlay.py" line="101" />
      <source>of features of</source>
      <translation>的参照图层</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/hub.py" line="161" />
      <source>only layers stored in a GeoPackage can be edited here</source>
      <translation>这里只能编辑存放在 GeoPackage 中的图层</translation>
    </message>
    <message>
      <location filename="ecomap/io/export.py" line="478" />
      <source>only polygons are land parcels; lines and points are written as 线/点 records</source>
      <translation>只有面要素是地块；线和点按“线/点”记录写出</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_overlay.py" line="96" />
      <source>only the nearest one per feature</source>
      <translation>每个要素只取最近的一个</translation>
    </message>
    <message>
      <location filename="ecomap/core/render/job.py" line="196" />
      <source>opacity {value} is not a number between 0 and 1</source>
      <translation>不透明度 {value} 不是 0 到 1 之间的数字</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/model.py" line="352" />
      <source>orientation must be 'portrait' or 'landscape'</source>
      <translation>方向只能是 portrait（纵向）或 landscape（横向）</translation>
    </message>
    <message>
      <location filename="ecomap/io/linked_sources.py" line="140" />
      <source>outside its folder</source>
      <translation>位于其所在文件夹之外</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="156" />
      <source>overviews</source>
      <translation>金字塔</translation>
    </message>
    <message>
      <location filename="ecomap/gui/symbol_widget.py" line="124" />
      <source>pixels</source>
      <translation>像素</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="178" />
      <source>points</source>
      <translation>点</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="178" />
      <source>polygons</source>
      <translation>面</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_actions.py" line="325" />
      <source>portrait</source>
      <translation>纵向</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_render.py" line="85" />
      <source>project files are not supported by this build</source>
      <translation>此版本不支持工程文件</translation>
    </message>
    <message>
      <location filename="ecomap/core/workspace.py" line="203" />
      <source>raster</source>
      <translation>栅格</translation>
    </message>
    <message>
      <location filename="ecomap/core/geometry_check.py" line="117" />
      <source>record {ids}</source>
      <translation>记录号 {ids}</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_zonal.py" line="104" />
      <source>recovered: {n} of {total}</source>
      <translation>已恢复：{n} / {total}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/rectification_panel.py" line="309" />
      <source>rectification_ledger</source>
      <translation>督察整改台账</translation>
    </message>
    <message>
      <location filename="ecomap/io/linked_sources.py" line="126" />
      <source>refers to '{source}' ({reason}); EcoMap opens only files named relative to it, in its folder or below</source>
      <translation>引用了“{source}”（{reason}）；EcoMap 只打开以相对路径引用、位于其所在文件夹或子文件夹中的文件</translation>
    </message>
    <message>
      <location filename="ecomap/io/linked_sources.py" line="155" />
      <source>refers to '{source}', an XML dataset description (such as a web map service), which EcoMap does not open from a VRT</source>
      <translation>引用了“{source}”，这是 XML 数据集描述（如网络地图服务），EcoMap 不从 VRT 中打开此类数据</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/ban_zone_panel.py" line="57" />
      <source>registered in {zone} but outside every ban zone</source>
      <translation>登记在 {zone}，但不在任何禁养区内</translation>
    </message>
    <message>
      <location filename="ecomap/io/linked_sources.py" line="137" />
      <source>relative to the working folder, not to the file</source>
      <translation>相对于当前工作文件夹，而不是相对于该文件</translation>
    </message>
    <message>
      <location filename="ecomap/core/geometry_repair.py" line="50" />
      <source>repaired copy: {n} invalid geometries were made valid</source>
      <translation>修复副本：已将 {n} 个无效几何修复为有效</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_export_layer.py" line="93" />
      <source>repaired {n} invalid geometries before exporting</source>
      <translation>导出前已修复 {n} 个无效几何</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/ban_zone_panel.py" line="51" />
      <source>restocked</source>
      <translation>已复养</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layout_designer.py" line="337" />
      <source>right</source>
      <translation>右</translation>
    </message>
    <message>
      <location filename="ecomap/core/geometry_check.py" line="53" />
      <source>ring not closed (shown closed)</source>
      <translation>环未闭合（按闭合显示）</translation>
    </message>
    <message>
      <location filename="ecomap/io/csv_points.py" line="122" />
      <source>rows with missing or unreadable coordinates, kept without geometry: {n} (rows {rows}{more})</source>
      <translation>坐标缺失或无法识别的行（已保留，无几何）：{n} 行（第 {rows}{more} 行）</translation>
    </message>
    <message>
      <location filename="ecomap/analysis/screening_rules.py" line="261" />
      <source>rule {n}: id, constraint, verdict and reason are required</source>
      <translation>第 {n} 条规则：id、constraint、verdict 和 reason 为必填项</translation>
    </message>
    <message>
      <location filename="ecomap/analysis/screening_rules.py" line="266" />
      <source>rule {n}: relation must be "overlap" or "near"</source>
      <translation>第 {n} 条规则：relation 必须是 "overlap" 或 "near"</translation>
    </message>
    <message>
      <location filename="ecomap/analysis/screening_rules.py" line="263" />
      <source>rule {n}: verdict must be one of {verdicts}</source>
      <translation>第 {n} 条规则：verdict 须为 {verdicts} 之一</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_screening.py" line="221" />
      <source>select one or more features of the layer first</source>
      <translation>请先选择该图层中的要素</translation>
    </message>
    <message>
      <location filename="ecomap/core/geometry_check.py" line="56" />
      <source>self-intersection</source>
      <translation>自相交</translation>
    </message>
    <message>
      <location filename="ecomap/services/exports.py" line="139" />
      <source>several layers in this format go into a folder, one file each</source>
      <translation>此格式的多个图层须写入文件夹，每层一个文件</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="180" />
      <source>table (no geometry)</source>
      <translation>属性表（无几何）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/water_panel.py" line="375" />
      <source>target {cls}</source>
      <translation>目标 {cls}</translation>
    </message>
    <message>
      <location filename="ecomap/io/shapefile_writer.py" line="118" />
      <source>text in field '{field}' longer than {limit} bytes was cut</source>
      <translation>字段“{field}”中超过 {limit} 字节的文字已截断</translation>
    </message>
    <message>
      <location filename="ecomap/core/json_check.py" line="178" />
      <source>text longer than {n} characters</source>
      <translation>文本超过 {n} 个字符</translation>
    </message>
    <message>
      <location filename="ecomap/io/encoding.py" line="106" />
      <source>the .cpg file holds NUL bytes, so it names no encoding; it was ignored and the encoding was decided from the DBF</source>
      <translation>.cpg 文件含有 NUL 字节，未指明任何编码；已忽略该文件，编码根据 DBF 内容判断</translation>
    </message>
    <message>
      <location filename="ecomap/io/encoding.py" line="108" />
      <source>the .cpg file names '{name}', which is not an encoding DBF text can be written in; it was ignored and the encoding was decided from the DBF</source>
      <translation>.cpg 文件写的是“{name}”，这不是 DBF 文本可用的编码；已忽略该文件，编码根据 DBF 内容判断</translation>
    </message>
    <message>
      <location filename="ecomap/io/ogr.py" line="417" />
      <source>the .prj file cannot be read ({detail}); the layer has no declared coordinate system</source>
      <translation>无法读取 .prj 文件（{detail}）；该图层没有声明的坐标系</translation>
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="92" />
      <source>the DXF drawing contains no features EcoMap can read</source>
      <translation>DXF 图形中没有 EcoMap 能读取的要素</translation>
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="242" />
      <source>the DXF drawing is damaged near line {line}</source>
      <translation>DXF 图形在第 {line} 行附近已损坏</translation>
    </message>
    <message>
      <location filename="ecomap/gui/goto_dialog.py" line="126" />
      <source>the EPSG code must be a number, e.g. 4527</source>
      <translation>EPSG 代码必须是数字，例如 4527</translation>
    </message>
    <message>
      <location filename="ecomap/io/gpx.py" line="74" />
      <source>the GPX file holds no waypoints, routes or tracks</source>
      <translation>GPX 文件中没有航点、航线或航迹</translation>
    </message>
    <message>
      <location filename="ecomap/io/gpx.py" line="91" />
      <source>the GPX file is larger than {limit} MB; EcoMap refuses it</source>
      <translation>GPX 文件超过 {limit} MB，EcoMap 拒绝读取</translation>
    </message>
    <message>
      <location filename="ecomap/io/ogr.py" line="102" />
      <source>the GeoJSON's field names are not UTF-8 text (GeoJSON is always UTF-8; this file looks written in another encoding, such as GBK): save it as UTF-8</source>
      <translation>GeoJSON 的字段名不是 UTF-8 文本（GeoJSON 一律使用 UTF-8；此文件似乎用其他编码（如 GBK）保存）：请另存为 UTF-8</translation>
    </message>
    <message>
      <location filename="ecomap/io/ogr.py" line="107" />
      <source>the GeoPackage is damaged or truncated ({detail})</source>
      <translation>GeoPackage 已损坏或不完整（{detail}）</translation>
    </message>
    <message>
      <location filename="ecomap/io/ogr.py" line="78" />
      <source>the GeoPackage is truncated: {have:,} of {want:,} bytes are present</source>
      <translation>GeoPackage 文件不完整：应有 {want:,} 字节，实际只有 {have:,} 字节</translation>
    </message>
    <message>
      <location filename="ecomap/domain/water_report.py" line="449" />
      <source>the GeoPackages of the project are missing: {paths}</source>
      <translation>工程引用的 GeoPackage 文件不存在：{paths}</translation>
    </message>
    <message>
      <location filename="ecomap/io/kml.py" line="125" />
      <source>the KML document declares an unknown encoding '{encoding}'</source>
      <translation>KML 文档声明了未知的编码“{encoding}”</translation>
    </message>
    <message>
      <location filename="ecomap/io/kml.py" line="77" />
      <source>the KML document is larger than {limit} MB; EcoMap refuses it</source>
      <translation>KML 文档大于 {limit} MB，EcoMap 拒绝读取</translation>
    </message>
    <message>
      <location filename="ecomap/io/kml.py" line="118" />
      <source>the KML document is not valid {encoding}</source>
      <translation>KML 文档不是有效的 {encoding} 编码</translation>
    </message>
    <message>
      <location filename="ecomap/io/kml.py" line="141" />
      <source>the KML document is not valid {encoding}, UTF-8 or GB18030</source>
      <translation>KML 文档既不是有效的 {encoding}，也不是 UTF-8 或 GB18030 编码</translation>
    </message>
    <message>
      <location filename="ecomap/io/kml.py" line="291" />
      <source>the KML file contains no features (placemarks)</source>
      <translation>KML 文件中没有要素（地标）</translation>
    </message>
    <message>
      <location filename="ecomap/io/kml.py" line="93" />
      <source>the KMZ archive contains an unsafe file name ({name}); EcoMap refuses it</source>
      <translation>KMZ 压缩包中含有不安全的文件名（{name}），EcoMap 拒绝读取</translation>
    </message>
    <message>
      <location filename="ecomap/io/kml.py" line="98" />
      <source>the KMZ archive contains no KML document</source>
      <translation>KMZ 压缩包中没有 KML 文档</translation>
    </message>
    <message>
      <location filename="ecomap/io/kml.py" line="80" />
      <source>the KMZ file is not a valid ZIP archive</source>
      <translation>KMZ 文件不是有效的 ZIP 压缩包</translation>
    </message>
    <message>
      <location filename="ecomap/io/mapinfo.py" line="91" />
      <source>the MapInfo table's companion file {name} is missing; copy all files of the table (.tab, .dat, .map, .id) together</source>
      <translation>缺少 MapInfo 表的配套文件 {name}；请将表的全部文件（.tab、.dat、.map、.id）一起复制</translation>
    </message>
    <message>
      <location filename="ecomap/io/mapinfo.py" line="94" />
      <source>the MapInfo table's companion file {name} is missing; copy the .mif and the .mid together</source>
      <translation>缺少 MapInfo 表的配套文件 {name}；请将 .mif 与 .mid 一起复制</translation>
    </message>
    <message>
      <location filename="ecomap/io/ogr.py" line="109" />
      <source>the Shapefile is damaged ({detail})</source>
      <translation>Shapefile 已损坏（{detail}）</translation>
    </message>
    <message>
      <location filename="ecomap/io/ogr.py" line="62" />
      <source>the Shapefile's companion file {name} is missing; copy all files of the Shapefile (.shp, .shx, .dbf, .prj, .cpg) together</source>
      <translation>缺少 Shapefile 的配套文件 {name}；请将 Shapefile 的全部文件（.shp、.shx、.dbf、.prj、.cpg）一起复制</translation>
    </message>
    <message>
      <location filename="ecomap/io/linked_sources.py" line="74" />
      <source>the VRT runs Python code to compute its pixels; EcoMap refuses it</source>
      <translation>该 VRT 通过运行 Python 代码计算像元值，EcoMap 拒绝打开</translation>
    </message>
    <message>
      <location filename="ecomap/io/export.py" line="446" />
      <source>the X/Y columns</source>
      <translation>X/Y 坐标列</translation>
    </message>
    <message>
      <location filename="ecomap/io/kml.py" line="195" />
      <source>the XML declares entities, which EcoMap refuses for safety</source>
      <translation>该 XML 声明了实体，出于安全考虑 EcoMap 拒绝读取</translation>
    </message>
    <message>
      <location filename="ecomap/io/archive.py" line="184" />
      <source>the ZIP archive contains an unsafe file name ({name}); EcoMap refuses it</source>
      <translation>ZIP 压缩包中含有不安全的文件名（{name}），EcoMap 拒绝读取</translation>
    </message>
    <message>
      <location filename="ecomap/io/zipped.py" line="57" />
      <source>the ZIP archive holds no data files EcoMap can read</source>
      <translation>ZIP 压缩包中没有 EcoMap 能读取的数据文件</translation>
    </message>
    <message>
      <location filename="ecomap/io/zipped.py" line="91" />
      <source>the ZIP archive holds no {name}</source>
      <translation>ZIP 压缩包中没有 {name}</translation>
    </message>
    <message>
      <location filename="ecomap/io/archive.py" line="180" />
      <source>the ZIP archive holds {n:,} files, more than the {limit:,} EcoMap reads</source>
      <translation>ZIP 压缩包中有 {n:,} 个文件，超过 EcoMap 可读取的 {limit:,} 个</translation>
    </message>
    <message>
      <location filename="ecomap/io/archive.py" line="86" />
      <source>the ZIP archive is damaged ({detail})</source>
      <translation>ZIP 压缩包已损坏（{detail}）</translation>
    </message>
    <message>
      <location filename="ecomap/io/archive.py" line="187" />
      <source>the ZIP archive is password-protected; unpack it with its password first</source>
      <translation>ZIP 压缩包有密码保护，请先用密码解压</translation>
    </message>
    <message>
      <location filename="ecomap/io/archive.py" line="190" />
      <source>the ZIP archive misstates the size of {name}, as only a zip bomb does; EcoMap refuses the archive</source>
      <translation>ZIP 压缩包谎报了 {name} 的大小，这是压缩炸弹的特征；EcoMap 拒绝打开该压缩包</translation>
    </message>
    <message>
      <location filename="ecomap/io/archive.py" line="198" />
      <source>the ZIP archive unpacks to {size:,} MB, more than the {limit:,} MB EcoMap reads</source>
      <translation>ZIP 压缩包解压后共 {size:,} MB，超过 EcoMap 可读取的 {limit:,} MB</translation>
    </message>
    <message>
      <location filename="ecomap/io/archive.py" line="201" />
      <source>the ZIP archive's entries overlap, as only a zip bomb's do; EcoMap refuses it</source>
      <translation>ZIP 压缩包中的条目互相重叠（这是“压缩炸弹”的特征），EcoMap 拒绝读取</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="254" />
      <source>the [地块坐标] section holds no parcels</source>
      <translation>[地块坐标] 节中没有地块</translation>
    </message>
    <message>
      <location filename="ecomap/analysis/stats.py" line="72" />
      <source>the administrative units must be polygons</source>
      <translation>行政单元图层须为面图层</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/atlas.py" line="123" />
      <source>the atlas goes to a folder or a .pdf file</source>
      <translation>图集只能输出到文件夹或 .pdf 文件</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/atlas.py" line="101" />
      <source>the atlas needs a coverage layer</source>
      <translation>图集需要一个覆盖图层</translation>
    </message>
    <message>
      <location filename="ecomap/analysis/proximity.py" line="40" />
      <source>the buffer distance must not be negative</source>
      <translation>缓冲距离不能为负</translation>
    </message>
    <message>
      <location filename="ecomap/gui/export_actions.py" line="308" />
      <source>the clipboard</source>
      <translation>剪贴板</translation>
    </message>
    <message>
      <location filename="ecomap/io/crs_detect.py" line="490" />
      <source>the coordinate system (坐标系) '{text}' is missing or not recognised; assuming CGCS2000</source>
      <translation>坐标系“{text}”缺失或无法识别；假定为 2000 国家大地坐标系</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="655" />
      <source>the coordinate system is unknown: computed areas are planar</source>
      <translation>坐标系未知：计算面积为平面面积</translation>
    </message>
    <message>
      <location filename="ecomap/analysis/footprint.py" line="114" />
      <source>the coordinates are empty or not numbers</source>
      <translation>坐标为空或不是数字</translation>
    </message>
    <message>
      <location filename="ecomap/io/crs_detect.py" line="497" />
      <source>the coordinates are latitude and longitude</source>
      <translation>坐标为经纬度</translation>
    </message>
    <message>
      <location filename="ecomap/io/crs_detect.py" line="380" />
      <source>the coordinates do not identify a Chinese coordinate system</source>
      <translation>无法根据坐标判断所用的中国坐标系</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/atlas.py" line="107" />
      <source>the coverage layer '{name}' has no features</source>
      <translation>覆盖图层“{name}”没有要素</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/atlas.py" line="45" />
      <source>the coverage layer '{name}' has no geometry</source>
      <translation>覆盖图层“{name}”没有几何图形</translation>
    </message>
    <message>
      <location filename="ecomap/io/crs_detect.py" line="354" />
      <source>the datum is assumed to be CGCS2000: without a coordinate system the numbers cannot tell it from Xian 1980 or Beijing 1954, whose data with the same numbers lie within about 100 m</source>
      <translation>大地基准假定为 CGCS2000：没有坐标系时，仅凭坐标数值无法区分 CGCS2000 与西安 80 或北京 54，数值相同的西安 80、北京 54 数据与之相距约 100 米以内</translation>
    </message>
    <message>
      <location filename="ecomap/io/crs_detect.py" line="248" />
      <source>the datum is named {named}, but its ellipsoid is that of {datum} ({ellipsoid}); ellipsoid and parameters are those of {crs}</source>
      <translation>基准名为 {named}，但其椭球属于 {datum}（{ellipsoid}）；椭球和参数与 {crs} 一致</translation>
    </message>
    <message>
      <location filename="ecomap/io/export_datum.py" line="114" />
      <source>the datum transformation {shift} goes from {a} to {b}, but layer '{name}' needs one from {c} to {d}</source>
      <translation>基准转换 {shift} 是从 {a} 到 {b}，而图层“{name}”需要从 {c} 到 {d} 的转换</translation>
    </message>
    <message>
      <location filename="ecomap/analysis/proximity.py" line="61" />
      <source>the distance must not be negative</source>
      <translation>距离不能为负</translation>
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="377" />
      <source>the drawing has no coordinate system and none could be inferred ({reason})</source>
      <translation>图形没有坐标系，也无法推断（{reason}）</translation>
    </message>
    <message>
      <location filename="ecomap/io/crs_detect.py" line="511" />
      <source>the easting prefix {zone} is not a Gauss-Krüger zone in China</source>
      <translation>Y 坐标前缀 {zone} 不是我国范围内的高斯-克吕格投影带</translation>
    </message>
    <message>
      <location filename="ecomap/io/crs_detect.py" line="533" />
      <source>the eastings are neither zone-prefixed nor within one zone (0–1 000 000 m)</source>
      <translation>Y 坐标既不带带号前缀，也不在单个投影带范围内（0–1 000 000 米）</translation>
    </message>
    <message>
      <location filename="ecomap/io/crs_detect.py" line="506" />
      <source>the eastings carry different zone numbers ({zones}); using zone {zone}</source>
      <translation>Y 坐标带有不同的带号（{zones}）；采用第 {zone} 带</translation>
    </message>
    <message>
      <location filename="ecomap/core/expression.py" line="132" />
      <source>the expression is empty</source>
      <translation>表达式为空</translation>
    </message>
    <message>
      <location filename="ecomap/core/render/symbols.py" line="164" />
      <source>the field '{name}' holds text, not numbers: a graduated style cannot classify it</source>
      <translation>字段“{name}”存放的是文本而非数字，分级样式无法对其分级</translation>
    </message>
    <message>
      <location filename="ecomap/io/shapefile_writer.py" line="88" />
      <source>the field name '{name}' cannot be written in {encoding}; choose UTF-8</source>
      <translation>字段名“{name}”无法用 {encoding} 编码写出，请选择 UTF-8</translation>
    </message>
    <message>
      <location filename="ecomap/io/ogr.py" line="180" />
      <source>the file contains no layers</source>
      <translation>文件中没有图层</translation>
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="374" />
      <source>the file declares no coordinate system; assumed EPSG:{epsg} because {reason}</source>
      <translation>文件未声明坐标系；推断为 EPSG:{epsg}，依据：{reason}</translation>
    </message>
    <message>
      <location filename="ecomap/io/crs_detect.py" line="414" />
      <source>the file declares {name}, but its coordinates are not longitude/latitude</source>
      <translation>文件声明为 {name}，但坐标并非经纬度</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="444" />
      <source>the file gives a 7-parameter datum transformation from {datum} to CGCS2000 (转换参数={params}, rotations as PROJ's +towgs84 reads them); the coordinates are not changed by reading, an export to CGCS2000 offers it</source>
      <translation>文件给出了从 {datum} 到 CGCS2000 的七参数基准转换（转换参数={params}，旋转按 PROJ +towgs84 的约定）；读取时不改动坐标，导出为 CGCS2000 时可选用</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="450" />
      <source>the file gives datum transformation parameters ({params}); they are kept in the metadata, not applied</source>
      <translation>文件给出了转换参数（{params}）；已保存在元数据中，未予应用</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="441" />
      <source>the file gives datum transformation parameters (转换参数={params}) that cannot be used: {error}</source>
      <translation>文件给出的基准转换参数（转换参数={params}）无法使用：{error}</translation>
    </message>
    <message>
      <location filename="ecomap/io/crs_detect.py" line="494" />
      <source>the file holds no coordinates</source>
      <translation>文件中没有坐标</translation>
    </message>
    <message>
      <location filename="ecomap/analysis/footprint.py" line="142" />
      <source>the file holds no geometry to use as a footprint</source>
      <translation>文件中没有可作为项目用地范围的图形</translation>
    </message>
    <message>
      <location filename="ecomap/io/csv_points.py" line="233" />
      <source>the file holds no table</source>
      <translation>文件中没有表格</translation>
    </message>
    <message>
      <location filename="ecomap/io/registry.py" line="131" />
      <source>the file is empty (0 bytes)</source>
      <translation>文件为空（0 字节）</translation>
    </message>
    <message>
      <location filename="ecomap/io/linked_sources.py" line="163" />
      <source>the file is larger than {limit} MB; EcoMap refuses it</source>
      <translation>文件大于 {limit} MB，EcoMap 拒绝打开</translation>
    </message>
    <message>
      <location filename="ecomap/io/kml.py" line="197" />
      <source>the file is not valid XML ({detail})</source>
      <translation>文件不是有效的 XML（{detail}）</translation>
    </message>
    <message>
      <location filename="ecomap/io/export_datum.py" line="60" />
      <source>the file itself gives one: {shift}</source>
      <translation>数据文件自带一组：{shift}</translation>
    </message>
    <message>
      <location filename="ecomap/io/crs_detect.py" line="253" />
      <source>the file names no datum ('{datum}'); its ellipsoid ({ellipsoid}) and parameters are those of {crs}</source>
      <translation>文件未写明大地基准（'{datum}'）；其椭球（{ellipsoid}）和参数与 {crs} 一致</translation>
    </message>
    <message>
      <location filename="ecomap/io/export.py" line="111" />
      <source>the file of layer '{name}' declares no coordinate system; EcoMap assumed EPSG:{epsg}{why}. An assumed coordinate system is not written as if the file had declared it: confirm it or choose the coordinate system to write</source>
      <translation>图层“{name}”的文件未声明坐标系，EcoMap 推断为 EPSG:{epsg}{why}。推断的坐标系不会当作文件声明的坐标系写出：请确认它，或选择要写出的坐标系</translation>
    </message>
    <message>
      <location filename="ecomap/io/ogr.py" line="157" />
      <source>the file's layer names are not UTF-8 text; GDAL cannot list them</source>
      <translation>文件中的图层名不是 UTF-8 文本，GDAL 无法列出</translation>
    </message>
    <message>
      <location filename="ecomap/core/atomic.py" line="185" />
      <source>the files of the dataset could not all be moved into place ({detail}); EcoMap finishes the swap when the dataset is next opened or written</source>
      <translation>数据集的文件未能全部移入到位（{detail}）；EcoMap 会在下次打开或写入该数据集时完成替换</translation>
    </message>
    <message>
      <location filename="ecomap/io/registry.py" line="271" />
      <source>the folder contains no data files EcoMap can read</source>
      <translation>文件夹中没有 EcoMap 可读取的数据文件</translation>
    </message>
    <message>
      <location filename="ecomap/cli/export_common.py" line="50" />
      <source>the folder does not exist</source>
      <translation>文件夹不存在</translation>
    </message>
    <message>
      <location filename="ecomap/analysis/footprint.py" line="64" />
      <source>the footprint has no area</source>
      <translation>项目用地范围面积为零</translation>
    </message>
    <message>
      <location filename="ecomap/analysis/footprint.py" line="47" />
      <source>the footprint is empty</source>
      <translation>项目用地范围为空</translation>
    </message>
    <message>
      <location filename="ecomap/io/crs_detect.py" line="531" />
      <source>the header gives no zone (带号) and the eastings carry no zone prefix</source>
      <translation>文件头没有带号，Y 坐标也不带带号前缀</translation>
    </message>
    <message>
      <location filename="ecomap/io/crs_detect.py" line="516" />
      <source>the header says zone (带号) {header} but the eastings carry zone {zone}; using zone {zone}</source>
      <translation>文件头带号为 {header}，但 Y 坐标前缀为第 {zone} 带；采用第 {zone} 带</translation>
    </message>
    <message>
      <location filename="ecomap/io/crs_detect.py" line="524" />
      <source>the header says {header}° zones but zone {zone} is a {width}° zone; using {width}°</source>
      <translation>文件头为 {header} 度分带，但第 {zone} 带属于 {width} 度分带；采用 {width} 度分带</translation>
    </message>
    <message>
      <location filename="ecomap/services/editing.py" line="172" />
      <source>the layer "{table}" in memory no longer matches the file; reload it before editing</source>
      <translation>内存中的图层“{table}”与文件已不一致，请重新加载后再编辑</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt_writer.py" line="98" />
      <source>the layer has no coordinate system; cannot write a parcel TXT</source>
      <translation>图层没有坐标系，无法写出界址点坐标 TXT</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/model.py" line="361" />
      <source>the layout was saved by a newer EcoMap (format {version})</source>
      <translation>该版式由更新版本的 EcoMap 保存（格式 {version}）</translation>
    </message>
    <message>
      <location filename="ecomap/services/ledger_reports.py" line="45" />
      <source>the ledger is exported as .xlsx</source>
      <translation>台账只能导出为 .xlsx 文件</translation>
    </message>
    <message>
      <location filename="ecomap/analysis/zonal.py" line="534" />
      <source>the minimum number of pixels must be a whole number, 0 or more</source>
      <translation>最少像元数必须是不小于 0 的整数</translation>
    </message>
    <message>
      <location filename="ecomap/core/expression.py" line="70" />
      <source>the number at character {pos} is longer than {n} characters</source>
      <translation>第 {pos} 个字符处的数字超过 {n} 个字符</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_screen.py" line="47" />
      <source>the output folder does not exist</source>
      <translation>输出文件夹不存在</translation>
    </message>
    <message>
      <location filename="ecomap/core/project.py" line="188" />
      <source>the project file is damaged (line {line}: {msg})</source>
      <translation>项目文件已损坏（第 {line} 行：{msg}）</translation>
    </message>
    <message>
      <location filename="ecomap/core/project.py" line="191" />
      <source>the project file is damaged ({detail})</source>
      <translation>工程文件已损坏（{detail}）</translation>
    </message>
    <message>
      <location filename="ecomap/core/project.py" line="179" />
      <source>the project file is larger than {limit} MB; EcoMap refuses it</source>
      <translation>工程文件大于 {limit} MB，EcoMap 拒绝打开</translation>
    </message>
    <message>
      <location filename="ecomap/domain/water_report.py" line="439" />
      <source>the project has no GeoPackage layer with water-quality sections and measurements</source>
      <translation>工程中没有包含水质断面和监测数据的 GeoPackage 图层</translation>
    </message>
    <message>
      <location filename="ecomap/core/project.py" line="132" />
      <source>the project was saved by a newer EcoMap (format {version})</source>
      <translation>该项目由更新版本的 EcoMap 保存（格式 {version}）</translation>
    </message>
    <message>
      <location filename="ecomap/analysis/zonal.py" line="454" />
      <source>the raster has no band {band}</source>
      <translation>栅格没有第 {band} 波段</translation>
    </message>
    <message>
      <location filename="ecomap/services/screening_report.py" line="179" />
      <source>the report must be a .pdf file</source>
      <translation>报告须为 .pdf 文件</translation>
    </message>
    <message>
      <location filename="ecomap/analysis/screening_rules.py" line="250" />
      <source>the rule table is not valid JSON ({detail})</source>
      <translation>规则表不是有效的 JSON（{detail}）</translation>
    </message>
    <message>
      <location filename="ecomap/analysis/screening_rules.py" line="256" />
      <source>the rule table must be a JSON list of rules</source>
      <translation>规则表须为 JSON 规则列表</translation>
    </message>
    <message>
      <location filename="ecomap/gui/crs_dialog.py" line="100" />
      <source>the same zone on the Beijing 1954 datum</source>
      <translation>同一带号的北京 54 坐标系</translation>
    </message>
    <message>
      <location filename="ecomap/gui/crs_dialog.py" line="99" />
      <source>the same zone on the Xian 1980 datum</source>
      <translation>同一带号的西安 80 坐标系</translation>
    </message>
    <message>
      <location filename="ecomap/core/coords.py" line="113" />
      <source>the scale must be a positive number</source>
      <translation>比例尺必须是正数</translation>
    </message>
    <message>
      <location filename="ecomap/io/export.py" line="154" />
      <source>the selection does not match the layer</source>
      <translation>所选要素与图层不对应</translation>
    </message>
    <message>
      <location filename="ecomap/io/csv_points.py" line="239" />
      <source>the table has a header but no rows</source>
      <translation>表格只有表头，没有数据行</translation>
    </message>
    <message>
      <location filename="ecomap/io/csv_points.py" line="90" />
      <source>the table has {rows:,} rows of {columns:,} columns, more than the {limit:,} cells EcoMap reads from a CSV; keep only the columns needed</source>
      <translation>该表有 {rows:,} 行、{columns:,} 列，超过 EcoMap 从 CSV 读取的 {limit:,} 个单元格上限；请只保留需要的列</translation>
    </message>
    <message>
      <location filename="ecomap/io/csv_points.py" line="230" />
      <source>the table is malformed: {reason}</source>
      <translation>表格格式错误：{reason}</translation>
    </message>
    <message>
      <location filename="ecomap/io/mapinfo.py" line="67" />
      <source>the table's CoordSys is NonEarth (plain drawing units), which names no coordinate system</source>
      <translation>该表的 CoordSys 为 NonEarth（仅为绘图单位），未指明任何坐标系</translation>
    </message>
    <message>
      <location filename="ecomap/io/text_encoding.py" line="42" />
      <source>the text is not valid {encoding} (byte {offset})</source>
      <translation>文本不是有效的 {encoding} 编码（第 {offset} 字节）</translation>
    </message>
    <message>
      <location filename="ecomap/analysis/screening_rules.py" line="225" />
      <source>the warning distance must not be negative</source>
      <translation>提示距离不能为负数</translation>
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
      <location filename="ecomap/domain/water_report.py" line="301" />
      <source>the water measurements table is empty</source>
      <translation>水质监测表为空</translation>
    </message>
    <message>
      <location filename="ecomap/domain/water_report.py" line="191" />
      <source>the water sections table has no {field} field</source>
      <translation>水质断面表中没有 {field} 字段</translation>
    </message>
    <message>
      <location filename="ecomap/io/export.py" line="296" />
      <source>there are no layers to write</source>
      <translation>没有可输出的图层</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/output.py" line="99" />
      <source>there are no pages to write</source>
      <translation>没有可输出的页面</translation>
    </message>
    <message>
      <location filename="ecomap/io/mapinfo.py" line="87" />
      <source>this .tab registers a raster image; open the image file itself</source>
      <translation>此 .tab 是栅格影像的配准文件，请直接打开影像文件</translation>
    </message>
    <message>
      <location filename="ecomap/io/text_encoding.py" line="47" />
      <source>this is a binary file, not text</source>
      <translation>这是二进制文件，不是文本文件</translation>
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="239" />
      <source>this is not a DXF drawing GDAL can read</source>
      <translation>这不是 GDAL 能读取的 DXF 图形</translation>
    </message>
    <message>
      <location filename="ecomap/core/datum_shift.py" line="206" />
      <source>to combine {datum} data with CGCS2000 data, a local 7-parameter (Bursa-Wolf) transformation is needed: PROJ publishes none from {datum} to CGCS2000, only a no-op that leaves the coordinates tens of metres off. Ask the surveying and mapping authority for the parameters</source>
      <translation>要将 {datum} 数据与 CGCS2000 数据一起使用，需要本地七参数（布尔莎）转换：PROJ 没有发布从 {datum} 到 CGCS2000 的转换，只有一个不改变坐标的空转换，会使坐标偏差数十米。请向测绘主管部门索取转换参数</translation>
    </message>
    <message>
      <location filename="ecomap/core/datum_shift.py" line="203" />
      <source>to combine {datum} data with CGCS2000 data, choose a datum transformation: {options}</source>
      <translation>要将 {datum} 数据与 CGCS2000 数据一起使用，请选择一种基准转换：{options}</translation>
    </message>
    <message>
      <location filename="ecomap/core/geometry_check.py" line="54" />
      <source>too few points</source>
      <translation>点数过少</translation>
    </message>
    <message>
      <location filename="ecomap/core/coords.py" line="83" />
      <source>type two values separated by a comma, e.g. 116.404, 39.915</source>
      <translation>请输入以逗号分隔的两个数，例如 116.404, 39.915</translation>
    </message>
    <message>
      <location filename="ecomap/analysis/footprint.py" line="123" />
      <source>typed coordinates</source>
      <translation>输入的坐标</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_common.py" line="155" />
      <source>unexpected problem ({detail})</source>
      <translation>意外错误（{detail}）</translation>
    </message>
    <message>
      <location filename="ecomap/cli/main.py" line="107" />
      <source>unexpected problem ({detail}); set ECOMAP_DEBUG=1 for details</source>
      <translation>意外错误（{detail}）；设置 ECOMAP_DEBUG=1 可查看详情</translation>
    </message>
    <message>
      <location filename="ecomap/core/expression.py" line="135" />
      <source>unexpected text</source>
      <translation>多余的内容</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_info.py" line="168" />
      <source>unknown</source>
      <translation>未知</translation>
    </message>
    <message>
      <location filename="ecomap/core/style.py" line="439" />
      <source>unknown classification method '{name}'</source>
      <translation>未知的分级方法“{name}”</translation>
    </message>
    <message>
      <location filename="ecomap/analysis/footprint.py" line="94" />
      <source>unknown coordinate system '{crs}'</source>
      <translation>未知坐标系“{crs}”</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt_writer.py" line="123" />
      <source>unknown encoding {encoding}</source>
      <translation>未知编码 {encoding}</translation>
    </message>
    <message>
      <location filename="ecomap/io/shapefile_writer.py" line="63" />
      <source>unknown encoding {encoding} (use UTF-8 or GBK)</source>
      <translation>未知编码 {encoding}（请用 UTF-8 或 GBK）</translation>
    </message>
    <message>
      <location filename="ecomap/io/registry.py" line="165" />
      <source>unknown file type '{ext}'; EcoMap reads {formats}</source>
      <translation>未知的文件类型“{ext}”；EcoMap 可读取：{formats}</translation>
    </message>
    <message>
      <location filename="ecomap/io/table_export.py" line="47" />
      <source>unknown geometry mode '{mode}'</source>
      <translation>未知的几何输出方式“{mode}”</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/model.py" line="119" />
      <source>unknown grid style '{name}'</source>
      <translation>未知的格网样式“{name}”</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/model.py" line="117" />
      <source>unknown grid type '{name}'</source>
      <translation>未知的格网类型“{name}”</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/output.py" line="206" />
      <source>unknown image type '{ext}' (use .png, .jpg or .tif)</source>
      <translation>未知的图片类型“{ext}”（请用 .png、.jpg 或 .tif）</translation>
    </message>
    <message>
      <location filename="ecomap/core/json_check.py" line="247" />
      <source>unknown key, ignored</source>
      <translation>未知的键，已忽略</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/model.py" line="257" />
      <source>unknown layout item '{kind}'</source>
      <translation>未知的版式元素“{kind}”</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/atlas.py" line="126" />
      <source>unknown output type '{ext}' (use .pdf, .svg, .png, .jpg or .tif)</source>
      <translation>未知的输出类型“{ext}”（请用 .pdf、.svg、.png、.jpg 或 .tif）</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/model.py" line="345" />
      <source>unknown page size '{page}' (use {known})</source>
      <translation>未知的纸张“{page}”（可用：{known}）</translation>
    </message>
    <message>
      <location filename="ecomap/analysis/screening.py" line="443" />
      <source>unknown project type '{type}'; use one of: {types}</source>
      <translation>未知项目类型“{type}”，可选：{types}</translation>
    </message>
    <message>
      <location filename="ecomap/analysis/zonal.py" line="445" />
      <source>unknown statistic(s): {names}</source>
      <translation>未知统计量：{names}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="48" />
      <source>unknown — the file declares none and the coordinates do not tell</source>
      <translation>未知——文件未声明坐标系，从坐标值也无法判断</translation>
    </message>
    <message>
      <location filename="ecomap/services/water_reports.py" line="115" />
      <source>unsupported output format "{suffix}"; use .csv or .xlsx</source>
      <translation>不支持的输出格式“{suffix}”，请使用 .csv 或 .xlsx</translation>
    </message>
    <message>
      <location filename="ecomap/io/report_tables.py" line="80" />
      <source>unsupported output format "{suffix}"; use .csv, .xlsx or .gpkg</source>
      <translation>不支持的输出格式“{suffix}”，请使用 .csv、.xlsx 或 .gpkg</translation>
    </message>
    <message>
      <location filename="ecomap/core/workspace.py" line="203" />
      <source>vector</source>
      <translation>矢量</translation>
    </message>
    <message>
      <location filename="ecomap/analysis/screening_rules.py" line="277" />
      <source>warn_constraints must be a list of constraint kinds</source>
      <translation>warn_constraints 必须是约束类型的列表</translation>
    </message>
    <message>
      <location filename="ecomap/analysis/screening_rules.py" line="274" />
      <source>warn_distance_m must be a number of metres, 0 or more</source>
      <translation>warn_distance_m 必须是不小于 0 的米数</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_atlas.py" line="72" />
      <source>warning: {text}</source>
      <translation>警告：{text}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/analysis_overlay.py" line="100" />
      <source>within</source>
      <translation>距离不超过</translation>
    </message>
    <message>
      <location filename="ecomap/core/coords.py" line="104" />
      <source>write the scale as 1:N, e.g. 1:50000</source>
      <translation>比例尺请写成 1:N，例如 1:50000</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_render.py" line="203" />
      <source>wrote {path} ({w}×{h}) in {secs:.2f} s</source>
      <translation>已写出 {path}（{w}×{h}），用时 {secs:.2f} 秒</translation>
    </message>
    <message>
      <location filename="ecomap/analysis/zonal.py" line="549" />
      <source>zonal statistics need a polygon layer</source>
      <translation>分区统计需要面图层</translation>
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="90" />
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
      <location filename="ecomap/io/dxf.py" line="366" />
      <source>{count} entities lie far from the rest of the drawing (often at 0,0) and were ignored when inferring the coordinate system</source>
      <translation>{count} 个实体远离图形的其余部分（常位于 0,0），推断坐标系时已忽略</translation>
    </message>
    <message>
      <location filename="ecomap/io/geometry_decode.py" line="178" />
      <source>{count} features have curved geometry (arcs); they were approximated by straight segments of at most {step:g}° of arc each</source>
      <translation>{count} 个要素含曲线几何（圆弧），已用直线段近似，每段所对圆心角不超过 {step:g}°</translation>
    </message>
    <message>
      <location filename="ecomap/core/geometry_check.py" line="168" />
      <source>{count} features have invalid geometry; they are shown as read, not repaired. “Repair geometry (new copy)” in the layer's menu makes a repaired copy.</source>
      <translation>{count} 个要素的几何无效；按读取原样显示，未作修复。在图层右键菜单中选择“修复几何（生成副本）”可生成修复后的副本。</translation>
    </message>
    <message>
      <location filename="ecomap/io/kml.py" line="294" />
      <source>{count} overlays and network links in the KML were not loaded</source>
      <translation>KML 中的 {count} 个叠加层和网络链接未载入</translation>
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="252" />
      <source>{count} paper-space entities (layout sheets) were left out</source>
      <translation>{count} 个图纸空间（布局）实体未载入</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/text.py" line="132" />
      <source>{datum}, Gauss-Krüger projection, {width}° zones, zone {zone} (central meridian {meridian}°E)</source>
      <translation>{datum}，高斯-克吕格投影，{width}度分带，第{zone}带（中央经线{meridian}°E）</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/text.py" line="137" />
      <source>{datum}, geographic coordinates</source>
      <translation>{datum}，经纬度坐标</translation>
    </message>
    <message>
      <location filename="ecomap/domain/edit_rules.py" line="143" />
      <source>{field} cannot be negative (got {value})</source>
      <translation>{field}不能为负数（现为 {value}）</translation>
    </message>
    <message>
      <location filename="ecomap/domain/edit_rules.py" line="140" />
      <source>{field} must be a number (got {value})</source>
      <translation>{field}必须是数字（现为 {value}）</translation>
    </message>
    <message>
      <location filename="ecomap/domain/edit_rules.py" line="133" />
      <source>{field} must be a number from 0 to 100 (got {value})</source>
      <translation>{field}必须是 0 到 100 之间的数（现为 {value}）</translation>
    </message>
    <message>
      <location filename="ecomap/io/table_export.py" line="191" />
      <source>{field} row {row}</source>
      <translation>{field} 第 {row} 行</translation>
    </message>
    <message>
      <location filename="ecomap/domain/edit_rules.py" line="154" />
      <source>{field}: "{value}" is not a date (YYYY-MM-DD)</source>
      <translation>{field}：“{value}”不是日期（格式 YYYY-MM-DD）</translation>
    </message>
    <message>
      <location filename="ecomap/domain/edit_rules.py" line="117" />
      <source>{field}: "{value}" is not one of {allowed}</source>
      <translation>{field}：“{value}”不在可选值 {allowed} 之中</translation>
    </message>
    <message>
      <location filename="ecomap/domain/edit_rules.py" line="125" />
      <source>{field}: cannot move from {old} to {new} (next allowed: {allowed})</source>
      <translation>{field}：不能从“{old}”变为“{new}”（下一步可为：{allowed}）</translation>
    </message>
    <message>
      <location filename="ecomap/domain/edit_rules.py" line="121" />
      <source>{field}: going back from {old} to {new} must be marked as an explicit revert</source>
      <translation>{field}：从“{old}”退回“{new}”须明确勾选“退回”</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/edit_commands.py" line="68" />
      <source>{field}: you had {base}, you want {mine}, the file now has {theirs}</source>
      <translation>{field}：原为 {base}，您要改为 {mine}，文件中现为 {theirs}</translation>
    </message>
    <message>
      <location filename="ecomap/io/export.py" line="298" />
      <source>{format} holds one layer; export the layers one by one or choose GeoPackage or KML</source>
      <translation>{format} 只能保存一个图层；请逐个导出，或选择 GeoPackage 或 KML</translation>
    </message>
    <message>
      <location filename="ecomap/core/geometry_check.py" line="175" />
      <source>{ids} and {n} more</source>
      <translation>{ids} 等，另有 {n} 个</translation>
    </message>
    <message>
      <location filename="ecomap/domain/edit_rules.py" line="161" />
      <source>{later} ({b}) cannot be before {earlier} ({a})</source>
      <translation>{later}（{b}）不能早于{earlier}（{a}）</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_screen.py" line="89" />
      <source>{layer} #{fid} {name} ({type}): {area:,.2f} m², {share:.2%} of the footprint</source>
      <translation>{layer} #{fid} {name}（{type}）：{area:,.2f} 平方米，占用地 {share:.2%}</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_screen.py" line="93" />
      <source>{layer} in all: {area:,.2f} m², {share:.2%} of the footprint (overlapping features counted once)</source>
      <translation>{layer} 合计：{area:,.2f} 平方米，占用地 {share:.2%}（重叠要素只计一次）</translation>
    </message>
    <message>
      <location filename="ecomap/services/screening_report.py" line="242" />
      <source>{layer} in all: {area} m² = {mu} mu, {share} of the footprint (overlapping features counted once)</source>
      <translation>{layer} 合计：{area} 平方米 = {mu} 亩，占用地 {share}（重叠要素只计一次）</translation>
    </message>
    <message>
      <location filename="ecomap/services/editing.py" line="94" />
      <source>{layer} {key} was changed by someone else after you opened it</source>
      <translation>{layer} {key} 在您打开后已被他人修改</translation>
    </message>
    <message>
      <location filename="ecomap/services/editing.py" line="92" />
      <source>{layer} {key}: the feature was deleted by someone else</source>
      <translation>{layer} {key}：该要素已被他人删除</translation>
    </message>
    <message>
      <location filename="ecomap/io/archive.py" line="154" />
      <source>{member} is larger than {limit} MB; EcoMap refuses it</source>
      <translation>{member} 超过 {limit} MB，EcoMap 拒绝读取</translation>
    </message>
    <message>
      <location filename="ecomap/core/expression.py" line="127" />
      <source>{message} at character {pos} (near '{near}')</source>
      <translation>{message}（第 {pos} 个字符，“{near}”附近）</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_export_layer.py" line="101" />
      <source>{message}; give --crs {epsg} to confirm it, or --crs with another code to reproject from it</source>
      <translation>{message}；用 --crs {epsg} 确认此坐标系，或用 --crs 加其他代码从它投影</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/water_panel.py" line="280" />
      <source>{month}: &lt;b&gt;{n}&lt;/b&gt; sections assessed · Ⅰ–Ⅲ &lt;b&gt;{good}&lt;/b&gt; · 劣Ⅴ &lt;b&gt;{bad}&lt;/b&gt; · meeting target &lt;b&gt;{rate}&lt;/b&gt; · &lt;span style='color:#b00020'&gt;&lt;b&gt;{failing}&lt;/b&gt; failing&lt;/span&gt;</source>
      <translation>{month}：评价断面 &lt;b&gt;{n}&lt;/b&gt; 个 · Ⅰ～Ⅲ类 &lt;b&gt;{good}&lt;/b&gt; · 劣Ⅴ类 &lt;b&gt;{bad}&lt;/b&gt; · 达标率 &lt;b&gt;{rate}&lt;/b&gt; · &lt;span style='color:#b00020'&gt;未达标 &lt;b&gt;{failing}&lt;/b&gt; 个&lt;/span&gt;</translation>
    </message>
    <message>
      <location filename="ecomap/app/layer_actions.py" line="202" />
      <source>{name} (repaired)</source>
      <translation>{name}（已修复）</translation>
    </message>
    <message>
      <location filename="ecomap/io/registry.py" line="263" />
      <source>{name} could not be read: {error}</source>
      <translation>无法读取 {name}：{error}</translation>
    </message>
    <message>
      <location filename="ecomap/io/archive.py" line="193" />
      <source>{name} expands {ratio:,.0f} times, as only a zip bomb does; EcoMap refuses the archive</source>
      <translation>{name} 解压后膨胀 {ratio:,.0f} 倍（只有“压缩炸弹”才会如此），EcoMap 拒绝读取此压缩包</translation>
    </message>
    <message>
      <location filename="ecomap/app/layer_actions.py" line="208" />
      <source>{name} has no invalid geometry to repair.</source>
      <translation>{name} 没有需要修复的无效几何。</translation>
    </message>
    <message>
      <location filename="ecomap/gui/dataset_chooser.py" line="39" />
      <source>{name} holds {n} datasets. Tick the ones to add.</source>
      <translation>{name} 中有 {n} 个数据集，请勾选要添加的数据集。</translation>
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="399" />
      <source>{name} lines</source>
      <translation>{name} 线</translation>
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="400" />
      <source>{name} points</source>
      <translation>{name} 点</translation>
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="398" />
      <source>{name} polygons</source>
      <translation>{name} 面</translation>
    </message>
    <message>
      <location filename="ecomap/io/dxf.py" line="401" />
      <source>{name} text</source>
      <translation>{name} 注记</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/water_panel.py" line="74" />
      <source>{name} {value:g} ({ratio:.2f}× over)</source>
      <translation>{name} {value:g}（超标 {ratio:.2f} 倍）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/water_panel.py" line="369" />
      <source>{name}: not measured at this section</source>
      <translation>{name}：该断面未监测</translation>
    </message>
    <message>
      <location filename="ecomap/app/data_loader.py" line="276" />
      <source>{name}: the file declares no coordinate system and its coordinates do not tell. Choose the one it was made in.</source>
      <translation>{name}：文件没有声明坐标系，从坐标值也无法判断。请选择数据制作时所用的坐标系。</translation>
    </message>
    <message>
      <location filename="ecomap/app/data_loader.py" line="272" />
      <source>{name}: the file declares no coordinate system. EcoMap assumes EPSG:{epsg} because {reason}. Confirm or choose another.</source>
      <translation>{name}：文件没有声明坐标系。EcoMap 推测为 EPSG:{epsg}，因为{reason}。请确认或另选。</translation>
    </message>
    <message>
      <location filename="ecomap/core/project_schema.py" line="115" />
      <source>{note} (layer “{name}”)</source>
      <translation>{note}（图层“{name}”）</translation>
    </message>
    <message>
      <location filename="ecomap/app/data_loader.py" line="246" />
      <source>{n} attribute-only tables added below the map layers (no map symbols); open one with the attribute table (F6).</source>
      <translation>已在地图图层下方添加 {n} 个纯属性表（无地图符号）；可用属性表（F6）打开。</translation>
    </message>
    <message>
      <location filename="ecomap/io/table_export.py" line="194" />
      <source>{n} cells were cut to {limit} characters, the most an Excel cell holds ({cells}); use CSV or GeoPackage to keep the whole text (long WKT geometries)</source>
      <translation>有 {n} 个单元格被截断为 {limit} 个字符（Excel 单元格的上限）：{cells}；如需保留完整文本（较长的 WKT 几何），请导出为 CSV 或 GeoPackage</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/project_detail.py" line="52" />
      <source>{n} days past the planned completion</source>
      <translation>超过计划完工日期 {n} 天</translation>
    </message>
    <message>
      <location filename="ecomap/gui/class_style_widgets.py" line="132" />
      <source>{n} different values — too many for categories; use Graduated</source>
      <translation>共 {n} 个不同的值，太多了，不适合分类显示；请改用分级显示</translation>
    </message>
    <message>
      <location filename="ecomap/app/project_controller.py" line="236" />
      <source>{n} entries of the project file did not fit and were set aside; the rest of the project was opened. Saving the project writes it without them.</source>
      <translation>工程文件中有 {n} 项不符合格式，已搁置；工程其余部分已打开。保存工程时将不再写入这些项。</translation>
    </message>
    <message>
      <location filename="ecomap/gui/identify_panel.py" line="93" />
      <source>{n} feature(s) found.</source>
      <translation>找到 {n} 个要素。</translation>
    </message>
    <message>
      <location filename="ecomap/gui/expression_dialog.py" line="118" />
      <source>{n} feature(s) match</source>
      <translation>{n} 个要素符合</translation>
    </message>
    <message>
      <location filename="ecomap/gui/expression_dialog.py" line="128" />
      <source>{n} feature(s) selected</source>
      <translation>已选中 {n} 个要素</translation>
    </message>
    <message>
      <location filename="ecomap/app/tool_handlers.py" line="132" />
      <source>{n} feature(s) selected in {layer}</source>
      <translation>在 {layer} 中选中了 {n} 个要素</translation>
    </message>
    <message>
      <location filename="ecomap/app/layer_actions.py" line="227" />
      <source>{n} features have geometry that cannot be read at all.</source>
      <translation>{n} 个要素的几何完全无法读取。</translation>
    </message>
    <message>
      <location filename="ecomap/app/layer_actions.py" line="222" />
      <source>{n} features repaired in the new layer {copy}.</source>
      <translation>已在新图层 {copy} 中修复 {n} 个要素。</translation>
    </message>
    <message>
      <location filename="ecomap/io/export.py" line="487" />
      <source>{n} features without geometry were left out</source>
      <translation>{n} 个无几何图形的要素未导出</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="149" />
      <source>{n} invalid (self-intersections or bad rings)</source>
      <translation>{n} 个无效（自相交或环错误）</translation>
    </message>
    <message>
      <location filename="ecomap/core/json_check.py" line="206" />
      <source>{n} items where {k} are expected</source>
      <translation>有 {n} 项，应为 {k} 项</translation>
    </message>
    <message>
      <location filename="ecomap/core/json_check.py" line="223" />
      <source>{n} items, fewer than {k}</source>
      <translation>有 {n} 项，少于 {k} 项</translation>
    </message>
    <message>
      <location filename="ecomap/core/json_check.py" line="210" />
      <source>{n} items, more than {limit}</source>
      <translation>有 {n} 项，超过上限 {limit}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/canvas.py" line="216" />
      <source>{n} km</source>
      <translation>{n} 千米</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/rectification_panel.py" line="76" />
      <source>{n} late</source>
      <translation>逾期 {n}</translation>
    </message>
    <message>
      <location filename="ecomap/app/project_controller.py" line="233" />
      <source>{n} layer(s) could not be opened; they are kept in the layer list (shown in red) so you can locate them later.</source>
      <translation>有 {n} 个图层无法打开；它们仍保留在图层列表中（红色显示），可以稍后查找文件。</translation>
    </message>
    <message>
      <location filename="ecomap/gui/canvas.py" line="216" />
      <source>{n} m</source>
      <translation>{n} 米</translation>
    </message>
    <message>
      <location filename="ecomap/app/layer_actions.py" line="224" />
      <source>{n} of them had nothing valid left and have no geometry now.</source>
      <translation>其中 {n} 个修复后已无有效部分，现在没有几何。</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_overlay.py" line="56" />
      <source>{n} overlapping pairs between {a} and {b}</source>
      <translation>{a} 与 {b} 之间有 {n} 对重叠</translation>
    </message>
    <message>
      <location filename="ecomap/analysis/zonal.py" line="527" />
      <source>{n} polygon(s) have fewer than {min} valid pixels: their mean is unreliable (marked in the few-pixels column)</source>
      <translation>有 {n} 个要素的有效像元少于 {min} 个，其均值不可靠（已在“像元过少”列标注）</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_zonal.py" line="99" />
      <source>{n} polygons</source>
      <translation>{n} 个面</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_render.py" line="116" />
      <source>{path}: map coordinate system '{crs}' not understood; the first layer's is used</source>
      <translation>{path}：无法识别地图坐标系“{crs}”，已改用第一个图层的坐标系</translation>
    </message>
    <message>
      <location filename="ecomap/core/geometry_check.py" line="176" />
      <source>{reason}: {count} features ({ids})</source>
      <translation>{reason}：{count} 个要素（{ids}）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/project_edit_dialog.py" line="103" />
      <source>{stage} (current)</source>
      <translation>{stage}（当前）</translation>
    </message>
    <message>
      <location filename="ecomap/gui/attribute_model.py" line="250" />
      <source>{total} features, {shown} shown, {selected} selected</source>
      <translation>共 {total} 个要素，显示 {shown} 个，选中 {selected} 个</translation>
    </message>
    <message>
      <location filename="ecomap/cli/cmd_stats.py" line="50" />
      <source>{units}: {n} units, {k} layers</source>
      <translation>{units}：{n} 个单元，{k} 个图层</translation>
    </message>
    <message>
      <location filename="ecomap/core/json_check.py" line="309" />
      <source>{value} is not a JSON object</source>
      <translation>{value} 不是 JSON 对象</translation>
    </message>
    <message>
      <location filename="ecomap/core/style.py" line="351" />
      <source>{value} is not a colour (#rrggbb or #rrggbbaa)</source>
      <translation>{value} 不是颜色（应为 #rrggbb 或 #rrggbbaa）</translation>
    </message>
    <message>
      <location filename="ecomap/core/json_check.py" line="307" />
      <source>{value} is not a list</source>
      <translation>{value} 不是列表</translation>
    </message>
    <message>
      <location filename="ecomap/core/json_check.py" line="301" />
      <source>{value} is not a number</source>
      <translation>{value} 不是数字</translation>
    </message>
    <message>
      <location filename="ecomap/core/json_check.py" line="300" />
      <source>{value} is not a number above {lo}</source>
      <translation>{value} 不是大于 {lo} 的数字</translation>
    </message>
    <message>
      <location filename="ecomap/core/json_check.py" line="293" />
      <source>{value} is not a number above {lo} and at most {hi}</source>
      <translation>{value} 不是大于 {lo} 且不超过 {hi} 的数字</translation>
    </message>
    <message>
      <location filename="ecomap/core/json_check.py" line="290" />
      <source>{value} is not a number between {lo} and {hi}</source>
      <translation>{value} 不是 {lo} 到 {hi} 之间的数字</translation>
    </message>
    <message>
      <location filename="ecomap/core/json_check.py" line="297" />
      <source>{value} is not a number of at least {lo}</source>
      <translation>{value} 不是不小于 {lo} 的数字</translation>
    </message>
    <message>
      <location filename="ecomap/core/json_check.py" line="301" />
      <source>{value} is not a whole number</source>
      <translation>{value} 不是整数</translation>
    </message>
    <message>
      <location filename="ecomap/core/json_check.py" line="289" />
      <source>{value} is not a whole number between {lo} and {hi}</source>
      <translation>{value} 不是 {lo} 到 {hi} 之间的整数</translation>
    </message>
    <message>
      <location filename="ecomap/core/json_check.py" line="296" />
      <source>{value} is not a whole number of at least {lo}</source>
      <translation>{value} 不是不小于 {lo} 的整数</translation>
    </message>
    <message>
      <location filename="ecomap/core/json_check.py" line="310" />
      <source>{value} is not allowed here</source>
      <translation>此处不允许 {value}</translation>
    </message>
    <message>
      <location filename="ecomap/core/project_schema.py" line="42" />
      <source>{value} is not an extent (xmin &lt; xmax, ymin &lt; ymax)</source>
      <translation>{value} 不是有效范围（应 xmin &lt; xmax，ymin &lt; ymax）</translation>
    </message>
    <message>
      <location filename="ecomap/core/json_check.py" line="142" />
      <source>{value} is not one of {choices}</source>
      <translation>{value} 不是以下之一：{choices}</translation>
    </message>
    <message>
      <location filename="ecomap/core/json_check.py" line="303" />
      <source>{value} is not text</source>
      <translation>{value} 不是文本</translation>
    </message>
    <message>
      <location filename="ecomap/core/json_check.py" line="305" />
      <source>{value} is not true or false</source>
      <translation>{value} 不是 true 或 false</translation>
    </message>
    <message>
      <location filename="ecomap/core/project_schema.py" line="97" />
      <source>{value} is the id of another layer; a new id was given</source>
      <translation>{value} 已是另一图层的标识，已改用新标识</translation>
    </message>
    <message>
      <location filename="ecomap/core/json_check.py" line="175" />
      <source>{value} is too short</source>
      <translation>{value} 太短</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/widgets.py" line="180" />
      <source>{value} ×10⁴ CNY</source>
      <translation>{value} 万元</translation>
    </message>
    <message>
      <location filename="ecomap/analysis/screening.py" line="269" />
      <source>{verdict} (note: {reason})</source>
      <translation>{verdict}（提示：{reason}）</translation>
    </message>
    <message>
      <location filename="ecomap/analysis/screening.py" line="268" />
      <source>{verdict}: {reason}</source>
      <translation>{verdict}：{reason}</translation>
    </message>
    <message>
      <location filename="ecomap/core/json_check.py" line="62" />
      <source>{where}: {problem}</source>
      <translation>{where}：{problem}</translation>
    </message>
    <message>
      <location filename="ecomap/core/json_check.py" line="64" />
      <source>{where}: {problem} — set aside</source>
      <translation>{where}：{problem}——已搁置</translation>
    </message>
    <message>
      <location filename="ecomap/core/json_check.py" line="65" />
      <source>{where}: {problem} — {part} set aside</source>
      <translation>{where}：{problem}——已搁置 {part}</translation>
    </message>
    <message>
      <location filename="ecomap/core/layout/output.py" line="179" />
      <source>{w} × {h} pixels is too large an image; choose a lower resolution</source>
      <translation>{w} × {h} 像素的图像过大，请选择较低的分辨率</translation>
    </message>
    <message>
      <location filename="ecomap/gui/layer_properties.py" line="113" />
      <source>{w} × {h} pixels, {n} band(s), {dtype}</source>
      <translation>{w} × {h} 像元，{n} 个波段，{dtype}</translation>
    </message>
    <message>
      <location filename="ecomap/gui/panels/project_edit_dialog.py" line="71" />
      <source>×10⁴ CNY</source>
      <translation>万元</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="676" />
      <source>… and {n} more parcels whose stated area differs by more than 1 %</source>
      <translation>……另有 {n} 个地块的面积与计算面积相差超过 1%</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="634" />
      <source>… and {n} more parcels with a different number of boundary points</source>
      <translation>……另有 {n} 个地块的界址点数不符</translation>
    </message>
    <message>
      <location filename="ecomap/io/crs_detect.py" line="521" />
      <source>几度分带 is missing; {width}° zones assumed from zone {zone}</source>
      <translation>缺少几度分带；按第 {zone} 带推定为 {width} 度分带</translation>
    </message>
    <message>
      <location filename="ecomap/io/crs_detect.py" line="514" />
      <source>带号 is missing; zone {zone} taken from the easting prefix</source>
      <translation>缺少带号；按 Y 坐标前缀取第 {zone} 带</translation>
    </message>
    <message>
      <location filename="ecomap/io/crs_detect.py" line="560" />
      <source>带号 {value} read as the central meridian {value}°E: {width}° zone {zone}</source>
      <translation>带号 {value} 按中央经线东经 {value}° 理解：{width} 度分带第 {zone} 带</translation>
    </message>
    <message>
      <location filename="ecomap/io/crs_detect.py" line="562" />
      <source>带号 {zone} is not a Gauss-Krüger zone in China</source>
      <translation>带号 {zone} 不是我国范围内的高斯-克吕格投影带</translation>
    </message>
    <message>
      <location filename="ecomap/io/parcel_txt.py" line="438" />
      <source>转换参数 of the file ({params})</source>
      <translation>文件的转换参数（{params}）</translation>
    </message>
  </context>
</TS>
