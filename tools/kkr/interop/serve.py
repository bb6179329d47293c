"""A static file server on 127.0.0.1 in a thread, as a plain web host serves the built site."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


class _Quiet(SimpleHTTPRequestHandler):
    """Serves files; ignores query strings (as static hosts do) and logs nothing."""

    def log_message(self, format: str, *args: Any) -> None:
        del format, args


def free_port() -> int:
    """A port of 127.0.0.1 that nothing listens on now (the site is built for its address)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def base_url(port: int) -> str:
    """The site's address when served on ``port``."""
    return f"http://127.0.0.1:{port}/"


@contextmanager
def serving(root: Path, port: int) -> Iterator[str]:
    """Serve ``root`` on ``port`` of 127.0.0.1; yield its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(_Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base_url(port)
    finally:
        server.shutdown()
        server.server_close()
