"""Records that extraction produces and the graph package consumes.

A :class:`DocumentResult` holds one document, the entities found in it
(already resolved inside the document: short forms and parenthesised
Chinese names folded into one :class:`DocEntity`) and its relations.
``relgraph extract --format jsonl`` writes one :meth:`Relation.to_json`
object per line; the fields are the output contract of the extractor.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field

# One JSON object per relation, in this key order (the output contract).
RELATION_FIELDS = (
    "subject", "subject_type", "predicate", "object", "object_type",
    "status", "label", "role", "confidence", "attributed_to",
    "doc_id", "sentence", "start", "end",
)


def content_id(text: str) -> str:
    """Stable document id from its text: ``sha1:`` plus 16 hex digits."""
    return "sha1:" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Document:
    """One input document.

    id: the given id, else :func:`content_id` of the text.
    text: the full text.
    title, date (ISO ``YYYY-MM-DD``), url, source: optional metadata.
    origin: where it came from, ``path`` or ``path:line`` (for messages).
    """

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str = ""


@dataclass(frozen=True)
class Alias:
    """Another name of an entity; ``lang`` is a BCP 47 tag (``zh``) or None."""

    text: str
    lang: str | None = None


@dataclass(frozen=True)
class DocEntity:
    """An entity as one document names it.

    name: the fullest name used in the document (``Zhejiang Dahua Technology Co``).
    type: an ontology entity type key (``Company``).
    aliases: other names in the document (``Dahua``, ``浙江大華科技`` with lang ``zh``).
    gazetteer_id: id of the gazetteer entry it matched, or None.
    """

    name: str
    type: str
    aliases: tuple[Alias, ...] = ()
    gazetteer_id: str | None = None


@dataclass(frozen=True)
class Relation:
    """One extracted relation with its evidence (the output contract).

    subject/object: names as :class:`DocEntity` ``name`` of the document.
    predicate: ontology predicate key; status: ontology status key.
    label: display label, e.g. ``considers-blacklisting``.
    role: for works-for, the role (``spokesman``), else None.
    confidence: 0..1. attributed_to: the named source, or None.
    sentence, start, end: the evidence sentence and its character offsets.
    trigger: the word that triggered the rule (for ``--explain``).
    rule: the id of the pattern that matched.
    event_date: the date a relative expression of the sentence points to, anchored
    to the article date (``YYYY-MM-DD``, ``YYYY-Www``, ``YYYY-MM`` or ``YYYY``;
    see extraction/dates.py), or None.
    """

    subject: str
    subject_type: str
    predicate: str
    object: str
    object_type: str
    status: str
    label: str
    role: str | None
    confidence: float
    attributed_to: str | None
    doc_id: str
    sentence: str
    start: int
    end: int
    trigger: str = ""
    rule: str = ""
    event_date: str | None = None

    def to_json(self) -> dict:
        """The contract fields, in contract order, then ``event_date`` when known."""
        d = asdict(self)
        out = {k: d[k] for k in RELATION_FIELDS}
        if self.event_date is not None:
            out["event_date"] = self.event_date
        return out


@dataclass(frozen=True)
class DocumentResult:
    """Everything extracted from one document."""

    document: Document
    entities: tuple[DocEntity, ...] = ()
    relations: tuple[Relation, ...] = ()
    dropped: tuple[dict, ...] = field(default=(), compare=False)
