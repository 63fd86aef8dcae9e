"""Properties of resolve that hold for any input: types never mix, the input
order does not matter, ids keep their shape, every mention gets an entity."""

from __future__ import annotations

import random
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extraction.gazetteer import load_gazetteer
from extraction.records import Alias, DocEntity, Document, DocumentResult
from graph.resolve import resolve

ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Names that meet each other under the rules: variants, short forms,
# acronyms, holdings and banks, surnames, generic names, Chinese names.
NAMES = [
    "Zhejiang Dahua Technology Co", "Dahua", "Dahua Technology", "DAHUA", "Dahua's", "CTBC Financial Holding Co",
    "CTBC Bank", "CTBC", "E.Sun", "E.Sun Bank", "E Sun Financial Holdings", "US", "U.S.", "United States",
    "Washington", "National Basketball Association", "NBA", "Huang Wei", "Huang", "Huang Fanghong",
    "Ministry of Finance", "Singapore", "Singapore Airlines", "華為", "Bloomberg", "Bloomberg Intelligence",
]
TYPES = ["Company", "Organization", "Person", "GovernmentBody", "Country", "Place"]
entity = st.builds(
    lambda n, t, zh: DocEntity(n, t, (Alias(zh, "zh"),) if zh else ()),
    st.sampled_from(NAMES), st.sampled_from(TYPES), st.sampled_from([None, "大華", "中信金控"]),
)
corpus = st.lists(st.lists(entity, max_size=5, unique_by=lambda e: e.name), min_size=1, max_size=6).map(
    lambda docs: [DocumentResult(Document(f"d{n}", ""), tuple(ents)) for n, ents in enumerate(docs)])


@SETTINGS
@given(corpus, st.booleans())
def test_every_mention_has_an_entity_of_its_type(results, use_gazetteer):
    res = resolve(results, load_gazetteer() if use_gazetteer else ())
    for r in results:
        for e in r.entities:
            eid = res.ids[(r.document.id, e.name)]
            assert ID.match(eid)
            got = res.entities[eid].type
            # The gazetteer may make a place a country; nothing else changes type.
            assert got == e.type or (use_gazetteer and (e.type, got) == ("Place", "Country")), (e, got)
    for c in res.candidates:
        assert c.a < c.b and c.a in res.entities and c.b in res.entities and 0 < c.score <= 1


@SETTINGS
@given(corpus, st.integers(0, 1000))
def test_input_order_does_not_matter(results, seed):
    gaz = load_gazetteer()
    shuffled = list(results)
    random.Random(seed).shuffle(shuffled)
    a, b = resolve(results, gaz), resolve(shuffled, gaz)
    assert (a.entities, a.ids, a.candidates) == (b.entities, b.ids, b.candidates)
