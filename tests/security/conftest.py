"""A web server on 127.0.0.1 that counts what it is asked for: EcoMap must never ask it anything.

Some tests here render a map, which draws text: pytest-qt's QApplication is made first, as
in tests/cli, so that the renderer's headless fallback never makes a bare QGuiApplication
that would stop the GUI tests later in the same session from creating theirs."""

from __future__ import annotations

import http.server
import threading
import urllib.request

import pytest


class _Counting(http.server.BaseHTTPRequestHandler):
    timeout = 2  # a client that connects and sends nothing does not hold the thread

    def _answer(self) -> None:
        self.server.requests.append(f"{self.command} {self.path}")
        self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_HEAD = do_POST = _answer

    def log_message(self, *_args) -> None:
        pass


class WebServer:
    def __init__(self):
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counting)
        self._server.requests = []
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()

    @property
    def requests(self) -> list[str]:
        return list(self._server.requests)

    def probe(self) -> None:
        """Ask the server once from Python, proving it answers (so that 0 requests means something)."""
        try:
            urllib.request.build_opener(urllib.request.ProxyHandler({})).open(f"{self.url}/probe", timeout=2)
        except OSError:
            pass

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


@pytest.fixture(autouse=True, scope="session")
def _one_qt_application(qapp):
    yield qapp


@pytest.fixture
def web_server():
    server = WebServer()
    yield server
    server.close()
