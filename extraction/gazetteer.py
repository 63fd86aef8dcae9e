"""The gazetteer: known entities that analysts edit (YAML).

Each entry::

    - id: us-government            # optional; stable key of the entry
      name: United States government
      type: GovernmentBody         # an ontology entity type key
      aliases: [US government, US administration, {text: 美國政府, lang: zh}]
      metonyms: [US, U.S., United States, Washington]   # place names that,
                                   # acting as a state, mean this entity
      wikidata: Q48525             # optional authority ids
      lei: null
      ticker: null

Extraction feeds names and aliases to spaCy's entity ruler; entity
resolution uses the entries as canonical entities and authority ids.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path


from relgraph.errors import DataFileError
from relgraph.datafiles import parse_yaml

from .records import Alias

DEFAULT_PATH = "data/gazetteer.yaml"
_QID = re.compile(r"^Q[1-9][0-9]*$")
# ISO 17442: 18 alphanumerics and two check digits.
_LEI = re.compile(r"^[A-Z0-9]{18}[0-9]{2}$")
_TICKER = re.compile(r"^[A-Z0-9][A-Z0-9.\-]*$")
_FIELDS = {"id", "name", "type", "aliases", "metonyms", "wikidata", "lei", "ticker"}


@dataclass(frozen=True)
class GazetteerEntry:
    """One known entity (see module docstring for the YAML shape)."""

    id: str
    name: str
    type: str
    aliases: tuple[Alias, ...] = ()
    metonyms: tuple[str, ...] = ()
    wikidata: str | None = None
    lei: str | None = None
    ticker: str | None = None

    def names(self) -> tuple[str, ...]:
        """The name and every alias text (not metonyms)."""
        return (self.name, *(a.text for a in self.aliases))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _name_key(text: str) -> str:
    # Loose key for the one-entry-per-name check: case and punctuation only.
    return re.sub(r"[\W_]+", "", text.casefold())


def parse_gazetteer(text: str, source: str, valid_types: set[str] | None = None) -> tuple[GazetteerEntry, ...]:
    """Parse and validate gazetteer YAML.

    text: the YAML text.
    source: file name for messages.
    valid_types: ontology entity type keys, or None to skip the check.

    Raises DataFileError naming the source and the entry number (1-based)
    when an entry is malformed, or when a name or alias already names
    another entry of the same type (lookups must find one entry).
    """
    data = parse_yaml(text, source) or []
    if not isinstance(data, list):
        raise DataFileError(f"{source}: expected a list of entries, got {type(data).__name__}")
    entries: list[GazetteerEntry] = []
    seen: set[str] = set()
    owners: dict[tuple[str, str], tuple[int, str]] = {}
    for n, item in enumerate(data, start=1):
        where = f"{source}: entry {n}"
        if not isinstance(item, dict):
            raise DataFileError(f"{where}: expected a mapping with name and type")
        unknown = set(item) - _FIELDS
        if unknown:
            raise DataFileError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}; valid: {', '.join(sorted(_FIELDS))}")
        name, etype = item.get("name"), item.get("type")
        if not isinstance(name, str) or not name.strip():
            raise DataFileError(f"{where}: 'name' must be a non-empty string")
        if valid_types is not None and etype not in valid_types:
            raise DataFileError(f"{where} ({name}): type {etype!r} is not one of {', '.join(sorted(valid_types))}")
        aliases = []
        for a in item.get("aliases") or []:
            if isinstance(a, str):
                aliases.append(Alias(a))
            elif isinstance(a, dict) and isinstance(a.get("text"), str):
                aliases.append(Alias(a["text"], a.get("lang")))
            else:
                raise DataFileError(f"{where} ({name}): alias {a!r} must be a string or {{text, lang}}")
        qid = item.get("wikidata")
        if qid is not None and not (isinstance(qid, str) and _QID.match(qid)):
            raise DataFileError(f"{where} ({name}): wikidata {qid!r} is not a QID like Q30")
        lei, ticker = item.get("lei"), item.get("ticker")
        if lei is not None and not (isinstance(lei, str) and _LEI.match(lei)):
            raise DataFileError(f"{where} ({name}): lei {lei!r} is not a 20-character LEI")
        if ticker is not None and not (isinstance(ticker, str) and _TICKER.match(ticker)):
            raise DataFileError(f"{where} ({name}): ticker {ticker!r} must be upper case with an exchange suffix, e.g. 2330.TW")
        for text in (name, *(a.text for a in aliases)):
            k = (str(etype), _name_key(text))
            if k in owners and owners[k][0] != n:
                other_n, other = owners[k]
                raise DataFileError(
                    f"{where} ({name}): {text!r} also names entry {other_n} ({other}) of type {etype}; "
                    "keep it on one entry only")
            owners[k] = (n, name)
        eid = str(item.get("id") or f"{_slug(str(etype))}-{_slug(name)}")
        if eid in seen:
            raise DataFileError(f"{where} ({name}): duplicate id {eid!r}")
        seen.add(eid)
        entries.append(GazetteerEntry(
            id=eid, name=name.strip(), type=str(etype), aliases=tuple(aliases),
            metonyms=tuple(str(m) for m in item.get("metonyms") or []),
            wikidata=qid, lei=lei, ticker=ticker,
        ))
    return tuple(entries)


@lru_cache(maxsize=8)
def load_gazetteer(path: str | None = None) -> tuple[GazetteerEntry, ...]:
    """Load a gazetteer (cached per path); None for the bundled starter set."""
    from ontology import load_ontology

    types = set(load_ontology().entity_types)
    if path is None:
        text = resources.files(__package__).joinpath(DEFAULT_PATH).read_text(encoding="utf-8")
        return parse_gazetteer(text, f"extraction/{DEFAULT_PATH}", types)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read gazetteer: {exc.strerror}") from exc
    return parse_gazetteer(text, str(path), types)
