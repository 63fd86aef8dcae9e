"""Curation: an analyst's entity decisions, kept in a YAML file that every
build applies, in order, after automatic resolution.

The file (default ``relgraph-curation.yaml`` in the working directory, or
``$RELGRAPH_CURATION``) is a list of decisions::

    - merge: [company-dahua, company-zhejiang-dahua-technology]
      into: company-zhejiang-dahua-technology   # optional; default the first id
    - split: company-ctbc-financial             # move mentions named ...
      aliases: [CTBC Bank]                      # ... any of these to a new entity
      name: CTBC Bank                           # optional; default the first alias
      id: company-ctbc-bank                     # optional; default derived
      type: Company                             # optional; default the old type
    - unmerge: company-ctbc-financial           # back to one entity per distinct name
    - rename: company-zhejiang-dahua-technology
      name: Zhejiang Dahua Technology Co., Ltd.
    - set_type: organization-dbs-foundation
      type: Organization
    - distinct: [company-esun, company-esun-financial]   # not duplicates: hide the candidate

Every decision may carry a ``note``. Ids name entities as the previous
decisions left them. A merge is undone by ``split`` (one name) or ``unmerge``
(all names), or by deleting it from the file.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from relgraph.errors import DataFileError
from relgraph.datafiles import parse_yaml

DEFAULT_FILE = "relgraph-curation.yaml"
ENV_VAR = "RELGRAPH_CURATION"
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
ACTIONS = ("merge", "split", "unmerge", "rename", "set_type", "distinct")
# Fields each action accepts besides its own key and "note".
_FIELDS = {
    "merge": {"into"},
    "split": {"aliases", "name", "id", "type"},
    "unmerge": set(),
    "rename": {"name"},
    "set_type": {"type"},
    "distinct": set(),
}
_HEADER = (
    "# relgraph curation decisions, applied in order by every build.\n"
    "# Edit by hand or with `relgraph entities merge|split|unmerge|rename|set-type|distinct`.\n"
    "# See docs/entities.md.\n"
)


@dataclass(frozen=True)
class Decision:
    """One curation decision.

    action: one of ``ACTIONS``.
    ids: the entity ids it acts on (one, or several for merge/distinct).
    into: merge target id, or a split's new id; None for the default.
    aliases: names a split moves to the new entity.
    name: new display name (rename, split).
    type: new entity type (set_type, split).
    note: the analyst's reason, free text.
    entry: 1-based position in the file (for messages).
    """

    action: str
    ids: tuple[str, ...]
    into: str | None = None
    aliases: tuple[str, ...] = ()
    name: str | None = None
    type: str | None = None
    note: str | None = None
    entry: int = 0

    def to_yaml(self) -> dict:
        """The decision as the mapping written to the file."""
        d: dict = {self.action: list(self.ids) if self.action in ("merge", "distinct") else self.ids[0]}
        if self.action == "merge" and self.into:
            d["into"] = self.into
        if self.action == "split":
            d["aliases"] = list(self.aliases)
            if self.into:
                d["id"] = self.into
        if self.name is not None:
            d["name"] = self.name
        if self.type is not None:
            d["type"] = self.type
        if self.note:
            d["note"] = self.note
        return d


@dataclass(frozen=True)
class Curation:
    """The ordered decisions of one curation file.

    decisions: in file order.
    source: the file path, for messages.
    """

    decisions: tuple[Decision, ...] = ()
    source: str = DEFAULT_FILE


def default_curation_path(env: dict[str, str] | None = None) -> Path:
    """``$RELGRAPH_CURATION``, else ``relgraph-curation.yaml`` in the working directory.

    env: the environment to read; None for ``os.environ``.
    """
    env = os.environ if env is None else env
    return Path(env.get(ENV_VAR) or DEFAULT_FILE)


def _ids(value, where: str, action: str, many: bool) -> tuple[str, ...]:
    values = value if isinstance(value, list) else [value]
    if many and (not isinstance(value, list) or len(value) < 2):
        raise DataFileError(f"{where}: {action} needs a list of two or more entity ids")
    for v in values:
        if not isinstance(v, str) or not ID_PATTERN.match(v):
            raise DataFileError(f"{where}: {action}: {v!r} is not an entity id (lower case, digits, '.', '_', '-')")
    return tuple(values)


def parse_decision(item, where: str, entry: int, valid_types: set[str] | None = None) -> Decision:
    """Validate one decision mapping.

    item: the mapping read from YAML.
    where: ``file: entry N`` for messages.
    entry: 1-based position.
    valid_types: ontology entity type keys, or None to skip the check.
    """
    if not isinstance(item, dict):
        raise DataFileError(f"{where}: expected a mapping such as {{merge: [ID, ID]}}")
    actions = [k for k in item if k in ACTIONS]
    if len(actions) != 1:
        raise DataFileError(f"{where}: needs exactly one of {', '.join(ACTIONS)}; found {', '.join(map(str, item)) or 'nothing'}")
    action = actions[0]
    unknown = set(item) - {action, "note"} - _FIELDS[action]
    if unknown:
        allowed = sorted(_FIELDS[action] | {"note"})
        raise DataFileError(f"{where}: {action} does not take {', '.join(sorted(map(str, unknown)))}; it takes {', '.join(allowed)}")
    ids = _ids(item[action], where, action, many=action in ("merge", "distinct"))
    if action not in ("merge", "distinct") and len(ids) != 1:
        raise DataFileError(f"{where}: {action} takes one entity id")
    into = item.get("into") if action == "merge" else item.get("id")
    if into is not None:
        _ids(into, where, "into" if action == "merge" else "id", many=False)
        if action == "merge" and into not in ids:
            raise DataFileError(f"{where}: merge into {into!r}: the target must be one of the merged ids {list(ids)}")
    aliases = item.get("aliases") or []
    if action == "split":
        if isinstance(aliases, str):
            aliases = [aliases]
        if not aliases or not all(isinstance(a, str) and a.strip() for a in aliases):
            raise DataFileError(f"{where}: split needs aliases: a list of names to move to the new entity")
    name = item.get("name")
    if action == "rename" and not (isinstance(name, str) and name.strip()):
        raise DataFileError(f"{where}: rename needs name: the new display name")
    etype = item.get("type")
    if action == "set_type" and etype is None:
        raise DataFileError(f"{where}: set_type needs type: an entity type")
    if etype is not None and valid_types is not None and etype not in valid_types:
        raise DataFileError(f"{where}: type {etype!r} is not one of {', '.join(sorted(valid_types))}")
    note = item.get("note")
    return Decision(
        action=action, ids=ids, into=into, aliases=tuple(a.strip() for a in aliases),
        name=name.strip() if isinstance(name, str) else None, type=etype,
        note=str(note) if note is not None else None, entry=entry,
    )


def parse_curation(text: str, source: str, valid_types: set[str] | None = None) -> Curation:
    """Parse and validate curation YAML.

    text: the YAML text.
    source: file name for messages.
    valid_types: ontology entity type keys, or None to skip the check.
    """
    data = parse_yaml(text, source)
    if data is None:
        return Curation((), source)
    if not isinstance(data, list):
        raise DataFileError(f"{source}: expected a list of decisions (- merge: [ID, ID]), got {type(data).__name__}")
    return Curation(
        tuple(parse_decision(item, f"{source}: entry {n}", n, valid_types) for n, item in enumerate(data, start=1)),
        source,
    )


def _types() -> set[str]:
    from ontology import load_ontology

    return set(load_ontology().entity_types)


def load_curation(path: str | Path | None = None) -> Curation:
    """Load a curation file; a file that does not exist yet means no decisions.

    path: the file; None for :func:`default_curation_path`.
    """
    p = Path(path) if path is not None else default_curation_path()
    if not p.exists():
        return Curation((), str(p))
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(f"{p}: cannot read curation file: {exc.strerror}") from exc
    return parse_curation(text, str(p), _types())


def append_decision(path: str | Path | None, decision: dict) -> Decision:
    """Validate a decision and append it to the curation file (created if
    missing). Existing text, comments included, is kept as is.

    path: the file; None for :func:`default_curation_path`.
    decision: the mapping, e.g. ``{"merge": ["a", "b"], "into": "a"}``.
    Returns the decision as parsed.
    """
    p = Path(path) if path is not None else default_curation_path()
    current = load_curation(p)
    entry = len(current.decisions) + 1
    parsed = parse_decision(decision, f"{p}: new entry", entry, _types())
    block = yaml.safe_dump([parsed.to_yaml()], allow_unicode=True, sort_keys=False, default_flow_style=None)
    try:
        old = p.read_text(encoding="utf-8") if p.exists() else _HEADER
        if old and not old.endswith("\n"):
            old += "\n"
        if old.strip() in ("[]", "null", "~"):
            old = _HEADER
        p.write_text(old + block, encoding="utf-8")
    except OSError as exc:
        raise DataFileError(f"{p}: cannot write curation file: {exc.strerror}") from exc
    return parsed
