"""Synthetic extraction results for fault and security tests.

Building a store from these skips spaCy (seconds instead of minutes) while
exercising the real entity resolution, aggregation, embedded store and
writers. Every relation is allowed by the ontology.
"""

from __future__ import annotations

import random

from extraction.records import DocEntity, Document, DocumentResult, Relation

# Company -> Company predicates that are not symmetric (so the direction is kept).
PREDICATES = ("accuses", "acquires", "bids-for", "divests", "holds-stake-in", "invests-in",
              "opposes", "outbids", "sues", "supplies", "urges", "subsidiary-of")
STATUSES = ("asserted", "considered", "planned", "threatened", "completed", "denied")


def company(i: int) -> str:
    # Distinct digits keep resolution from merging two synthetic companies.
    return f"Synthco {i:05d}"


def results(n_docs: int, rels_per_doc: int, n_companies: int = 400, seed: int = 9,
            names: list[str] | None = None) -> list[DocumentResult]:
    """Deterministic DocumentResults: ``n_docs`` documents of ``rels_per_doc`` relations each.

    n_docs: documents; rels_per_doc: relations (one sentence each) per document.
    n_companies: size of the pool of company names.
    seed: random seed (same seed, same results).
    names: use these entity names instead of ``Synthco NNNNN`` (hostile names).
    """
    rng = random.Random(seed)
    pool = names or [company(i) for i in range(n_companies)]
    out = []
    for d in range(n_docs):
        doc_id = f"synthetic-{d:05d}"
        sentences, rels, ents = [], [], {}
        offset = 0
        for _ in range(rels_per_doc):
            s, o = rng.sample(pool, 2)
            pred, status = rng.choice(PREDICATES), rng.choice(STATUSES)
            sentence = f"{s} {pred.replace('-', ' ')} {o} ({status})."
            start = offset
            end = start + len(sentence)
            sentences.append(sentence)
            offset = end + 1
            ents[s] = DocEntity(s, "Company")
            ents[o] = DocEntity(o, "Company")
            rels.append(Relation(
                subject=s, subject_type="Company", predicate=pred, object=o, object_type="Company",
                status=status, label=f"{status}-{pred}", role=None,
                confidence=round(rng.uniform(0.5, 0.99), 2), attributed_to=None,
                doc_id=doc_id, sentence=sentence, start=start, end=end,
            ))
        text = " ".join(sentences)
        doc = Document(id=doc_id, text=text, title=f"Synthetic {d}", date=f"2019-05-{1 + d % 28:02d}",
                       url=f"https://example.org/{doc_id}", source="relgraph tests", origin=doc_id)
        out.append(DocumentResult(document=doc, entities=tuple(ents.values()), relations=tuple(rels)))
    return out


def write_store(path, res: list[DocumentResult]):
    """Resolve, aggregate and save ``res`` as the embedded store at ``path``;
    returns the KnowledgeGraph."""
    from graph.build import graph_from_results
    from graph.store import EmbeddedStore

    kg = graph_from_results(res, curation=str(path) + "-no-curation.yaml")
    EmbeddedStore(path).save(res, kg)
    return kg
