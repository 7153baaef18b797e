"""Shared helpers for ingest tests: fixture paths and a reader that splits documents from errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitroom.errors import InputError
from sitroom.ingest import read_inputs
from sitroom.model import Document

FIXTURES = Path(__file__).parent / "fixtures"
SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "000_7995aead2db37a49.txt"


def read_all(paths, **kwargs) -> tuple[list[Document], list[InputError]]:
    docs, errors = [], []
    for item in read_inputs([str(p) for p in paths], **kwargs):
        (docs if isinstance(item, Document) else errors).append(item)
    return docs, errors


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
