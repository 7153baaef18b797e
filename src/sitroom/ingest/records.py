"""JSON records to Documents: JSONL (one object a line) and .json (one object or a list of them).

A record is `{"id", "text", "published"?, "country"?, "url"?, "title"?, "source"?}`.  A bad
line (not JSON, not an object, no usable `text`) becomes an InputError with its line number
and reading goes on.  An unparseable `published` is not an error: the record is kept, a
warning naming the line is logged, and the date falls back to one found in the text header
(else None).  `source` in a record is the outlet; Document.source is `path:line`.

Channel exports name these fields otherwise: a Telegram export's message has `date` and `from`
(the channel), and its `text` may be a list of plain strings and entity objects (links,
hashtags, bold runs) with their own `text`; other feeds say `channel`, `created_at` or
`pubDate`.  Those names are read when the contract's own name is absent.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from sitroom.errors import InputError
from sitroom.ingest.clean import clean_text
from sitroom.ingest.country import country_code
from sitroom.ingest.dates import parse_date_value, published_from_footer, published_from_header
from sitroom.ingest.decode import decode_bytes
from sitroom.model import Document

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RecordDefaults:
    """Values given on the command line; they win over a record's own fields."""

    published: date | None = None
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a JSONL stream: its 1-based number and bytes (None when it was over the size limit)."""

    number: int
    data: bytes | None


def _optional_str(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


PUBLISHED_FIELDS = ("published", "date", "created_at", "pubDate", "datetime")
"""Where a record's publication time may be, in order: the contract's name, then exports' names."""
OUTLET_FIELDS = ("source", "channel", "from", "outlet")


def _first_present(obj: dict[str, Any], names: tuple[str, ...]) -> str | None:
    return next((n for n in names if obj.get(n) not in (None, "")), None)


def _joined_text(value: Any) -> Any:
    """A Telegram export's list of strings and entity objects ({"type": "link", "text": ...}) as one
    string; anything else as it is (the caller rejects what is not a string)."""
    if not isinstance(value, list):
        return value
    parts = [p if isinstance(p, str) else p.get("text") if isinstance(p, dict) else None for p in value]
    return "".join(p for p in parts if isinstance(p, str)) if all(isinstance(p, str) for p in parts) else value


def record_to_document(
    obj: Any, source: str, doc_source: str, line: int | None, defaults: RecordDefaults, input_format: str
) -> Document:
    """One JSON object to a Document; InputError (naming source and line) when it has no usable text."""
    if not isinstance(obj, dict):
        raise InputError(source, f"expected a JSON object, got {type(obj).__name__}", line)
    text = _joined_text(obj.get("text"))
    if text is None:
        raise InputError(source, "record has no 'text' field", line)
    if not isinstance(text, str):
        raise InputError(source, f"'text' is a {type(text).__name__}, not a string", line)
    if not text.strip():
        raise InputError(source, "'text' is empty", line)
    cleaned = clean_text(text).text
    if not cleaned:
        raise InputError(source, "no text left after removing page chrome", line)

    published = defaults.published
    date_field = _first_present(obj, PUBLISHED_FIELDS)
    if published is None and date_field is not None:
        published = parse_date_value(obj[date_field])
        if published is None:
            log.warning("%s: unparseable '%s' %r; using a date from the text header if any",
                        doc_source, date_field, obj[date_field])
    if published is None:
        published = published_from_header(cleaned) or published_from_footer(cleaned)

    country = defaults.country
    if country is None and obj.get("country") not in (None, ""):
        country = country_code(str(obj["country"]))
        if country is None:
            log.warning("%s: unknown 'country' %r; no country hint", doc_source, obj["country"])

    return Document(
        text=cleaned,
        source=doc_source,
        external_id=_optional_str(obj.get("id")),
        published=published,
        title=_optional_str(obj.get("title")),
        url=_optional_str(obj.get("url")),
        outlet=next((v for f in OUTLET_FIELDS if (v := _optional_str(obj.get(f))) is not None), None),
        country_hint=country,
        input_format=input_format,
    )


def _decode_line(data: bytes, source: str, number: int) -> str:
    if number == 1 and data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return decode_bytes(data, source)
        except InputError as exc:
            raise InputError(source, exc.reason, number) from None


def jsonl_documents(
    lines: Iterable[Line], source: str, defaults: RecordDefaults, max_bytes: int
) -> Iterator[Document | InputError]:
    """Documents (and InputErrors for bad lines) from the lines of a JSONL stream; blank lines are skipped."""
    any_content = False
    for line in lines:
        if line.data is None:
            any_content = True
            yield InputError(source, f"line longer than max_document_bytes ({max_bytes} bytes)", line.number)
            continue
        if not line.data.strip():
            continue
        any_content = True
        try:
            text = _decode_line(line.data, source, line.number)
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as exc:
                raise InputError(source, f"not JSON ({exc.msg} at column {exc.colno})", line.number) from None
            except RecursionError:
                raise InputError(source, "not JSON (nested too deeply)", line.number) from None
            yield record_to_document(obj, source, f"{source}:{line.number}", line.number, defaults, "jsonl")
        except InputError as exc:
            yield exc
    if not any_content:
        yield InputError(source, "empty file")


def json_documents(text: str, source: str, defaults: RecordDefaults) -> Iterator[Document | InputError]:
    """Documents from a .json file holding one record or a list of records (item i is `path[i]`)."""
    try:
        data = json.loads(text.lstrip("\ufeff"))
    except json.JSONDecodeError as exc:
        yield InputError(source, f"not JSON ({exc.msg})", exc.lineno)
        return
    except RecursionError:
        yield InputError(source, "not JSON (nested too deeply)")
        return
    if isinstance(data, dict):
        try:
            yield record_to_document(data, source, source, None, defaults, "json")
        except InputError as exc:
            yield exc
        return
    if not isinstance(data, list):
        yield InputError(source, f"expected a JSON object or a list of objects, got {type(data).__name__}")
        return
    if not data:
        yield InputError(source, "empty list of records")
    for i, item in enumerate(data):
        try:
            yield record_to_document(item, source, f"{source}[{i}]", None, defaults, "json")
        except InputError as exc:
            yield InputError(source, f"item {i}: {exc.reason}")
