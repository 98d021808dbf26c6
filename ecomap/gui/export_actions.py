"""The Export menu of the main window: one-click briefing map, layout designer, atlas, images, data.

``install_export_actions(main_window, settings)`` adds the menu and returns the
controller. It needs from the window only what every EcoMap main window has:
``tree`` (the layer tree model), ``map_view.crs``, ``canvas.extent()`` and
``canvas.settings()``, ``selection.rows(layer_id)``, ``project`` (``title``, ``path``,
``layouts``, ``mark_dirty()``) and ``layer_view.current_layer_node()``; anything
missing degrades gracefully. ``settings`` remembers the mapping unit and data source
between sessions (the app passes its QSettings).

No export draws on the GUI thread: each action asks its questions, takes a snapshot
of what it exports (the layout, the layer records, the view), and hands the work to
:func:`start_export`, a :class:`~ecomap.core.tasks.Task` the window's task indicator
shows with progress and Cancel. The result — a status-bar message, the clipboard's
image, notes about what could not be drawn — or the error naming the file arrives in
the task's slots.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QMenu,
    QMessageBox,
)

from ecomap.core.layout.context import LayoutContext, context_from_tree
from ecomap.core.layout.model import layout_from_dict
from ecomap.core.tasks import Task
from ecomap.errors import DataError
from ecomap.i18n import tr
from ecomap.services import exports

log = logging.getLogger(__name__)


class ExportSettings(Protocol):
    """Where the Export menu remembers the mapping unit and data source (a QSettings fits)."""

    def value(self, key: str, default=None): ...

    def setValue(self, key: str, value) -> None: ...


class SessionSettings:
    """Settings kept for this session only, for a window built without the app's settings."""

    def __init__(self):
        self._values: dict[str, object] = {}

    def value(self, key: str, default=None):
        return self._values.get(key, default)

    def setValue(self, key: str, value) -> None:
        self._values[key] = value


# ---------------------------------------------------------------------- running an export as a task

def export_error_text(exc: BaseException, target) -> str:
    """What to tell the user about a failed export of ``target``, naming the file."""
    if isinstance(exc, DataError):
        if exc.path:
            return exc.user_message()
        return tr("Could not write {path}: {error}").format(path=target, error=exc.message)
    log.error("export of %s failed:\n%s", target, getattr(exc, "__ecomap_traceback__", repr(exc)))
    return tr("Could not write {path}: {error}").format(path=target, error=f"{type(exc).__name__}: {exc}")


class ExportRun(QObject):
    """Shows one export task's outcome in ``parent``; goes away with ``parent`` (its slots with it)."""

    def __init__(self, parent: QObject, task: Task, title: str, target, on_finished: Callable,
                 status: Callable[[str], None] | None):
        super().__init__(parent)
        self.task, self.title, self.target = task, title, target
        self.on_finished, self.status = on_finished, status
        task.finished.connect(self._finished)
        task.failed.connect(self._failed)
        task.cancelled.connect(self._cancelled)
        task.ended.connect(self.deleteLater)

    def _finished(self, result) -> None:
        self.on_finished(result)

    def _failed(self, exc) -> None:
        parent = self.parent()
        QMessageBox.warning(parent if parent is not None and parent.isWidgetType() else None, self.title,
                            export_error_text(exc, self.target))

    def _cancelled(self) -> None:
        if self.status is not None:
            self.status(tr("Export cancelled: {path}").format(path=self.target))


def status_message(window) -> Callable[[str], None] | None:
    """A function showing a text for a while in ``window``'s status bar (None without one)."""
    bar = getattr(window, "statusBar", None)
    if bar is None:
        return None
    return lambda text: bar().showMessage(text, 8000)


