"""The resolved, aggregated knowledge graph that every writer reads.

Built from extraction's :class:`~extraction.records.DocumentResult` objects by
entity resolution (``graph.resolve``) and aggregation (``graph.build``).
The embedded store, Neo4j and RDF export all hold exactly this content:

- :class:`Entity` keyed by a stable ``id`` (``^[a-z0-9][a-z0-9._-]*$``);
- :class:`Statement`: one relation = (subject id, predicate, object id,
  status, role), with aggregated confidence, evidence ids and dates;
- :class:`Evidence`: one sentence of one article;
- :class:`Article`: document metadata.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


def short_hash(*parts: str | None) -> str:
    """16 hex digits of SHA-1 over the parts joined by U+001F."""
    joined = "\x1f".join("" if p is None else p for p in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:16]


def statement_id(subject_id: str, predicate: str, object_id: str, status: str, role: str | None) -> str:
    return short_hash(subject_id, predicate, object_id, status, role)


def evidence_id(doc_id: str, start: int, end: int) -> str:
    return short_hash(doc_id, str(start), str(end))


@dataclass
class Entity:
    """A canonical entity.

    aliases: (text, lang) pairs, lang None or a BCP 47 tag such as ``zh``.
    """

    id: str
    name: str
    type: str
    aliases: list[tuple[str, str | None]] = field(default_factory=list)
    wikidata: str | None = None
    lei: str | None = None
    ticker: str | None = None


@dataclass
class Article:
    id: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None


@dataclass
class Evidence:
    id: str
    doc_id: str
    text: str
    start: int
    end: int
    attributed_to: str | None = None


@dataclass
class Statement:
    """One relation with everything known about it.

    confidence: the highest confidence of its evidence.
    evidence: evidence ids, sorted. first_seen/last_seen: ISO dates of the
    earliest and latest article date among its evidence (None when undated).
    """

    id: str
    subject: str
    predicate: str
    object: str
    status: str
    label: str
    role: str | None
    confidence: float
    evidence: list[str] = field(default_factory=list)
    first_seen: str | None = None
    last_seen: str | None = None

    @property
    def evidence_count(self) -> int:
        return len(self.evidence)


@dataclass
class KnowledgeGraph:
    """The whole graph, keyed by id. Iteration order is sorted by id so that
    every writer produces deterministic output."""

    entities: dict[str, Entity] = field(default_factory=dict)
    statements: dict[str, Statement] = field(default_factory=dict)
    evidence: dict[str, Evidence] = field(default_factory=dict)
    articles: dict[str, Article] = field(default_factory=dict)
