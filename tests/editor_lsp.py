"""Drive the YAML language server (VS Code's YAML engine) over LSP, as the editor does."""

from __future__ import annotations

import json
import queue
import re
import shutil
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

ORACLE = Path(__file__).parent / "oracle"
SERVER = ORACLE / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
# Editors wait this long for a server before they give up; a whole batch answers in seconds.
_PATIENCE = 300.0


@dataclass(frozen=True)
class Finding:
    """One diagnostic the editor shows: 1-based line and column, its last line, its message."""

    line: int
    column: int
    message: str
    severity: int
    end: int


def missing() -> str | None:
    """Say why the language server cannot run here, or return None when it can."""
    if shutil.which("node") is None:
        return "node is not installed (apt-get install nodejs)"
    if not SERVER.is_file():
        return "the language server is not installed: npm ci --prefix tests/oracle"
    # The server imports JSON with import attributes (`with {type: 'json'}`): Node 18.20+.
    version = subprocess.run(["node", "--version"], capture_output=True, text=True, check=False)
    found = tuple(int(part) for part in re.findall(r"\d+", version.stdout)[:2])
    if found < (18, 20):
        return f"yaml-language-server needs Node 18.20 or later, found {version.stdout.strip()}"
    return None


def vscode_settings(repo: Path) -> dict[str, Any]:
    """The repository's .vscode settings, nested by section as VS Code hands them to servers."""
    flat = json.loads((repo / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    nested: dict[str, Any] = {}
    for key, value in flat.items():
        if key.startswith("["):
            nested[key] = value
            continue
        node = nested
        *parents, last = key.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = value
    return nested


def _write(stream: IO[bytes], message: dict[str, Any]) -> None:
    body = json.dumps(message).encode("utf-8")
    stream.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    stream.flush()


def _read(stream: IO[bytes]) -> dict[str, Any] | None:
    length = 0
    while True:
        line = stream.readline()
        if not line:
            return None
        if line in (b"\r\n", b"\n"):
            break
        name, _, value = line.decode("ascii").partition(":")
        if name.lower() == "content-length":
            length = int(value)
    message: dict[str, Any] = json.loads(stream.read(length))
    return message


class Editor:
    """One yaml-language-server process, configured as VS Code would be in ``workspace``."""

    def __init__(self, workspace: Path, settings: dict[str, Any]) -> None:
        self.workspace = workspace
        self.settings = settings
        self.process = subprocess.Popen(
            ["node", str(SERVER), "--stdio"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            cwd=ORACLE,
        )
        self.inbox: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.reader = threading.Thread(target=self._pump, daemon=True)
        self.reader.start()
        self.next_id = 0
        self.version = 0
        self.pending: list[dict[str, Any]] = []
        root = workspace.as_uri()
        self._request(
            "initialize",
            {
                "processId": None,
                "rootUri": root,
                "workspaceFolders": [{"uri": root, "name": workspace.name}],
                "capabilities": {
                    "workspace": {"configuration": True, "workspaceFolders": True},
                    "textDocument": {"publishDiagnostics": {}},
                },
            },
        )
        self._notify("initialized", {})
        # The server pulls its settings (yaml, http, [yaml], editor) when told they changed.
        self._notify("workspace/didChangeConfiguration", {"settings": None})
        self._await(lambda m: m.get("method") == "workspace/configuration")

    def _pump(self) -> None:
        assert self.process.stdout is not None
        while (message := _read(self.process.stdout)) is not None:
            self.inbox.put(message)
        self.inbox.put(None)

    def _send(self, message: dict[str, Any]) -> None:
        assert self.process.stdin is not None
        _write(self.process.stdin, {"jsonrpc": "2.0", **message})

    def _notify(self, method: str, params: Any) -> None:
        self._send({"method": method, "params": params})

    def _request(self, method: str, params: Any) -> Any:
        self.next_id += 1
        ident = self.next_id
        self._send({"id": ident, "method": method, "params": params})
        reply = self._await(lambda m: m.get("id") == ident and "method" not in m)
        return reply.get("result")

    def _answer(self, message: dict[str, Any]) -> None:
        # Requests from the server: settings, capability registration, progress tokens.
        result: Any = None
        if message["method"] == "workspace/configuration":
            sections = {key: self.settings.get(key, {}) for key in ("yaml", "[yaml]", "editor")}
            result = [sections.get(item.get("section"), {}) for item in message["params"]["items"]]
        self._send({"id": message["id"], "result": result})

    def _await(self, wanted: Any) -> dict[str, Any]:
        while True:
            message = self.inbox.get(timeout=_PATIENCE)
            if message is None:
                raise RuntimeError("the YAML language server stopped")
            if "method" in message and "id" in message:
                self._answer(message)
            if wanted(message):
                return message
            self.pending.append(message)

    def check(self, documents: dict[Path, str]) -> dict[Path, list[Finding]]:
        """Open every document (path in the workspace, text) and return what the editor flags."""
        uris = {path.as_uri(): path for path in documents}
        # The server caches a parsed document by URI and version: a reopened path needs a new one.
        self.version += 1
        for uri, path in uris.items():
            item = {"uri": uri, "languageId": "yaml", "version": self.version}
            item["text"] = documents[path]
            self._notify("textDocument/didOpen", {"textDocument": item})
        found: dict[Path, list[Finding]] = {}
        messages, self.pending = self.pending, []

        def diagnostics(message: dict[str, Any]) -> bool:
            if message.get("method") != "textDocument/publishDiagnostics":
                return False
            uri = message["params"]["uri"]
            if uri in uris and uris[uri] not in found:
                found[uris[uri]] = [
                    Finding(
                        d["range"]["start"]["line"] + 1,
                        d["range"]["start"]["character"] + 1,
                        d["message"],
                        d.get("severity", 1),
                        d["range"]["end"]["line"] + 1,
                    )
                    for d in message["params"]["diagnostics"]
                ]
            return len(found) == len(uris)

        if not any(diagnostics(m) for m in messages):
            self._await(diagnostics)
        for uri in uris:
            self._notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        # Closing clears each document's diagnostics; wait for that, so that a later batch
        # that opens the same path does not take the cleared list for its own.
        cleared: set[str] = set()

        def closed(message: dict[str, Any]) -> bool:
            if message.get("method") == "textDocument/publishDiagnostics":
                cleared.add(message["params"]["uri"])
            return cleared >= set(uris)

        self._await(closed)
        published = "textDocument/publishDiagnostics"
        self.pending = [m for m in self.pending if m.get("method") != published]
        return found

    def hover(self, path: Path, text: str, line: int, column: int) -> str:
        """Return the hover text the editor shows at 1-based ``line`` and ``column``."""
        self.version += 1
        uri = path.as_uri()
        item = {"uri": uri, "languageId": "yaml", "version": self.version, "text": text}
        self._notify("textDocument/didOpen", {"textDocument": item})
        position = {"line": line - 1, "character": column - 1}
        result = self._request(
            "textDocument/hover", {"textDocument": {"uri": uri}, "position": position}
        )
        self._notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        published = "textDocument/publishDiagnostics"
        # Wait for the cleared diagnostics, as check() does, so that no later batch takes them.
        self._await(
            lambda m: (
                m.get("method") == published
                and m["params"]["uri"] == uri
                and not m["params"]["diagnostics"]
            )
        )
        self.pending = [m for m in self.pending if m.get("method") != published]
        contents = (result or {}).get("contents", "")
        return str(contents.get("value", "") if isinstance(contents, dict) else contents)

    def close(self) -> None:
        """Shut the server down."""
        try:
            self._request("shutdown", None)
            self._notify("exit", None)
            self.process.wait(timeout=30)
        finally:
            if self.process.poll() is None:
                self.process.kill()