def start_export(parent: QObject, description: str, work: Callable, *, title: str, target,
                 on_finished: Callable | None = None, status: Callable[[str], None] | None = None) -> Task:
    """Run ``work(feedback)`` as a visible task; ``on_finished(result)`` runs on the GUI thread.

    Without ``on_finished``, the written file is announced through ``status``. A failure
    is shown in ``parent`` as a message naming ``target``; a cancel is reported through
    ``status`` (a status-bar message), when given.
    """
    if on_finished is None:
        def on_finished(exported) -> None:
            if status is not None:
                status(tr("Wrote {path}").format(path=getattr(exported, "path", None) or target))
    task = Task(work, description=description)
    ExportRun(parent, task, title, target, on_finished, status)
    return task.start()


# ---------------------------------------------------------------------- the menu's controller

class ExportController(QObject):
    def __init__(self, window, settings: ExportSettings | None = None):
        super().__init__(window)
        self.window = window
        self.settings: ExportSettings = settings if settings is not None else SessionSettings()
        #: the export tasks started from here, newest last (tests wait on them)
        self.tasks: list[Task] = []

    # ------------------------------------------------------------------ what the window knows

    def _crs_text(self) -> str | None:
        """The map's CRS, else the first layer's that has one (as "EPSG:n" or WKT)."""
        from ecomap.core.project import crs_of_layers, crs_text

        crs = getattr(getattr(self.window, "map_view", None), "crs", None)
        if crs is not None:
            return crs_text(crs)
        return crs_of_layers(n.layer for n in self.window.tree.layer_nodes())

    def _project(self):
        return getattr(self.window, "project", None)

    def _title(self) -> str:
        project = self._project()
        return getattr(project, "title", "") or (project.path.stem if getattr(project, "path", None) else "")

    def context(self) -> LayoutContext:
        """The layers, CRS and title of the window now, as a layout context (GUI thread)."""
        project = self._project()
        return context_from_tree(self.window.tree, self._crs_text() or LayoutContext.crs, self._title(),
                                 getattr(project, "path", None), self._view_extent())

    def _view_extent(self):
        canvas = getattr(self.window, "canvas", None)
        if canvas is None or not self.window.tree.layer_nodes():
            return None
        return tuple(canvas.extent())

    def _has_layers(self) -> bool:
        if not self.window.tree.layer_nodes():
            QMessageBox.information(self.window, tr("Export"), tr("Add some layers to the map first."))
            return False
        return True

    def _default_dir(self) -> Path:
        project = self._project()
        path = getattr(project, "path", None)
        return Path(path).parent if path else Path.home()

    def _layouts(self) -> list[dict]:
        return list(getattr(self._project(), "layouts", []) or [])

    def _store_layout(self, layout) -> None:
        project = self._project()
        if project is None:
            return
        layouts = [d for d in self._layouts() if d.get("name") != layout.name]
        layouts.insert(0, layout.to_dict())
        project.layouts = layouts
        if hasattr(project, "mark_dirty"):
            project.mark_dirty()

    def _setting(self, key: str) -> str:
        return str(self.settings.value(key, "") or "")

    def current_layout(self, page="A3", orientation="landscape"):
        """The project's first layout, else the briefing template showing the current view."""
        from ecomap.core.layout.templates import briefing_layout

        layouts = self._layouts()
        if layouts:
            try:
                return layout_from_dict(layouts[0])
            except DataError:
                pass
        layout = briefing_layout(page, orientation)
        extent = self._view_extent()
        if extent is not None:
            layout.main_map.extent = list(extent)
        layout.variables["unit"] = self._setting("export/unit")
        layout.variables["source"] = self._setting("export/source")
        return layout

    def _status(self, text: str) -> None:
        show = status_message(self.window)
        if show is not None:
            show(text)

    def _start(self, description: str, work: Callable, title: str, target, on_finished: Callable) -> Task:
        task = start_export(self.window, description, work, title=title, target=target, on_finished=on_finished,
                            status=self._status)
        self.tasks = [t for t in self.tasks if not t.delivered] + [task]
        return task

    def _report(self, exported: exports.Exported, title: str) -> None:
        if len(exported.paths) == 1:
            self._status(tr("Wrote {path}").format(path=exported.path))
        else:
            folder = exported.path.parent if exported.path is not None else ""
            self._status(tr("Wrote {n} files to {path}").format(n=len(exported.paths), path=folder))
        if exported.notes:
            QMessageBox.information(self.window, title, "\n".join(exported.notes))

    # ------------------------------------------------------------------ actions

    def one_click_briefing(self) -> Task | None:
        """A3 landscape briefing PDF of the current view, asking only for the mapping unit once and the file."""
        if not self._has_layers():
            return None
        if not self._setting("export/unit"):
            unit, ok = QInputDialog.getText(self.window, tr("One-click briefing map"),
                                            tr("Mapping unit (制图单位), remembered for next time:"))
            if not ok:
                return None
            self.settings.setValue("export/unit", unit.strip())
        name = (self._title() or tr("Thematic map")) + ".pdf"
        path, _ = QFileDialog.getSaveFileName(self.window, tr("One-click briefing map"),
                                              str(self._default_dir() / name), "PDF (*.pdf)")
        if not path:
            return None
        return self.export_layout(self.current_layout(), Path(path), 300, tr("One-click briefing map"))

    def export_layout(self, layout, path: Path, dpi: int, title: str | None = None) -> Task:
        """Write ``layout`` over the window's layers to ``path`` in a task."""
        layout, ctx = exports.layout_snapshot(layout, self.context())
        title = title or tr("Export")
        return self._start(tr("Exporting {name}").format(name=path.name),
                           lambda feedback: exports.export_layout(layout, ctx, path, dpi, feedback=feedback),
                           title, path, lambda exported: self._report(exported, title))

    def open_designer(self):
        if not self._has_layers():
            return None
        from ecomap.gui.layout_designer import LayoutDesigner

        designer = LayoutDesigner(self.current_layout(), self.context(), on_save=self._store_layout,
                                  current_extent=self._view_extent, parent=self.window)
        designer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        designer.show()
        return designer

    def export_image(self) -> Task | None:
        if not self._has_layers():
            return None
        path, chosen = QFileDialog.getSaveFileName(
            self.window, tr("Export map"), str(self._default_dir() / ((self._title() or "map") + ".png")),
            "PNG (*.png);;JPEG (*.jpg);;TIFF (*.tif);;PDF (*.pdf);;SVG (*.svg)")
        if not path:
            return None
        path = Path(path)
        if not path.suffix:
            path = path.with_suffix("." + chosen.split("*.")[-1].rstrip(")"))
        dpi = 300
        if path.suffix.lower() in (".png", ".jpg", ".jpeg", ".tif", ".tiff"):
            choice, ok = QInputDialog.getItem(self.window, tr("Resolution"), tr("Dots per inch"),
                                              ["150", "300", "600"], 1, False)
            if not ok:
                return None
            dpi = int(choice)
        return self.export_layout(self.current_layout(), path, dpi, tr("Export map"))

    def copy_map_image(self) -> Task | None:
        """The current map view, at twice the screen's resolution, to the clipboard (for WPS/Office)."""
        canvas = getattr(self.window, "canvas", None)
        if canvas is None or not self._has_layers():
            return None
        settings = canvas.settings()  # an immutable snapshot of the view

        def copied(image) -> None:
            QGuiApplication.clipboard().setImage(image)
            self._status(tr("Copied the map image ({w} × {h} pixels)").format(w=image.width(), h=image.height()))
        return self._start(tr("Copying the map image"),
                           lambda feedback: exports.render_map_image(settings, feedback=feedback),
                           tr("Copy map image"), tr("the clipboard"), copied)

    def atlas(self) -> Task | None:
        if not self._has_layers():
            return None
        nodes = [n for n in self.window.tree.layer_nodes()
                 if getattr(n.layer, "geometry_type", None) == "Polygon"]
        if not nodes:
            QMessageBox.information(self.window, tr("Atlas"), tr("An atlas needs a polygon layer to page through."))
            return None
        dialog = QDialog(self.window)
        dialog.setWindowTitle(tr("Atlas"))
        coverage = QComboBox()
        for node in nodes:
            coverage.addItem(node.name, node.id)
        page = QComboBox()
        for value in ("A4 portrait", "A4 landscape", "A3 landscape", "A3 portrait"):
            page.addItem(value.replace("portrait", tr("portrait")).replace("landscape", tr("landscape")), value)
        kind = QComboBox()
        kind.addItem(tr("One PDF, a page per feature"), "pdf-one")
        for ext in ("pdf", "png", "jpg"):
            kind.addItem(tr("A {ext} file per feature, in a folder").format(ext=ext.upper()), ext)
        form = QFormLayout(dialog)
        form.addRow(tr("Coverage layer"), coverage)
        form.addRow(tr("Page"), page)
        form.addRow(tr("Output"), kind)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        if kind.currentData() == "pdf-one":
            out, _ = QFileDialog.getSaveFileName(self.window, tr("Atlas"), str(self._default_dir() / "atlas.pdf"),
                                                 "PDF (*.pdf)")
        else:
            out = QFileDialog.getExistingDirectory(self.window, tr("Folder for the atlas pages"),
                                                   str(self._default_dir()))
        if not out:
            return None
        return self.run_atlas(coverage.currentData(), page.currentData(), Path(out),
                              "pdf" if kind.currentData() == "pdf-one" else kind.currentData())

    def run_atlas(self, coverage_id: str, page_text: str, out: Path, image_format: str) -> Task:
        from ecomap.core.layout.templates import atlas_layout

        page, orientation = page_text.split()
        layout = atlas_layout(page, orientation, coverage=coverage_id)
        layout.variables["unit"] = self._setting("export/unit")
        layout, ctx = exports.layout_snapshot(layout, self.context())
        return self._start(tr("Writing the atlas {name}").format(name=out.name),
                           lambda feedback: exports.export_atlas(layout, ctx, out, coverage=coverage_id, dpi=300,
                                                                 image_format=image_format, feedback=feedback),
                           tr("Atlas"), out, lambda exported: self._report(exported, tr("Atlas")))

    def export_data(self):
        if not self._has_layers():
            return None
        from ecomap.gui.export_data_dialog import ExportDataDialog

        selection = getattr(self.window, "selection", None)
        layer_view = getattr(self.window, "layer_view", None)
        current = layer_view.current_layer_node() if layer_view is not None else None
        dialog = ExportDataDialog(self.window.tree.layer_nodes(), selection.rows if selection is not None else None,
                                  self._crs_text(), current, self.window)
        dialog.exec()
        return dialog


