"""``kkr serve``: a live preview that rebuilds the site and reloads the browser on save."""

from __future__ import annotations

import argparse
from pathlib import Path

from kkr.commands.options import usage_error
from kkr.i18n import _


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``serve`` command."""
    parser = subparsers.add_parser(
        "serve",
        help=_("preview the site at http://127.0.0.1:8000, rebuilt and reloaded on every save"),
        description=_(
            "Build the site into _build/preview and serve it with sphinx-autobuild: "
            "saving a record, page or the code rebuilds what changed and reloads the browser. "
            "Stop it with Ctrl+C."
        ),
    )
    parser.add_argument(
        "--port", type=int, default=8000, help=_("default: {value}").format(value=8000)
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help=_("default: {value}").format(value="127.0.0.1")
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run sphinx-autobuild until interrupted."""
    if not Path("conf.py").is_file():
        return usage_error(
            _(
                "kkr serve builds the site in the current folder, which has no conf.py; "
                "run it in the repository's folder, e.g. cd kkr-syddanmark && kkr serve"
            )
        )
    from sphinx_autobuild.__main__ import main as autobuild  # type: ignore[import-untyped]

    # sphinx-autobuild watches the whole source directory, records included; the build
    # output and tool caches change on every build, so watching them would rebuild forever.
    autobuild(
        [
            ".",
            "_build/preview/html",
            "--doctree-dir",
            "_build/preview/doctrees",
            "--host",
            args.host,
            "--port",
            str(args.port),
            "--re-ignore",
            r"(^|/)(_build|\.venv|\.git|\.[a-z_]+_cache|__pycache__|node_modules)(/|$)",
            "--nitpicky",
            "--quiet",
        ]
    )
    return 0
