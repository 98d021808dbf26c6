"""Project lifecycle for the main window: new, open, save, save as, recent, autosave, recovery, close.

Opening reads the .ecomap file on the GUI thread (small JSON), asks the user to locate
any missing data file, then opens the layers in a worker with progress and cancel;
layers that still cannot be opened stay in the tree as placeholders (red, "Locate
file…") instead of failing the project. Saving is atomic (ecomap.core.project).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from ecomap.app import app_settings
from ecomap.app.autosave import Autosaver
from ecomap.app.task_progress import TaskProgressMixin
from ecomap.core.project import Project, load_project, save_project
from ecomap.core.project_bridge import populate_tree, tree_to_project
from ecomap.core.tasks import Task
from ecomap.errors import DataError
from ecomap.i18n import tr
from ecomap.services.project_open import open_project_entries

AUTOSAVE_MS = 2 * 60 * 1000


def _open_entries(feedback, project):
    return open_project_entries(project, feedback)


def project_filter() -> str:
    return tr("EcoMap project (*.ecomap)")


class ProjectController(QObject, TaskProgressMixin):
    projectChanged = Signal()  # a project was opened, created or saved under a new name
    dirtyChanged = Signal(bool)
    projectLoaded = Signal()

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.path: Path | None = None
        self.title = ""
        self.layouts: list = []
        self._dirty = False
        self.load_task: Task | None = None
        self.progress: QProgressDialog | None = None
        self.autosaver = Autosaver(app_settings.config_dir() / "autosave")
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setInterval(AUTOSAVE_MS)
        self._autosave_timer.timeout.connect(self.autosave)
        self._autosave_timer.start()
        window.undo.cleanChanged.connect(self._update_dirty)
        window.bookmarks.changed.connect(self.mark_dirty)

    # ------------------------------------------------------------------ dirty state

    @property
    def dirty(self) -> bool:
        try:
            return self._dirty or not self.window.undo.isClean()
        except RuntimeError:  # the window is being destroyed
            return False

    def mark_dirty(self) -> None:
        self._dirty = True
        self._update_dirty()

    def mark_clean(self) -> None:
        self._dirty = False
        self.window.undo.setClean()
        self._update_dirty()

    def _update_dirty(self, *args) -> None:
        self.dirtyChanged.emit(self.dirty)

    def display_name(self) -> str:
        return self.title or (self.path.stem if self.path else tr("Untitled project"))

    # ------------------------------------------------------------------ building / applying a Project

    def current_project(self) -> Project:
        w = self.window
        crs = w.map_view.crs
        crs_text = crs.to_string() if crs is not None else None  # none yet: the first layer's, if any
        extent = w.canvas.extent() if w.tree.layer_nodes() else None
        return tree_to_project(w.tree, title=self.title, crs=crs_text, extent=extent,
                               bookmarks=w.bookmarks.items(), layouts=self.layouts, path=self.path)

    # ------------------------------------------------------------------ actions

    def maybe_save(self) -> bool:
        """Ask about unsaved changes; False when the user cancels."""
        if not self.dirty or not self.window.tree.layer_nodes() and not self.path:
            return True
        answer = QMessageBox.question(
            self.window, tr("Unsaved changes"),
            tr("The project \"{name}\" has unsaved changes. Save them?").format(name=self.display_name()),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Cancel:
            return False
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return True

    def new_project(self, ask: bool = True) -> bool:
        if ask and not self.maybe_save():
            return False
        self._reset()
        self.path, self.title, self.layouts = None, "", []
        self.mark_clean()
        self.projectChanged.emit()
        return True

    def _reset(self) -> None:
        w = self.window
        w.selection.clear()
        w.tree.clear()
        w.bookmarks.replace_all([])
        w.undo.clear()
        w.map_view.crs = None
        w.map_view.reset_history()
        w.tools.clear_highlight()

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        path, _ = QFileDialog.getOpenFileName(self.window, tr("Open project"), "", project_filter())
        if path:
            self.open(path, ask=False)

    def open(self, path, ask: bool = True, recovering: bool = False, recovered_from: str | None = None) -> Task | None:
        """Open a project; returns the loading task (layers arrive when it finishes).

        ``recovering``: ``path`` is an autosave; the project becomes ``recovered_from`` (None for
        a project that was never saved) with unsaved changes.
        """
        if ask and not self.maybe_save():
            return None
        try:
            project = load_project(path)
        except DataError as exc:
            QMessageBox.critical(self.window, tr("Open project"), exc.user_message())
            app_settings.remove_recent_project(str(Path(path).resolve()))
            self.window.refresh_recent_menu()
            return None
        relocated = self.locate_missing(project)
        # the modal progress dialog shows this task: kept out of the status bar's indicator
        task = Task(_open_entries, project, description=tr("Opening project…"), visible=False)
        self.show_task_progress(task, tr("Opening project…"), tr("Open project"), tr("Opening {name}…"),
                                Qt.WindowModality.WindowModal)
        origin = (recovering, recovered_from)
        task.finished.connect(lambda opened: self._apply(project, opened, origin, relocated))
        task.failed.connect(self._on_failed)
        self.load_task = task.start()
        return task

    def locate_missing(self, project: Project) -> bool:
        """Ask once per missing data file where it went (the user may skip); True if any moved."""
        asked: set[Path] = set()
        moved = False
        for entry in list(project.layers):
            source = project.resolve(entry)
            if source.exists() or source in asked:
                continue
            asked.add(source)
            new = self.ask_locate(entry.name or source.name, source)
            if new:
                project.relocate(entry, Path(new))
                moved = True
        return moved

    def ask_locate(self, name: str, source: Path) -> str | None:
        """Replaced in tests. Returns the new path or None to keep the layer as missing."""
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Data file not found"),
                          tr("The data of layer \"{name}\" was not found:").format(name=name) + f"\n{source}",
                          parent=self.window)
        locate = box.addButton(tr("Locate…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(tr("Skip (keep the layer as missing)"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is not locate:
            return None
        ext = source.suffix or ".*"
        path, _ = QFileDialog.getOpenFileName(self.window, tr("Locate {name}").format(name=source.name),
                                              str(source.parent), f"{source.name} (*{ext});;* (*)")
        return path or None

    def _on_failed(self, exc):
        self._close_progress()
        QMessageBox.critical(self.window, tr("Open project"), exc.user_message() if isinstance(exc, DataError)
                             else tr("Opening failed: {error}").format(error=exc))

    def _apply(self, project: Project, opened, origin=(False, None), relocated: bool = False) -> None:
        recovering, recovered_from = origin
        self._close_progress()
        w = self.window
        self._reset()
        populate_tree(w.tree, project, opened)
        self.title, self.layouts = project.title, list(project.layouts)
        if recovering:
            self.path = Path(recovered_from) if recovered_from else None
        else:
            self.path = project.path
        w.bookmarks.replace_all(project.bookmarks)
        try:
            w.map_view.set_crs(project.crs, keep_view=False)
        except Exception:  # noqa: BLE001 — an unreadable CRS string: fall back to the layers' own
            w.map_view.crs = None
            w.map_view.sync_layers()
        if project.extent:
            w.canvas.set_extent(project.extent)
        if relocated or recovering or project.path is None:
            self.mark_dirty()
        else:
            self.mark_clean()
        if self.path is not None and not recovering:
            app_settings.add_recent_project(self.path)
            w.refresh_recent_menu()
        errors = [err for _e, layer, err in opened if layer is None and err]
        if errors or project.notes:
            self._show_open_problems(errors, project.notes)
        self.projectChanged.emit()
        self.projectLoaded.emit()

    def _show_open_problems(self, errors: list[str], notes: list[str]) -> QMessageBox:
        """One message after opening: layers that could not be opened, entries set aside."""
        parts = []
        if errors:
            parts.append(tr("{n} layer(s) could not be opened; they are kept in the layer list "
                            "(shown in red) so you can locate them later.").format(n=len(errors)))
        if notes:
            parts.append(tr("{n} entries of the project file did not fit and were set aside; "
                            "the rest of the project was opened. Saving the project writes it "
                            "without them.").format(n=len(notes)))
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Open project"), "\n\n".join(parts), parent=self.window)
        box.setDetailedText("\n".join([*errors, *notes]))
        box.show()
        return box

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self.save_to(self.path)

    def save_as(self) -> bool:
        start = str(self.path) if self.path else tr("Untitled project") + ".ecomap"
        path, _ = QFileDialog.getSaveFileName(self.window, tr("Save project as"), start, project_filter())
        if not path:
            return False
        if not path.lower().endswith(".ecomap"):
            path += ".ecomap"
        return self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        try:
            saved = save_project(self.current_project(), path)
        except (OSError, DataError) as exc:
            message = exc.user_message() if isinstance(exc, DataError) else f"{path}: {exc.strerror or exc}"
            QMessageBox.critical(self.window, tr("Save project"), tr("The project was not saved.") + "\n" + message)
            return False
        self.path = saved
        self.mark_clean()
        self.autosaver.clear()
        app_settings.add_recent_project(saved)
        self.window.refresh_recent_menu()
        self.window.statusBar().showMessage(tr("Saved {path}").format(path=saved), 5000)
        self.projectChanged.emit()
        return True

    # ------------------------------------------------------------------ autosave and recovery

    def autosave(self) -> Path | None:
        if not self.dirty or not self.window.tree.layer_nodes():
            return None
        try:
            return self.autosaver.write(self.current_project(), str(self.path) if self.path else None)
        except OSError:
            return None  # autosave is best effort; never interrupt work over it

    def offer_recovery(self) -> bool:
        """At start-up: reopen work left by a crashed session, if the user wants it."""
        leftovers = self.autosaver.leftovers()
        if not leftovers:
            return False
        rec = leftovers[0]
        import datetime

        when = datetime.datetime.fromtimestamp(rec.saved_at).strftime("%Y-%m-%d %H:%M")
        answer = self.ask_recover(rec.original or tr("an unsaved project"), when)
        if answer:
            self.open(rec.path, ask=False, recovering=True, recovered_from=rec.original)
        for r in leftovers:  # recovered (already read) or declined: either way done with them
            r.discard()
        return answer

    def ask_recover(self, what: str, when: str) -> bool:
        answer = QMessageBox.question(
            self.window, tr("Recover unsaved work"),
            tr("EcoMap did not close normally last time. Recover the unsaved work on {what} "
               "(autosaved {when})?").format(what=what, when=when),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
        return answer == QMessageBox.StandardButton.Yes

    def shutdown(self) -> None:
        self._autosave_timer.stop()
        self.autosaver.clear()
