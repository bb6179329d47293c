"""A fixture for tests that read the tools' English messages (the default language is Danish)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from kkr import i18n


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Messages in English for the test, Danish again afterwards."""
    monkeypatch.setenv("KKR_LANG", "en")
    i18n.set_language("en")
    yield
    i18n.set_language("da")
