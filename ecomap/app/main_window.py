"""The EcoMap main window: map canvas in the centre, docks, toolbar, menus, status bar.

It owns the shared models (layer tree, selection, bookmarks, undo stack) and wires the
parts together; the work itself lives in the controllers next to it: MapController (tree →
canvas, extents, highlights), DataLoader (adding files), ProjectController (projects,
autosave), LayerActions (dialogs per layer) and ToolHandlers (identify, select, measure).
"""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QToolBar,
)

from ecomap.app import app_settings
from ecomap.app.data_loader import PROJECT_SUFFIX, DataLoader
from ecomap.app.layer_actions import LayerActions
from ecomap.app.map_view import MapController, crs_label
from ecomap.app.project_controller import ProjectController
from ecomap.app.tool_handlers import ToolHandlers
from ecomap.core import tasks
from ecomap.core.bookmarks import BookmarkList
from ecomap.core.layer_tree import LayerTreeModel
from ecomap.core.selection import SelectionModel
from ecomap.gui.analysis_menu import install_analysis_actions
from ecomap.gui.bookmarks_panel import BookmarksPanel
from ecomap.gui.canvas import MapCanvas
from ecomap.gui.export_actions import install_export_actions
from ecomap.gui.icons import icon
from ecomap.gui.identify_panel import IdentifyPanel
from ecomap.gui.layer_tree_view import LayerTreeView
from ecomap.gui.map_tools import (
    IdentifyTool,
    MapToolManager,
    MeasureTool,
    SelectPolygonTool,
    SelectRectangleTool,
    ZoomTool,
)
from ecomap.gui.measure_panel import MeasurePanel
from ecomap.gui.overview import OverviewMap
from ecomap.gui.panels import install_panels
from ecomap.gui.status_bar import MapStatusBar
from ecomap.i18n import tr

SCREENSHOT_TIMEOUT_MS = 90_000
#: how often a new layer's background preparation looks again whether the map is drawn
PREPARE_POLL_MS = 100


