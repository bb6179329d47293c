"""``kkr serve``: a live preview that rebuilds the site and reloads the browser on save."""

from __future__ import annotations

import argparse
import contextlib
from pathlib import Path

from kkr.commands.options import usage_error
from kkr.commands.preview import PORTS_TRIED, free_port, preview_app
from kkr.i18n import _

# Only this machine: a preview shows records before they are published.
HOST = "127.0.0.1"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``serve`` command."""
    parser = subparsers.add_parser(
        "serve",
        help=_("preview the site at http://127.0.0.1:8000, rebuilt and reloaded on every save"),
        description=_(
            "Build the site into _build/preview and serve it with sphinx-autobuild: "
            "saving a record, page or the code rebuilds what changed and reloads the browser. "
            "A record with errors shows them, located, in place of its page. When the port is "
            "in use, the next free one is used and printed. Only this machine can connect "
            "(http://127.0.0.1 or http://localhost). Stop it with Ctrl+C."
        ),
    )
    parser.add_argument(
        "--port", type=int, default=8000, help=_("default: {value}").format(value=8000)
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Build, then serve and rebuild on save until interrupted."""
    if not Path("conf.py").is_file():
        return usage_error(
            _(
                "kkr serve builds the site in the current folder, which has no conf.py; "
                "run it in the repository's folder, e.g. cd kkr-syddanmark && kkr serve"
            )
        )
    # Before the first build (a minute on the real records), not after it.
    port = free_port(HOST, args.port)
    if port is None:
        return usage_error(
            _("ports {first} to {last} are all in use; choose another, e.g. --port 8100").format(
                first=args.port, last=args.port + PORTS_TRIED - 1
            )
        )
    if port != args.port:
        print(_("port {port} is in use; using {free}").format(port=args.port, free=port))
    serve(port)
    return 0


def serve(port: int) -> None:
    """Run sphinx-autobuild's builder and watcher behind the preview's own guards."""
    import uvicorn
    from sphinx_autobuild.build import Builder  # type: ignore[import-untyped]
    from sphinx_autobuild.filter import IgnoreFilter  # type: ignore[import-untyped]
    from sphinx_autobuild.server import RebuildServer  # type: ignore[import-untyped]

    out = Path("_build/preview/html")
    out.mkdir(parents=True, exist_ok=True)
    url_host = f"{HOST}:{port}"
    builder = Builder(
        [".", str(out), "-d", "_build/preview/doctrees", "-n", "-q"],
        url_host=url_host,
        pre_build_commands=[],
        post_build_commands=[],
    )
    # The build output and tool caches change on every build: watching them would rebuild forever.
    ignore = IgnoreFilter(
        [".git", ".venv", "node_modules", "_build"],
        [r"(^|/)(_build|\.venv|\.git|\.[a-z_]+_cache|__pycache__|node_modules)(/|$)"],
    )
    watcher = RebuildServer([Path()], ignore, change_callback=builder)
    app = preview_app(out, port, Path("records"), watcher)
    builder(changed_paths=())
    print(_("Serving on http://{host}/ (stop with Ctrl+C)").format(host=url_host), flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        uvicorn.run(app, host=HOST, port=port, log_level="warning")
