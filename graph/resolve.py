"""Entity resolution: one canonical entity per real-world entity.

:func:`resolve` takes the entities of every document (each already resolved
inside its document by the extractor) and groups them across documents:

1. **exact key**: same type and same normalized name (case, punctuation,
   possessives, leading "the", person titles, legal suffixes; see
   :mod:`graph.normalize`);
2. **gazetteer**: the extractor's ``gazetteer_id``, else a unique gazetteer
   entry whose name or alias (or, for a GovernmentBody, metonym) has the key;
3. **Chinese name**: the same Chinese name (alias with lang ``zh``) and type;
4. **alias / short name / acronym**: a name that is another document's
   alias, a contiguous part of a longer name ("Dahua" in "Zhejiang Dahua
   Technology"), or its acronym, attaches to it when exactly one entity of
   the same type qualifies, the name is not made of generic words only and
   the longer name adds no distinguishing word (Bank, Financial, Life...);
5. **fuzzy**: rapidfuzz similarity at or above ``fuzzy.merge`` with the
   same words count, digits and distinguishing words (never for people).

Entities of different types never merge; two gazetteer entries never merge.
Uncertain pairs (ambiguous short names, fuzzy scores above
``fuzzy.candidate``, same name with different types) become
:class:`Candidate` records for review. Finally the curation file's
decisions are applied in order (:mod:`graph.curation`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from extraction.gazetteer import GazetteerEntry
from extraction.records import DocEntity, DocumentResult
from relgraph.errors import EntityError

from .curation import Curation, Decision
from .model import Entity, short_hash
from .normalize import (
    NameLexicon,
    acronyms,
    compact,
    is_generic,
    load_lexicon,
    name_key,
    slug,
    strip_possessive,
    type_slug,
    zh_key,
)

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Type pairs that routinely share a name without being duplicates: a country,
# its territory and its government ("US" the place, "US" the state actor).
_EXPECTED_SAME_NAME = {frozenset({"Country", "GovernmentBody"}), frozenset({"Place", "GovernmentBody"}),
                       frozenset({"Place", "Country"})}
_MAX_SLUG = 80
# Candidate lists are for people to read: at most this many per name and rule.
_MAX_CANDIDATES = 5
_FUZZY_BLOCK = 512
_NO_KEYS: frozenset[str] = frozenset()
# Types whose names made only of generic words ("Ministry of Foreign
# Affairs", "Commerce Department") name a different body in each country,
# so such a name identifies an entity only inside its own document.
_SCOPED_TYPES = frozenset({"GovernmentBody", "Organization", "Company"})


class UnknownEntityName(EntityError, KeyError):
    """A (document, name) pair that no entity of that document has; a
    KeyError too, so mapping-style callers can catch it."""

    __str__ = Exception.__str__


@dataclass(frozen=True)
class Candidate:
    """Two entities that may be one, left apart for an analyst to decide.

    a, b: entity ids (a < b).
    score: 0..1, how alike the names are.
    reason: which rule proposed the pair and why it did not merge them.
    """

    a: str
    b: str
    score: float
    reason: str


@dataclass
class Resolution:
    """The result of :func:`resolve`.

    entities: canonical entities by id.
    ids: (doc_id, DocEntity.name) -> entity id.
    candidates: likely duplicates not merged, best score first.
    mentions: entity id -> sorted (doc_id, name) pairs that resolved to it.
    reasons: entity id -> one line per merge explaining the rule that made it.
    warnings: curation decisions that could not apply, unknown gazetteer ids.
    """

    entities: dict[str, Entity]
    ids: dict[tuple[str, str], str]
    candidates: list[Candidate]
    mentions: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    reasons: dict[str, list[str]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    _aliases: dict[tuple[str, str], str] = field(default_factory=dict, repr=False)

    def entity_id(self, doc_id: str, name: str) -> str:
        """The canonical id of an entity named in a document.

        doc_id: the document id.
        name: a ``DocEntity.name`` of that document (an alias also works when
            it belongs to one entity only).
        """
        try:
            return self.ids[(doc_id, name)]
        except KeyError:
            pass
        try:
            return self._aliases[(doc_id, name)]
        except KeyError:
            raise UnknownEntityName(f"document {doc_id!r} names no entity {name!r}; a relation must use a DocEntity name of its document") from None


# One mention per DocEntity of every document: slots and a shared empty set keep each to about
# 330 bytes instead of 1 KB (a __dict__ and two empty frozensets of 216 bytes each).
@dataclass(slots=True)
class _Mention:
    doc_id: str
    entity: DocEntity
    type: str
    key: tuple[str, ...]
    ckey: str
    zh: frozenset[str]
    alias_keys: frozenset[str]
    entry: str | None = None
    atom: tuple[str, str, str] = ("", "", "")


@dataclass
class _Cluster:
    members: set[int]
    type: str
    entry: str | None = None
    pinned_id: str | None = None
    name: str | None = None
    notes: list[str] = field(default_factory=list)


class _UnionFind:
    """Mentions grouped into clusters; a union is refused across types or
    across two gazetteer entries."""

    def __init__(self, mentions: list[_Mention]):
        self.parent = list(range(len(mentions)))
        self.type = [m.type for m in mentions]
        self.entry = [m.entry for m in mentions]
        self.events: list[tuple[int, int, str]] = []

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def compatible(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if self.type[ra] != self.type[rb]:
            return False
        ea, eb = self.entry[ra], self.entry[rb]
        return ea is None or eb is None or ea == eb

    def union(self, a: int, b: int, rule: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if not self.compatible(ra, rb):
            return False
        # The smaller index stays the root so results do not depend on call order.
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.entry[ra] = self.entry[ra] or self.entry[rb]
        self.events.append((a, b, rule))
        return True


class _Gazetteer:
    """Gazetteer entries indexed by the keys of their names."""

    def __init__(self, entries: Sequence[GazetteerEntry], lexicon: NameLexicon):
        self.by_id = {e.id: e for e in entries}
        self.names: dict[str, set[str]] = defaultdict(set)     # compact key -> entry ids
        self.metonyms: dict[str, set[str]] = defaultdict(set)  # compact key -> GovernmentBody entry ids
        self.zh: dict[str, set[str]] = defaultdict(set)
        for e in entries:
            for text in e.names():
                if _is_zh(text, None):
                    self.zh[zh_key(text)].add(e.id)
                else:
                    self.names[compact(name_key(text, e.type, lexicon))].add(e.id)
            for a in e.aliases:
                if _is_zh(a.text, a.lang):
                    self.zh[zh_key(a.text)].add(e.id)
            if e.type == "GovernmentBody":
                for text in e.metonyms:
                    self.metonyms[compact(name_key(text, e.type, lexicon))].add(e.id)

    def match(self, m: _Mention) -> str | None:
        """The one entry of a compatible type that the mention names, or None."""
        def fitting(ids: Iterable[str]) -> set[str]:
            return {i for i in ids if _type_fits(m.type, self.by_id[i].type)}

        found = fitting(self.names.get(m.ckey, ()))
        if not found and m.type == "GovernmentBody":
            found = fitting(self.metonyms.get(m.ckey, ()))
        if not found:
            for k in m.alias_keys:
                found |= fitting(self.names.get(k, ()))
            for k in m.zh:
                found |= fitting(self.zh.get(k, ()))
        return next(iter(found)) if len(found) == 1 else None


def _is_zh(text: str, lang: str | None) -> bool:
    return (lang or "").lower().startswith("zh") or bool(_CJK.search(text))


def _type_fits(mention_type: str, entry_type: str) -> bool:
    # A place the gazetteer knows as a country is that country.
    return mention_type == entry_type or (mention_type == "Place" and entry_type == "Country")


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The words of ``long`` before and after the first occurrence of
    ``short`` as a contiguous run, or None."""
    n = len(short)
    for i in range(len(long) - n + 1):
        if long[i:i + n] == short:
            return long[:i], long[i + n:]
    return None


