"""`kkr serve`: a port in use before building, only this machine, and a record's errors shown."""

from __future__ import annotations

import asyncio
import shutil
import socket
from pathlib import Path
from typing import Any

import pytest
from kkr.cli import main
from kkr.commands import serve
from kkr.commands.preview import LocalOnly, free_port, preview_app

ROOTS = Path(__file__).parent / "roots"


def _call(app: Any, scope: dict[str, Any]) -> tuple[int | None, bytes, list[dict[str, Any]]]:
    """Send one request through an ASGI app; return the status, body and every message."""
    sent: list[dict[str, Any]] = []
    received: list[int] = []

    async def receive() -> dict[str, Any]:
        if received:  # the client stays connected until the response is sent
            await asyncio.sleep(60)
            return {"type": "http.disconnect"}
        received.append(1)
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    status = next((m["status"] for m in sent if m["type"] == "http.response.start"), None)
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return status, body, sent


def _http(path: str, host: str) -> dict[str, Any]:
    return {
        "type": "http",
        "method": "GET",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "scheme": "http",
        "server": ("127.0.0.1", 8000),
        "headers": [(b"host", host.encode())],
    }


async def _ok(scope: Any, receive: Any, send: Any) -> None:
    if scope["type"] == "websocket":
        await send({"type": "websocket.accept"})
        return
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"preview"})


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:8000", "LOCALHOST:8000"])
def test_this_machine_is_answered(host: str) -> None:
    assert _call(LocalOnly(_ok, 8000), _http("/", host))[:2] == (200, b"preview")


@pytest.mark.parametrize(
    "host", ["rebind.attacker.example", "rebind.attacker.example:8000", "127.0.0.1:8001", ""]
)
def test_another_host_name_is_refused(host: str) -> None:
    status, body, _ = _call(LocalOnly(_ok, 8000), _http("/", host))
    assert status == 421 and b"preview" not in body


@pytest.mark.parametrize(
    ("origin", "accepted"),
    [
        ("http://127.0.0.1:8000", True),
        ("http://localhost:8000", True),
        ("https://attacker.example", False),
        ("http://127.0.0.1:8000.attacker.example", False),
        (None, False),
    ],
)
def test_the_reload_socket_takes_only_the_previews_own_pages(
    origin: str | None, *, accepted: bool
) -> None:
    scope = {**_http("/websocket-reload", "127.0.0.1:8000"), "type": "websocket"}
    if origin is not None:
        scope["headers"] = [*scope["headers"], (b"origin", origin.encode())]
    _, _, sent = _call(LocalOnly(_ok, 8000), scope)
    assert [m["type"] for m in sent] == (["websocket.accept"] if accepted else ["websocket.close"])


def test_a_port_in_use_is_found_before_building(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "conf.py").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    built: list[int] = []
    monkeypatch.setattr(serve, "serve", built.append)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 0
    free = built[0]
    assert free != port and free == free_port("127.0.0.1", port + 1)
    assert f"port {port} er optaget; bruger {free}" in capsys.readouterr().out


@pytest.fixture
def preview(tmp_path: Path) -> tuple[Path, Path]:
    """The test site's records and a built page for one meeting (the page is the last build's)."""
    records = tmp_path / "records"
    shutil.copytree(ROOTS / "test-site" / "records", records)
    out = tmp_path / "html"
    (out / "arkiv" / "moeder").mkdir(parents=True)
    meeting = sorted((records / "meetings").glob("*.yaml"))[0]
    (out / "arkiv" / "moeder" / f"{meeting.stem}.html").write_text("old page", encoding="utf-8")
    return records, meeting


def test_a_record_with_an_error_shows_its_located_errors_until_it_is_fixed(
    preview: tuple[Path, Path],
) -> None:
    records, meeting = preview
    out = records.parent / "html"
    app = preview_app(out, 8000, records)
    page = _http(f"/arkiv/moeder/{meeting.stem}.html", "127.0.0.1:8000")
    assert _call(app, page)[0] == 200
    assert _call(app, page)[1].startswith(b"old page\n<script>")  # reloads on the next build

    text = meeting.read_text(encoding="utf-8")
    meeting.write_text(text.replace("\nstatus:", "\nstatus: bogus\nstatuss:", 1), encoding="utf-8")
    status, body, sent = _call(app, page)
    shown = body.decode()
    assert status == 200 and "Siden kan ikke vises: en post har fejl" in shown
    assert f"{meeting.stem}.yaml:" in shown and "error[unknown-field]" in shown
    assert "old page" not in shown and 'new WebSocket("ws://127.0.0.1:8000/' in shown
    start = next(m for m in sent if m["type"] == "http.response.start")
    assert (b"content-type", b"text/html; charset=utf-8") in start["headers"]
    # A page the build left out for the error shows the errors too, instead of a 404.
    missing = _call(app, _http("/arkiv/moeder/not-built.html", "127.0.0.1:8000"))
    assert missing[0] == 200 and b"error[unknown-field]" in missing[1]

    meeting.write_text(text, encoding="utf-8")
    assert _call(app, page)[1].startswith(b"old page\n<script>")
    assert _call(app, _http("/arkiv/moeder/not-built.html", "127.0.0.1:8000"))[0] == 404
