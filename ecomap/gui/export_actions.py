"""The Export menu of the main window: one-click briefing map, layout designer, atlas, images, data.

``install_export_actions(main_window)`` adds the menu and returns the controller. It
needs from the window only what every EcoMap main window has: ``tree`` (the layer
tree model), ``map_view.crs``, ``canvas.extent()``, ``selection.rows(layer_id)``,
``project`` (``title``, ``path``, ``layouts``, ``mark_dirty()``) and
``layer_view.current_layer_node()``; anything missing degrades gracefully.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QImage, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QMenu,
    QMessageBox,
    QProgressDialog,
)

from ecomap.core.layout.context import context_from_tree
from ecomap.core.layout.model import layout_from_dict
from ecomap.errors import DataError
from ecomap.i18n import tr


class ExportController(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window

    # ------------------------------------------------------------------ what the window knows

    def _crs_text(self) -> str:
        crs = getattr(getattr(self.window, "map_view", None), "crs", None)
        if crs is None:
            return "EPSG:4524"
        epsg = crs.to_epsg()
        return f"EPSG:{epsg}" if epsg else crs.to_wkt()

    def _project(self):
        return getattr(self.window, "project", None)

    def _title(self) -> str:
        project = self._project()
        return getattr(project, "title", "") or (project.path.stem if getattr(project, "path", None) else "")

    def context(self):
        project = self._project()
        return context_from_tree(self.window.tree, self._crs_text(), self._title(),
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
        from ecomap.app import app_settings

        settings = app_settings.settings()
        layout.variables["unit"] = str(settings.value("export/unit", "") or "")
        layout.variables["source"] = str(settings.value("export/source", "") or "")
        return layout

    # ------------------------------------------------------------------ actions

    def one_click_briefing(self) -> Path | None:
        """A3 landscape briefing PDF of the current view, asking only for the mapping unit once and the file."""
        if not self._has_layers():
            return None
        from ecomap.app import app_settings

        settings = app_settings.settings()
        unit = str(settings.value("export/unit", "") or "")
        if not unit:
            unit, ok = QInputDialog.getText(self.window, tr("One-click briefing map"),
                                            tr("Mapping unit (制图单位), remembered for next time:"))
            if not ok:
                return None
            settings.setValue("export/unit", unit.strip())
        name = (self._title() or tr("Thematic map")) + ".pdf"
        path, _ = QFileDialog.getSaveFileName(self.window, tr("One-click briefing map"),
                                              str(self._default_dir() / name), "PDF (*.pdf)")
        if not path:
            return None
        layout = self.current_layout()
        return self._export(layout, Path(path), 300)

    def _export(self, layout, path: Path, dpi: int) -> Path | None:
        from ecomap.core.layout.output import export_layout

        ctx = self.context()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            export_layout(layout, ctx, path, dpi=dpi)
        except DataError as exc:
            QGuiApplication.restoreOverrideCursor()
            QMessageBox.warning(self.window, tr("Export"), exc.user_message())
            return None
        QGuiApplication.restoreOverrideCursor()
        status = getattr(self.window, "statusBar", None)
        if status is not None:
            status().showMessage(tr("Wrote {path}").format(path=path), 8000)
        if ctx.warnings:
            QMessageBox.information(self.window, tr("Export"), "\n".join(dict.fromkeys(ctx.warnings)))
        return path

    def open_designer(self):
        if not self._has_layers():
            return None
        from ecomap.gui.layout_designer import LayoutDesigner

        designer = LayoutDesigner(self.current_layout(), self.context(), on_save=self._store_layout,
                                  current_extent=self._view_extent, parent=self.window)
        designer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        designer.show()
        return designer

    def export_image(self) -> Path | None:
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
        return self._export(self.current_layout(), path, dpi)

    def copy_map_image(self) -> QImage | None:
        """The current map view, at twice the screen's resolution, to the clipboard (for WPS/Office)."""
        canvas = getattr(self.window, "canvas", None)
        if canvas is None or not self._has_layers():
            return None
        from ecomap.core.render.job import render_image

        settings = canvas.settings()
        big = settings.with_size(settings.width * 2, settings.height * 2)
        from dataclasses import replace

        big = replace(big, dpi=settings.dpi * 2, extent=settings.visible_extent)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            image = render_image(big)
            image.setDotsPerMeterX(round(big.dpi / 0.0254))
            image.setDotsPerMeterY(round(big.dpi / 0.0254))
            QGuiApplication.clipboard().setImage(image)
        finally:
            QGuiApplication.restoreOverrideCursor()
        return image

    def atlas(self) -> list[Path] | None:
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

    def run_atlas(self, coverage_id: str, page_text: str, out: Path, image_format: str) -> list[Path] | None:
        from ecomap.core.layout.atlas import export_atlas
        from ecomap.core.layout.templates import atlas_layout
        from ecomap.core.render.job import Feedback

        page, orientation = page_text.split()
        layout = atlas_layout(page, orientation, coverage=coverage_id)
        from ecomap.app import app_settings

        layout.variables["unit"] = str(app_settings.settings().value("export/unit", "") or "")
        progress = QProgressDialog(tr("Writing the atlas…"), tr("Cancel"), 0, 100, self.window)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        feedback = Feedback()
        progress.canceled.connect(feedback.cancel)

        def on_page(i, n):
            progress.setMaximum(n)
            progress.setValue(i)
            QGuiApplication.processEvents()
        try:
            files = export_atlas(layout, self.context(), out, coverage=coverage_id, dpi=300,
                                 image_format=image_format, feedback=feedback, on_page=on_page)
        except DataError as exc:
            QMessageBox.warning(self.window, tr("Atlas"), exc.user_message())
            return None
        finally:
            progress.close()
        return files

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


def install_export_actions(main_window) -> ExportController:
    """Add the Export menu (导出) to ``main_window``; returns the controller that runs the actions."""
    controller = ExportController(main_window)
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
