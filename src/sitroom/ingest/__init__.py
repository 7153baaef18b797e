"""Ingest: read text, HTML and JSON(L) reports, decode them, strip page chrome, make Documents.

    from sitroom.ingest import read_inputs
    for item in read_inputs(["reports/", "extra.jsonl"]):
        ...  # a Document, or an InputError naming the file (and line) that could not be read
"""

from sitroom.ingest.clean import Cleaned, clean_text
from sitroom.ingest.dates import published_from_header
from sitroom.ingest.html import HtmlExtract, extract_html, html_to_document
from sitroom.ingest.readers import EXTENSIONS, FORMATS, read_inputs, text_to_document

__all__ = [
    "EXTENSIONS",
    "FORMATS",
    "Cleaned",
    "HtmlExtract",
    "clean_text",
    "extract_html",
    "html_to_document",
    "published_from_header",
    "read_inputs",
    "text_to_document",
]
