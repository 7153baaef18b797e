"""HTML pages to Documents: trafilatura for the main text and metadata, lxml when it finds nothing.

Paragraphs and list items stay on their own lines and list items become '• ' bullets (each
bullet is usually an event downstream).  The headline is put on the first line when the
extracted body does not already start with it.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date

import lxml.etree
import lxml.html
import trafilatura

from sitroom.errors import InputError
from sitroom.ingest.clean import BULLET, clean_text
from sitroom.ingest.dates import parse_date_value, published_from_footer, published_from_header
from sitroom.model import Document

log = logging.getLogger(__name__)
# trafilatura reports pages it finds empty as ERROR log lines; we report those pages ourselves,
# once, as an InputError naming the file, so its own messages would only be noise.
for _name in ("trafilatura", "trafilatura.core", "trafilatura.main_extractor", "htmldate"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

# Characters XML (and so lxml) refuses; a stray one must not sink the whole page.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_DROP_TAGS = (
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "iframe", "svg", "button", "select", "textarea", "head",
)
_BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "blockquote", "pre", "table", "tr", "ul", "ol",
    "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "address", "hr",
})
_TRAFILATURA_DASH = re.compile(r"^- ", re.MULTILINE)
_TITLE_SEARCH_LINES = 3
_MIN_ITEM_CHARS = 12  # shorter list items (menus, tags) are not matched back to text lines


@dataclass(frozen=True, slots=True)
class HtmlExtract:
    """What a page yields: the body text (not yet cleaned) and its metadata."""

    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: date | None = None


def _parse(html: str) -> lxml.html.HtmlElement | None:
    html = _XML_ILLEGAL.sub("", html)
    if not html.strip():
        return None
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True)
    try:
        return lxml.html.document_fromstring(html, parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return None


def _meta(tree: lxml.html.HtmlElement, *names: str) -> str | None:
    for name in names:
        for value in tree.xpath(f'//meta[@property="{name}" or @name="{name}"]/@content'):
            if str(value).strip():
                return str(value).strip()
    return None


def _fallback_metadata(tree: lxml.html.HtmlElement) -> HtmlExtract:
    title = _meta(tree, "og:title", "twitter:title")
    if not title:
        found = tree.xpath("//title/text()") or tree.xpath("//h1//text()")
        title = " ".join(str(t) for t in found).strip() or None
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    url = str(canonical[0]).strip() if canonical else _meta(tree, "og:url")
    outlet = _meta(tree, "og:site_name", "application-name")
    published = parse_date_value(
        _meta(tree, "article:published_time", "datePublished", "date", "pubdate", "dc.date", "DC.date.issued")
    )
    return HtmlExtract("", title, url or None, outlet, published)


def lxml_text(tree: lxml.html.HtmlElement) -> str:
    """Visible text with block and list-item breaks, after dropping scripts, styles and navigation."""
    for el in tree.xpath("|".join(f"//{tag}" for tag in _DROP_TAGS)):
        if el.getparent() is not None:
            el.drop_tree()
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag == "br":
            el.tail = "\n" + (el.tail or "")
        elif el.tag == "li":
            el.text = "\n• " + (el.text or "")
            el.tail = "\n" + (el.tail or "")
        elif el.tag in _BLOCK_TAGS or el.tag in ("td", "th"):
            sep = "\n\n" if el.tag in _BLOCK_TAGS else " "
            el.text = sep + (el.text or "")
            el.tail = sep + (el.tail or "")
    return str(tree.text_content())


def _trafilatura(html: str) -> HtmlExtract | None:
    try:
        doc = trafilatura.bare_extraction(
            html,
            include_comments=False,
            favor_precision=True,
            with_metadata=True,
            include_tables=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (ValueError, TypeError, lxml.etree.LxmlError) as exc:  # malformed markup trafilatura trips on
        log.debug("trafilatura failed, falling back to lxml: %s", exc)
        return None
    if doc is None:
        return None
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = data.get("text") or ""
    return HtmlExtract(
        text=_TRAFILATURA_DASH.sub("• ", text),
        title=data.get("title") or None,
        url=data.get("url") or None,
        outlet=data.get("sitename") or None,
        published=parse_date_value(data.get("date")),
    )


def _list_items(tree: lxml.html.HtmlElement) -> list[str]:
    items = (" ".join(str(li.text_content()).split()) for li in tree.iter("li"))
    return [item for item in items if len(item) >= _MIN_ITEM_CHARS]


def restore_bullets(text: str, items: list[str]) -> str:
    """Mark as bullets the lines that are list items in the page but lost their marker.

    trafilatura flattens lists nested in inline markup (a <ul> left inside an unclosed <b>).
    """
    if not items:
        return text
    out = []
    for line in text.split("\n"):
        flat = " ".join(line.split())
        if (
            flat
            and len(flat) >= _MIN_ITEM_CHARS
            and not flat.startswith(BULLET.strip())
            and any(item.startswith(flat) or flat.startswith(item) for item in items)
        ):
            line = BULLET + flat
        out.append(line)
    return "\n".join(out)


def extract_html(html: str) -> HtmlExtract:
    """Main text and metadata of a page; text is empty when the page has none."""
    tree = _parse(html)
    if tree is None:
        return HtmlExtract("")
    meta = _fallback_metadata(tree)
    found = _trafilatura(_XML_ILLEGAL.sub("", html))
    if found and found.text.strip():
        # trafilatura puts each block on one line; a blank line between blocks matches text reports
        text = restore_bullets(found.text, _list_items(tree)).replace("\n", "\n\n")
    else:
        text = lxml_text(tree)
    return HtmlExtract(
        text=text,
        title=(found.title if found else None) or meta.title,
        url=(found.url if found else None) or meta.url,
        outlet=(found.outlet if found else None) or meta.outlet,
        published=(found.published if found else None) or meta.published,
    )


def _with_title(text: str, title: str | None) -> str:
    if not title:
        return text
    head = [line.strip().casefold() for line in text.strip().splitlines()[:_TITLE_SEARCH_LINES]]
    if title.strip().casefold() in head:
        return text
    return f"{title.strip()}\n\n{text}"


def html_to_document(
    html: str,
    source: str | None = None,
    published: date | None = None,
    country: str | None = None,
) -> Document:
    """A cleaned Document from an HTML page; InputError if the page holds no text."""
    page = extract_html(html)
    if not clean_text(page.text).text:
        raise InputError(source or "<html>", "no text found in the HTML page")
    cleaned = clean_text(_with_title(page.text, page.title))
    return Document(
        text=cleaned.text,
        source=source,
        published=published or page.published or published_from_header(cleaned.text)
        or published_from_footer(cleaned.text),
        title=page.title,
        url=page.url,
        outlet=page.outlet,
        country_hint=country,
        input_format="html",
    )
