"""User-facing errors: a file and what is wrong with it, in the user's language.

Everything below the GUI and the CLI raises :class:`DataError` for input it cannot
use; the GUI shows the message in a dialog, the CLI prints it as one ``error:`` line.
Programming errors stay ordinary exceptions.
"""

from __future__ import annotations

from pathlib import Path


class DataError(Exception):
    """A problem with the user's data, with a message fit to show them."""

    def __init__(self, path: str | Path | None, message: str):
        self.path = None if path is None else str(path)
        self.message = message
        super().__init__(self.user_message())

    def user_message(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message