class _Keys:
    """``name_key`` remembered per (name, type): a corpus names the same
    entities again and again, and a key is a pure function of the two."""

    def __init__(self, lexicon: NameLexicon):
        self.lexicon = lexicon
        self.known: dict[tuple[str, str], tuple[str, ...]] = {}

    def __call__(self, text: str, etype: str) -> tuple[str, ...]:
        try:
            return self.known[(text, etype)]
        except KeyError:
            key = self.known[(text, etype)] = name_key(text, etype, self.lexicon)
            return key


def _make_mentions(results: Sequence[DocumentResult], keys: _Keys) -> list[_Mention]:
    mentions = []
    for result in results:
        for ent in result.entities:
            key = keys(ent.name, ent.type)
            zh = {zh_key(ent.name)} if _is_zh(ent.name, None) else set()
            alias_keys = set()
            for a in ent.aliases:
                if _is_zh(a.text, a.lang):
                    zh.add(zh_key(a.text))
                else:
                    alias_keys.add(compact(keys(a.text, ent.type)))
            zh.discard("")
            alias_keys.discard("")
            # A name with no letters or digits ("—") matches only itself.
            ckey = compact(key) or zh_key(ent.name) or f"\x00{ent.name}"
            alias_keys.discard(ckey)
            mentions.append(_Mention(result.document.id, ent, ent.type, key, ckey,
                                     frozenset(zh) if zh else _NO_KEYS, frozenset(alias_keys) if alias_keys else _NO_KEYS))
    return mentions


