"""selectolax (Lexbor) against lxml.html as the HTML parser of `segmenter.html`: speed and robustness.

Both parsers get the same minimal job: parse, then walk the tree once and collect the visible text
one block element a line (script/style/head dropped). The walk is iterative for both, so recursion
limits play no part. Reported:

- speed on the real forum pages (``shared/corpus/forum_html/awful``) and news pages
  (``shared/corpus/news_html/aeb-html``), and how far the two agree on the words of each page;
- hand-made hostile pages: whether a parser raises, how long it takes, and whether the text is kept.

Also times the project's own `html_to_page` (Lexbor, a nesting limit, and block tokens) on the same
pages.

Run: python benchmarks/html_parsers.py [SHARED_FOLDER]
"""

from __future__ import annotations

import gzip
import sys
import time
from collections.abc import Callable
from pathlib import Path

import lxml.etree
import lxml.html
from selectolax.lexbor import LexborHTMLParser

from segmenter.html import html_to_page
from segmenter.html.tags import BLOCK_TAGS, SKIPPED_TAGS

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def lexbor_lines(html: str) -> list[str]:
    """Parse with Lexbor; the visible text, a line per block element."""
    tree = LexborHTMLParser(html)
    lines: list[str] = []
    current: list[str] = []
    root = tree.root
    if root is None:
        return lines

    def flush() -> None:
        line = " ".join("".join(current).split())
        if line:
            lines.append(line)
        current.clear()

    root_id = root.mem_id
    node = root
    while True:
        descend = False
        if node.is_text_node:
            current.append(node.text_content or "")
        elif node.is_element_node and node.tag not in SKIPPED_TAGS:
            if node.tag in BLOCK_TAGS or node.tag == "br":
                flush()
            descend = True
        child = node.child if descend else None
        if child is not None:
            node = child
            continue
        while True:
            if node.mem_id == root_id:
                flush()
                return lines
            if node.next is not None:
                node = node.next
                break
            node = node.parent
            if node.tag in BLOCK_TAGS:
                flush()


def lxml_lines(html: str) -> list[str]:
    """Parse with lxml.html (network and entities off); the visible text, a line per block element."""
    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, huge_tree=True)
    document = lxml.html.document_fromstring(html, parser=parser)
    lines: list[str] = []
    current: list[str] = []
    skipping = 0

    def flush() -> None:
        line = " ".join("".join(current).split())
        if line:
            lines.append(line)
        current.clear()

    for event, element in lxml.etree.iterwalk(document, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in SKIPPED_TAGS:
                skipping += 1
            if not skipping:
                if tag in BLOCK_TAGS or tag == "br":
                    flush()
                current.append(element.text or "")
        else:
            if tag in SKIPPED_TAGS:
                skipping -= 1
            if not skipping:
                if tag in BLOCK_TAGS:
                    flush()
                current.append(element.tail or "")
    flush()
    return lines


PARSERS: dict[str, Callable[[str], list[str]]] = {"selectolax-lexbor": lexbor_lines, "lxml.html": lxml_lines}

HOSTILE = {
    "100k nested divs": ("<div>" * 100_000 + "keepme" + "</div>" * 100_000, "keepme"),
    "20k unclosed divs": ("<div>keepme " * 20_000, "keepme"),
    "20k nested blockquotes": ("<blockquote>" * 20_000 + "keepme", "keepme"),
    "misnested tags": ("<b><i>one</b> two</i><p>three<table><td>keepme</p></table>" * 2000, "keepme"),
    "unknown entities": ("<p>&nosuch; &#xD800; &#0; &#99999999; &amp keepme</p>", "keepme"),
    "NUL and controls": ("<p>a\x00b\x01\x1b keepme</p>", "keepme"),
    "10 MB attribute": ('<p title="' + "x" * 10_000_000 + '">keepme</p>', "keepme"),
    "unterminated comment": ("<p>keepme</p><!-- never closed <p>lost", "keepme"),
    "xml declaration": ('<?xml version="1.0" encoding="utf-8"?><html><body><p>keepme</p></body></html>', "keepme"),
    "external entity": (
        '<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/hostname">]><p>keepme &xxe;</p>',
        "keepme",
    ),
    "text after </html>": ("<html><body><p>one</p></body></html><p>keepme</p>", "keepme"),
    "only text": ("keepme", "keepme"),
}


def _load(folder: Path, pattern: str) -> list[str]:
    pages = []
    for path in sorted(folder.glob(pattern)):
        data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        pages.append(data.decode("utf-8", errors="replace"))
    return pages


def _timed(function: Callable, *args) -> tuple[object, float]:
    start = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - start


def _agreement(pages: list[str]) -> float:
    """Mean Jaccard overlap of the two parsers' word sets per page."""
    scores = []
    for page in pages:
        words = [set(" ".join(parse(page)).split()) for parse in PARSERS.values()]
        union = words[0] | words[1]
        scores.append(len(words[0] & words[1]) / len(union) if union else 1.0)
    return sum(scores) / len(scores)


def benchmark_corpus(shared: Path) -> None:
    sets = {
        "awful forum pages": _load(shared / "corpus" / "forum_html" / "awful", "*.html"),
        "aeb news pages": _load(shared / "corpus" / "news_html" / "aeb-html", "*.html.gz"),
    }
    for name, pages in sets.items():
        megabytes = sum(len(page) for page in pages) / 1e6
        print(f"\n{name}: {len(pages)} pages, {megabytes:.1f} M characters")
        for parser_name, parse in PARSERS.items():
            parse_only = LexborHTMLParser if parser_name.startswith("selectolax") else lxml.html.document_fromstring
            _, parse_seconds = _timed(lambda ps, f=parse_only: [f(p) for p in ps], pages)
            lines, seconds = _timed(lambda ps, f=parse: [f(p) for p in ps], pages)
            count = sum(len(page_lines) for page_lines in lines)
            print(f"  {parser_name:18} parse {parse_seconds:6.3f}s  parse+walk {seconds:6.3f}s  {count} lines")
        _, seconds = _timed(lambda ps: [html_to_page(p) for p in ps], pages)
        print(f"  {'html_to_page':18} {seconds:6.3f}s ({1000 * seconds / len(pages):.1f} ms a page, "
              f"{len(pages) / seconds:.0f} pages/s)")
        print(f"  word agreement of the two parsers (mean Jaccard): {_agreement(pages):.3f}")


def benchmark_hostile() -> None:
    print("\nhostile pages: seconds, and whether the marked text survived")
    contenders = {**PARSERS, "html_to_page": lambda html: [html_to_page(html)[0]]}
    print(f"  {'case':24} " + " ".join(f"{name:>22}" for name in contenders))
    for case, (html, marker) in HOSTILE.items():
        cells = []
        for parse in contenders.values():
            try:
                lines, seconds = _timed(parse, html)
                kept = "kept" if marker in " ".join(lines) else "LOST"
                cells.append(f"{seconds:8.3f}s {kept}")
            except Exception as err:  # noqa: BLE001 - the benchmark reports any failure
                cells.append(f"RAISES {type(err).__name__}"[:22])
        print(f"  {case:24} " + " ".join(f"{cell:>22}" for cell in cells))


def main() -> None:
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else SHARED
    if shared.is_dir():
        benchmark_corpus(shared)
    else:
        print(f"{shared} not found: corpus timings skipped")
    benchmark_hostile()


if __name__ == "__main__":
    main()
