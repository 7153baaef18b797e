"""Read files, folders and stdin into Documents, turning every bad input into an InputError.

`read_inputs` never raises on bad input: each unreadable file (or JSONL line) is yielded as an
InputError naming it, and reading goes on with the rest.  Only unusable *options* (an unknown
format or country, a bad max_document_bytes setting) raise ConfigError, at call time.

Size limit: a text, HTML or .json file larger than max_document_bytes is rejected from its
size on disk, without reading it.  A JSONL file is a stream of documents, so the limit applies
to each line instead and the file is read line by line.
"""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from sitroom import settings
from sitroom.errors import ConfigError, InputError
from sitroom.ingest.clean import BULLET, clean_text
from sitroom.ingest.country import country_code
from sitroom.ingest.dates import published_from_footer, published_from_header
from sitroom.ingest.decode import declared_charset, decode_bytes
from sitroom.ingest.html import html_to_document
from sitroom.ingest.records import Line, RecordDefaults, json_documents, jsonl_documents
from sitroom.model import Document

FORMATS = ("text", "html", "jsonl", "json")
_ALIASES = {"txt": "text", "md": "text", "markdown": "text", "htm": "html", "xhtml": "html", "ndjson": "jsonl"}
EXTENSIONS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
}
STDIN = "-"
_TITLE_MAX = 200
_CHUNK = 1 << 16


@dataclass(frozen=True, slots=True)
class ReadOptions:
    input_format: str | None
    defaults: RecordDefaults
    max_bytes: int


def normalise_format(value: str | None) -> str | None:
    """A format name or alias as one of FORMATS (None stays None); ConfigError if unknown."""
    if value is None:
        return None
    name = value.strip().lower().lstrip(".")
    name = _ALIASES.get(name, name)
    if name not in FORMATS:
        raise ConfigError(f"unknown input format {value!r}; expected one of {', '.join(FORMATS)}")
    return name


def format_for(path: str) -> str | None:
    """The input format a file name implies, or None for an extension we do not pick up."""
    return EXTENSIONS.get(Path(path).suffix.lower())


def _max_bytes() -> int:
    raw = settings.get("max_document_bytes")
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"max_document_bytes must be a whole number of bytes, not {raw!r}") from None
    if value <= 0:
        raise ConfigError(f"max_document_bytes must be positive, not {value}")
    return value


def read_inputs(
    paths: Iterable[str],
    input_format: str | None = None,
    published: date | None = None,
    country: str | None = None,
) -> Iterator[Document | InputError]:
    """Documents from files, folders (recursively, sorted) and '-' (stdin), with an InputError per bad input.

    `input_format` overrides the file extension (default text).  `published` and `country`
    override what the inputs say.  Options are checked now; inputs are read lazily.
    """
    code = None
    if country:
        code = country_code(country)
        if code is None:
            raise ConfigError(f"unknown country {country!r}; give an ISO 3166-1 code or an English name")
    options = ReadOptions(normalise_format(input_format), RecordDefaults(published, code), _max_bytes())
    if isinstance(paths, str | os.PathLike):
        paths = [os.fspath(paths)]
    return _read_all([os.fspath(p) for p in paths], options)


def _read_all(paths: list[str], options: ReadOptions) -> Iterator[Document | InputError]:
    for path in paths:
        if path == STDIN:
            yield from _read_stdin(options)
        elif os.path.isdir(path):
            for file in _walk(path):
                if isinstance(file, InputError):
                    yield file
                else:
                    yield from _read_file(file, options.input_format or format_for(file) or "text", options)
        elif os.path.lexists(path):
            yield from _read_file(path, options.input_format or format_for(path) or "text", options)
        else:
            yield InputError(path, "no such file or directory")


