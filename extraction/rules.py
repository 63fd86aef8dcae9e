"""Load and validate the rule files: dependency patterns and lexicons.

Everything the extractor needs from ``extraction/data/`` is read once into a
frozen :class:`Rules` object. Errors name the file and the line or entry and
say what to fix.

Pattern files (``data/patterns/*.jsonl``) hold one rule per line::

    {"id": "verb-dobj", "confidence": 0.9, "pattern": [...DependencyMatcher pattern...],
     "predicate": null, "passive": false, "object_possessor": false, "check_prep": true,
     "status": null, "symmetric_only": false}

``status`` forces a status ("rejected a bid from Y": the bid was made);
``symmetric_only`` rules pair coordinated subjects ("A and B agreed to merge")
or objects ("the merger of A and B"); ``all_parties`` rules take every
participant of the trigger as a subject ("A outbid B for C": both bid for C);
``object_is_clause_subject`` rules have no ``object`` node: the object is the
subject of the clause governing the ``verb`` node, else the trigger ("B agreed
to be acquired by A", "A appointed X as chief executive"). ``predicate_map``
limits a rule to triggers of the listed predicates and renames them ("Y
rejected X's takeover approach": a takeover noun received gives bids-for);
``direct_only`` true (false) limits a verb rule to triggers that do (do not)
take a direct object ("paid $3 billion for Y": pay takes its object after "for").

Node names the extractor understands: ``trigger`` (required), ``subject``,
``object``, ``prep``, ``verb``, ``agent``, ``clause``; the helper nodes
``auxpass``, ``of``, ``from``, ``private``, ``as``, ``round``, ``led``, ``amount``, ``mark``,
``target`` and ``verdict`` only constrain the match. Inside ``RIGHT_ATTRS`` a
value ``"$VERB"``, ``"$NOUN"``, ``"$LIST"``, ``"$CLAUSAL"``, ``"$ROLE"`` or ``"$SUPPORT"``
stands for the lemma list of that trigger class from the lexicons; ``"$FINE"``, ``"$HALTED"`` and
``"$PERSON_ROLE"`` for the ``fine_words``, ``halted_activities`` and ``person_only_roles`` lists of
``construction_words.yaml``.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Mapping


from relgraph.errors import DataFileError
from relgraph.datafiles import parse_yaml

DATA = Path(__file__).parent / "data"
PATTERN_DIR = DATA / "patterns"
LEXICON_DIR = DATA / "lexicons"
NODE_NAMES = {"trigger", "subject", "object", "prep", "verb", "agent", "clause", "head", "auxpass", "of", "from", "private", "as",
              "round", "led", "amount", "mark", "target", "verdict", "conjhead"}
PLACEHOLDERS = ("$VERB", "$NOUN", "$LIST", "$CLAUSAL", "$ROLE", "$HOLDER", "$SUPPORT", "$FINE", "$HALTED", "$PERSON_ROLE")
_TRIGGER_FIELDS = {"lemma", "pos", "predicate", "gerund", "preps", "direct", "passive", "subject_deps",
                   "poss_subject", "clausal", "list", "particle", "symmetric_only",
                   "poss_object", "modifiers"}
_PATTERN_FIELDS = {"id", "confidence", "pattern", "predicate", "passive", "object_possessor", "check_prep", "doc",
                   "status", "symmetric_only", "all_parties", "object_is_clause_subject", "predicate_map", "direct_only",
                   "subject_types"}
# the entity types a pattern may restrict its subject to (extraction's types: the ontology's and Place), and
# "Government": a state's government itself ("the British government"), not one of its agencies or regulators
ENTITY_TYPES = frozenset({"Company", "Country", "GovernmentBody", "Organization", "Person", "Place", "Government"})


@dataclass(frozen=True)
class Trigger:
    """One trigger word (see ``data/lexicons/triggers.yaml`` for the fields)."""

    lemma: str
    pos: str
    predicate: str
    gerund: str
    preps: frozenset[str] = frozenset()
    direct: bool = True
    passive: bool = True
    subject_deps: tuple[str, ...] = ("nsubj",)
    poss_subject: bool = True
    clausal: bool = False
    list: bool = False
    particle: str | None = None
    poss_object: bool = False
    modifiers: frozenset[str] = frozenset()


@dataclass(frozen=True)
class PatternRule:
    """One dependency pattern with how its match becomes a relation."""

    id: str
    source: str
    confidence: float
    pattern: tuple
    predicate: str | None = None
    passive: bool = False
    object_possessor: bool = False
    check_prep: bool = True
    status: str | None = None
    symmetric_only: bool = False
    all_parties: bool = False
    object_is_clause_subject: bool = False
    predicate_map: Mapping[str, str] | None = None
    direct_only: bool | None = None
    subject_types: tuple[str, ...] | None = None


@dataclass(frozen=True)
class StatusCue:
    """Words that give one status (see ``data/lexicons/status.yaml``)."""

    key: str
    label: str | None
    verbs: frozenset[str] = frozenset()
    aux: frozenset[str] = frozenset()
    neg: frozenset[str] = frozenset()
    modifiers: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Office:
    """A dated state office of a well-known person (``data/lexicons/office_holders.yaml``).

    state: a country of countries.txt, or "European Union". role: the title ("president").
    start / end: ``YYYY-MM`` months, inclusive; end is None while the person holds it.
    """

    state: str
    role: str
    start: str
    end: str | None = None

    def held_in(self, month: str) -> bool:
        """Whether the office was held in ``month`` (``YYYY-MM``)."""
        return self.start <= month and (self.end is None or month <= self.end)


@dataclass(frozen=True)
class Rules:
    """All rule data, validated. ``digest`` changes whenever a file does."""

    patterns: tuple[PatternRule, ...]
    verb_triggers: Mapping[str, tuple[Trigger, ...]]
    noun_triggers: Mapping[str, tuple[Trigger, ...]]
    statuses: tuple[StatusCue, ...]
    reporting_verbs: frozenset[str]
    reporting_nouns: frozenset[str]
    support_verbs: frozenset[str]
    role_heads: frozenset[str]
    role_modifiers: frozenset[str]
    role_blockers: frozenset[str]
    ended_period: frozenset[str]
    period_nouns: frozenset[str]
    departure_verbs: frozenset[str]
    descriptions: Mapping[str, tuple[frozenset[str], tuple[str, ...]]]
    type_cues: tuple[tuple[str, frozenset[str]], ...]
    countries: frozenset[str]
    org_patterns: tuple[dict, ...] = ()
    org_heads: frozenset[str] = frozenset()
    org_descriptors: frozenset[str] = frozenset()
    not_names: frozenset[str] = frozenset()
    ending_verbs: frozenset[str] = frozenset()
    gerunds: Mapping[str, str] = field(default_factory=dict)
    demonyms: Mapping[str, str] = field(default_factory=dict)
    places: frozenset[str] = frozenset()  # places below country level (places.txt), lower case
    capitals: Mapping[str, str] = field(default_factory=dict)  # capital (lower case) -> country (capitals.yaml)
    companies: tuple[str, ...] = ()  # well-known company names as written (companies.txt)
    # lower-case full name -> the person's dated state offices (office_holders.yaml)
    offices: Mapping[str, tuple[Office, ...]] = field(default_factory=dict)
    # a state body's domain word -> cue words of its full name (regulator_domains.yaml)
    regulator_domains: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    digest: str = field(default="", compare=False)


def _yaml(path: Path):
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read rule file: {exc.strerror}") from exc
    return parse_yaml(text, str(path))


def _words(value, where: str) -> frozenset[str]:
    if value is None:
        return frozenset()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataFileError(f"{where}: expected a list of words, got {value!r} (quote yes/no/on/off)")
    return frozenset(v.lower() for v in value)


def load_triggers(path: Path, predicates: set[str]) -> tuple[dict, dict, dict]:
    """Verb and noun trigger maps (lemma -> triggers) and predicate -> default gerund.

    path: the file. predicates: valid ontology predicate keys.
    """
    data = _yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("triggers"), list):
        raise DataFileError(f"{path}: expected a mapping with a 'triggers' list")
    gerunds = data.get("default_gerunds") or {}
    verbs: dict[str, list[Trigger]] = {}
    nouns: dict[str, list[Trigger]] = {}
    for n, item in enumerate(data["triggers"], start=1):
        where = f"{path}: trigger {n}"
        if not isinstance(item, dict):
            raise DataFileError(f"{where}: expected a mapping with lemma, pos and predicate")
        unknown = set(item) - _TRIGGER_FIELDS
        if unknown:
            raise DataFileError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}; valid: {', '.join(sorted(_TRIGGER_FIELDS))}")
        lemma, pos, pred = item.get("lemma"), item.get("pos"), item.get("predicate")
        if not isinstance(lemma, str) or not lemma:
            raise DataFileError(f"{where}: 'lemma' must be a non-empty string")
        where = f"{where} ({lemma})"
        if pos not in ("verb", "noun"):
            raise DataFileError(f"{where}: 'pos' must be verb or noun, got {pos!r}")
        if pred not in predicates:
            raise DataFileError(f"{where}: predicate {pred!r} is not in the ontology; valid: {', '.join(sorted(predicates))}")
        trig = Trigger(
            lemma=lemma.lower(), pos=pos, predicate=pred,
            gerund=str(item.get("gerund") or gerunds.get(pred) or pred),
            preps=_words(item.get("preps"), where), direct=bool(item.get("direct", True)),
            passive=bool(item.get("passive", True)),
            subject_deps=tuple(item.get("subject_deps") or ("nsubj",)),
            poss_subject=bool(item.get("poss_subject", True)), clausal=bool(item.get("clausal", False)),
            list=bool(item.get("list", False)), particle=item.get("particle"),
            poss_object=bool(item.get("poss_object", False)), modifiers=_words(item.get("modifiers"), where),
        )
        (verbs if pos == "verb" else nouns).setdefault(trig.lemma, []).append(trig)
    return ({k: tuple(v) for k, v in verbs.items()}, {k: tuple(v) for k, v in nouns.items()}, dict(gerunds))


def _substitute(attrs, classes: dict[str, list[str]], where: str):
    if isinstance(attrs, dict):
        return {k: _substitute(v, classes, where) for k, v in attrs.items()}
    if isinstance(attrs, list):
        return [_substitute(v, classes, where) for v in attrs]
    if isinstance(attrs, str) and attrs.startswith("$"):
        if attrs not in classes:
            raise DataFileError(f"{where}: unknown placeholder {attrs}; valid: {', '.join(PLACEHOLDERS)}")
        return classes[attrs]
    return attrs


def load_patterns(path: Path, classes: dict[str, list[str]], predicates: set[str], statuses: set[str]) -> list[PatternRule]:
    """Dependency pattern rules from a JSONL file, validated line by line.

    path: the file. classes: placeholder -> lemma list. predicates / statuses: valid ontology keys.
    """
    rules = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read pattern file: {exc.strerror}") from exc
    for n, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        where = f"{path}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataFileError(f"{where}: not valid JSON ({exc.msg}); one pattern object per line") from exc
        if not isinstance(obj, dict):
            raise DataFileError(f"{where}: expected a JSON object with id, confidence and pattern")
        unknown = set(obj) - _PATTERN_FIELDS
        if unknown:
            raise DataFileError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}; valid: {', '.join(sorted(_PATTERN_FIELDS))}")
        rid, conf, pattern = obj.get("id"), obj.get("confidence"), obj.get("pattern")
        if not isinstance(rid, str) or not rid:
            raise DataFileError(f"{where}: 'id' must be a non-empty string")
        if not isinstance(conf, (int, float)) or not 0 < conf <= 1:
            raise DataFileError(f"{where} ({rid}): 'confidence' must be a number in (0, 1]")
        if not isinstance(pattern, list) or not pattern or not all(isinstance(p, dict) for p in pattern):
            raise DataFileError(f"{where} ({rid}): 'pattern' must be a non-empty list of DependencyMatcher nodes")
        names = [p.get("RIGHT_ID") for p in pattern]
        if "trigger" not in names:
            raise DataFileError(f"{where} ({rid}): the pattern needs a node named 'trigger'")
        bad = [x for x in names if x not in NODE_NAMES]
        if bad:
            raise DataFileError(f"{where} ({rid}): unknown node name(s) {bad}; valid: {', '.join(sorted(NODE_NAMES))}")
        pred = obj.get("predicate")
        if pred is not None and pred not in predicates:
            raise DataFileError(f"{where} ({rid}): predicate {pred!r} is not in the ontology")
        if "object" not in names and not obj.get("symmetric_only") and not obj.get("object_is_clause_subject"):
            raise DataFileError(f"{where} ({rid}): the pattern needs a node named 'object' (or symmetric_only: true)")
        status = obj.get("status")
        if status is not None and status not in statuses:
            raise DataFileError(f"{where} ({rid}): status {status!r} is not in the ontology; valid: {', '.join(sorted(statuses))}")
        pmap = obj.get("predicate_map")
        if pmap is not None:
            if not isinstance(pmap, dict) or not pmap:
                raise DataFileError(f"{where} ({rid}): 'predicate_map' must be a mapping of trigger predicate -> predicate")
            bad = sorted(({str(k) for k in pmap} | {str(v) for v in pmap.values()}) - predicates)
            if bad:
                raise DataFileError(f"{where} ({rid}): predicate_map names {', '.join(bad)}, not in the ontology")
            pmap = MappingProxyType(dict(pmap))
        direct_only = obj.get("direct_only")
        if direct_only is not None and not isinstance(direct_only, bool):
            raise DataFileError(f"{where} ({rid}): 'direct_only' must be true or false")
        stypes = obj.get("subject_types")
        if stypes is not None and (not isinstance(stypes, list) or not stypes or not set(stypes) <= ENTITY_TYPES):
            raise DataFileError(f"{where} ({rid}): 'subject_types' must be a non-empty list of {', '.join(sorted(ENTITY_TYPES))}")
        rules.append(PatternRule(
            id=rid, source=where, confidence=float(conf),
            pattern=tuple(_substitute(p, classes, f"{where} ({rid})") for p in pattern),
            predicate=pred, passive=bool(obj.get("passive", False)),
            object_possessor=bool(obj.get("object_possessor", False)),
            check_prep=bool(obj.get("check_prep", True)), status=status,
            symmetric_only=bool(obj.get("symmetric_only", False)),
            all_parties=bool(obj.get("all_parties", False)),
            object_is_clause_subject=bool(obj.get("object_is_clause_subject", False)),
            predicate_map=pmap, direct_only=direct_only,
            subject_types=tuple(stypes) if stypes is not None else None,
        ))
    return rules


WORD_LIST_FILE = LEXICON_DIR / "construction_words.yaml"
WORD_LISTS = ("stakes", "allege", "intent_nouns", "groups", "object_control", "status_heads", "receiving",
              "deal_only", "sue", "bid_nouns", "offer_nouns", "rival_words", "control_nouns", "parent_nouns",
              "venture_nouns", "venture_verbs", "state_words", "state_owned", "appointing_verbs", "staying_verbs",
              "shareholder_verdicts", "shareholder_rejections", "advising_verbs", "shareholder_nouns",
              "dealing_nouns", "decree_nouns", "passive_sanction_verbs", "winning_verbs", "contest_nouns",
              "office_events", "detaining_verbs", "subordinate_nouns", "spin_words", "deal_nouns", "batches",
              "portions",
              "fractions", "business_roles",
              "person_only_roles", "org_words", "governing", "parts", "holdings", "goods", "acts",
              "deal_anaphors", "measure_anaphors", "event_anaphors", "stake_purchases", "majority_words",
              "barred_parties", "stake_cuts", "deal_failures", "ownership_verbs",
              "retaliation_verbs", "blocking_verbs", "people_groups", "accusation_anaphors", "state_roles",
              "defendant_verbs", "rejecting_phrasal_verbs", "choosing_verbs", "rest_holding_verbs", "targeting_verbs",
              "opposition_nouns", "corporate_roles", "pleading_verbs", "prosecution_verbs", "sold_parts",
              "leading_verbs", "state_descriptors", "tendering_verbs", "pledging_verbs", "claiming_verbs",
              "measure_nouns", "deal_ending_participles", "new_firm_modifiers",
              "trade_halting_verbs", "trade_flows", "made_verbs", "suit_anaphors", "wrongdoing_nouns",
              "portfolio_words", "accepting_verbs", "hostile_pursuits", "reaction_verbs", "reaction_adjectives",
              "ruling_nouns", "halted_activities", "general_offices", "fine_words", "affiliates", "pair_nouns", "ties_verbs", "ties_nouns", "head_of_state_words",
              "court_words", "holder_nouns", "deal_object_words", "private_compounds", "misconduct_verbs", "misconduct_nouns",
              "wrongdoing_reporting_verbs", "modal_auxiliaries", "admitting_verbs", "stake_building_verbs", "charging_verbs",
              "unit_list_nouns", "unit_running_verbs", "unit_listing_verbs",
              "accusing_documents", "round_nouns", "round_leading_verbs", "owned_group_nouns", "joint_adverbs",
              "joint_paying_verbs", "member_groups", "founder_words", "office_parts", "spun_verbs",
              "undervaluing_verbs", "valuing_verbs")


@lru_cache(maxsize=8)
def load_word_lists(path: Path = WORD_LIST_FILE) -> Mapping[str, frozenset[str]]:
    """The word lists the relation and entity code reads (``construction_words.yaml``), by key;
    read once per path (both modules import it).

    path: the YAML file.
    Raises DataFileError naming the file and key when a list is missing, unknown or not lower-case words.
    """
    data = parse_yaml(path.read_text(encoding="utf-8"), str(path))
    if not isinstance(data, dict):
        raise DataFileError(f"{path}: expected a mapping of word lists")
    unknown = sorted(set(data) - set(WORD_LISTS))
    missing = [k for k in WORD_LISTS if k not in data]
    if unknown or missing:
        raise DataFileError(f"{path}: unknown keys {unknown}, missing keys {missing}; keys are {', '.join(WORD_LISTS)}")
    out = {}
    for key in WORD_LISTS:
        words = data[key]
        if not isinstance(words, list) or not all(isinstance(w, str) and w and w == w.lower() for w in words):
            raise DataFileError(f"{path}: {key}: expected a list of lower-case words (quote yes/no/on/off)")
        out[key] = frozenset(words)
    return MappingProxyType(out)


def _lines(path: Path) -> tuple[str, ...]:
    """The stripped, non-empty lines of a one-entry-per-line lexicon that are not ``#`` comments (none if the file is absent)."""
    if not path.exists():
        return ()
    return tuple(ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#"))


def _country_map(path: Path, key: str, what: str, countries: frozenset[str]) -> dict[str, str]:
    """A lexicon mapping words to countries of countries.txt (demonyms.yaml, capitals.yaml), keys lower case.

    Raises DataFileError naming the file and the entry when a country is not listed.
    """
    out: dict[str, str] = {}
    if not path.exists():
        return out
    data = (_yaml(path) or {}).get(key) or {}
    if not isinstance(data, dict):
        raise DataFileError(f"{path}: expected a mapping '{key}' of {what} -> country")
    for word, country in data.items():
        if country not in countries:
            raise DataFileError(f"{path}: {word}: {country!r} is not a country in countries.txt; add it there or fix the name")
        out[str(word).lower()] = country
    return out


_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def load_offices(path: Path, countries: frozenset[str]) -> dict[str, tuple[Office, ...]]:
    """The dated offices of office_holders.yaml, keyed by lower-case name and alias (none if the file is absent).

    Raises DataFileError naming the file and the entry on a state not in countries.txt, a bad
    month, an end before the start, or a name listed twice.
    """
    out: dict[str, tuple[Office, ...]] = {}
    if not path.exists():
        return out
    data = _yaml(path) or []
    if not isinstance(data, list):
        raise DataFileError(f"{path}: expected a list of {{name, aliases, offices}} entries")
    states = countries | {"European Union"}
    for n, item in enumerate(data, start=1):
        where = f"{path}: entry {n}"
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item.get("offices"):
            raise DataFileError(f"{where}: expected {{name: ..., offices: [...]}}")
        where = f"{path}: {item['name']}"
        offices = []
        for o in item["offices"]:
            if not isinstance(o, dict) or not isinstance(o.get("role"), str):
                raise DataFileError(f"{where}: each office needs state, role and from")
            if o.get("state") not in states:
                raise DataFileError(f"{where}: {o.get('state')!r} is not a country in countries.txt (or European Union)")
            start, end = str(o.get("from")), o.get("to")
            end = None if end is None else str(end)
            if not _MONTH.match(start) or end is not None and (not _MONTH.match(end) or end < start):
                raise DataFileError(f"{where}: from/to must be YYYY-MM months, to not before from (got {start!r}, {end!r})")
            offices.append(Office(o["state"], o["role"].lower(), start, end))
        aliases = item.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise DataFileError(f"{where}: aliases must be a list of names")
        for name in (item["name"], *aliases):
            key = " ".join(name.lower().split())
            if key in out:
                raise DataFileError(f"{where}: the name {name!r} is listed twice; one entry per person")
            out[key] = tuple(offices)
    return out


def load_rules(predicates: set[str], statuses: set[str], pattern_dir: Path | None = None,
               lexicon_dir: Path | None = None) -> Rules:
    """Read every rule file into a validated :class:`Rules`.

    predicates / statuses: valid ontology keys.
    pattern_dir: directory of ``*.jsonl`` pattern files (default: bundled).
    lexicon_dir: directory of lexicon files (default: bundled).
    """
    pdir = Path(pattern_dir) if pattern_dir else PATTERN_DIR
    ldir = Path(lexicon_dir) if lexicon_dir else LEXICON_DIR
    verbs, nouns, gerunds = load_triggers(ldir / "triggers.yaml", predicates)

    roles = _yaml(ldir / "roles.yaml") or {}
    role_heads = _words(roles.get("heads"), f"{ldir / 'roles.yaml'}: heads")
    classes = {
        "$VERB": sorted(verbs), "$NOUN": sorted(l for l, ts in nouns.items() if any(not t.list for t in ts)),
        "$LIST": sorted(l for l, ts in nouns.items() if any(t.list for t in ts)),
        "$HOLDER": sorted(l for l, ts in nouns.items() if any(t.poss_object for t in ts)),
        "$CLAUSAL": sorted(l for l, ts in verbs.items() if any(t.clausal for t in ts)),
        "$ROLE": sorted(role_heads),
        "$SUPPORT": sorted(_words((_yaml(ldir / "support_verbs.yaml") or {}).get("verbs"), "support_verbs.yaml: verbs")),
    }
    word_lists = load_word_lists(ldir / "construction_words.yaml")
    classes["$FINE"], classes["$HALTED"] = sorted(word_lists["fine_words"]), sorted(word_lists["halted_activities"])
    classes["$PERSON_ROLE"] = sorted(word_lists["person_only_roles"])
    files = sorted(pdir.glob("*.jsonl"))
    if not files:
        raise DataFileError(f"{pdir}: no *.jsonl pattern files; restore extraction/data/patterns")
    patterns: list[PatternRule] = []
    for f in files:
        patterns.extend(load_patterns(f, classes, predicates, statuses))
    ids = [p.id for p in patterns]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        raise DataFileError(f"{pdir}: duplicate pattern id(s) {', '.join(sorted(dup))}; ids must be unique")

    sdata = _yaml(ldir / "status.yaml") or {}
    cues = []
    for key, spec in (sdata.get("statuses") or {}).items():
        where = f"{ldir / 'status.yaml'}: {key}"
        if key not in statuses:
            raise DataFileError(f"{where}: not an ontology status; valid: {', '.join(sorted(statuses))}")
        if not isinstance(spec, dict):
            raise DataFileError(f"{where}: expected a mapping of word lists")
        cues.append(StatusCue(
            key=key, label=spec.get("label"), verbs=_words(spec.get("verbs"), where),
            aux=_words(spec.get("aux"), where), neg=_words(spec.get("neg"), where),
            modifiers=_words(spec.get("modifiers"), where), nouns=_words(spec.get("nouns"), where),
        ))

    rep = _yaml(ldir / "reporting.yaml") or {}
    sup = _yaml(ldir / "support_verbs.yaml") or {}
    desc_raw = _yaml(ldir / "descriptions.yaml") or {}
    descriptions = {}
    for noun, spec in desc_raw.items():
        where = f"{ldir / 'descriptions.yaml'}: {noun}"
        if not isinstance(spec, dict) or not isinstance(spec.get("types"), list):
            raise DataFileError(f"{where}: expected {{types: [...], cues: [...]}}")
        descriptions[str(noun).lower()] = (frozenset(spec["types"]), tuple(spec.get("cues") or ()))
    dom_file = ldir / "regulator_domains.yaml"
    dom_raw = (_yaml(dom_file) or {}) if dom_file.exists() else {}
    if not isinstance(dom_raw, dict) or not all(
            isinstance(k, str) and k == k.lower() and isinstance(v, list) and v and all(isinstance(w, str) and w for w in v)
            for k, v in dom_raw.items()):
        raise DataFileError(f"{dom_file}: expected lower-case domain words, each with a list of name cues")
    regulator_domains = {k: tuple(v) for k, v in dom_raw.items()}
    tdata = _yaml(ldir / "entity_types.yaml") or {}
    type_cues = tuple((k, frozenset(v)) for k, v in tdata.items())
    countries = frozenset(_lines(ldir / "countries.txt"))

    places = frozenset(ln.lower() for ln in _lines(ldir / "places.txt"))

    demonyms = _country_map(ldir / "demonyms.yaml", "demonyms", "adjective", countries)  # "Chinese" -> China
    capitals = _country_map(ldir / "capitals.yaml", "capitals", "capital", countries)  # "minsk" -> Belarus

    companies = tuple(dict.fromkeys(_lines(ldir / "companies.txt")))
    offices = load_offices(ldir / "office_holders.yaml", countries)  # "xi jinping" -> president of China from 2013-03

    org_patterns = []
    org_file = ldir / "org_names.jsonl"
    for n, line in enumerate(org_file.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataFileError(f"{org_file}:{n}: not valid JSON ({exc.msg}); one ruler pattern per line") from exc
        if not isinstance(item, dict) or item.get("label") not in ("ORG", "GPE", "PERSON") \
                or not isinstance(item.get("pattern"), (list, str)):
            raise DataFileError(f"{org_file}:{n}: expected {{label: ORG|GPE|PERSON, pattern: [...]}}")
        org_patterns.append(item)

    cue_file = ldir / "org_cues.yaml"
    cues_raw = _yaml(cue_file) if cue_file.exists() else {}
    if not isinstance(cues_raw, dict):
        raise DataFileError(f"{cue_file}: expected a mapping with heads, descriptors and not_names")
    org_heads = _words(cues_raw.get("heads"), f"{cue_file}: heads")

    h = hashlib.sha1()
    for f in sorted(pdir.glob("*.jsonl")) + sorted(p for p in ldir.iterdir() if p.is_file()):
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return Rules(
        patterns=tuple(patterns), verb_triggers=MappingProxyType(verbs), noun_triggers=MappingProxyType(nouns),
        statuses=tuple(cues),
        reporting_verbs=_words(rep.get("verbs"), "reporting.yaml: verbs"),
        reporting_nouns=_words(rep.get("nouns"), "reporting.yaml: nouns"),
        support_verbs=_words(sup.get("verbs"), "support_verbs.yaml: verbs"),
        ending_verbs=_words(sup.get("ending"), "support_verbs.yaml: ending"),
        role_heads=role_heads, role_modifiers=_words(roles.get("modifiers"), "roles.yaml: modifiers"),
        role_blockers=_words(roles.get("blockers"), "roles.yaml: blockers"),
        ended_period=_words(roles.get("ended_period"), "roles.yaml: ended_period"),
        period_nouns=_words(roles.get("period_nouns"), "roles.yaml: period_nouns"),
        departure_verbs=_words(roles.get("departure_verbs"), "roles.yaml: departure_verbs"),
        descriptions=MappingProxyType(descriptions), type_cues=type_cues, countries=countries,
        demonyms=MappingProxyType(demonyms), places=places, capitals=MappingProxyType(capitals), companies=companies,
        offices=MappingProxyType(offices), regulator_domains=MappingProxyType(regulator_domains),
        org_patterns=tuple(org_patterns), org_heads=org_heads,
        org_descriptors=frozenset(w.lower() for w in _words(cues_raw.get("descriptors"), f"{cue_file}: descriptors")),
        not_names=frozenset(w.lower() for w in _words(cues_raw.get("not_names"), f"{cue_file}: not_names")),
        gerunds=MappingProxyType(gerunds), digest=h.hexdigest(),
    )
