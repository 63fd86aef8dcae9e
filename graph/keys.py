"""Match keys: how an entity parameter of a prepared query finds entities.

An entity is stored with one match key per distinct normalised name, alias
and id (RDF ``rg:matchKey`` literals; the Neo4j ``match_keys`` list). A
user's value is normalised once, here, into the keys it may mean; a query
finds every entity that has one of them. Both backends bind the same keys,
so they find the same entities.

Names are normalised as entity resolution does (:mod:`graph.normalize`):
case, punctuation, possessives, leading articles, legal suffixes of company
and organization names, titles of people; Chinese names by ``zh_key``.
Because a typed value has no entity type, it stands for every type's
normalisation (with and without legal suffixes, with and without titles).

Example::

    >>> sorted(lookup_keys("Mercuries Life Insurance Co."))
    ['Mercuries Life Insurance Co.', 'mercurieslifeinsurance', 'mercurieslifeinsuranceco']
"""

from __future__ import annotations

import re

from graph.model import Entity
from graph.normalize import compact, load_lexicon, name_key, zh_key

# One type per distinct normalisation of name_key: Company strips legal
# suffixes, Person strips titles, Place strips neither.
_KEY_TYPES = ("Company", "Person", "Place")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def name_keys(text: str, etype: str | None = None) -> set[str]:
    """The normalised keys of one name.

    text: a surface name or alias.
    etype: the entity's type; None for a user's value of unknown type (the
        keys of every type's normalisation).
    """
    lexicon = load_lexicon()
    keys = {compact(name_key(text, t, lexicon)) for t in ((etype,) if etype else _KEY_TYPES)}
    if _CJK.search(text):
        keys.add(zh_key(text))
    keys.discard("")
    return keys


def entity_keys(entity: Entity) -> list[str]:
    """The match keys stored with an entity: its id and the keys of its name and aliases, sorted.

    entity: the entity.
    """
    keys = {entity.id} | name_keys(entity.name, entity.type)
    for text, _lang in entity.aliases:
        keys |= name_keys(text, entity.type)
    return sorted(keys)


def lookup_keys(value: str) -> list[str]:
    """The keys a user's entity parameter may mean: the value itself (an id) and its normalised keys, sorted.

    value: what the user typed, e.g. ``"Mercuries Life Insurance"``.
    """
    return sorted({value.strip()} | name_keys(value))
