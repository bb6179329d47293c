"""Makes Pagefind's filter files byte-identical from build to build.

Pagefind 1.5 writes each filter's values, and the list of filters in its metadata file, in
hash-map order, which changes from run to run; everything else it writes is stable. The
files are gzip'd CBOR behind a "pagefind_dcd" signature, built from unsigned integers,
text strings and arrays only. This module sorts those two lists, and renames the files
after their new content, so that two builds of the same records are byte-identical.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"
_UINT, _TEXT, _ARRAY = 0, 3, 4


class BundleError(ValueError):
    """The bundle is not in the layout this module knows."""


def _head(data: bytes, at: int) -> tuple[int, int, int]:
    major, info = data[at] >> 5, data[at] & 0x1F
    if info < 24:
        return major, info, at + 1
    width = {24: 1, 25: 2, 26: 4, 27: 8}.get(info)
    if width is None:
        raise BundleError(f"unsupported CBOR length code {info}")
    return major, int.from_bytes(data[at + 1 : at + 1 + width], "big"), at + 1 + width


def decode(data: bytes, at: int = 0) -> tuple[Any, int]:
    """One CBOR value (unsigned int, text or array) at ``at``; returns it and the next offset."""
    major, value, at = _head(data, at)
    if major == _UINT:
        return value, at
    if major == _TEXT:
        return data[at : at + value].decode("utf-8"), at + value
    if major == _ARRAY:
        items = []
        for _ in range(value):
            item, at = decode(data, at)
            items.append(item)
        return items, at
    raise BundleError(f"unsupported CBOR major type {major}")


def _encode_head(major: int, value: int) -> bytes:
    if value < 24:
        return bytes([major << 5 | value])
    for code, width in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if value < 1 << (8 * width):
            return bytes([major << 5 | code]) + value.to_bytes(width, "big")
    raise BundleError("integer too large")


def encode(value: Any) -> bytes:
    """The CBOR bytes of an unsigned int, text or (nested) list, in Pagefind's encoding."""
    if isinstance(value, bool) or not isinstance(value, int | str | list):
        raise BundleError(f"cannot encode {type(value).__name__}")
    if isinstance(value, int):
        return _encode_head(_UINT, value)
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _encode_head(_TEXT, len(raw)) + raw
    return _encode_head(_ARRAY, len(value)) + b"".join(encode(item) for item in value)


def read(path: Path) -> Any:
    """The decoded content of a Pagefind file."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise BundleError(f"{path.name} lacks the Pagefind signature")
    value, end = decode(data, len(SIGNATURE))
    if end != len(data):
        raise BundleError(f"{path.name} has trailing bytes")
    return value


def write(path: Path, value: Any) -> bytes:
    """Write ``value`` as a Pagefind file (gzip without a timestamp); return its plain bytes."""
    plain = SIGNATURE + encode(value)
    path.write_bytes(gzip.compress(plain, compresslevel=9, mtime=0))
    return plain


def _digest(plain: bytes, length: int) -> str:
    return hashlib.sha256(plain).hexdigest()[:length]


def stabilise(bundle: Path) -> None:
    """Sort the filter values and the filter list of every language; rename what changed."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        meta_path = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = read(meta_path)
        filters = meta[3]
        renamed: list[list[str]] = []
        for name, old in filters:
            values = read(bundle / "filter" / f"{old}.pf_filter")
            values[1] = sorted(values[1], key=lambda pair: pair[0])
            prefix, _, tail = old.partition("_")
            new = f"{prefix}_{_digest(SIGNATURE + encode(values), len(tail))}"
            (bundle / "filter" / f"{old}.pf_filter").unlink()
            write(bundle / "filter" / f"{new}.pf_filter", values)
            renamed.append([name, new])
        meta[3] = sorted(renamed, key=lambda pair: pair[0])
        meta_path.unlink()
        prefix, _, tail = language["hash"].partition("_")
        language["hash"] = f"{prefix}_{_digest(SIGNATURE + encode(meta), len(tail))}"
        write(bundle / f"pagefind.{language['hash']}.pf_meta", meta)
    entry_path.write_text(
        json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
