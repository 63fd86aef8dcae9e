"""Read input documents: text and Markdown files, JSONL, directories, stdin.

Document ids are stable so re-runs give identical output:

- a JSONL line's ``id`` when given, else :func:`records.content_id` of its text;
- a file given directly: its file name without extension (``seed-news``);
- a file found under a directory: its path relative to that directory,
  without extension, with ``/`` separators (``2019/hikvision``);
- plain text on stdin: :func:`records.content_id` of the text.

Bad input never stops the run: each problem goes to ``on_error`` as an
:class:`~relgraph.errors.InputError` and reading continues (``strict=True``
raises the first one instead).
"""

from __future__ import annotations

import json
import re
import sys
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterable, Iterator

from relgraph.errors import InputError

from .records import Document, content_id

TEXT_SUFFIXES = (".txt", ".md")
JSONL_SUFFIXES = (".jsonl",)
SUFFIXES = TEXT_SUFFIXES + JSONL_SUFFIXES
_OPTIONAL_FIELDS = ("title", "date", "url", "source")
# spaCy's parser and NER refuse longer texts (nlp.max_length, error E088).
MAX_CHARS = 1_000_000
_DATE_FORMATS = ("%Y-%m-%d", "%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%B %d %Y", "%b. %d, %Y")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")


def normalize_date(value: str) -> str | None:
    """The date as ISO ``YYYY-MM-DD``, or None when it cannot be parsed.

    value: ``2019-05-23``, ``2019-05-23T10:00:00Z``, ``May 23, 2019`` or ``23 May 2019``.
    """
    text = " ".join(value.strip().split())
    if _ISO_DATETIME.match(text):
        text = text[:10]
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def read_documents(
    paths: Iterable[str | Path],
    *,
    on_error: Callable[[InputError], None],
    strict: bool = False,
) -> Iterator[Document]:
    """Yield one :class:`Document` per input document, in a stable order.

    paths: files (``.txt``, ``.md``, ``.jsonl``), directories (searched
        recursively, sorted, only those extensions) or ``-`` for stdin.
    on_error: called with an InputError for each bad file or line; reading continues.
    strict: raise the first InputError instead of calling ``on_error``.
    """
    def report(err: InputError) -> None:
        if strict:
            raise err
        on_error(err)

    seen: set[str] = set()
    for raw in paths:
        for doc in _read_path(str(raw), report):
            if doc.id in seen:
                source, _, line = doc.origin.rpartition(":") if doc.origin.count(":") else (doc.origin, "", "")
                report(InputError(
                    source or doc.origin, int(line) if line.isdigit() else None,
                    f"duplicate document id {doc.id!r}; give each document a unique id",
                ))
                continue
            seen.add(doc.id)
            yield doc


def _read_path(path: str, report: Callable[[InputError], None]) -> Iterator[Document]:
    if path == "-":
        yield from _read_stdin(report)
        return
    p = Path(path)
    if p.is_dir():
        files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
        for f in files:
            rel = f.relative_to(p).with_suffix("").as_posix()
            yield from _read_file(f, rel, report)
    elif p.is_file():
        if p.suffix.lower() not in SUFFIXES:
            report(InputError(path, None, f"unsupported file type {p.suffix or '(none)'!r}; use .txt, .md or .jsonl"))
            return
        yield from _read_file(p, p.with_suffix("").name, report)
    else:
        report(InputError(path, None, "no such file or directory; check the path"))


def _decode(data: bytes, source: str, report) -> str | None:
    if b"\x00" in data:
        report(InputError(source, None, "binary file, not text; give .txt, .md or .jsonl files"))
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        report(InputError(source, line, "invalid UTF-8; re-save the file as UTF-8"))
        return None
    if not text.strip():
        report(InputError(source, None, "empty file; remove it or add text"))
        return None
    return text


def _read_file(f: Path, doc_id: str, report) -> Iterator[Document]:
    source = str(f)
    try:
        data = f.read_bytes()
    except OSError as exc:
        report(InputError(source, None, f"cannot read: {exc.strerror}"))
        return
    text = _decode(data, source, report)
    if text is None:
        return
    if f.suffix.lower() in JSONL_SUFFIXES:
        yield from _read_jsonl(text, source, report)
    elif len(text) > MAX_CHARS:
        report(InputError(source, None, _too_long(text)))
    else:
        yield _text_document(text, doc_id, source, markdown=f.suffix.lower() == ".md")


def _too_long(text: str) -> str:
    return f"document of {len(text):,} characters is longer than {MAX_CHARS:,}; split it into smaller documents"


def _text_document(text: str, doc_id: str, source: str, markdown: bool = False) -> Document:
    title = None
    if markdown:
        first, _, rest = text.lstrip("\ufeff").partition("\n")
        if first.startswith("# "):
            title = first[2:].strip() or None
            text = rest
    return Document(id=doc_id, text=text, title=title, origin=source)


def _lines(text: str) -> list[str]:
    """Lines split at \\n only (with a trailing \\r dropped), so U+2028 and
    other characters that str.splitlines() breaks at stay inside a line and
    line numbers match what editors show."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [ln[:-1] if ln.endswith("\r") else ln for ln in lines]


def _looks_like_jsonl(text: str) -> bool:
    """True when the first non-blank line is a JSON object (then every line is read as JSONL)."""
    for line in _lines(text):
        if line.strip():
            try:
                return isinstance(json.loads(line), dict)
            except json.JSONDecodeError:
                return False
    return False


def _read_stdin(report) -> Iterator[Document]:
    text = _decode(sys.stdin.buffer.read(), "-", report)
    if text is None:
        return
    if _looks_like_jsonl(text):
        yield from _read_jsonl(text, "-", report)
    elif len(text) > MAX_CHARS:
        report(InputError("-", None, _too_long(text)))
    else:
        yield Document(id=content_id(text), text=text, origin="-")


def _read_jsonl(text: str, source: str, report) -> Iterator[Document]:
    for n, line in enumerate(_lines(text), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            report(InputError(source, n, f"not valid JSON ({exc.msg}); write one JSON object per line"))
            continue
        if not isinstance(obj, dict):
            report(InputError(source, n, "expected a JSON object with 'text' (and 'id')"))
            continue
        doc = _jsonl_document(obj, source, n, report)
        if doc is not None:
            yield doc


def _jsonl_document(obj: dict, source: str, n: int, report) -> Document | None:
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        report(InputError(source, n, "field 'text' must be a non-empty string"))
        return None
    if len(text) > MAX_CHARS:
        report(InputError(source, n, _too_long(text)))
        return None
    doc_id = obj.get("id")
    if doc_id is None:
        doc_id = content_id(text)
    elif isinstance(doc_id, (int, str)) and not isinstance(doc_id, bool) and str(doc_id).strip():
        doc_id = str(doc_id)
    else:
        report(InputError(source, n, "field 'id' must be a non-empty string"))
        return None
    meta: dict[str, str | None] = {}
    for key in _OPTIONAL_FIELDS:
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            report(InputError(source, n, f"field {key!r} must be a string, got {type(value).__name__}"))
            return None
        meta[key] = value or None
    if meta["date"] is not None:
        iso = normalize_date(meta["date"])
        if iso is None:
            report(InputError(source, n, f"unparseable date {meta['date']!r}; use YYYY-MM-DD (document kept undated)"))
        meta["date"] = iso
    return Document(id=doc_id, text=text, origin=f"{source}:{n}", **meta)
