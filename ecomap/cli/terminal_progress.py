"""Progress of a long command on stderr: the CLI's one Feedback."""

from __future__ import annotations

import sys

from ecomap.core.feedback import UNKNOWN, Feedback


class TerminalProgress(Feedback):
    """Shows the percentage and the step of an export on stderr, when stderr is a terminal."""

    def __init__(self):
        super().__init__(on_progress=self._show if sys.stderr.isatty() else None)
        self._line = ""

    def _show(self, fraction: float, text: str) -> None:
        line = text[:70] if fraction == UNKNOWN else f"{int(fraction * 100):3d}% {text[:70]}"
        if line != self._line:
            sys.stderr.write("\r" + line.ljust(len(self._line)))
            sys.stderr.flush()
            self._line = line

    def close(self) -> None:
        """Clear the progress line (before the result is printed)."""
        if self._line:
            sys.stderr.write("\r" + " " * len(self._line) + "\r")
            sys.stderr.flush()
            self._line = ""