def _walk(folder: str) -> Iterator[str | InputError]:
    """Files under `folder` with an extension we read, depth first in name order; hidden entries skipped."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield InputError(folder, f"cannot list folder: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = os.path.join(folder, entry.name)
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(path)
        elif format_for(entry.name) is not None:
            yield path


def _read_file(path: str, fmt: str, options: ReadOptions) -> Iterator[Document | InputError]:
    try:
        if fmt == "jsonl":
            with open(path, "rb") as stream:
                yield from jsonl_documents(_lines(stream, options.max_bytes), path, options.defaults,
                                           options.max_bytes)
            return
        if os.path.isdir(path):
            yield InputError(path, "is a folder")
            return
        size = os.stat(path).st_size
        if size > options.max_bytes:
            yield InputError(path, f"larger than max_document_bytes ({size} > {options.max_bytes} bytes)")
            return
        with open(path, "rb") as stream:
            data = stream.read(options.max_bytes + 1)
    except OSError as exc:
        yield InputError(path, f"cannot read: {exc.strerror or exc}")
        return
    if len(data) > options.max_bytes:
        yield InputError(path, f"larger than max_document_bytes ({options.max_bytes} bytes)")
        return
    yield from _from_bytes(data, path, fmt, options)


def _lines(stream: BinaryIO, max_bytes: int, first: bytes | None = None) -> Iterator[Line]:
    """Lines of a binary stream, each read with a size bound; an over-long line is skipped, not read whole."""
    number = 0
    pending = first
    while True:
        if pending is not None:
            data, pending = pending, None
        else:
            data = stream.readline(max_bytes + 1)
        if not data:
            return
        number += 1
        if len(data) > max_bytes and not data.endswith(b"\n"):
            while (rest := stream.readline(_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield Line(number, None)
        else:
            yield Line(number, data)


def _from_bytes(data: bytes, source: str, fmt: str, options: ReadOptions) -> Iterator[Document | InputError]:
    if not data.strip():
        yield InputError(source, "empty file")
        return
    if fmt == "jsonl":
        yield from jsonl_documents(_lines(io.BytesIO(data), options.max_bytes), source, options.defaults,
                                   options.max_bytes)
        return
    try:
        text = decode_bytes(data, source, declared_charset(data) if fmt == "html" else None)
        if not text.strip():
            raise InputError(source, "empty file (only whitespace)")
        if fmt == "json":
            yield from json_documents(text, source, options.defaults)
        elif fmt == "html":
            yield html_to_document(text, source, options.defaults.published, options.defaults.country)
        else:
            yield text_to_document(text, source, options.defaults.published, options.defaults.country)
    except InputError as exc:
        yield exc


def text_to_document(
    text: str, source: str | None = None, published: date | None = None, country: str | None = None
) -> Document:
    """A cleaned Document from a plain-text report; InputError if nothing but page chrome is left."""
    cleaned = clean_text(text).text
    if not cleaned:
        raise InputError(source or "<text>", "no text left after removing page chrome")
    return Document(
        text=cleaned,
        source=source,
        published=published or published_from_header(cleaned) or published_from_header(text)
        or published_from_footer(cleaned),
        title=guess_title(cleaned),
        country_hint=country,
        input_format="text",
    )


def guess_title(text: str) -> str | None:
    """The first line when it reads as a headline: short, not a bullet, no closing full stop, more text after."""
    first, _, rest = text.partition("\n")
    if not rest.strip() or len(first) > _TITLE_MAX or first.startswith(BULLET) or first.endswith((".", ":", ",")):
        return None
    return first


def _sniff(first_line: bytes) -> str:
    head = first_line.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")):
        return "html"
    if head.startswith(b"{"):
        try:
            if isinstance(json.loads(first_line.decode("utf-8-sig")), dict):
                return "jsonl"
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
            pass
    return "text"


def _read_stdin(options: ReadOptions) -> Iterator[Document | InputError]:
    """Standard input: the given format, else sniffed from the first line (HTML, JSONL or text)."""
    if sys.stdin is None:
        yield InputError(STDIN, "no standard input")
        return
    try:
        stream: BinaryIO = getattr(sys.stdin, "buffer", None) or io.BytesIO(sys.stdin.read().encode("utf-8"))
        first = stream.readline(options.max_bytes + 1)
        fmt = options.input_format or _sniff(first)
        if fmt == "jsonl":
            yield from jsonl_documents(_lines(stream, options.max_bytes, first or None), STDIN,
                                       options.defaults, options.max_bytes)
            return
        data = first + stream.read(options.max_bytes + 1 - len(first))
    except OSError as exc:
        yield InputError(STDIN, f"cannot read: {exc.strerror or exc}")
        return
    if len(data) > options.max_bytes:
        yield InputError(STDIN, f"larger than max_document_bytes ({options.max_bytes} bytes)")
        return
    yield from _from_bytes(data, STDIN, fmt, options)