class _Resolver:
    def __init__(self, results, gazetteer, lexicon):
        self.lex = lexicon
        self.gaz = _Gazetteer(gazetteer, lexicon)
        self.keys = _Keys(lexicon)
        self.m = _make_mentions(results, self.keys)
        self.warnings: list[str] = []
        seen: dict[tuple[str, str], str] = {}
        for m in self.m:
            k = (m.doc_id, m.entity.name)
            if k in seen:
                self.warnings.append(
                    f"{m.doc_id}: two entities named {m.entity.name!r} ({seen[k]}, {m.entity.type}); "
                    "relations naming it resolve to the last one")
            seen[k] = m.entity.type
        self.cands: dict[tuple[int, int], tuple[float, str]] = {}
        for m in self.m:
            gid = m.entity.gazetteer_id
            if gid is not None and gid not in self.gaz.by_id:
                self.warnings.append(f"{m.doc_id}: {m.entity.name!r} has gazetteer id {gid!r}, which this gazetteer lacks; resolved by name")
                gid = None
            if gid is None:
                gid = self.gaz.match(m)
            if gid is not None:
                m.entry = gid
                m.type = self.gaz.by_id[gid].type
        self.uf = _UnionFind(self.m)
        # Atoms: mentions with the same type and key (and document, for a
        # generic name without gazetteer entry); the unit of unmerge.
        self.atoms: dict[tuple[str, str, str], list[int]] = defaultdict(list)
        for i, m in enumerate(self.m):
            scoped = m.entry is None and m.type in _SCOPED_TYPES and is_generic(m.key, self.lex)
            m.atom = (m.type, m.ckey, m.doc_id if scoped else "")
            self.atoms[m.atom].append(i)

    def candidate(self, a: int, b: int, score: float, reason: str) -> None:
        pair = (min(a, b), max(a, b))
        if pair not in self.cands or self.cands[pair][0] < score:
            self.cands[pair] = (round(score, 3), reason)

    def run(self) -> None:
        uf = self.uf
        for members in self.atoms.values():
            for i in members[1:]:
                uf.union(members[0], i, "same name")
        by_entry: dict[str, int] = {}
        for i, m in enumerate(self.m):
            if m.entry is not None:
                first = by_entry.setdefault(m.entry, i)
                uf.union(first, i, "gazetteer")
        by_zh: dict[str, list[int]] = defaultdict(list)
        for i, m in enumerate(self.m):
            for k in m.zh:
                by_zh[k].append(i)
        for k, members in sorted(by_zh.items()):
            for i in members[1:]:
                if not uf.union(members[0], i, f"same Chinese name {k}"):
                    self.candidate(members[0], i, 1.0, f"same Chinese name {k}, but different types or gazetteer entries")
        self._same_name_other_type()
        self._short_names()
        self._fuzzy()

    def _same_name_other_type(self) -> None:
        by_key: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
        for (etype, ckey, scope), members in self.atoms.items():
            by_key[ckey].append((etype, scope, members[0]))
        for ckey, typed in by_key.items():
            if len(typed) < 2:
                continue
            # Each type's first atom stands for its per-document copies: a
            # generic name in many documents yields a few pairs, not all pairs.
            firsts: dict[str, int] = {}
            copies: Counter[str] = Counter()
            for etype, scope, a in sorted(typed):
                if etype not in firsts:
                    firsts[etype] = a
                elif copies[etype] < _MAX_CANDIDATES:
                    copies[etype] += 1
                    self.candidate(firsts[etype], a, 0.95, f"same generic name {self.m[a].entity.name!r} in different documents")
            kinds = sorted(firsts.items())
            for x in range(len(kinds)):
                for y in range(x + 1, len(kinds)):
                    (ta, a), (tb, b) = kinds[x], kinds[y]
                    if frozenset({ta, tb}) not in _EXPECTED_SAME_NAME:
                        self.candidate(a, b, 1.0, f"same name, different types ({ta}, {tb})")

    def _short_names(self) -> None:
        uf, lex = self.uf, self.lex
        alias_index: dict[tuple[str, str], set[int]] = defaultdict(set)
        for i, m in enumerate(self.m):
            for k in m.alias_keys:
                alias_index[(m.type, k)].add(i)
        token_index: dict[tuple[str, str], set[tuple[str, str, str]]] = defaultdict(set)
        acronym_index: dict[tuple[str, str], set[tuple[str, str, str]]] = defaultdict(set)
        for atom, members in self.atoms.items():
            key = self.m[members[0]].key
            if len(key) >= 2:
                for t in key:
                    token_index[(atom[0], t)].add(atom)
                for a in acronyms(key, lex):
                    acronym_index[(atom[0], a)].add(atom)
        # Longest names first, so "Dahua Technology" joins "Zhejiang Dahua
        # Technology" before "Dahua" looks for a unique longer name.
        order = sorted(self.atoms, key=lambda a: (-len(self.m[self.atoms[a][0]].key), a))
        for atom in order:
            etype, ckey, _ = atom
            s = self.atoms[atom][0]
            key = self.m[s].key
            if not key:
                continue
            # A generic name attaches nowhere by itself; two or more generic
            # words still make useful candidates.
            generic = is_generic(key, lex)
            # root -> (merge allowed, reason, representative mention)
            targets: dict[int, tuple[bool, str, int]] = {}

            def offer(rep: int, ok: bool, reason: str) -> None:
                r = uf.find(rep)
                if r == uf.find(s):
                    return
                if r not in targets or (ok and not targets[r][0]):
                    targets[r] = (ok, reason, rep)

            for i in alias_index.get((etype, ckey), ()) if not generic or len(key) > 1 else ():
                offer(i, True, f"{self.m[s].entity.name!r} is an alias of {self.m[i].entity.name!r}")
            postings = [token_index.get((etype, t), set()) for t in key] if not generic or len(key) > 1 else []
            for other in set.intersection(*postings) if postings and all(postings) else ():
                rep = self.atoms[other][0]
                long = self.m[rep].key
                if len(long) <= len(key):
                    continue
                if etype == "Person":
                    if len(key) != 1 or key[0] not in (long[0], long[-1]):
                        continue
                    extra = ()
                else:
                    found = _contains(long, key)
                    if found is None:
                        continue
                    lead, trail = found
                    extra = lead + trail
                differs = sorted(set(extra) & lex.distinguishing_words)
                # Words after the short name name a unit ("Bloomberg
                # Intelligence", "Huawei Marine") unless they are descriptors
                # ("Dahua Technology"); words before it are usually a place
                # ("Zhejiang Dahua").
                qualifier = [w for w in (trail if etype != "Person" else ()) if w not in lex.generic_words]
                short_of = f"short name {self.m[s].entity.name!r} of {self.m[rep].entity.name!r}"
                if differs:
                    offer(rep, False, f"{short_of}, which adds {', '.join(differs)}")
                elif qualifier:
                    offer(rep, False, f"{short_of}, which adds the qualifier {' '.join(qualifier)}")
                else:
                    offer(rep, True, short_of)
            surface = self.m[s].entity.name.replace(".", "")
            if len(key) == 1 and surface.isupper() and surface.isalpha() and 2 <= len(surface) <= 6:
                for other in acronym_index.get((etype, key[0]), ()):
                    rep = self.atoms[other][0]
                    offer(rep, True, f"acronym {self.m[s].entity.name!r} of {self.m[rep].entity.name!r}")
            if not targets:
                continue
            own_entry = uf.entry[uf.find(s)]
            mergeable = [r for r, (ok, _, _) in targets.items() if ok]
            # An acronym is specific even when its letters are a generic word ("US").
            if len(targets) == 1 and mergeable and (not generic or targets[mergeable[0]][1].startswith("acronym")):
                r = mergeable[0]
                ok, reason, rep = targets[r]
                # A gazetteer entity lists its names; a longer unknown name
                # may be a subsidiary ("Huawei" vs "Huawei Marine"), so it is
                # only proposed.
                if own_entry is None or uf.entry[r] == own_entry:
                    if uf.union(s, rep, reason):
                        continue
            if len(targets) > _MAX_CANDIDATES or (generic and len(targets) > 1):
                continue  # too ambiguous to be worth a review
            for r, (ok, reason, rep) in sorted(targets.items()):
                if len(targets) > 1:
                    why = f"{reason}; ambiguous: {len(targets)} entities qualify"
                elif generic:
                    why = f"{reason}; the short name is generic"
                elif own_entry is not None:
                    why = f"{reason}; the short name is a gazetteer entity"
                else:
                    why = reason
                self.candidate(s, rep, 0.9 if ok else 0.8, why)

    def _fuzzy(self) -> None:
        import numpy as np
        from rapidfuzz import fuzz, process

        uf, lex = self.uf, self.lex
        cutoff, merge_at = int(lex.fuzzy_candidate), int(min(lex.fuzzy_merge, 100))
        by_type: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        for atom in sorted(self.atoms):
            if len(atom[1]) >= 4:
                by_type[atom[0]].append(atom)
        for etype, atoms in sorted(by_type.items()):
            if len(atoms) < 2:
                continue
            names = [" ".join(self.m[self.atoms[a][0]].key) for a in atoms]
            merges: list[tuple[int, int]] = []
            pairs: set[tuple[int, int, int]] = set()
            # Rows go in blocks so memory stays linear in the number of names.
            for start in range(0, len(names), _FUZZY_BLOCK):
                rows = names[start:start + _FUZZY_BLOCK]
                # Word order counts for a merge ("Bank of China" is not
                # "China Bank") but not for a candidate.
                if etype != "Person" and lex.fuzzy_merge <= 100:
                    same_order = process.cdist(rows, names, scorer=fuzz.ratio, score_cutoff=merge_at, dtype=np.uint8, workers=1)
                    hits = np.argwhere(same_order >= merge_at)
                    hits[:, 0] += start
                    merges += [tuple(p) for p in hits[hits[:, 1] > hits[:, 0]].tolist()]
                alike = process.cdist(rows, names, scorer=fuzz.token_sort_ratio, score_cutoff=cutoff, dtype=np.uint8, workers=1)
                for i in range(len(rows)):
                    x = start + i
                    alike[i, x] = 0
                    hits = np.flatnonzero(alike[i] >= cutoff)
                    if len(hits) > _MAX_CANDIDATES:
                        hits = hits[np.argsort(-alike[i, hits], kind="stable")[:_MAX_CANDIDATES]]
                    pairs.update((-int(alike[i, y]), min(x, int(y)), max(x, int(y))) for y in hits)
            for x, y in sorted(merges):
                a, b = self.atoms[atoms[x]][0], self.atoms[atoms[y]][0]
                ka, kb = self.m[a].key, self.m[b].key
                if (len(ka) == len(kb) and atoms[x][2] == atoms[y][2] == ""
                        and min(len(atoms[x][1]), len(atoms[y][1])) >= lex.fuzzy_min_length
                        and re.sub(r"\D", "", names[x]) == re.sub(r"\D", "", names[y])
                        and set(ka) & lex.distinguishing_words == set(kb) & lex.distinguishing_words):
                    score = fuzz.ratio(names[x], names[y])
                    uf.union(a, b, f"similar names {self.m[a].entity.name!r}, {self.m[b].entity.name!r} ({score:.0f}/100)")
            # The best few per name are worth a review; a name alike to
            # dozens of others ("Chen Wei", "Chen Mei") would flood the list.
            shown: Counter[int] = Counter()
            for neg, x, y in sorted(pairs):
                a, b = self.atoms[atoms[x]][0], self.atoms[atoms[y]][0]
                if uf.find(a) == uf.find(b) or shown[x] >= _MAX_CANDIDATES or shown[y] >= _MAX_CANDIDATES:
                    continue
                shown[x] += 1
                shown[y] += 1
                score = max(float(-neg), float(fuzz.ratio(names[x], names[y])))
                self.candidate(a, b, score / 100, f"similar names {self.m[a].entity.name!r}, {self.m[b].entity.name!r} ({score:.0f}/100)")

    def clusters(self) -> list[_Cluster]:
        groups: dict[int, set[int]] = defaultdict(set)
        for i in range(len(self.m)):
            groups[self.uf.find(i)].add(i)
        return [_Cluster(members, self.uf.type[r], self.uf.entry[r]) for r, members in sorted(groups.items())]


