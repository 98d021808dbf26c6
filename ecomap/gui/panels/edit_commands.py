"""The Qt side of safe editing: a signal per committed edit, undo-stack commands, the conflict question.

* :class:`EditNotifier` turns the :class:`~ecomap.services.editing.EditSession`'s
  callbacks into a ``featuresChanged(EditEvent)`` signal (views listen, models announce).
* :class:`EditUndoCommand` wraps an applied :class:`~ecomap.services.editing.FeatureEdit`
  for the main window's QUndoStack; its undo/redo are themselves checked, audited
  transactions. When the file changed meanwhile, the user is asked (:func:`ask_conflict`):
  overwrite with mine, take theirs, or cancel — an undo or redo that is not carried out
  leaves the stack (``setObsolete``), so the stack never claims a state the file lacks.
* When another program holds the GeoPackage locked, the user is asked to retry or
  cancel (:func:`ask_retry`); an edit is pushed only once it is written, so a
  cancelled one never reaches the undo stack.
* :func:`run_edit` validates and applies a change, asks on conflict, and pushes it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QMessageBox, QWidget

from ecomap.core.editing import EditEvent
from ecomap.errors import DataError
from ecomap.i18n import tr
from ecomap.services.editing import Conflict, DatabaseLocked, EditSession, EditTarget, FeatureEdit

OVERWRITE, THEIRS, CANCEL = "overwrite", "theirs", "cancel"
Resolver = Callable[[Conflict], str]
#: asked when another program holds the file locked: True to try again
Retry = Callable[[DatabaseLocked], bool]


class EditNotifier(QObject):
    """Re-emits the session's committed edits as a Qt signal (on the GUI thread)."""

    featuresChanged = Signal(object)  # EditEvent

    def __init__(self, session: EditSession, parent=None):
        super().__init__(parent)
        self.session = session
        session.listeners.append(self._on_event)

    def _on_event(self, event: EditEvent) -> None:
        self.featuresChanged.emit(event)

    def detach(self) -> None:
        if self._on_event in self.session.listeners:
            self.session.listeners.remove(self._on_event)


def _show(value) -> str:
    return tr("(empty)") if value is None or value == "" else str(value)


def ask_conflict(conflict: Conflict, parent: QWidget | None = None) -> str:
    """Ask what to do about a concurrent change: OVERWRITE, THEIRS or CANCEL."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("Someone else changed this feature"))
    box.setText(conflict.message())
    policy = conflict.target.policy
    lines = []
    for f in conflict.mine:
        name = policy.label(f) if policy is not None else f
        theirs = tr("(deleted)") if conflict.deleted else _show(conflict.theirs.get(f))
        lines.append(tr("{field}: you had {base}, you want {mine}, the file now has {theirs}").format(
            field=name, base=_show(conflict.base.get(f)), mine=_show(conflict.mine[f]), theirs=theirs))
    box.setInformativeText("\n".join(lines))
    overwrite = box.addButton(tr("Overwrite with mine"), QMessageBox.ButtonRole.AcceptRole)
    theirs = box.addButton(tr("Take theirs"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    if conflict.deleted:
        overwrite.setEnabled(False)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return OVERWRITE if clicked is overwrite else THEIRS if clicked is theirs else CANCEL


def retry_box(locked: DatabaseLocked, parent: QWidget | None = None) -> QMessageBox:
    """The question :func:`ask_retry` asks: the lock message, 重试 (default) or 取消."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("The GeoPackage is locked"))
    box.setText(locked.message)
    box.setInformativeText(tr("Retry once the other program has finished writing, or cancel: the change is "
                              "then not saved."))
    box.setStandardButtons(QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Retry)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    return box


def ask_retry(locked: DatabaseLocked, parent: QWidget | None = None) -> bool:
    """Ask whether to try a locked write again; True for 重试."""
    return retry_box(locked, parent).exec() == QMessageBox.StandardButton.Retry


def _retrying(action, retry: Retry):
    """``action`` run again for as long as it meets another program's lock and ``retry`` says so;
    the last :class:`DatabaseLocked` is raised when it does not."""
    def run(**kwargs):
        while True:
            try:
                return action(**kwargs)
            except DatabaseLocked as locked:
                if not retry(locked):
                    raise
    return run


def _resolve(session: EditSession, action, conflict: Conflict, resolver: Resolver) -> bool:
    """Carry out the user's choice; True when ``action`` finally ran."""
    choice = resolver(conflict)
    if choice == OVERWRITE and not conflict.deleted:
        action(force=True)
        return True
    if choice == THEIRS:
        session.reload(conflict.target, [conflict.fid])
    return False


class EditUndoCommand(QUndoCommand):
    """An already applied FeatureEdit on the undo stack (the first redo() is a no-op)."""

    def __init__(self, edit: FeatureEdit, resolver: Resolver, on_error: Callable[[Exception], None] | None = None,
                 retry: Retry | None = None):
        super().__init__(edit.text())
        self.edit = edit
        self.resolver = resolver
        self.on_error = on_error
        self.retry = retry or (lambda locked: False)
        self._pushed = False

    def redo(self):
        if not self._pushed:
            self._pushed = True
            return
        self._run(_retrying(self.edit.redo, self.retry))

    def undo(self):
        self._run(_retrying(self.edit.undo, self.retry))

    def _run(self, action) -> None:
        try:
            action()
        except Conflict as conflict:
            try:
                done = _resolve(self.edit.session, action, conflict, self.resolver)
            except DatabaseLocked:
                done = False
            except (Conflict, DataError) as exc:  # changed again while the user decided
                done = False
                self._report(exc)
            if not done:
                self.setObsolete(True)
        except DatabaseLocked:  # the user chose not to retry: they know
            self.setObsolete(True)
        except DataError as exc:
            self._report(exc)
            self.setObsolete(True)

    def _report(self, exc: Exception) -> None:
        if self.on_error is not None:
            self.on_error(exc)


def run_edit(session: EditSession, target: EditTarget, row: int, changes: dict, *, undo_stack=None,
             resolver: Resolver | None = None, note: str = "", revert: bool = False,
             parent: QWidget | None = None, on_error=None, retry: Retry | None = None) -> FeatureEdit | None:
    """Validate, apply and push one edit. Raises EditRejected (the caller shows the
    messages) and DatabaseLocked when the file stayed locked and ``retry`` (default: ask)
    said no; returns None when a conflict ended in "take theirs" or "cancel". Only a
    written edit is pushed."""
    resolver = resolver or (lambda c: ask_conflict(c, parent))
    retry = retry or (lambda locked: ask_retry(locked, parent))
    edit = FeatureEdit(session, target, row, changes, note=note, revert=revert)
    edit.validate()
    apply = _retrying(edit.apply, retry)
    try:
        apply()
    except Conflict as conflict:
        if not _resolve(session, apply, conflict, resolver):
            return None
    if undo_stack is not None:
        undo_stack.push(EditUndoCommand(edit, resolver, on_error, retry))
    return edit
