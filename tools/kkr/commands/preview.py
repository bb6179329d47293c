"""The preview server's own parts: answer only this machine, and show a record's errors."""

from __future__ import annotations

import asyncio
import html
import socket
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kkr.checks.corpus import load_corpus
from kkr.diagnostics import Diagnostic
from kkr.i18n import _

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

# How many ports after the one asked for are tried when it is taken.
PORTS_TRIED = 20


def free_port(host: str, port: int) -> int | None:
    """The first of ``port`` and the next ports that nothing listens on, else None."""
    for candidate in range(port, port + PORTS_TRIED):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            try:
                probe.bind((host, candidate))
            except OSError:
                continue
            return candidate
    return None


class LocalOnly:
    """Refuse requests for another host name (DNS rebinding) and cross-site websockets."""

    def __init__(self, app: App, port: int) -> None:
        self.app = app
        self.hosts = {f"127.0.0.1:{port}", f"localhost:{port}"}
        self.origins = {f"http://{host}" for host in self.hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        allowed = headers.get("host", "").lower() in self.hosts
        if scope["type"] == "websocket":
            # A browser always sends Origin on a websocket; only the preview's own pages may
            # open the reload socket.
            if allowed and headers.get("origin", "").lower() in self.origins:
                await self.app(scope, receive, send)
            else:
                await send({"type": "websocket.close", "code": 1008})
            return
        if allowed:
            await self.app(scope, receive, send)
            return
        body = b"kkr serve answers only http://127.0.0.1 and http://localhost\n"
        await send(
            {
                "type": "http.response.start",
                "status": 421,
                "headers": [
                    (b"content-type", b"text/plain; charset=utf-8"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


@dataclass
class Problems:
    """The records' errors, loaded again only when a record file changed."""

    records: Path
    _key: tuple[tuple[str, int, int], ...] = ()
    _errors: list[Diagnostic] = field(default_factory=list)

    def errors(self) -> list[Diagnostic]:
        """Every error in the records now."""
        files = sorted(p for p in self.records.rglob("*") if p.is_file())
        key = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)
        if key != self._key:
            corpus = load_corpus(self.records)
            self._errors = [d for d in corpus.diagnostics if d.severity == "error"]
            self._key = key
        return self._errors


class ErrorPages:
    """Serve a Danish page with the located errors where a record's page is missing or stale.

    A page is the record's when its file name is the record's id (``2024-09-10.html`` for
    ``meetings/2024-09-10.yaml``). A record with an error has no page (or an old one); a page
    that does not exist while records have errors shows them all.
    """

    def __init__(self, app: App, problems: Problems) -> None:
        self.app = app
        self.problems = problems
        self.lock = asyncio.Lock()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or not (path.endswith((".html", "/"))):
            await self.app(scope, receive, send)
            return
        async with self.lock:
            errors = await asyncio.to_thread(self.problems.errors)
        stem = Path(path).stem
        own = [d for d in errors if Path(d.file).stem == stem]
        if own:
            await _page(send, own)
            return
        started: Message = {}

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                started.update(message)
                if message["status"] != 404 or not errors:
                    await send(message)
            elif started.get("status") != 404 or not errors:
                await send(message)

        await self.app(scope, receive, capture)
        if started.get("status") == 404 and errors:
            await _page(send, errors)


async def _page(send: Send, errors: list[Diagnostic]) -> None:
    title = _("This page cannot be shown: a record has errors")
    items = "".join(f"<li><code>{html.escape(d.text())}</code></li>\n" for d in errors)
    advice = _("Correct the record and save it: the page is built again and reloads by itself.")
    body = (
        '<!DOCTYPE html>\n<html lang="da">\n<head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title></head>\n<body>\n"
        f"<main><h1>{html.escape(title)}</h1>\n<p>{html.escape(advice)}</p>\n"
        f"<ul>\n{items}</ul></main>\n</body>\n</html>\n"
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [
                (b"content-type", b"text/html; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                (b"cache-control", b"no-store"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def preview_app(out: Path, port: int, records: Path, watcher: Any = None) -> App:
    """The preview: the built site, the reload socket and the guards around them."""
    from sphinx_autobuild.middleware import (  # type: ignore[import-untyped]
        JavascriptInjectorMiddleware,
    )
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.routing import BaseRoute, Mount, WebSocketRoute
    from starlette.staticfiles import StaticFiles

    routes: list[BaseRoute] = [Mount("/", app=StaticFiles(directory=out, html=True))]
    if watcher is not None:
        routes.insert(0, WebSocketRoute("/websocket-reload", watcher, name="reload"))
    return Starlette(
        routes=routes,
        # The first is outermost: a stranger's request never reaches the others.
        middleware=[
            Middleware(LocalOnly, port=port),
            Middleware(JavascriptInjectorMiddleware, ws_url=f"127.0.0.1:{port}"),
            Middleware(ErrorPages, problems=Problems(records)),
        ],
        lifespan=watcher.lifespan if watcher is not None else None,
    )