class _Builder:
    """Turns clusters into entities and ids, and applies curation."""

    def __init__(self, resolver: _Resolver):
        self.r = resolver
        self.m = resolver.m
        self.gaz = resolver.gaz
        self.lex = resolver.lex

    def display_name(self, c: _Cluster) -> str:
        if c.name:
            return c.name
        if c.entry is not None:
            return self.gaz.by_id[c.entry].name
        counts = Counter(strip_possessive(self.m[i].entity.name) for i in c.members)
        # Fullest name first (most words after normalization), then most
        # frequent, then longest, then alphabetical: deterministic.
        return min(counts, key=lambda n: (-len(self.r.keys(n, c.type)), -counts[n], -len(n), n))

    def base_id(self, c: _Cluster) -> str:
        if c.pinned_id:
            return c.pinned_id
        if c.entry is not None:
            e = self.gaz.by_id[c.entry]
            return f"wd-{e.wikidata.lower()}" if e.wikidata else slug(e.id) or f"gaz-{short_hash(e.id)}"
        name = self.display_name(c)
        s = slug(" ".join(self.r.keys(name, c.type)))[:_MAX_SLUG].strip("-")
        return f"{type_slug(c.type)}-{s or short_hash(name)}"

    def order_key(self, c: _Cluster) -> tuple:
        return min((self.m[i].doc_id, self.m[i].entity.name, self.m[i].type) for i in c.members)

    def assign_ids(self, clusters: list[_Cluster]) -> list[str]:
        """Ids for all clusters; pinned ids first, then a ``-2``, ``-3``
        suffix for a repeated id in document order."""
        ids: list[str | None] = [None] * len(clusters)
        taken: set[str] = set()
        for n, c in enumerate(clusters):
            if c.pinned_id and c.pinned_id not in taken:
                ids[n] = c.pinned_id
                taken.add(c.pinned_id)
        for n in sorted(range(len(clusters)), key=lambda n: self.order_key(clusters[n])):
            if ids[n] is None:
                base = self.base_id(clusters[n])
                cand, k = base, 2
                while cand in taken:
                    cand, k = f"{base}-{k}", k + 1
                ids[n] = cand
                taken.add(cand)
        return ids  # type: ignore[return-value]

    def apply(self, clusters: list[_Cluster], curation: Curation) -> tuple[list[_Cluster], list[tuple[frozenset, frozenset]]]:
        distinct: list[tuple[frozenset, frozenset]] = []
        for d in curation.decisions:
            ids = self.assign_ids(clusters)
            where = {i: n for n, i in enumerate(ids)}
            if any(i not in where for i in d.ids):
                # An id can go out of date: a fuller name appears, the
                # gazetteer gains a QID. Find the entity by an id it would
                # have had, when exactly one entity fits.
                alt = self._former_ids(clusters)
                for i in d.ids:
                    if i not in where and len(alt.get(i, ())) == 1:
                        where[i] = next(iter(alt[i]))
            missing = [i for i in d.ids if i not in where]
            if missing:
                self.r.warnings.append(
                    f"{curation.source}: entry {d.entry} ({d.action}): no entity {', '.join(missing)}; "
                    "the decision was skipped (check `relgraph entities list`)")
                continue
            clusters = self._apply_one(d, clusters, ids, where, distinct)
        return clusters, distinct

    def _former_ids(self, clusters: list[_Cluster]) -> dict[str, set[int]]:
        """Ids each cluster could have had: its gazetteer entry's id and QID
        id, and the id each of its names would give on its own."""
        alt: dict[str, set[int]] = defaultdict(set)
        for n, c in enumerate(clusters):
            if c.entry is not None:
                e = self.gaz.by_id[c.entry]
                alt[e.id].add(n)
                if e.wikidata:
                    alt[f"wd-{e.wikidata.lower()}"].add(n)
            for i in c.members:
                m = self.m[i]
                alt[f"{type_slug(m.type)}-{slug(' '.join(m.key))}"].add(n)
        return alt

    def _apply_one(self, d: Decision, clusters, ids, where, distinct):
        if d.action == "merge":
            target = d.into or d.ids[0]
            keep = clusters[where[target]]
            if keep.entry is not None:
                target = ids[where[target]]
            merged = _Cluster(set(keep.members), d.type or keep.type, keep.entry, target, keep.name)
            drop = {where[i] for i in d.ids}
            for n in sorted(drop):
                merged.members |= clusters[n].members
                merged.notes += clusters[n].notes
            merged.notes.append(f"curation entry {d.entry}: merge {', '.join(d.ids)}" + (f" ({d.note})" if d.note else ""))
            return [c for n, c in enumerate(clusters) if n not in drop] + [merged]
        c = clusters[where[d.ids[0]]]
        # The id the analyst used stays, unless the gazetteer gives one.
        keep_id = ids[where[d.ids[0]]] if c.entry is not None else d.ids[0]
        if d.action == "rename":
            c.name, c.pinned_id = d.name, keep_id
        elif d.action == "set_type":
            c.type, c.pinned_id = d.type, keep_id
        elif d.action == "distinct":
            for i in d.ids:
                for j in d.ids:
                    if i < j:
                        distinct.append((frozenset(clusters[where[i]].members), frozenset(clusters[where[j]].members)))
        elif d.action == "split":
            keys = {compact(name_key(a, c.type, self.lex)) for a in d.aliases} | {zh_key(a) for a in d.aliases}
            moved = {i for i in c.members if self.m[i].ckey in keys or self.m[i].entity.name in d.aliases}
            if not moved:
                self.r.warnings.append(f"entry {d.entry} (split {d.ids[0]}): no mention named {', '.join(d.aliases)}; nothing moved")
                return clusters
            c.pinned_id = keep_id
            c.members -= moved
            new = _Cluster(moved, d.type or c.type, None, d.into, d.name or d.aliases[0],
                           [f"curation entry {d.entry}: split from {keep_id}" + (f" ({d.note})" if d.note else "")])
            return [x for x in clusters if x.members] + [new]
        elif d.action == "unmerge":
            old_id = keep_id
            parts: dict[tuple[str, str, str], set[int]] = defaultdict(set)
            for i in c.members:
                parts[self.m[i].atom].add(i)
            new = []
            for members in sorted(parts.values(), key=min):
                entry = c.entry if any(self.m[i].entry == c.entry for i in members) else None
                new.append(_Cluster(members, c.type, entry))
            # The part holding the gazetteer entry, else the first, keeps the id.
            heir = next((p for p in new if p.entry is not None), new[0])
            heir.pinned_id, heir.name = old_id, c.name
            return [x for x in clusters if x is not c] + new
        return clusters

    def build(self, clusters: list[_Cluster], distinct) -> Resolution:
        ids = self.assign_ids(clusters)
        entities: dict[str, Entity] = {}
        mention_ids: dict[tuple[str, str], str] = {}
        mentions: dict[str, list[tuple[str, str]]] = {}
        owner: dict[int, str] = {}
        alias_owner: dict[tuple[str, str], set[str]] = defaultdict(set)
        for c, eid in zip(clusters, ids):
            name = self.display_name(c)
            aliases: set[tuple[str, str | None]] = set()
            for i in c.members:
                m = self.m[i]
                owner[i] = eid
                mention_ids[(m.doc_id, m.entity.name)] = eid
                aliases.add((strip_possessive(m.entity.name), "zh" if _is_zh(m.entity.name, None) else None))
                for a in m.entity.aliases:
                    aliases.add((strip_possessive(a.text), a.lang))
                    alias_owner[(m.doc_id, a.text)].add(eid)
            entry = self.gaz.by_id.get(c.entry) if c.entry else None
            if entry is not None:
                aliases.add((entry.name, None))
                aliases.update((a.text, a.lang) for a in entry.aliases)
            aliases.discard((name, None))
            entities[eid] = Entity(
                id=eid, name=name, type=c.type,
                aliases=sorted(aliases, key=lambda a: (a[0].casefold(), a[1] or "", a[0])),
                wikidata=entry.wikidata if entry else None,
                lei=entry.lei if entry else None,
                ticker=entry.ticker if entry else None,
            )
            mentions[eid] = sorted({(self.m[i].doc_id, self.m[i].entity.name) for i in c.members})
        reasons: dict[str, list[str]] = defaultdict(list)
        for a, b, rule in self.r.uf.events:
            if owner[a] == owner[b] and rule != "same name":
                ma, mb = self.m[a], self.m[b]
                reasons[owner[a]].append(f"{ma.entity.name!r} ({ma.doc_id}) = {mb.entity.name!r} ({mb.doc_id}): {rule}")
        for c, eid in zip(clusters, ids):
            reasons[eid].extend(c.notes)
        best: dict[tuple[str, str], Candidate] = {}
        for (a, b), (score, reason) in self.r.cands.items():
            ia, ib = owner[a], owner[b]
            if ia == ib or any((a in x and b in y) or (a in y and b in x) for x, y in distinct):
                continue
            pair = (min(ia, ib), max(ia, ib))
            if pair not in best or best[pair].score < score:
                best[pair] = Candidate(pair[0], pair[1], score, reason)
        candidates = sorted(best.values(), key=lambda c: (-c.score, c.a, c.b))
        alias_ids = {k: next(iter(v)) for k, v in alias_owner.items() if len(v) == 1}
        return Resolution(
            entities=dict(sorted(entities.items())), ids=mention_ids, candidates=candidates,
            mentions=dict(sorted(mentions.items())), reasons={k: sorted(v) for k, v in sorted(reasons.items())},
            warnings=list(self.r.warnings), _aliases=alias_ids,
        )


def resolve(
    results: Sequence[DocumentResult],
    gazetteer: Sequence[GazetteerEntry] = (),
    curation: Curation | None = None,
    lexicon: NameLexicon | None = None,
) -> Resolution:
    """Resolve the entities of all documents to canonical entities.

    results: extraction results; each DocEntity is one entity of its document.
    gazetteer: known entities (``extraction.gazetteer.load_gazetteer()``).
    curation: analyst decisions applied after the rules, or None.
    lexicon: name word lists; None for the bundled ``graph/data/names.yaml``.
    """
    # Document order fixes mention order, so that ids, reasons and candidates
    # do not depend on the order the results come in.
    ordered = sorted(results, key=lambda r: r.document.id)
    resolver = _Resolver(ordered, gazetteer, lexicon or load_lexicon())
    resolver.run()
    builder = _Builder(resolver)
    clusters, distinct = builder.apply(resolver.clusters(), curation or Curation())
    return builder.build(clusters, distinct)
