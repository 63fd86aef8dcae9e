"""Deterministic synthetic news and graphs for the benchmarks.

Two generators, both seeded (same seed, same output):

- :func:`corpus`: news-like English documents (JSONL records as
  ``relgraph build`` reads them) with many distinct invented entities
  (companies with legal suffixes, government bodies, organizations, people
  with roles; real countries and cities), exercising every predicate and
  status of the ontology. Each record also lists the triples it was written
  to express (``triples``, as in the gold files), so a run can be scored.
- :func:`graph`: a :class:`~graph.model.KnowledgeGraph` built directly, for
  scale runs of loading, queries and export (100k entities / 1M relations)
  without hours of parsing.

The vocabulary lives in ``benchmarks/data/synth.yaml``.

Example::

    python -m benchmarks.synth --docs 1000 --seed 7 --out /tmp/synth.jsonl
    python -m benchmarks.synth --entities 100000 --relations 1000000   # graph summary only
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Iterator

import yaml

from graph.model import Article, Entity, Evidence, KnowledgeGraph, Statement, evidence_id, statement_id
from ontology import Ontology, load_ontology
from relgraph.errors import DataFileError

VOCAB = Path(__file__).resolve().parent / "data" / "synth.yaml"
# Entity types the generators produce, and their share of the invented entities.
TYPE_SHARES = {"Company": 0.55, "Person": 0.2, "GovernmentBody": 0.1, "Organization": 0.15}
_LISTS = ("syllables", "company_words", "company_suffixes", "government_areas", "government_patterns",
          "organization_patterns", "first_names", "last_names", "roles", "countries", "cities",
          "subsidiary_of", "works_for", "fillers")
_FILL = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Vocab:
    """The validated contents of ``synth.yaml``."""

    lists: dict
    predicates: dict
    statuses: dict
    fill: dict


@lru_cache(maxsize=2)
def load_vocab(path: str = str(VOCAB)) -> Vocab:
    """Load and check the vocabulary against the ontology.

    path: the YAML file.
    """
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"{path}: cannot read the synthetic vocabulary: {exc}".splitlines()[0]) from exc
    onto = load_ontology()
    for key in _LISTS:
        value = data.get(key)
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            raise DataFileError(f"{path}: '{key}' must be a non-empty list of strings")
    preds = data.get("predicates") or {}
    missing = sorted(set(onto.predicates) - set(preds))
    unknown = sorted(set(preds) - set(onto.predicates))
    if missing or unknown:
        raise DataFileError(f"{path}: predicates must match the ontology; missing {missing}, unknown {unknown}")
    for key, forms in preds.items():
        if not forms.get("asserted_only") and not all(forms.get(f) for f in ("base", "past", "gerund")):
            raise DataFileError(f"{path}: predicate {key}: needs base, past and gerund (or asserted_only: true)")
    statuses = data.get("statuses") or {}
    if set(statuses) != set(onto.statuses):
        raise DataFileError(f"{path}: statuses must be exactly the ontology's: {', '.join(sorted(onto.statuses))}")
    fill = data.get("fill") or {}
    known = set(fill) | {"S", "O", "E", "pct", "amount", "country", "city", "role", "base", "past", "gerund", "noun"}
    for n, text in enumerate([t for v in statuses.values() for t in v] + data["fillers"] + data["works_for"]
                             + data["subsidiary_of"] + [f for v in preds.values() for f in v.values() if isinstance(f, str)]):
        for name in _FILL.findall(text):
            if name not in known:
                raise DataFileError(f"{path}: template {text!r} uses {{{name}}}, which is not defined under 'fill'")
    return Vocab(lists={k: data[k] for k in _LISTS}, predicates=preds, statuses=statuses, fill=fill)


# --- entity names --------------------------------------------------------------------------


class NameMaker:
    """Distinct invented entity names of each type, in a seeded order.

    rng: the random generator to draw from.
    vocab: the vocabulary.
    """

    def __init__(self, rng: random.Random, vocab: Vocab):
        self.rng = rng
        self.v = vocab.lists
        self.stems: set[str] = set()
        self.names: set[str] = set()

    def stem(self) -> str:
        # Mostly three or four syllables: two give only ~2,500 stems.
        while True:
            k = self.rng.choices((2, 3, 4), weights=(1, 5, 4))[0]
            s = "".join(self.rng.choice(self.v["syllables"]) for _ in range(k)).capitalize()
            if s not in self.stems:
                self.stems.add(s)
                return s

    def make(self, etype: str) -> str:
        """A name of type ``etype`` not made before."""
        r, v = self.rng, self.v
        while True:
            if etype == "Company":
                name = f"{self.stem()} {r.choice(v['company_words'])} {r.choice(v['company_suffixes'])}"
            elif etype == "Person":
                name = f"{r.choice(v['first_names'])} {r.choice([r.choice(v['last_names']), self.stem()])}"
            elif etype == "GovernmentBody":
                name = r.choice(v["government_patterns"]).format(
                    country=r.choice(v["countries"]), area=r.choice(v["government_areas"]), stem=self.stem())
            elif etype == "Organization":
                name = r.choice(v["organization_patterns"]).format(stem=self.stem(), word=r.choice(v["company_words"]))
            else:
                raise ValueError(f"no invented names for {etype}")
            if name not in self.names:
                self.names.add(name)
                return name


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@dataclass
class Pool:
    """Entities to draw from, by type: lists of (name, type)."""

    by_type: dict[str, list[str]]
    _choices: dict = field(default_factory=dict, repr=False)

    def pick(self, rng: random.Random, types: frozenset[str] | set[str], exclude: str | None = None) -> tuple[str, str]:
        """A (name, type) of one of ``types``; low indices are drawn more often
        (a few entities are in much of the news, most in little of it)."""
        key = frozenset(types)
        choices = self._choices.get(key)
        if choices is None:
            choices = self._choices[key] = sorted(t for t in types if self.by_type.get(t))
        while True:
            t = rng.choice(choices)
            names = self.by_type[t]
            name = names[int(len(names) * rng.random() ** 2)]
            if name != exclude:
                return name, t


def make_pool(rng: random.Random, vocab: Vocab, n_invented: int) -> Pool:
    """Invented entities split by :data:`TYPE_SHARES`, plus countries and cities.

    n_invented: how many invented entities in all.
    """
    maker = NameMaker(rng, vocab)
    by_type = {t: [maker.make(t) for _ in range(max(1, round(n_invented * share)))] for t, share in TYPE_SHARES.items()}
    by_type["Country"] = list(vocab.lists["countries"])
    by_type["Place"] = list(vocab.lists["cities"])
    return Pool(by_type)


# --- corpus -----------------------------------------------------------------------------------


def _fill(template: str, rng: random.Random, vocab: Vocab, values: dict[str, str]) -> str:
    def one(m: re.Match) -> str:
        key = m.group(1)
        if key in values:
            return values[key]
        if key == "pct":
            return f"{rng.randint(1, 49)}.{rng.randint(0, 9)}"
        if key == "amount":
            return str(rng.choice((12, 45, 80, 150, 320, 640, 1200)))
        if key == "country":
            return rng.choice(vocab.lists["countries"])
        if key == "city":
            return rng.choice(vocab.lists["cities"])
        if key == "role":
            return rng.choice(vocab.lists["roles"])
        return rng.choice(vocab.fill[key])

    return _FILL.sub(one, template)


def _form(form: str, obj: str) -> str:
    return form.replace("{O}", obj) if "{O}" in form else f"{form} {obj}"


def relation_sentence(rng: random.Random, vocab: Vocab, onto: Ontology, pool: Pool, predicate: str) -> tuple[str, dict]:
    """One sentence expressing one relation, and the triple it expresses.

    predicate: the ontology predicate to express.
    """
    p = onto.predicate(predicate)
    forms = vocab.predicates[predicate]
    subj, stype = pool.pick(rng, p.subject_types)
    obj, otype = pool.pick(rng, p.object_types, exclude=subj)
    if predicate == "works-for":
        status = "asserted"
        text = _fill(rng.choice(vocab.lists["works_for"]), rng, vocab, {"S": subj, "O": obj})
    elif predicate == "subsidiary-of":
        status = "asserted"
        text = _fill(rng.choice(vocab.lists["subsidiary_of"]), rng, vocab, {"S": subj, "O": obj})
    else:
        statuses = [s for s in vocab.statuses if s != "completed" or forms.get("noun")]
        status = rng.choice(statuses)
        values = {"S": subj}
        for f in ("base", "past", "gerund", "noun"):
            if forms.get(f):
                values[f] = _fill(_form(forms[f], obj), rng, vocab, {})
        text = _fill(rng.choice(vocab.statuses[status]), rng, vocab, values)
    text = text[0].upper() + text[1:]
    return text, {"subject": subj, "subject_type": stype, "predicate": predicate,
                  "object": obj, "object_type": otype, "status": status}


def corpus(n_docs: int, seed: int = 7, sentences: tuple[int, int] = (6, 12), entities: int | None = None) -> Iterator[dict]:
    """Synthetic news documents as JSONL records.

    n_docs: number of documents.
    seed: random seed.
    sentences: (min, max) sentences per document; about two thirds express a relation.
    entities: invented entities in the pool (default 2 per document, at least 60).
    Yields dicts with id, title, date, source, text and triples.
    """
    rng = random.Random(seed)
    vocab = load_vocab()
    onto = load_ontology()
    pool = make_pool(rng, vocab, entities or max(60, 2 * n_docs))
    predicates = sorted(onto.predicates)
    start = date(2024, 1, 1)
    for i in range(n_docs):
        lines, triples = [], []
        for _ in range(rng.randint(*sentences)):
            if rng.random() < 0.67:
                text, triple = relation_sentence(rng, vocab, onto, pool, rng.choice(predicates))
                triples.append(triple)
            else:
                ent, _ = pool.pick(rng, {"Company", "Organization"})
                text = _fill(rng.choice(vocab.lists["fillers"]), rng, vocab, {"E": ent})
            lines.append(text)
        # Paragraphs of up to three sentences, one per line.
        paragraphs = [" ".join(lines[k:k + 3]) for k in range(0, len(lines), 3)]
        headline = triples[0]["subject"] if triples else "Markets"
        yield {
            "id": f"synth-{seed}-{i:06d}",
            "title": f"{headline}: synthetic report {i}",
            "date": (start + timedelta(days=i % 365)).isoformat(),
            "source": "relgraph synthetic corpus",
            "text": "\n".join(paragraphs),
            "triples": triples,
        }


def write_corpus(path: str | Path, n_docs: int, seed: int = 7) -> int:
    """Write :func:`corpus` to a JSONL file; returns the number of words.

    path: output file. n_docs: documents. seed: random seed.
    """
    words = 0
    with Path(path).open("w", encoding="utf-8") as f:
        for rec in corpus(n_docs, seed):
            words += len(rec["text"].split())
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return words


# --- graph ------------------------------------------------------------------------------------


def graph(n_entities: int, n_relations: int, seed: int = 7, relations_per_article: int = 10) -> KnowledgeGraph:
    """A KnowledgeGraph with the shape ``relgraph build`` makes, without parsing.

    n_entities: entities (invented ones plus the countries and cities).
    n_relations: statements (distinct subject, predicate, object, status, role).
    seed: random seed.
    relations_per_article: statements per article; each has its own evidence
        sentence and about one in six also cites a sentence of an earlier one.
    """
    rng = random.Random(seed)
    vocab = load_vocab()
    onto = load_ontology()
    fixed = len(vocab.lists["countries"]) + len(vocab.lists["cities"])
    pool = make_pool(rng, vocab, max(len(TYPE_SHARES), n_entities - fixed))
    kg = KnowledgeGraph()
    for etype, names in pool.by_type.items():
        for name in names:
            eid = _slug(name)
            kg.entities[eid] = Entity(eid, name, etype, aliases=[(name.split()[0], None)] if etype == "Company" else [])
    ids = {e.name: e.id for e in kg.entities.values()}
    predicates = sorted(onto.predicates)
    statuses = sorted(onto.statuses)
    start = date(2024, 1, 1)
    n_articles = max(1, math.ceil(n_relations / relations_per_article))
    for a in range(n_articles):
        doc = f"synth-{seed}-{a:07d}"
        kg.articles[doc] = Article(doc, f"Synthetic report {a}", (start + timedelta(days=a % 730)).isoformat(),
                                   f"https://example.org/synth/{a}", "relgraph synthetic corpus")
    made = attempts = 0
    while made < n_relations:
        attempts += 1
        if attempts > 3 * n_relations + 1000:
            raise ValueError(f"cannot make {n_relations} distinct relations among {n_entities} entities; add entities")
        predicate = predicates[made % len(predicates)]
        p = onto.predicate(predicate)
        subj, _ = pool.pick(rng, p.subject_types)
        obj, _ = pool.pick(rng, p.object_types, exclude=subj)
        s, o = ids[subj], ids[obj]
        if p.symmetric and o < s:
            s, o = o, s
        status = "asserted" if predicate in ("works-for", "subsidiary-of") else statuses[rng.randrange(len(statuses))]
        role = rng.choice(vocab.lists["roles"]) if predicate == "works-for" else None
        sid = statement_id(s, predicate, o, status, role)
        if sid in kg.statements:
            continue
        art = kg.articles[f"synth-{seed}-{made // relations_per_article:07d}"]
        offset = (made % relations_per_article) * 120
        text = f"{subj} {vocab.predicates[predicate].get('past', predicate)} {obj}, a spokesperson said."
        ev = Evidence(evidence_id(art.id, offset, offset + len(text)), art.id, text, offset, offset + len(text),
                      "a spokesperson" if made % 3 == 0 else None)
        kg.evidence[ev.id] = ev
        evidence = [ev.id]
        dates = [art.date]
        if made >= relations_per_article and rng.random() < 1 / 6:
            other = kg.articles[f"synth-{seed}-{rng.randrange(made // relations_per_article):07d}"]
            evidence.append(evidence_id(other.id, 0, 60))
            if evidence[-1] not in kg.evidence:
                kg.evidence[evidence[-1]] = Evidence(evidence[-1], other.id, f"{subj} and {obj} were named in the report.", 0, 60)
            dates.append(other.date)
        kg.statements[sid] = Statement(
            sid, s, predicate, o, status, predicate if status == "asserted" else f"{status}-{predicate}", role,
            round(0.5 + rng.random() / 2, 2), sorted(evidence), min(dates), max(dates),
        )
        made += 1
    return kg


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="Example:\n  python -m benchmarks.synth --docs 1000 --seed 7 --out /tmp/synth.jsonl")
    ap.add_argument("--docs", type=int, help="documents to write to --out")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, help="JSONL file for --docs")
    ap.add_argument("--entities", type=int, help="build a graph of this many entities and print its size")
    ap.add_argument("--relations", type=int, default=1_000_000)
    args = ap.parse_args(argv)
    if args.docs:
        if args.out is None:
            ap.error("--docs needs --out FILE.jsonl")
        t0 = time.perf_counter()
        words = write_corpus(args.out, args.docs, args.seed)
        print(f"{args.docs} documents, {words} words -> {args.out} ({time.perf_counter() - t0:.1f} s)")
    if args.entities:
        t0 = time.perf_counter()
        kg = graph(args.entities, args.relations, args.seed)
        print(f"graph: {len(kg.entities)} entities, {len(kg.statements)} relations, {len(kg.evidence)} evidence, "
              f"{len(kg.articles)} articles ({time.perf_counter() - t0:.1f} s)")
    if not args.docs and not args.entities:
        ap.print_help(sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
