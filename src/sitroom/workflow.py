"""Whole-pipeline operations the CLI, the web desk and the bulk runner share.

ingest → extract (events, tally claims) → geo (inside extract) → repost detection + merge +
store (inside Store.add_document).
Batch runs record a bad input or a failing document with its reason and go on; `strict`
re-raises instead, which is what tests want.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path

from sitroom.errors import InputError
from sitroom.extract import extract_events
from sitroom.extract.tally import extract_tally_claims
from sitroom.ingest import read_inputs
from sitroom.model import Document, Event, TallyClaim

log = logging.getLogger(__name__)
ErrorSink = Callable[[InputError], None]


@dataclass(slots=True)
class IngestReport:
    documents_added: int = 0
    documents_skipped: int = 0  # already in the store: ingest is idempotent
    events_found: int = 0
    errors: list[InputError] = field(default_factory=list)


def sample_corpus() -> Path:
    """The bundled sample reports that `sitroom demo` ingests."""
    return Path(str(resources.files("sitroom") / "data" / "sample"))


def extract_from(items: Iterable[Document | InputError], on_error: ErrorSink,
                 strict: bool = False) -> Iterator[tuple[Document, list[Event]]]:
    """Extract events document by document; a failure costs one document, never the run."""
    for item in items:
        if isinstance(item, InputError):
            on_error(item)
            continue
        try:
            events = extract_events(item)
        except Exception as exc:  # noqa: BLE001 - batch boundary: record and go on (strict re-raises)
            if strict:
                raise
            log.exception("extraction failed for %s", item.source)
            on_error(InputError(item.source or item.id, f"extraction failed: {exc.__class__.__name__}: {exc}"))
            continue
        yield item, events


def claims_in(doc: Document, events: list[Event] | None = None, strict: bool = False) -> list[TallyClaim]:
    """Running-count statements in `doc`; a failure here costs the claims, never the document.

    A report without a published date counts "as of" its own newest current incident: "today's
    attack was the 21st" is dated by the attack the report is about.
    """
    try:
        as_of = doc.published or max((e.event_date for e in events or () if e.event_date and not e.historical),
                                     default=None)
        return extract_tally_claims(doc, as_of=as_of)
    except Exception:  # noqa: BLE001 - batch boundary, as in extract_from
        if strict:
            raise
        log.exception("tally-claim extraction failed for %s", doc.source)
        return []


def contract_record(doc: Document, event: Event) -> dict:
    """An event as `sitroom extract --format jsonl` prints it: the eval contract's fields first."""
    record = event.to_dict()
    record["doc_id"] = doc.external_id or doc.source or doc.id
    record["document_id"] = doc.id
    for internal in ("mention_start", "mention_end"):
        record.pop(internal, None)
    return record


def read(paths: Iterable[str], input_format: str | None = None, published: date | None = None,
         country: str | None = None) -> Iterator[Document | InputError]:
    return read_inputs(paths, input_format=input_format, published=published, country=country)


def ingest(store, items: Iterable[Document | InputError], on_error: ErrorSink | None = None,
           on_document: Callable[[Document], None] | None = None, strict: bool = False) -> IngestReport:
    """Extract and store each document in its own transaction; documents already stored are skipped
    before extraction, so a re-run or a resumed run costs little and adds nothing."""
    report = IngestReport()

    def record_error(error: InputError) -> None:
        report.errors.append(error)
        if on_error is not None:
            on_error(error)

    def fresh(items: Iterable[Document | InputError]) -> Iterator[Document | InputError]:
        for item in items:
            if isinstance(item, Document) and store.has_document(item.id):
                report.documents_skipped += 1
                if on_document is not None:
                    on_document(item)
                continue
            yield item

    for doc, events in extract_from(fresh(items), record_error, strict=strict):
        result = store.add_document(doc, events, claims_in(doc, events, strict))
        if result.skipped:
            report.documents_skipped += 1
        else:
            report.documents_added += 1
            report.events_found += len(events)
        if on_document is not None:
            on_document(doc)
    return report
