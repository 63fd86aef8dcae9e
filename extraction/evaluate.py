"""Score the extractor against a gold file: precision, recall and F1.

A gold file is JSON Lines, one document per line::

    {"id": "dev-001", "text": "Acme Corp agreed to buy Widget Ltd ...",
     "date": "2024-03-01", "source": "written for relgraph",
     "triples": [{"subject": "Acme Corp", "predicate": "acquires",
                  "object": "Widget Ltd", "status": "planned"}]}

``subject`` and ``object`` are a name as written in the text, or a list of
acceptable names (``["China", "Chinese Ministry of Foreign Affairs"]``).
``status`` defaults to ``asserted``; ``role`` (works-for) is kept for
readers but not scored. A document with ``"triples": []`` is a distractor:
every relation extracted from it is a false positive.

Matching (documented in docs/evaluation.md). Predictions are compared per
document, as a set: the same relation found in two sentences counts once.
A predicted entity matches a gold name when, after :func:`normalise_name`
(case, punctuation, possessives, a leading "the", legal suffixes such as
Co, Corp, Inc, Ltd, plc, Holding(s), Group):

1. the names are equal, or one of the predicted entity's in-document
   aliases (``DocEntity.aliases``) equals the gold name; or
2. one name's tokens appear as a contiguous run inside the other's
   ("Hikvision" in "Hangzhou Hikvision Digital Technology"), unless the
   shorter name is a country or state metonym from the gazetteer
   ("US" is not "US Department of Justice"); or
3. both names belong to the same gazetteer entry (name, alias or
   metonym: "Washington", "US" and "United States government").

Symmetric predicates (merges-with, partners-with) match in either
direction. With ``match_status`` the status must be equal as well.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

from relgraph.errors import InputError

from .records import Document, DocumentResult, Relation

# The predicates the held-out newswire bar (issue 3) is measured on.
CORE_PREDICATES = (
    "acquires", "bids-for", "outbids", "holds-stake-in", "merges-with", "divests",
    "partners-with", "sues", "sanctions", "accuses", "opposes", "works-for",
)

_DOC_FIELDS = {"id", "text", "date", "title", "url", "source", "triples"}
_TRIPLE_FIELDS = {"subject", "predicate", "object", "status", "role", "note"}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# Trailing words that do not distinguish one company from another. Removed
# repeatedly from the end, so "Fubon Financial Holding Co Ltd" -> "fubon financial".
_LEGAL_SUFFIXES = frozenset({
    "co", "corp", "corporation", "inc", "incorporated", "ltd", "limited", "plc", "llc", "lp",
    "llp", "ag", "sa", "se", "nv", "bv", "spa", "gmbh", "bhd", "pte", "pty", "kk", "oyj", "ab",
    "asa", "holding", "holdings", "group", "company", "cos", "companies",
})
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_NON_WORD = re.compile(r"[^\w\s]")
_SENTENCE = re.compile(r"(?<=[.!?\u3002])[\"\u201d']?\s+")


def normalise_name(name: str) -> tuple[str, ...]:
    """Tokens of an entity name with case, punctuation, possessives, a
    leading "the" and trailing legal suffixes removed.

    name: the entity name as written (``"E.Sun Financial Holding Co's"``).
    Returns the tokens (``("esun", "financial")``); empty if nothing is left.
    """
    text = unicodedata.normalize("NFKC", name).translate(_APOSTROPHES).lower()
    text = re.sub(r"'s\b|s'(?=\s|$)", lambda m: "" if m.group(0) == "'s" else "s", text)
    # A dot inside a word joins it ("E.Sun", "U.S."); elsewhere it separates.
    text = re.sub(r"(?<=\w)\.(?=\w)", "", text)
    text = _NON_WORD.sub(" ", text.replace("&", " and "))
    tokens = text.split()
    if tokens and tokens[0] == "the":
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[-1] in _LEGAL_SUFFIXES:
        tokens.pop()
    return tuple(tokens)


@lru_cache(maxsize=1)
def _gazetteer_index() -> tuple[dict[tuple[str, ...], frozenset[str]], frozenset[tuple[str, ...]]]:
    """Normalised gazetteer names to entry ids, and the names that denote
    places or states (which never match by containment)."""
    from ontology import load_ontology

    from .gazetteer import load_gazetteer

    onto = load_ontology()
    index: dict[tuple[str, ...], set[str]] = {}
    places: set[tuple[str, ...]] = set()
    for entry in load_gazetteer():
        is_place = onto.is_a(entry.type, "Place")
        for text in entry.names():
            key = normalise_name(text)
            index.setdefault(key, set()).add(entry.id)
            if is_place:
                places.add(key)
        for text in entry.metonyms:
            key = normalise_name(text)
            index.setdefault(key, set()).add(entry.id)
            places.add(key)
    return {k: frozenset(v) for k, v in index.items()}, frozenset(places)


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    n = len(short)
    return any(long[i:i + n] == short for i in range(len(long) - n + 1))


def names_match(gold: tuple[str, ...], predicted: tuple[str, ...]) -> bool:
    """Whether a normalised gold name and a normalised predicted name denote
    the same entity under the matching rule (module docstring, rules 1-3).

    gold: tokens from :func:`normalise_name` of the gold name.
    predicted: tokens of the predicted name or of one of its aliases.
    """
    if not gold or not predicted:
        return False
    if gold == predicted:
        return True
    index, places = _gazetteer_index()
    if index.get(gold, frozenset()) & index.get(predicted, frozenset()):
        return True
    short, long = (gold, predicted) if len(gold) <= len(predicted) else (predicted, gold)
    if short in places:
        return False
    return _contains(long, short)


@dataclass(frozen=True)
class GoldTriple:
    """One expected relation.

    subject/object: acceptable names (any one may match).
    predicate: ontology predicate key; status: ontology status key.
    role: works-for role, informational. line: line of the gold file.
    """

    subject: tuple[str, ...]
    predicate: str
    object: tuple[str, ...]
    status: str = "asserted"
    role: str | None = None

    def describe(self) -> str:
        subj, obj = " | ".join(self.subject), " | ".join(self.object)
        return f"({subj}, {self.predicate}/{self.status}, {obj})"


@dataclass(frozen=True)
class GoldDocument:
    """One gold document: the input document and its expected triples.

    document: the :class:`Document` handed to the extractor.
    triples: every relation the text supports.
    line: 1-based line in the gold file (for messages).
    """

    document: Document
    triples: tuple[GoldTriple, ...]
    line: int = 0


def _names(value, what: str, text: str, source: str, line: int) -> tuple[str, ...]:
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not names or not all(isinstance(n, str) and n.strip() for n in names):
        raise InputError(source, line, f"triple {what} must be a name or a list of names, got {value!r}")
    folded = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).lower()
    if not any(unicodedata.normalize("NFKC", n).translate(_APOSTROPHES).lower() in folded for n in names):
        raise InputError(source, line, f"{what} {value!r} does not occur in the text; write a name as the text spells it")
    return tuple(n.strip() for n in names)


def parse_gold_line(raw: str, source: str, line: int) -> GoldDocument:
    """Parse and validate one gold line.

    raw: the JSON text of the line.
    source: file name for messages. line: 1-based line number.
    Raises InputError naming ``source:line`` and the fix.
    """
    from ontology import load_ontology

    onto = load_ontology()
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(source, line, f"not valid JSON ({exc.msg} at column {exc.colno}); write one JSON object per line") from None
    if not isinstance(obj, dict):
        raise InputError(source, line, "expected a JSON object with id, text, source and triples")
    unknown = set(obj) - _DOC_FIELDS
    if unknown:
        raise InputError(source, line, f"unknown field(s) {', '.join(sorted(unknown))}; valid: {', '.join(sorted(_DOC_FIELDS))}")
    for key in ("id", "text", "source"):
        if not isinstance(obj.get(key), str) or not obj[key].strip():
            raise InputError(source, line, f"'{key}' must be a non-empty string")
    date = obj.get("date")
    if date is not None and not (isinstance(date, str) and _DATE.match(date)):
        raise InputError(source, line, f"date {date!r} must be YYYY-MM-DD")
    if not isinstance(obj.get("triples"), list):
        raise InputError(source, line, "'triples' must be a list (use [] for a document with no relation)")
    text = obj["text"]
    triples = []
    for n, t in enumerate(obj["triples"], start=1):
        if not isinstance(t, dict):
            raise InputError(source, line, f"triple {n} must be an object with subject, predicate, object")
        bad = set(t) - _TRIPLE_FIELDS
        if bad:
            raise InputError(source, line, f"triple {n}: unknown field(s) {', '.join(sorted(bad))}; valid: {', '.join(sorted(_TRIPLE_FIELDS))}")
        pred = t.get("predicate")
        if pred not in onto.predicates:
            raise InputError(source, line, f"triple {n}: unknown predicate {pred!r}; valid: {', '.join(onto.predicates)}")
        status = t.get("status", "asserted")
        if status not in onto.statuses:
            raise InputError(source, line, f"triple {n}: unknown status {status!r}; valid: {', '.join(onto.statuses)}")
        role = t.get("role")
        if role is not None and not isinstance(role, str):
            raise InputError(source, line, f"triple {n}: role must be a string")
        triples.append(GoldTriple(
            subject=_names(t.get("subject"), "subject", text, source, line),
            predicate=pred,
            object=_names(t.get("object"), "object", text, source, line),
            status=status, role=role,
        ))
    doc = Document(
        id=obj["id"], text=text, title=obj.get("title"), date=date, url=obj.get("url"),
        source=obj["source"], origin=f"{source}:{line}",
    )
    return GoldDocument(document=doc, triples=tuple(triples), line=line)


def load_gold(path: str | Path) -> list[GoldDocument]:
    """Load and validate a gold file.

    path: a JSON Lines gold file (blank lines are skipped).
    Raises InputError naming ``file:line`` on the first bad line or a
    repeated document id.
    """
    source = str(path)
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(source, None, f"cannot read gold file: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise InputError(source, None, "gold file is not UTF-8 text") from None
    docs: list[GoldDocument] = []
    seen: dict[str, int] = {}
    for n, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        gd = parse_gold_line(raw, source, n)
        if gd.document.id in seen:
            raise InputError(source, n, f"document id {gd.document.id!r} already used on line {seen[gd.document.id]}; ids must be unique")
        seen[gd.document.id] = n
        docs.append(gd)
    if not docs:
        raise InputError(source, None, "gold file has no documents")
    return docs


@dataclass
class Counts:
    """True positives, false positives and false negatives, with P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_json(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass(frozen=True)
class ErrorItem:
    """A false positive or false negative, for error analysis.

    kind: ``FP`` or ``FN``. doc_id: the gold document.
    subject/predicate/object/status: the triple (gold names joined by `` | ``).
    sentence: the evidence sentence (FP) or the likeliest sentence (FN).
    note: e.g. ``status mismatch: gold planned``.
    """

    kind: str
    doc_id: str
    subject: str
    predicate: str
    object: str
    status: str
    sentence: str
    note: str = ""

    def to_json(self) -> dict:
        return {k: getattr(self, k) for k in ("kind", "doc_id", "subject", "predicate", "object", "status", "sentence", "note")}

    def line(self) -> str:
        note = f" [{self.note}]" if self.note else ""
        return f"{self.kind} {self.doc_id}: ({self.subject}, {self.predicate}/{self.status}, {self.object}){note} :: {self.sentence}"


@dataclass
class Report:
    """The outcome of :func:`evaluate`.

    per_predicate: counts keyed by predicate (every gold or predicted one).
    errors: every FP and FN, in document order.
    documents: number of gold documents; duplicates: predictions that
    repeated an already matched gold triple under another name (not scored).
    match_status: whether statuses had to agree.
    """

    per_predicate: dict[str, Counts] = field(default_factory=dict)
    errors: list[ErrorItem] = field(default_factory=list)
    documents: int = 0
    duplicates: int = 0
    match_status: bool = False

    def overall(self, predicates: Iterable[str] | None = None) -> Counts:
        """Micro-averaged counts over ``predicates`` (all when None)."""
        keep = set(self.per_predicate if predicates is None else predicates)
        total = Counts()
        for key, c in self.per_predicate.items():
            if key in keep:
                total.add(c)
        return total

    def to_json(self, errors: bool = True) -> dict:
        """The report as a JSON-ready dict (``errors`` includes FP/FN items)."""
        out = {
            "documents": self.documents,
            "match_status": self.match_status,
            "duplicates": self.duplicates,
            "overall": self.overall().to_json(),
            "core": self.overall(CORE_PREDICATES).to_json(),
            "per_predicate": {k: c.to_json() for k, c in sorted(self.per_predicate.items())},
        }
        if errors:
            out["errors"] = [e.to_json() for e in self.errors]
        return out

    def table(self):
        """A rich Table of P/R/F1 and counts per predicate, core and overall."""
        from rich.table import Table

        title = f"{self.documents} documents, {'predicate + status' if self.match_status else 'predicate'} match"
        t = Table(title=title)
        for col in ("predicate", "TP", "FP", "FN", "P", "R", "F1"):
            t.add_column(col, justify="left" if col == "predicate" else "right")

        def row(name: str, c: Counts, style: str | None = None) -> None:
            t.add_row(name, str(c.tp), str(c.fp), str(c.fn), f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}", style=style)

        order = [p for p in CORE_PREDICATES if p in self.per_predicate]
        order += sorted(p for p in self.per_predicate if p not in CORE_PREDICATES)
        for i, key in enumerate(order):
            row(key, self.per_predicate[key])
        t.add_section()
        row("core (first 12)", self.overall(CORE_PREDICATES), "bold")
        row("overall (micro)", self.overall(), "bold")
        return t


def _entity_names(result: DocumentResult) -> dict[str, list[tuple[str, ...]]]:
    """Predicted entity name -> normalised name and aliases."""
    names: dict[str, list[tuple[str, ...]]] = {}
    for ent in result.entities:
        keys = [normalise_name(ent.name), *(normalise_name(a.text) for a in ent.aliases)]
        names.setdefault(ent.name, []).extend(k for k in keys if k)
    return names


def _matches_any(gold_names: tuple[str, ...], predicted: list[tuple[str, ...]]) -> bool:
    return any(names_match(normalise_name(g), p) for g in gold_names for p in predicted)


def _triple_matches(gold: GoldTriple, rel: Relation, names: dict[str, list[tuple[str, ...]]], symmetric: bool) -> bool:
    subj = names.get(rel.subject) or [normalise_name(rel.subject)]
    obj = names.get(rel.object) or [normalise_name(rel.object)]
    if _matches_any(gold.subject, subj) and _matches_any(gold.object, obj):
        return True
    return symmetric and _matches_any(gold.subject, obj) and _matches_any(gold.object, subj)


def _likely_sentence(text: str, triple: GoldTriple) -> str:
    """The first sentence naming both gold entities (else the subject)."""
    sentences = [s.strip() for s in _SENTENCE.split(text) if s.strip()]
    folded = [unicodedata.normalize("NFKC", s).translate(_APOSTROPHES).lower() for s in sentences]

    def has(names: tuple[str, ...], s: str) -> bool:
        return any(unicodedata.normalize("NFKC", n).translate(_APOSTROPHES).lower() in s for n in names)

    for s, f in zip(sentences, folded):
        if has(triple.subject, f) and has(triple.object, f):
            return s
    for s, f in zip(sentences, folded):
        if has(triple.subject, f) or has(triple.object, f):
            return s
    return sentences[0] if sentences else ""


def score_document(gold: GoldDocument, result: DocumentResult, report: Report) -> None:
    """Add one document's TP/FP/FN and errors to ``report``.

    gold: the gold document. result: the extractor's output for it.
    report: the report being filled (its ``match_status`` applies).
    """
    from ontology import load_ontology

    onto = load_ontology()
    names = _entity_names(result)
    # Collapse predictions that repeat a relation (e.g. in two sentences).
    seen: set[tuple] = set()
    predicted: list[Relation] = []
    for rel in result.relations:
        key = (rel.predicate, normalise_name(rel.subject), normalise_name(rel.object),
               rel.status if report.match_status else None)
        p = onto.predicates.get(rel.predicate)
        if p is not None and p.symmetric:
            key = (rel.predicate, *sorted([key[1], key[2]]), key[3])
        if key not in seen:
            seen.add(key)
            predicted.append(rel)

    matched_gold: set[int] = set()
    near_miss: dict[int, Relation] = {}  # gold index -> prediction with the wrong status
    for rel in predicted:
        p = onto.predicates.get(rel.predicate)
        symmetric = bool(p and p.symmetric)
        hit = None
        duplicate = False
        for i, g in enumerate(gold.triples):
            if g.predicate != rel.predicate or not _triple_matches(g, rel, names, symmetric):
                continue
            if report.match_status and g.status != rel.status:
                near_miss.setdefault(i, rel)
                continue
            if i in matched_gold:
                duplicate = True
                continue
            hit = i
            break
        counts = report.per_predicate.setdefault(rel.predicate, Counts())
        if hit is not None:
            matched_gold.add(hit)
            counts.tp += 1
        elif duplicate:
            report.duplicates += 1
        else:
            counts.fp += 1
            miss = next((gold.triples[i] for i, r in near_miss.items() if r is rel), None)
            report.errors.append(ErrorItem(
                "FP", gold.document.id, rel.subject, rel.predicate, rel.object, rel.status, rel.sentence,
                f"status mismatch: gold {miss.status}" if miss else "",
            ))
    for i, g in enumerate(gold.triples):
        if i in matched_gold:
            continue
        report.per_predicate.setdefault(g.predicate, Counts()).fn += 1
        rel = near_miss.get(i)
        report.errors.append(ErrorItem(
            "FN", gold.document.id, " | ".join(g.subject), g.predicate, " | ".join(g.object), g.status,
            rel.sentence if rel else _likely_sentence(gold.document.text, g),
            f"status mismatch: predicted {rel.status}" if rel else "",
        ))


def evaluate(
    gold_docs: Iterable[GoldDocument],
    extract_fn: Callable[[Document], DocumentResult],
    *,
    match_status: bool = False,
) -> Report:
    """Run ``extract_fn`` on every gold document and score its relations.

    gold_docs: documents from :func:`load_gold`.
    extract_fn: the extractor, e.g. ``Extractor(model=...).extract``.
    match_status: also require the predicted status to equal the gold one.
    Returns a :class:`Report` with per-predicate and micro-averaged counts.
    """
    report = Report(match_status=match_status)
    for gold in gold_docs:
        report.documents += 1
        for g in gold.triples:
            report.per_predicate.setdefault(g.predicate, Counts())
        score_document(gold, extract_fn(gold.document), report)
    return report


def run_eval(path: str | Path, *, model: str, match_status: bool = False) -> Report:
    """Load a gold file and the extractor, and score it (the ``eval`` command).

    path: the gold JSON Lines file.
    model: name of the spaCy pipeline the extractor loads.
    match_status: also require statuses to agree.
    """
    gold = load_gold(path)  # validate before paying for the model
    from .pipeline import Extractor

    extractor = Extractor(model=model)
    return evaluate(gold, extractor.extract, match_status=match_status)
