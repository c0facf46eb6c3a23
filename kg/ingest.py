"""Read news articles from files, folders, globs or standard input.

Every input either becomes an :class:`~kg.model.Article` or is reported as a
:class:`Problem` naming the file and what is wrong with it; nothing is dropped
silently. A run over 1,000 files with 3 bad ones returns 997 articles and 3 problems.

Formats
-------
- ``.txt``, ``.md``: the first non-empty line is the title; the whole file is the text.
- ``.html``, ``.htm``: the main text (``<article>``, else ``<main>``, else ``<body>``), with
  menus, headers, footers, scripts and forms left out; paragraphs end with a blank line.
- ``.jsonl``: one JSON object per line with ``text`` and optionally ``id``, ``title``,
  ``url``, ``published``, ``publisher``. A bad line is reported as ``file:line``.

Text hygiene, once, here: every field kg keeps passes :func:`clean_text`, which turns the
characters that end a line in some readers but not in others (U+2028, U+2029, U+0085, vertical
tab, form feed, U+001C-U+001E) into ``\n`` and the other control characters into a space, one
character for one, so offsets still index the text as read. A field holding a lone surrogate
(``"\ud800"`` in JSON) is no text: the record is reported (``file:line``) and skipped.

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Musk meets Putin\\n\\nElon Musk met Putin.")
>>> _ = (folder / "b.txt").write_bytes(b"caf\\xe9 au lait")
>>> result = read_articles([folder])
>>> [a.id for a in result.articles], result.articles[0].title
(['a'], 'Musk meets Putin')
>>> print(result.problems[0].reason)
not UTF-8 text (invalid byte 0xe9 at offset 3)
"""

from __future__ import annotations

import glob
import hashlib
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.html_text import parse_html
from kg.model import Article

__all__ = ["Problem", "IngestResult", "read_articles", "parse_html", "clean_text",
           "SUPPORTED_SUFFIXES"]

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl")
DEFAULT_MAX_BYTES = 20_000_000


