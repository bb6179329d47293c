"""The five original source documents, as the repository keeps them in records/documents.

Tests pin the facts of these five documents only: a new meeting's documents sit beside them
and must never make a test fail.
"""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCES = REPO / "records" / "documents"

# The three agendas and minutes, oldest first (the folder and the work plan are not meetings).
MEETING_DOCUMENTS = (
    "kkr-syddanmark-2020-11-11-dagsorden.md",
    "kkr-syddanmark-2021-06-09-dagsorden.txt",
    "kkr-syddanmark-2023-11-21-referat.txt",
)
FOLDER = "kkr-syddanmark-folder-2022.txt"
WORKPLAN = "kkr-syddanmark-politisk-arbejdsgrundlag-2022-2026.txt"
ORIGINAL = frozenset({*MEETING_DOCUMENTS, FOLDER, WORKPLAN})