def install_export_actions(main_window, settings: ExportSettings | None = None) -> ExportController:
    """Add the Export menu (导出) to ``main_window``; returns the controller that runs the actions."""
    controller = ExportController(main_window, settings)
    bar = main_window.menuBar()
    help_menu = next((a for a in bar.actions() if a.text() == tr("&Help")), None)
    menu = QMenu(tr("E&xport"), bar)
    if help_menu is not None:  # keep Help last
        bar.insertMenu(help_menu, menu)
    else:
        bar.addMenu(menu)
    entries = [
        (tr("One-click briefing map (PDF)…"), controller.one_click_briefing, "Ctrl+P"),
        (tr("Print layout…"), controller.open_designer, "Ctrl+Shift+P"),
        (tr("Export map image or PDF…"), controller.export_image, None),
        (tr("Copy map image"), controller.copy_map_image, "Ctrl+Shift+C"),
        None,
        (tr("Atlas (one page per feature)…"), controller.atlas, None),
        None,
        (tr("Export data…"), controller.export_data, "Ctrl+Shift+E"),
    ]
    actions = []
    for entry in entries:
        if entry is None:
            menu.addSeparator()
            continue
        text, slot, shortcut = entry
        action = QAction(text, main_window)
        action.triggered.connect(lambda _=False, s=slot: s())
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        menu.addAction(action)
        actions.append(action)
    controller.menu = menu
    controller.actions = actions
    main_window.export_controller = controller
    return controller