@dataclass(frozen=True)
class Problem:
    """An input that was skipped: where it is (``file`` or ``file:line``) and why."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass
class IngestResult:
    """The articles read, and the inputs skipped with their reasons."""

    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def read_articles(
    sources: Iterable[str | Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: bytes | None = None,
) -> IngestResult:
    """Read every article named by ``sources`` (files, folders, globs, or ``-`` for stdin).

    Parameters
    ----------
    sources
        Paths of files or folders (searched recursively for supported suffixes), glob
        patterns (``news/**/*.html``), or ``-`` for standard input (plain text, or JSONL
        when its first character is ``{``).
    max_bytes
        Larger files (for JSONL: records), and larger standard input, are skipped and
        reported.
    stdin
        The bytes to read for ``-``; by default ``sys.stdin``.

    Returns
    -------
    IngestResult
        Articles in input order with unique ids, and the problems found.
    """
    result = IngestResult()
    seen_ids: dict[str, str] = {}
    seen_hashes: dict[str, str] = {}
    for name, data in _inputs(sources, max_bytes, stdin, result.problems):
        for item in _parse(name, data, max_bytes):
            if isinstance(item, Problem):
                result.problems.append(item)
                continue
            if item.sha256 in seen_hashes:
                result.problems.append(
                    Problem(item.source, f"same text as article {seen_hashes[item.sha256]!r}")
                )
                continue
            article_id = item.id
            if article_id in seen_ids:
                article_id = f"{article_id}-{item.sha256[:8]}"
            item = _replace_id(item, article_id)
            seen_ids[article_id] = item.source
            seen_hashes[item.sha256] = article_id
            result.articles.append(item)
    return result


def _replace_id(article: Article, article_id: str) -> Article:
    if article.id == article_id:
        return article
    from dataclasses import replace

    return replace(article, id=article_id)


def _inputs(
    sources: Iterable[str | Path],
    max_bytes: int,
    stdin: bytes | None,
    problems: list[Problem],
) -> Iterator[tuple[str, bytes]]:
    for source in sources:
        text = str(source)
        if text == "-":
            data = stdin if stdin is not None else sys.stdin.buffer.read(max_bytes + 1)
            if len(data) > max_bytes:
                problems.append(Problem("<stdin>", f"too large (more than {max_bytes:,} bytes; "
                                                   f"the limit is {max_bytes:,})"))
                continue
            kind = ".jsonl" if data.lstrip()[:1] == b"{" else ".txt"
            yield f"<stdin>{kind}", data
            continue
        for path in _expand(text, problems):
            try:
                size = path.stat().st_size
                if size > max_bytes and path.suffix.lower() != ".jsonl":  # JSONL: per record
                    problems.append(
                        Problem(str(path), f"too large ({size:,} bytes; the limit is {max_bytes:,})")
                    )
                    continue
                yield str(path), path.read_bytes()
            except OSError as error:
                problems.append(Problem(str(path), f"cannot be read ({error.strerror})"))


def _expand(source: str, problems: list[Problem]) -> list[Path]:
    """The files a source names; everything else it names is reported with a reason."""
    path = Path(source)
    if path.is_symlink() or path.exists():
        why = _not_a_file(path)
        if why is None and path.is_dir():
            found = []
            for child in _walk(path, problems):
                if child.suffix.lower() in SUPPORTED_SUFFIXES:
                    found.append(child)
                else:
                    problems.append(Problem(str(child), f"unsupported file type {child.suffix!r}"))
            if not found:
                problems.append(Problem(source, "folder has no .txt, .md, .html or .jsonl files"))
            return found
        if why is not None:
            problems.append(Problem(source, why))
            return []
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            problems.append(Problem(source, f"unsupported file type {path.suffix!r}"))
            return []
        return [path]
    if glob.has_magic(source):
        found = []
        for match in (Path(p) for p in sorted(glob.glob(source, recursive=True))):
            why = _not_a_file(match)
            if why is not None:
                if not match.is_dir():
                    problems.append(Problem(str(match), why))
            elif match.suffix.lower() in SUPPORTED_SUFFIXES:
                found.append(match)
        if not found:
            problems.append(Problem(source, "pattern matches no supported files"))
        return found
    problems.append(Problem(source, "no such file or folder"))
    return []


def _walk(folder: Path, problems: list[Problem]) -> list[Path]:
    """Every regular file under ``folder``, sorted; what is not one (a symbolic link loop, a
    dangling link, a link to a folder, a FIFO, a device, a hidden file) is reported."""
    files = []
    for child in sorted(folder.iterdir()):
        if child.name.startswith("."):
            problems.append(Problem(str(child), "hidden, skipped"))
            continue
        why = _not_a_file(child)
        if why is None and child.is_dir() and not child.is_symlink():
            files += _walk(child, problems)
        elif why is None and child.is_symlink() and child.is_dir():
            problems.append(Problem(str(child), "symbolic link to a folder, not followed"))
        elif why is None:
            files.append(child)
        else:
            problems.append(Problem(str(child), why))
    return files


def _not_a_file(path: Path) -> str | None:
    """Why ``path`` is neither a regular file nor a folder kg reads, or None."""
    import stat

    if path.is_symlink():
        try:
            path.resolve(strict=True)
        except RuntimeError:
            return "symbolic link loop"
        except OSError as error:
            return "symbolic link loop" if error.errno == 40 else "dangling symbolic link"
    try:
        mode = path.stat().st_mode
    except OSError as error:
        return f"cannot be read ({error.strerror})"
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    kind = "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
    return f"{kind}, not a file"


_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_INVISIBLE = re.compile("[\\s\u200b-\u200f\u2060-\u2064\ufeff\u00ad]+")


def _decode(name: str, data: bytes) -> str | Problem:
    """UTF-8 (with or without a byte-order mark), or UTF-16/32 with one; else a problem."""
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    if encoding is None and b"\x00" in data:
        return Problem(name, f"binary file (a NUL byte at offset {data.index(0):,}), not text")
    try:
        text = data.decode(encoding or "utf-8-sig")
    except UnicodeDecodeError as error:
        if encoding:
            return Problem(name, f"not {encoding.upper()} text though it starts like it "
                                 f"(invalid bytes at offset {error.start})")
        bad = data[error.start]
        return Problem(name, f"not UTF-8 text (invalid byte 0x{bad:02x} at offset {error.start})")
    text = text.lstrip("\ufeff")
    if "\x00" in text:
        return Problem(name, "binary file (a NUL character in its text), not text")
    if not _INVISIBLE.sub("", text):
        return Problem(name, "empty (no visible text)")
    return text


def _parse(name: str, data: bytes, max_bytes: int) -> Iterator[Article | Problem]:
    decoded = _decode(name, data)
    if isinstance(decoded, Problem):
        yield decoded
        return
    suffix = Path(name).suffix.lower()
    stem = _clean_id(Path(name).stem) if not name.startswith("<stdin>") else "stdin"
    if suffix == ".jsonl":
        yield from _parse_jsonl(name, stem, decoded, max_bytes)
    elif suffix in (".html", ".htm"):
        title, text = parse_html(decoded)
        if not text.strip():
            yield Problem(name, "HTML has no readable text")
            return
        yield _article(stem, title or _first_line(text), text, name)
    else:
        yield _article(stem, _first_line(decoded), decoded, name)


_LINE_BREAKS = "\u2028\u2029\x85\x0b\x0c\x1c\x1d\x1e"
_CONTROLS = "".join(chr(c) for c in (*range(0x00, 0x09), *range(0x0e, 0x1c), 0x1f, 0x7f,
                                      *range(0x80, 0x85), *range(0x86, 0xa0)))
_CLEAN = str.maketrans({**{c: "\n" for c in _LINE_BREAKS}, **{c: " " for c in _CONTROLS}})
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """The text with every line separator a newline and every other control character a
    space, character for character (so offsets are unchanged).

    >>> clean_text("Musk met Putin.\u2028Putin smiled.\x05")
    'Musk met Putin.\\nPutin smiled. '
    >>> len(clean_text("a\x0bb\u2029c")) == len("a\x0bb\u2029c")
    True
    """
    return text.translate(_CLEAN)


def _parse_jsonl(name: str, stem: str, text: str, max_bytes: int) -> Iterator[Article | Problem]:
    # records end at "\n" only: a JSON string may hold U+2028 and the like unescaped
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        size = len(line.encode("utf-8", "surrogatepass"))
        if size > max_bytes:
            yield Problem(where, f"record too large ({size:,} bytes; the limit is {max_bytes:,})")
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield Problem(where, f"malformed JSON ({error.msg} at column {error.colno})")
            continue
        if not isinstance(record, dict):
            yield Problem(where, "a JSON object is expected on each line")
            continue
        body = record.get("text")
        if not isinstance(body, str) or not body.strip():
            yield Problem(where, "no 'text' field with text in it")
            continue
        bad = [k for k in ("id", "title", "url", "published", "publisher")
               if record.get(k) is not None and not isinstance(record[k], (str, int))]
        if bad:
            yield Problem(where, f"field {bad[0]!r} must be a string")
            continue
        article_id = _clean_id(str(record.get("id") or f"{stem}-{number}"))
        yield _article(
            article_id,
            str(record.get("title") or _first_line(body)),
            body,
            where,
            url=_opt(record.get("url")),
            published=_opt(record.get("published")),
            publisher=_opt(record.get("publisher")),
        )


def _opt(value: object) -> str | None:
    return None if value is None or value == "" else str(value)


def _article(article_id: str, title: str, text: str, source: str,
             **extra: str | None) -> Article | Problem:
    fields = {"text": text, "title": title, "id": article_id, **extra}
    broken = [k for k, v in fields.items() if v is not None and _SURROGATE.search(v)]
    if broken:
        return Problem(source, f"field {broken[0]!r} holds a lone surrogate (no Unicode text)")
    title, text = clean_text(title), clean_text(text)
    extra = {k: clean_text(v) if v is not None else None for k, v in extra.items()}
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Article(clean_text(article_id), title, text, sha256=digest, source=source, **extra)


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip().lstrip("#").strip()
    return ""


def _clean_id(raw: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "_", raw.strip()).strip("_")
    return cleaned or "article"
