"""Name normalization for entity resolution.

A name becomes a *key*: a tuple of lower-case word tokens with punctuation,
possessives, leading articles, person titles and (for companies and
organizations) trailing legal-form words removed. Two names of the same type
with the same compact key (tokens joined without spaces) are the same entity.
The word lists live in ``graph/data/names.yaml`` (see :func:`load_lexicon`).

Example::

    >>> from graph.normalize import load_lexicon, name_key
    >>> lex = load_lexicon()
    >>> name_key("Hikvision's", "Company", lex)
    ('hikvision',)
    >>> name_key("E.Sun Financial Holding Co.", "Company", lex)
    ('esun', 'financial')
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path


from relgraph.errors import DataFileError
from relgraph.datafiles import parse_yaml

DEFAULT_PATH = "data/names.yaml"
# Types whose names carry legal-form suffixes ("Co Ltd", "plc").
SUFFIXED_TYPES = frozenset({"Company", "Organization"})

_LISTS = ("legal_suffixes", "leading_articles", "person_titles", "distinguishing_words", "generic_words")
_FUZZY = {"candidate", "merge", "min_length"}
# Possessive endings: "Hikvision's", "Trump’s administration", "investors'".
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b|(?<=s)['’](?=\s|$)")
_APOSTROPHE = re.compile(r"['’`]")
_NON_WORD = re.compile(r"[^\w]+")
_ZH_DROP = re.compile(r"[\s\W_]+")
_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class NameLexicon:
    """The word lists of ``names.yaml`` as frozen sets.

    legal_suffixes: token tuples, longest first.
    leading_articles, person_titles, distinguishing_words, generic_words: words.
    fuzzy_candidate, fuzzy_merge: rapidfuzz score thresholds (0..100).
    fuzzy_min_length: shortest compact key considered for a fuzzy merge.
    """

    legal_suffixes: tuple[tuple[str, ...], ...]
    leading_articles: frozenset[str]
    person_titles: frozenset[str]
    distinguishing_words: frozenset[str]
    generic_words: frozenset[str]
    fuzzy_candidate: float
    fuzzy_merge: float
    fuzzy_min_length: int


def parse_lexicon(text: str, source: str) -> NameLexicon:
    """Parse and validate the name lexicon YAML.

    text: the YAML text.
    source: file name used in error messages.
    """
    data = parse_yaml(text, source) or {}
    if not isinstance(data, dict):
        raise DataFileError(f"{source}: expected a mapping with keys {', '.join(_LISTS)}, fuzzy")
    unknown = set(data) - set(_LISTS) - {"fuzzy"}
    if unknown:
        raise DataFileError(f"{source}: unknown key(s) {', '.join(sorted(unknown))}; valid: {', '.join(_LISTS)}, fuzzy")
    lists: dict[str, list[str]] = {}
    for key in _LISTS:
        values = data.get(key) or []
        if not isinstance(values, list):
            raise DataFileError(f"{source}: {key}: expected a list of words")
        seen: set[str] = set()
        for n, v in enumerate(values, start=1):
            if not isinstance(v, str) or not v.strip() or v != v.lower():
                raise DataFileError(f"{source}: {key} entry {n} ({v!r}): must be a non-empty lower-case string")
            if v in seen:
                raise DataFileError(f"{source}: {key} entry {n} ({v!r}): listed twice; remove one")
            seen.add(v)
        lists[key] = values
    fuzzy = data.get("fuzzy") or {}
    if not isinstance(fuzzy, dict) or set(fuzzy) - _FUZZY:
        raise DataFileError(f"{source}: fuzzy: expected a mapping with keys {', '.join(sorted(_FUZZY))}")
    cand, merge = fuzzy.get("candidate", 85), fuzzy.get("merge", 101)
    for name, value in (("candidate", cand), ("merge", merge)):
        if not isinstance(value, (int, float)) or not 0 <= value <= 101:
            raise DataFileError(f"{source}: fuzzy.{name} {value!r}: must be a number from 0 to 100 (101 disables)")
    min_length = fuzzy.get("min_length", 8)
    if not isinstance(min_length, int) or min_length < 1:
        raise DataFileError(f"{source}: fuzzy.min_length {min_length!r}: must be a positive integer")
    suffixes = sorted({tuple(tokens(s)) for s in lists["legal_suffixes"]}, key=lambda t: (-len(t), t))
    return NameLexicon(
        legal_suffixes=tuple(suffixes),
        leading_articles=frozenset(lists["leading_articles"]),
        person_titles=frozenset(lists["person_titles"]),
        distinguishing_words=frozenset(lists["distinguishing_words"]),
        generic_words=frozenset(lists["generic_words"]),
        fuzzy_candidate=float(cand),
        fuzzy_merge=float(merge),
        fuzzy_min_length=min_length,
    )


@lru_cache(maxsize=8)
def load_lexicon(path: str | None = None) -> NameLexicon:
    """Load the name lexicon (cached per path).

    path: a YAML file; None for the bundled ``graph/data/names.yaml``.
    """
    if path is None:
        text = resources.files(__package__).joinpath(DEFAULT_PATH).read_text(encoding="utf-8")
        return parse_lexicon(text, f"graph/{DEFAULT_PATH}")
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read name lexicon: {exc.strerror}") from exc
    return parse_lexicon(text, str(path))


def tokens(text: str) -> tuple[str, ...]:
    """Lower-case word tokens of a name, without punctuation or possessives.

    text: a surface name such as ``"U.S. Department of Justice's"``.
    """
    text = unicodedata.normalize("NFKC", text)
    text = _POSSESSIVE.sub("", text)
    text = _APOSTROPHE.sub("", text)
    # Dots join letters ("U.S." -> "us", "E.Sun" -> "esun"); other
    # punctuation separates words.
    text = text.replace(".", "").replace("&", " and ")
    return tuple(t for t in _NON_WORD.split(text.casefold()) if t and t != "_")


def strip_possessive(text: str) -> str:
    """A surface name without a final possessive: "Hikvision’s" -> "Hikvision".

    text: the surface name.
    """
    return re.sub(r"['’]s$|(?<=s)['’]$", "", text.strip())


def name_key(text: str, etype: str, lexicon: NameLexicon) -> tuple[str, ...]:
    """The matching key of a name of a given entity type.

    text: the surface name.
    etype: ontology entity type key; legal suffixes are removed only from
        Company and Organization names, titles only from Person names.
    lexicon: the word lists.
    """
    toks = list(tokens(text))
    leading = lexicon.leading_articles | (lexicon.person_titles if etype == "Person" else frozenset())
    # Strip until nothing changes, so a key is its own key ("Mr The Acme").
    changed = True
    while changed:
        changed = False
        while len(toks) > 1 and toks[0] in leading:
            toks.pop(0)
            changed = True
        if etype in SUFFIXED_TYPES:
            for suffix in lexicon.legal_suffixes:
                n = len(suffix)
                if len(toks) > n and tuple(toks[-n:]) == suffix:
                    del toks[-n:]
                    changed = True
                    break
    return tuple(toks)


def compact(key: tuple[str, ...]) -> str:
    """A key joined without spaces, so "E Sun" and "E.Sun" meet."""
    return "".join(key)


def zh_key(text: str) -> str:
    """The matching key of a Chinese name: NFKC, no spaces or punctuation."""
    return _ZH_DROP.sub("", unicodedata.normalize("NFKC", text))


def acronyms(key: tuple[str, ...], lexicon: NameLexicon) -> set[str]:
    """Acronyms a key may be abbreviated to: the initials of every word and of
    the words that are not function words ("department of justice" -> "doj", "dj").

    key: a name key of two or more words.
    lexicon: supplies the function words (``generic_words`` of one to three letters).
    """
    if len(key) < 2:
        return set()
    small = {w for w in lexicon.generic_words if len(w) <= 3 and w.isalpha()}
    full = "".join(w[0] for w in key)
    content = "".join(w[0] for w in key if w not in small)
    return {a for a in (full, content) if len(a) >= 2}


def is_generic(key: tuple[str, ...], lexicon: NameLexicon) -> bool:
    """True when every word of the key is generic (it names no one by itself)."""
    return all(w in lexicon.generic_words or w.isdigit() for w in key)


def slug(text: str) -> str:
    """An id-safe slug: ASCII lower case, words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _SLUG.sub("-", ascii_text.lower()).strip("-")


def type_slug(etype: str) -> str:
    """``GovernmentBody`` -> ``government-body``."""
    return re.sub(r"(?<!^)(?=[A-Z])", "-", etype).lower()