class MainWindow(QMainWindow):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("EcoMapMainWindow")
        self.setAcceptDrops(True)
        self.setDockNestingEnabled(True)
        self.undo = QUndoStack(self)
        self.tree = LayerTreeModel(self)
        self.selection = SelectionModel(self)
        self.bookmarks = BookmarkList(self)

        self.canvas = MapCanvas(self)
        self.setCentralWidget(self.canvas)
        self.tools = MapToolManager(self.canvas, self.canvas.settings, self.canvas.set_extent, self)
        self.map_view = MapController(self.canvas, self.tree, self.selection, self.tools, self)

        self._build_docks()
        self.status = MapStatusBar(self)
        self.setStatusBar(self.status)
        self.loader = DataLoader(self, self.tree, self.undo, lon_hint_fn=self._centre_longitude)
        self.project = ProjectController(self)
        self.layer_actions = LayerActions(self)
        self.tool_handlers = ToolHandlers(self)
        self._build_tools()
        self._build_actions()
        self._build_menus_and_toolbar()
        install_analysis_actions(self)  # the Analysis menu
        install_export_actions(self, app_settings.settings())  # the Export menu
        self._connect()
        self.panel_hub = install_panels(self)  # the thematic panels beside the map
        self.panel_hub.featuresChanged.connect(self.layer_actions.features_changed)  # open tables follow edits
        self._update_title()
        self._update_crs_label(None)
        self._screenshot_path: str | None = None
        self._restore_geometry()
        QTimer.singleShot(0, self.project.offer_recovery)
        app = QApplication.instance()
        if app is not None:  # quitting without closing the window (--screenshot) stops the tasks too
            app.aboutToQuit.connect(self._stop_tasks)

    # ------------------------------------------------------------------ construction

    def _dock(self, title: str, widget, area, name: str) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_docks(self):
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self.layer_view = LayerTreeView(self.tree, self.undo)
        self.layers_dock = self._dock(tr("Layers"), self.layer_view, left, "layers")
        self.overview = OverviewMap()
        self.overview_dock = self._dock(tr("Overview"), self.overview, left, "overview")
        self.splitDockWidget(self.layers_dock, self.overview_dock, Qt.Orientation.Vertical)
        self.resizeDocks([self.layers_dock, self.overview_dock], [560, 220], Qt.Orientation.Vertical)
        self.resizeDocks([self.layers_dock], [290], Qt.Orientation.Horizontal)
        # the thematic panels (another issue) add tabs here through add_panel()
        self.panels = QTabWidget()
        self.panels.setDocumentMode(True)
        placeholder = QLabel(tr("Thematic panels (red lines, subsidence, water quality, mines…) appear here."))
        placeholder.setWordWrap(True)
        placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._panel_placeholder = placeholder
        self.panels.addTab(placeholder, tr("Thematic"))
        self.panels_dock = self._dock(tr("Thematic panels"), self.panels, right, "panels")
        self.identify_panel = IdentifyPanel()
        self.identify_dock = self._dock(tr("Identify results"), self.identify_panel, right, "identify")
        self.measure_panel = MeasurePanel(lambda: self.map_view.crs)
        self.measure_dock = self._dock(tr("Measure"), self.measure_panel, right, "measure")
        self.bookmarks_panel = BookmarksPanel(self.bookmarks, self._current_view)
        self.bookmarks_dock = self._dock(tr("Bookmarks"), self.bookmarks_panel, right, "bookmarks")
        self.tabifyDockWidget(self.panels_dock, self.identify_dock)
        self.tabifyDockWidget(self.identify_dock, self.measure_dock)
        self.tabifyDockWidget(self.measure_dock, self.bookmarks_dock)
        self.panels_dock.raise_()
        self.resizeDocks([self.panels_dock], [320], Qt.Orientation.Horizontal)

    def add_panel(self, widget, title: str) -> None:
        """For the thematic panels: add a tab to the right-hand panel dock."""
        if self._panel_placeholder is not None:
            self.panels.removeTab(self.panels.indexOf(self._panel_placeholder))
            self._panel_placeholder = None
        self.panels.addTab(widget, title)

    def show_dock(self, dock: QDockWidget) -> None:
        dock.show()
        dock.raise_()

    def _build_tools(self):
        t = self.tools
        self.tool_zoom_in = ZoomTool(t, True)
        self.tool_zoom_out = ZoomTool(t, False)
        self.tool_identify = IdentifyTool(t)
        self.tool_select_rect = SelectRectangleTool(t)
        self.tool_select_polygon = SelectPolygonTool(t)
        self.tool_measure_line = MeasureTool(t, area=False)
        self.tool_measure_area = MeasureTool(t, area=True)
        self.measure_panel.reset_button.clicked.connect(lambda: t.tool.reset() if hasattr(t.tool, "reset") else None)

    def _action(self, text, slot=None, shortcut=None, icon_name=None, checkable=False, tip=None) -> QAction:
        act = QAction(text, self)
        if icon_name:
            act.setIcon(icon(icon_name))
        if shortcut:
            act.setShortcut(QKeySequence(shortcut))
        if checkable:
            act.setCheckable(True)
        if tip or shortcut:
            act.setToolTip((tip or text) + (f" ({QKeySequence(shortcut).toString()})" if shortcut else ""))
        if slot is not None:
            act.triggered.connect(lambda checked=False: slot())
        return act

    def _build_actions(self):
        a = self._action
        self.act_new = a(tr("New project"), lambda: self.project.new_project(), QKeySequence.StandardKey.New, "new")
        self.act_open = a(tr("Open project…"), self.project.open_dialog, QKeySequence.StandardKey.Open, "open")
        self.act_save = a(tr("Save project"), self.project.save, QKeySequence.StandardKey.Save, "save")
        self.act_save_as = a(tr("Save project as…"), self.project.save_as, "Ctrl+Shift+S")
        self.act_add = a(tr("Add data…"), self.add_data_dialog, "Ctrl+L", "add_data",
                         tip=tr("Add Shapefile, GeoPackage, KML, CSV, TXT, DXF or raster files"))
        self.act_quit = a(tr("Exit"), self.close, QKeySequence.StandardKey.Quit)
        self.act_undo = self.undo.createUndoAction(self, tr("Undo"))
        self.act_undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.act_undo.setIcon(icon("undo"))
        self.act_redo = self.undo.createRedoAction(self, tr("Redo"))
        self.act_redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.act_redo.setIcon(icon("redo"))

        self.tool_group = QActionGroup(self)
        self.act_pan = a(tr("Pan"), lambda: self.tools.set_tool(self.tools.pan), "P", "pan", True)
        self.act_zoom_in = a(tr("Zoom in"), lambda: self.tools.set_tool(self.tool_zoom_in), "Z", "zoom_in", True,
                             tip=tr("Zoom in: click or drag a box"))
        self.act_zoom_out = a(tr("Zoom out"), lambda: self.tools.set_tool(self.tool_zoom_out), "Shift+Z", "zoom_out",
                              True)
        self.act_identify = a(tr("Identify"), lambda: self.tools.set_tool(self.tool_identify), "I", "identify", True,
                              tip=tr("Identify features: click on the map"))
        self.act_select_rect = a(tr("Select by rectangle"), lambda: self.tools.set_tool(self.tool_select_rect), "S",
                                 "select_rect", True, tip=tr("Select features: drag a box (Shift adds, Ctrl removes)"))
        self.act_select_polygon = a(tr("Select by polygon"), lambda: self.tools.set_tool(self.tool_select_polygon),
                                    None, "select_polygon", True,
                                    tip=tr("Select features inside a polygon: click the corners, double-click to end"))
        self.act_measure_line = a(tr("Measure distance"), self._measure_line, "M", "measure_line", True)
        self.act_measure_area = a(tr("Measure area"), self._measure_area, "Shift+M", "measure_area", True)
        for act in (self.act_pan, self.act_zoom_in, self.act_zoom_out, self.act_identify, self.act_select_rect,
                    self.act_select_polygon, self.act_measure_line, self.act_measure_area):
            self.tool_group.addAction(act)
        self.act_pan.setChecked(True)
        self._tool_actions = {self.tools.pan: self.act_pan, self.tool_zoom_in: self.act_zoom_in,
                              self.tool_zoom_out: self.act_zoom_out, self.tool_identify: self.act_identify,
                              self.tool_select_rect: self.act_select_rect,
                              self.tool_select_polygon: self.act_select_polygon,
                              self.tool_measure_line: self.act_measure_line,
                              self.tool_measure_area: self.act_measure_area}

        self.act_full = a(tr("Full extent"), self.map_view.zoom_full, "Ctrl+Shift+F", "full",
                          tip=tr("Zoom to all layers"))
        self.act_back = a(tr("Previous extent"), self.map_view.back, "Alt+Left", "back")
        self.act_forward = a(tr("Next extent"), self.map_view.forward, "Alt+Right", "forward")
        self.act_zoom_layer = a(tr("Zoom to layer"), self._zoom_to_current_layer)
        self.act_goto = a(tr("Go to coordinates…"), self.goto_dialog, "Ctrl+G", "goto")
        self.act_bookmark = a(tr("New bookmark…"), lambda: self.bookmarks_panel.add(), "Ctrl+B", "bookmark")
        self.act_select_expr = a(tr("Select by expression…"), self.select_by_expression, "Ctrl+E",
                                 "select_expression")
        self.act_clear_sel = a(tr("Clear selection"), lambda: self.selection.clear(), "Ctrl+Shift+A",
                               "clear_selection")
        self.act_table = a(tr("Open attribute table"), lambda: self.layer_actions.attribute_table(), "F6", "table")
        self.act_style = a(tr("Layer style…"), lambda: self.layer_actions.style())
        self.act_props = a(tr("Layer properties…"), lambda: self.layer_actions.properties())
        self.act_layer_crs = a(tr("Set layer coordinate system…"), lambda: self.layer_actions.set_crs())
        self.act_remove = a(tr("Remove layer"), self.layer_view.remove_selected)
        self.act_group = a(tr("Add group…"), lambda: self.layer_view.add_group())
        self.act_map_crs = a(tr("Map coordinate system…"), self.choose_map_crs)
        self.act_about = a(tr("About EcoMap"), self.about)
        self.act_english = a(tr("Use English (after restart)"), lambda: self._set_language("en"))
        self.act_chinese = a(tr("Use Chinese (after restart)"), lambda: self._set_language("zh_CN"))

    def _build_menus_and_toolbar(self):
        mb = self.menuBar()
        m = mb.addMenu(tr("&File"))
        for act in (self.act_new, self.act_open):
            m.addAction(act)
        self.recent_menu = m.addMenu(tr("Recent projects"))
        self.refresh_recent_menu()
        for act in (self.act_save, self.act_save_as, None, self.act_add, None, self.act_quit):
            m.addSeparator() if act is None else m.addAction(act)
        m = mb.addMenu(tr("&Edit"))
        for act in (self.act_undo, self.act_redo, None, self.act_select_expr, self.act_clear_sel):
            m.addSeparator() if act is None else m.addAction(act)
        m = mb.addMenu(tr("&View"))
        for act in (self.act_pan, self.act_zoom_in, self.act_zoom_out, self.act_full, self.act_zoom_layer,
                    self.act_back, self.act_forward, None, self.act_goto, self.act_bookmark, None, self.act_map_crs,
                    None):
            m.addSeparator() if act is None else m.addAction(act)
        panels = m.addMenu(tr("Panels"))
        for dock in (self.layers_dock, self.overview_dock, self.panels_dock, self.identify_dock,
                     self.measure_dock, self.bookmarks_dock):
            panels.addAction(dock.toggleViewAction())
        m = mb.addMenu(tr("&Layer"))
        for act in (self.act_add, self.act_group, None, self.act_style, self.act_table, self.act_props,
                    self.act_layer_crs, None, self.act_remove):
            m.addSeparator() if act is None else m.addAction(act)
        m = mb.addMenu(tr("&Tools"))
        for act in (self.act_identify, None, self.act_select_rect, self.act_select_polygon, self.act_select_expr,
                    self.act_clear_sel, None, self.act_measure_line, self.act_measure_area, None, self.act_goto,
                    self.act_bookmark):
            m.addSeparator() if act is None else m.addAction(act)
        m = mb.addMenu(tr("&Help"))
        for act in (self.act_about, None, self.act_chinese, self.act_english):
            m.addSeparator() if act is None else m.addAction(act)

        tb = QToolBar(tr("Main toolbar"), self)
        tb.setObjectName("main-toolbar")
        tb.setIconSize(QSize(24, 24))
        for act in (self.act_new, self.act_open, self.act_save, None, self.act_add, None, self.act_undo,
                    self.act_redo):
            tb.addSeparator() if act is None else tb.addAction(act)
        self.addToolBar(tb)
        tb = QToolBar(tr("Map navigation"), self)
        tb.setObjectName("nav-toolbar")
        tb.setIconSize(QSize(24, 24))
        for act in (self.act_pan, self.act_zoom_in, self.act_zoom_out, self.act_full, self.act_back,
                    self.act_forward, None, self.act_identify, self.act_select_rect, self.act_select_polygon,
                    self.act_select_expr, self.act_clear_sel, self.act_table, None, self.act_measure_line,
                    self.act_measure_area, self.act_goto, self.act_bookmark):
            tb.addSeparator() if act is None else tb.addAction(act)
        self.addToolBar(tb)

    def _connect(self):
        c = self.canvas
        c.cursorMoved.connect(self._cursor_moved)
        c.scaleChanged.connect(self._scale_changed)
        c.extentChanged.connect(self.overview.set_view_extent)
        c.renderStarted.connect(self._render_started)
        c.renderProgress.connect(self.status.set_progress)
        c.renderFinished.connect(self._render_finished)
        c.renderFailed.connect(self._render_failed)
        self.status.scaleRequested.connect(self.map_view.set_scale)
        self.status.crsClicked.connect(self.choose_map_crs)
        self.overview.centreRequested.connect(self.map_view.centre_on)
        self.overview.yield_to(c.is_busy)
        c.renderFinished.connect(lambda _s: self.overview.offer_frame(c.grab_frame(), c.frame_settings()))
        self.bookmarks_panel.goRequested.connect(self.go_to_bookmark)
        self.tree.renderChanged.connect(self._overview_changed)
        self.map_view.crsChanged.connect(self._update_crs_label)
        self.map_view.historyChanged.connect(self._update_history_actions)
        self.tools.toolChanged.connect(self._tool_changed)
        self.tools.canvasResized.connect(self._canvas_resized)
        self.layer_view.item_model.filesDropped.connect(self.loader.add_paths)
        self.loader.projectDropped.connect(self.project.open)
        self.loader.layersAdded.connect(self._layers_added)
        self.project.dirtyChanged.connect(self._update_title)
        self.project.projectChanged.connect(self._update_title)
        self.tree.layerAdded.connect(self._prepare_layer)
        self._update_history_actions()

    # ------------------------------------------------------------------ status and title

    def _cursor_moved(self, x, y, lon, lat):
        geographic = self.map_view.crs is not None and self.map_view.crs.is_geographic
        ok = math.isfinite(lon) and math.isfinite(lat)
        self.status.set_cursor(x, y, lon if ok else None, lat if ok else None, geographic)

    def _scale_changed(self, scale):
        self.status.set_scale(scale)
        self.layer_view.item_model.set_scale(scale)

    def _canvas_resized(self):
        """A resized canvas shows more or less of the map: scale and overview frame follow."""
        if self.tree.layer_nodes():
            self._scale_changed(self.canvas.scale())
            self.overview.set_view_extent(self.canvas.extent())

    def _render_started(self):
        self.status.set_progress(0.0)

    def _render_failed(self, message: str):
        self.status.set_progress(None)
        self.status.showMessage(tr("Drawing failed: {error}").format(error=message), 10000)

    def _render_finished(self, seconds):
        self.status.set_progress(None)
        if self.canvas.layer_errors:  # named as in the layer list
            names = {id(n.layer): n.name for n in self.tree.layer_nodes()}
            self.status.showMessage("; ".join(str(replace(e, name=names.get(id(e.layer), e.name)))
                                              for e in self.canvas.layer_errors), 15000)
        if self._screenshot_path:
            self._maybe_screenshot()

    def _update_crs_label(self, crs):
        self.status.set_crs(crs_label(crs), crs.name if crs is not None else tr("No map coordinate system yet"))
        self._overview_changed()

    def _update_title(self, *args):
        star = "*" if self.project.dirty else ""
        self.setWindowTitle(f"{self.project.display_name()}{star} — EcoMap")

    def _update_history_actions(self):
        self.act_back.setEnabled(self.map_view.history.can_back())
        self.act_forward.setEnabled(self.map_view.history.can_forward())

    def _tool_changed(self, tool):
        act = self._tool_actions.get(tool)
        if act is not None:
            act.setChecked(True)

    def _overview_changed(self):
        from ecomap.app.map_view import render_entries

        self.overview.set_content(render_entries(self.tree), self.map_view.crs, self.map_view.full_extent())

    def _layers_added(self, nodes):
        if nodes:
            self.layer_view.set_current(nodes[0])
        if len(self.tree.layer_nodes()) == len(nodes):  # first data in an empty map: show it all
            QTimer.singleShot(0, self.map_view.zoom_full)

    def _prepare_layer(self, node):
        """Build the spatial index of a new vector layer in the background, so the first click is
        quick — once the map is drawn: the frame the user waits for gets both cores first."""
        if not node.is_vector or node not in self.tree.layer_nodes():
            return
        if self.canvas.is_busy():
            QTimer.singleShot(PREPARE_POLL_MS, self, lambda: self._prepare_layer(node))  # ends with the window
            return
        from ecomap.core.tasks import run_task

        # preparation the user did not ask for: not shown in the task indicator
        run_task(lambda fb, layer: layer.sindex, node.layer, visible=False)

    def refresh_recent_menu(self):
        menu = self.recent_menu
        menu.clear()
        recent = app_settings.recent_projects()
        for path in recent:
            menu.addAction(Path(path).name, lambda p=path: self.project.open(p)).setToolTip(path)
        if not recent:
            menu.addAction(tr("(none)")).setEnabled(False)

    # ------------------------------------------------------------------ actions

    def open_path(self, path) -> None:
        """A project file or a data file, from the command line or a drop."""
        if str(path).lower().endswith(PROJECT_SUFFIX):
            self.project.open(path, ask=False)
        else:
            self.loader.add_paths([path])

    def open_paths(self, paths, reading=None) -> None:
        """The command line's files: data files read together (``reading``: their read, already
        started), each project file opened."""
        data = [p for p in paths if not str(p).lower().endswith(PROJECT_SUFFIX)]
        for path in paths:
            if path not in data:
                self.open_path(path)
        if data:
            self.loader.add_paths(data, reading=reading)

    def add_data_dialog(self):
        from ecomap.io.registry import file_filter

        paths, _ = QFileDialog.getOpenFileNames(self, tr("Add data"), "", file_filter() + ";;" + tr("All files (*)"))
        if paths:
            self.loader.add_paths(paths)

    def _measure_line(self):
        self.tools.set_tool(self.tool_measure_line)
        self.show_dock(self.measure_dock)

    def _measure_area(self):
        self.tools.set_tool(self.tool_measure_area)
        self.show_dock(self.measure_dock)

    def _zoom_to_current_layer(self):
        nodes = self.layer_view.selected_nodes() or ([self.layer_view.current_node()]
                                                     if self.layer_view.current_node() else [])
        if nodes:
            self.map_view.zoom_to_nodes(nodes)

    def _current_view(self):
        if not self.tree.layer_nodes():
            return None, ""
        crs = self.map_view.crs
        return tuple(self.canvas.extent()), crs.to_string() if crs is not None else ""

    def _centre_longitude(self):
        from ecomap.core.query import transform_point

        if not self.tree.layer_nodes() or self.map_view.crs is None:
            return None
        minx, miny, maxx, maxy = self.canvas.extent()
        from ecomap.core.crs import crs_from_epsg

        lon, _lat = transform_point((minx + maxx) / 2, (miny + maxy) / 2, self.map_view.crs, crs_from_epsg(4490))
        return lon if math.isfinite(lon) else None

    def go_to_bookmark(self, bm):
        from ecomap.core.extent import transform_extent

        ext = transform_extent(bm.extent, bm.crs or None, self.map_view.crs) if bm.crs else bm.extent
        if ext is not None:
            self.canvas.set_extent(ext)

    def goto_dialog(self):
        from ecomap.gui.goto_dialog import GoToDialog

        dlg = GoToDialog(self.map_view.crs, self)
        if dlg.exec() and dlg.result_point is not None:
            self.go_to_point(*dlg.result_point, note=dlg.note)
        return dlg

    def go_to_point(self, x: float, y: float, note: str = "") -> None:
        import shapely

        self.map_view.centre_on(x, y)
        self.tools.set_highlight("goto", [shapely.Point(x, y)], "#e02020", fill=False)
        self.status.showMessage(tr("Centred on {x:.3f}, {y:.3f} ({note})").format(x=x, y=y, note=note), 10000)

    def select_by_expression(self):
        node = self.tool_handlers.target_layer()
        if node is None:
            self.status.showMessage(tr("No vector layer to select from: add one or pick it in the layer list."), 6000)
            return None
        from ecomap.gui.expression_dialog import ExpressionDialog

        dlg = ExpressionDialog(node, self.selection, self)
        dlg.show()
        return dlg

    def choose_map_crs(self):
        from ecomap.core.crs import epsg_of
        from ecomap.gui.crs_dialog import CrsDialog

        full = self.map_view.full_extent()
        dlg = CrsDialog(self, title=tr("Map coordinate system"), current=epsg_of(self.map_view.crs), bounds=full,
                        lon_hint=self._centre_longitude(),
                        reason=tr("Layers in other coordinate systems are reprojected on the fly."))
        if dlg.exec() and dlg.selected_epsg():
            self.map_view.set_crs(dlg.selected_epsg())
            self.project.mark_dirty()

    def about(self):
        QMessageBox.about(self, tr("About EcoMap"),
                          tr("EcoMap — a desktop GIS for county natural-resources and ecology-environment work: "
                             "ecological red lines, coal-mining subsidence, grazing and breeding bans, water "
                             "quality and mine restoration."))

    def _set_language(self, lang: str):
        s = app_settings.settings()
        s.setValue("language", lang)
        s.sync()
        QMessageBox.information(self, "EcoMap", tr("The language changes when EcoMap is started again."))

    # ------------------------------------------------------------------ drag and drop, closing

    def dragEnterEvent(self, event):
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event):
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.loader.add_paths(paths)

    def closeEvent(self, event):
        if not self._screenshot_path and not self.project.maybe_save():
            event.ignore()
            return
        self.project.shutdown()
        self.overview.shutdown()  # its render job has no Qt parent: cancel it with the window
        self._stop_tasks()
        s = app_settings.settings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.sync()
        event.accept()

    def _stop_tasks(self):
        tasks.cancel_all()  # no worker may report to a window that is gone

    def _restore_geometry(self):
        s = app_settings.settings()
        geometry, state = s.value("window/geometry"), s.value("window/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)

    # ------------------------------------------------------------------ screenshot (start-up smoke test)

    def schedule_screenshot(self, png_path: str) -> None:
        """Write a screenshot once the first map is drawn, then quit (used by --screenshot)."""
        self._screenshot_path = str(png_path)
        QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, self._take_screenshot)
        QTimer.singleShot(1500, self._maybe_screenshot)  # an empty map never renders

    def _busy(self) -> bool:
        loading = self.project.load_task is not None and not self.project.load_task.done
        reading = self.loader.task is not None and not self.loader.task.done
        scheduled = getattr(self.canvas, "_timer", None)  # a render the canvas has scheduled but not started
        return loading or reading or self.canvas.is_rendering() or bool(scheduled and scheduled.isActive())

    def _maybe_screenshot(self):
        if not self._screenshot_path or self._busy():
            return
        QTimer.singleShot(800, self._take_screenshot_if_idle)  # let the overview finish too

    def _take_screenshot_if_idle(self):
        if self._screenshot_path and not self._busy():
            self._take_screenshot()

    def _take_screenshot(self):
        if not self._screenshot_path:
            return
        path, self._screenshot_path = self._screenshot_path, None
        self.grab().save(path)
        QTimer.singleShot(0, QApplication.instance().quit)
