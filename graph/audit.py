"""Entity-resolution metrics against a hand-made gold file.

The gold file (YAML) lists the names that are one real-world entity, and
pairs of names that must stay apart::

    same:
      - type: Company                  # optional; restricts which mentions count
        names: [Zhejiang Dahua Technology Co, Dahua, 浙江大華科技]
      - [E.Sun Financial Holding Co, E.Sun Financial, 玉山金控]   # short form
    apart:
      - [CTBC Financial Holding Co, CTBC Bank]

A name is looked up among the names and aliases of every document's
entities. Two figures come out:

- **wrong merges**: for every resolved entity, the number of distinct gold
  entities (``same`` groups and ``apart`` names) it holds, minus one, summed;
- **duplicates**: for every gold entity, the number of resolved entities its
  names are spread over, minus one, summed. The duplicate rate divides this
  by the number of resolved entities.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import yaml

from extraction.records import DocumentResult
from relgraph.errors import DataFileError

from .resolve import Resolution


@dataclass(frozen=True)
class GoldEntity:
    """One real-world entity of the gold file.

    names: its surface names.
    type: entity type key the mentions must have, or None for any.
    label: the first name, for reports.
    """

    names: tuple[str, ...]
    type: str | None = None

    @property
    def label(self) -> str:
        return self.names[0]


@dataclass
class AuditReport:
    """What :func:`audit` found.

    entities: number of resolved entities.
    gold: number of gold entities found in the documents.
    wrong_merges: one line per wrong merge.
    duplicates: one line per duplicate.
    missing: gold names no document uses.
    """

    entities: int
    gold: int
    wrong_merges: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    @property
    def duplicate_rate(self) -> float:
        """Duplicates over resolved entities (0 when there are none)."""
        return len(self.duplicates) / self.entities if self.entities else 0.0

    def format(self) -> str:
        """A short plain-text report."""
        lines = [
            f"entities: {self.entities}  gold entities found: {self.gold}",
            f"wrong merges: {len(self.wrong_merges)}",
            *(f"  {w}" for w in self.wrong_merges),
            f"duplicates: {len(self.duplicates)} ({self.duplicate_rate:.1%} of entities)",
            *(f"  {d}" for d in self.duplicates),
        ]
        if self.missing:
            lines.append(f"gold names in no document: {', '.join(self.missing)}")
        return "\n".join(lines)


def _names(value, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(n, str) and n.strip() for n in value):
        raise DataFileError(f"{where}: expected a non-empty list of names")
    return tuple(n.strip() for n in value)


def load_gold(path: str | Path) -> tuple[list[GoldEntity], list[tuple[str, str]]]:
    """Read and validate a gold file.

    path: the YAML file.
    Returns the gold entities and the pairs of names that must stay apart.
    """
    from ontology import load_ontology

    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read gold file: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(f"{path}: not valid YAML: {getattr(exc, 'problem', exc)}") from exc
    if not isinstance(data, dict) or set(data) - {"same", "apart"}:
        raise DataFileError(f"{path}: expected a mapping with keys same and apart")
    types = set(load_ontology().entity_types)
    gold: list[GoldEntity] = []
    for n, item in enumerate(data.get("same") or [], start=1):
        where = f"{path}: same entry {n}"
        if isinstance(item, dict):
            if set(item) - {"type", "names"}:
                raise DataFileError(f"{where}: takes type and names only")
            etype = item.get("type")
            if etype is not None and etype not in types:
                raise DataFileError(f"{where}: type {etype!r} is not one of {', '.join(sorted(types))}")
            gold.append(GoldEntity(_names(item.get("names"), where), etype))
        else:
            gold.append(GoldEntity(_names(item, where)))
    apart: list[tuple[str, str]] = []
    for n, item in enumerate(data.get("apart") or [], start=1):
        names = _names(item, f"{path}: apart entry {n}")
        if len(names) != 2:
            raise DataFileError(f"{path}: apart entry {n}: expected two names")
        apart.append((names[0], names[1]))
    return gold, apart


def audit(
    results: Sequence[DocumentResult],
    resolution: Resolution,
    gold: Sequence[GoldEntity],
    apart: Sequence[tuple[str, str]] = (),
) -> AuditReport:
    """Count wrong merges and duplicates of a resolution against gold.

    results: the documents that were resolved (to find where names occur).
    resolution: the output of ``resolve(results, ...)``.
    gold: the gold entities.
    apart: pairs of names that must not be one entity.
    """
    # surface name -> {(entity type, entity id)} over every document
    where: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for r in results:
        for e in r.entities:
            eid = resolution.ids.get((r.document.id, e.name))
            if eid is None:
                continue
            etype = resolution.entities[eid].type
            for text in (e.name, *(a.text for a in e.aliases)):
                where[text].add((e.type, eid))
                where[text].add((etype, eid))

    def ids_of(name: str, etype: str | None) -> set[str]:
        return {i for t, i in where.get(name, ()) if etype is None or t == etype}

    report = AuditReport(entities=len(resolution.entities), gold=0)
    groups: list[tuple[str, set[str]]] = []
    seen_names: set[str] = set()
    for g in gold:
        ids: set[str] = set()
        for name in g.names:
            found = ids_of(name, g.type)
            if not found:
                report.missing.append(name)
            ids |= found
            seen_names.add(name)
        if ids:
            groups.append((g.label, ids))
            if len(ids) > 1:
                report.duplicates.extend(f"{g.label}: split over {', '.join(sorted(ids))}" for _ in range(len(ids) - 1))
    for a, b in apart:
        for name in (a, b):
            if name not in seen_names:
                seen_names.add(name)
                found = ids_of(name, None)
                if found:
                    groups.append((name, found))
                else:
                    report.missing.append(name)
    report.gold = len(groups)
    holders: dict[str, list[str]] = defaultdict(list)
    for label, ids in groups:
        for i in ids:
            holders[i].append(label)
    for i, labels in sorted(holders.items()):
        if len(labels) > 1:
            report.wrong_merges.append(f"{i}: holds {len(labels)} gold entities: {', '.join(labels)}")
    report.missing = sorted(set(report.missing))
    return report
