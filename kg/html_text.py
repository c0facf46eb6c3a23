"""The main text of a news page: what a reader reads, without menus, headers, footers,
scripts and forms.

The text of ``<article>`` is kept, else of ``<main>``, else of ``<body>``; each block
(paragraph, heading, list item, table row) ends with a blank line; the title is ``<title>``,
else the first ``<h1>``. :mod:`kg.ingest` reads ``.html`` and ``.htm`` files with it.
"""

from __future__ import annotations

from html.parser import HTMLParser

__all__ = ["parse_html"]

_SKIP = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "svg",
         "button", "template", "iframe", "select", "figure", "menu"}
_BLOCK = {"p", "div", "section", "article", "main", "li", "ul", "ol", "blockquote", "pre",
          "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "br", "figcaption", "dd", "dt"}
_VOID = {"br", "img", "hr", "meta", "link", "input", "source", "wbr", "area", "base", "col"}


class _MainText(HTMLParser):
    """Collects the main text. Open tags are kept as a stack and as counts, so every check
    ("inside an <article>?") is one lookup: linear in the input however deep it nests."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.open: dict[str, int] = {}
        self.skip_depth = 0
        self.blocks: list[tuple[str, str]] = []  # (container, text)
        self.current: list[str] = []
        self.title: list[str] = []
        self.h1: list[str] = []
        self.in_title = False
        self.in_h1 = False

    def _container(self) -> str:
        if self.open.get("article"):
            return "article"
        return "main" if self.open.get("main") else "body"

    def _flush(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.blocks.append((self._container(), text))
        self.current = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _BLOCK:
            self._flush()
        if tag in _VOID:
            return
        self.stack.append(tag)
        self.open[tag] = self.open.get(tag, 0) + 1
        if tag in _SKIP:
            self.skip_depth += 1
        self.in_title = self.in_title or tag == "title"
        self.in_h1 = self.in_h1 or tag == "h1"

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not self.open.get(tag):
            return
        if tag in _BLOCK:
            self._flush()
        while self.stack:
            top = self.stack.pop()
            self.open[top] -= 1
            if top in _SKIP:
                self.skip_depth -= 1
            if top == "title":
                self.in_title = False
            if top == "h1":
                self.in_h1 = False
            if top == tag:
                break
        if tag in _BLOCK:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
            return
        if self.in_h1 and not self.skip_depth:
            self.h1.append(data)
        if not self.skip_depth and not self.open.get("head"):
            self.current.append(data)


def parse_html(html: str) -> tuple[str, str]:
    """Return ``(title, main_text)`` of an HTML page.

    >>> page = ("<html><head><title>T</title></head><body><nav>Home | News</nav>"
    ...         "<article><h1>Musk and Putin</h1><p>Elon Musk  called\\nPutin.</p></article>"
    ...         "<footer>(c) 2024</footer></body></html>")
    >>> parse_html(page)
    ('T', 'Musk and Putin\\n\\nElon Musk called Putin.')
    """
    parser = _MainText()
    parser.feed(html)
    parser.close()
    parser._flush()
    containers = {c for c, _ in parser.blocks}
    chosen = "article" if "article" in containers else "main" if "main" in containers else None
    blocks = [t for c, t in parser.blocks if chosen is None or c == chosen]
    title = " ".join("".join(parser.title).split()) or " ".join("".join(parser.h1).split())
    return title, "\n\n".join(blocks)
