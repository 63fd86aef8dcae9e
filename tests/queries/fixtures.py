"""A small hand-built KnowledgeGraph resembling the example corpus.

Written by hand (not extracted) so that query and loader tests have answers
known in advance. The sentences paraphrase the seed corpus
(``examples/seed-news.txt``) or are written for these tests. The graph holds:

- the US government considering sanctions on Hikvision (two articles) and
  sanctioning Huawei; the Department of Justice accusing Huawei, Huawei
  denying it (a contested pair); China opposing the US;
- E.Sun outbidding CTBC, both bidding for Mercuries Life, E.Sun's planned and
  then completed acquisition (considered-then-done); a stake;
- people with roles (Huang Fanghong at Hikvision, Lu Kang at the ministry);
- Hikvision headquartered in China (for the target-country filter);
- an entity whose name is hostile query text, to prove parameters stay data.
"""

from __future__ import annotations

from graph.model import Article, Entity, Evidence, KnowledgeGraph, Statement, evidence_id, statement_id

HOSTILE = "x' OR 1=1 // } DETACH DELETE n"

ARTICLES = [
    Article("tt-2019-05-22-hikvision", "US weighs Hikvision sanctions", "2019-05-22",
            "https://www.taipeitimes.com/News/biz/archives/2019/05/23/2003715644", "Taipei Times"),
    Article("tt-2019-05-24-china", "China opposes US smears", "2019-05-24", None, "Taipei Times"),
    Article("tt-2025-10-mercuries", "Mercuries Life sale", "2025-10-24", None, "Taipei Times"),
    Article("test-2025-11-esun", "E.Sun completes Mercuries deal (test text)", "2025-11-20", None, "relgraph tests"),
    Article("test-undated", None, None, None, None),
]

ENTITIES = [
    Entity("us-government", "United States government", "GovernmentBody",
           [("US", None), ("Washington", None)], wikidata="Q48525"),
    Entity("us-department-of-justice", "US Department of Justice", "GovernmentBody", [("DoJ", None)]),
    Entity("china", "China", "Country", [("PRC", None), ("中國", "zh")], wikidata="Q148"),
    Entity("chinese-ministry-of-foreign-affairs", "Chinese Ministry of Foreign Affairs", "GovernmentBody"),
    Entity("hikvision", "Hangzhou Hikvision Digital Technology Co", "Company",
           [("Hikvision", None), ("杭州海康威視數字技術", "zh")], ticker="002415.SZ"),
    Entity("dahua", "Zhejiang Dahua Technology Co", "Company", [("Dahua", None)]),
    Entity("huawei", "Huawei Technologies Co", "Company", [("Huawei", None), ("華為", "zh")]),
    Entity("iran", "Iran", "Country"),
    Entity("huang-fanghong", "Huang Fanghong", "Person", [("黃方紅", "zh")]),
    Entity("lu-kang", "Lu Kang", "Person"),
    Entity("esun-fhc", "E.Sun Financial Holding Co", "Company", [("E.Sun", None), ("玉山金控", "zh")]),
    Entity("ctbc-fhc", "CTBC Financial Holding Co", "Company", [("CTBC", None)]),
    Entity("mercuries-life", "Mercuries Life Insurance Co", "Company", [("Mercuries Life", None)]),
    Entity("msci-asia-pacific", "MSCI Asia Pacific Index", "Organization"),
    Entity("hostile-co", HOSTILE, "Company", [("Robert'); DROP TABLE", None)]),
]

# (doc, sentence, attributed_to); offsets are assigned in order per document.
SENTENCES = {
    "hik1": ("tt-2019-05-22-hikvision", "The US is deliberating whether to add Hikvision to a blacklist.",
             "people familiar with the matter"),
    "hik2": ("tt-2019-05-24-china", "The US administration is considering Huawei-like sanctions on Hikvision.", None),
    "hw1": ("tt-2019-05-22-hikvision", "The US last week barred Huawei from US technology.", None),
    "doj": ("tt-2019-05-22-hikvision", "The US Department of Justice also accuses Huawei of violating sanctions on Iran.", None),
    "deny": ("tt-2019-05-22-hikvision", "Huawei has denied those allegations.", None),
    "huang": ("tt-2019-05-22-hikvision", "Hikvision secretary of the board Huang Fanghong said in a statement.", None),
    "oppose": ("tt-2019-05-24-china", "China opposes the US smearing Chinese companies.", "Chinese Ministry of Foreign Affairs"),
    "lu": ("tt-2019-05-24-china", "China urges the US to be fair, ministry spokesman Lu Kang said.", None),
    "hq": ("tt-2019-05-24-china", "Hikvision is based in Hangzhou, China.", None),
    "msci": ("tt-2019-05-22-hikvision", "Along with Dahua, Hikvision is a constituent of the MSCI Asia Pacific Index.", None),
    "outbid": ("tt-2025-10-mercuries", "E.Sun Financial Holding Co had outbid CTBC Financial Holding Co for Mercuries Life.", None),
    "plan": ("tt-2025-10-mercuries", "E.Sun plans to acquire Mercuries Life.", None),
    "done": ("test-2025-11-esun", "E.Sun completed its acquisition of Mercuries Life.", None),
    "stake": ("test-2025-11-esun", "CTBC holds a 5 percent stake in Mercuries Life.", None),
    "hostile": ("test-undated", "x' OR 1=1 // } DETACH DELETE n supplies Dahua.", None),
}

# (subject, predicate, object, status, label, role, confidence, sentence keys)
STATEMENTS = [
    ("us-government", "sanctions", "hikvision", "considered", "considers-blacklisting", None, 0.85, ["hik1", "hik2"]),
    ("us-government", "sanctions", "huawei", "asserted", "bars", None, 0.9, ["hw1"]),
    ("us-department-of-justice", "accuses", "huawei", "asserted", "accuses", None, 0.8, ["doj"]),
    ("us-department-of-justice", "accuses", "huawei", "denied", "denies", None, 0.7, ["deny"]),
    ("huang-fanghong", "works-for", "hikvision", "asserted", "works-for", "secretary of the board", 0.75, ["huang"]),
    ("lu-kang", "works-for", "chinese-ministry-of-foreign-affairs", "asserted", "works-for", "spokesman", 0.75, ["lu"]),
    ("china", "opposes", "us-government", "asserted", "opposes", None, 0.7, ["oppose"]),
    ("china", "urges", "us-government", "asserted", "urges", None, 0.7, ["lu"]),
    ("hikvision", "headquartered-in", "china", "asserted", "based-in", None, 0.6, ["hq"]),
    ("hikvision", "member-of", "msci-asia-pacific", "asserted", "constituent-of", None, 0.65, ["msci"]),
    ("dahua", "member-of", "msci-asia-pacific", "asserted", "constituent-of", None, 0.65, ["msci"]),
    ("esun-fhc", "outbids", "ctbc-fhc", "asserted", "outbids", None, 0.9, ["outbid"]),
    ("esun-fhc", "bids-for", "mercuries-life", "asserted", "bids-for", None, 0.8, ["outbid"]),
    ("ctbc-fhc", "bids-for", "mercuries-life", "asserted", "bids-for", None, 0.8, ["outbid"]),
    ("esun-fhc", "acquires", "mercuries-life", "planned", "plans-to-acquire", None, 0.8, ["plan"]),
    ("esun-fhc", "acquires", "mercuries-life", "completed", "acquires", None, 0.85, ["done"]),
    ("ctbc-fhc", "holds-stake-in", "mercuries-life", "asserted", "holds-stake", None, 0.7, ["stake"]),
    ("hostile-co", "supplies", "dahua", "asserted", "supplies", None, 0.5, ["hostile"]),
]


def _evidence() -> dict[str, Evidence]:
    offsets: dict[str, int] = {}
    out: dict[str, Evidence] = {}
    for key, (doc, text, attributed) in SENTENCES.items():
        start = offsets.get(doc, 0)
        end = start + len(text)
        offsets[doc] = end + 1
        out[key] = Evidence(evidence_id(doc, start, end), doc, text, start, end, attributed)
    return out


def example_graph(*, without: tuple[str, ...] = (), only_docs: tuple[str, ...] | None = None) -> KnowledgeGraph:
    """The fixture graph, aggregated as ``graph.build`` would.

    without: sentence keys to leave out (to build an earlier, smaller state).
    only_docs: keep only evidence from these documents.
    """
    kg = KnowledgeGraph()
    arts = {a.id: a for a in ARTICLES}
    ev = _evidence()
    used_docs: set[str] = set()
    for subj, pred, obj, status, label, role, conf, keys in STATEMENTS:
        keys = [k for k in keys if k not in without and (only_docs is None or ev[k].doc_id in only_docs)]
        if not keys:
            continue
        dates = sorted(d for d in (arts[ev[k].doc_id].date for k in keys) if d)
        sid = statement_id(subj, pred, obj, status, role)
        kg.statements[sid] = Statement(
            sid, subj, pred, obj, status, label, role, conf, sorted(ev[k].id for k in keys),
            dates[0] if dates else None, dates[-1] if dates else None,
        )
        for k in keys:
            kg.evidence[ev[k].id] = ev[k]
            used_docs.add(ev[k].doc_id)
    involved = {s.subject for s in kg.statements.values()} | {s.object for s in kg.statements.values()}
    for e in ENTITIES:
        if e.id in involved:
            kg.entities[e.id] = e
    for doc in sorted(used_docs):
        kg.articles[doc] = arts[doc]
    kg.entities = dict(sorted(kg.entities.items()))
    kg.statements = dict(sorted(kg.statements.items()))
    kg.evidence = dict(sorted(kg.evidence.items()))
    kg.articles = dict(sorted(kg.articles.items()))
    return kg


def graph_with_two_ctbcs() -> KnowledgeGraph:
    """The example graph plus a CTBC bank: "CTBC" then names two entities (holding and bank)."""
    kg = example_graph()
    kg.entities["ctbc-bank"] = Entity("ctbc-bank", "CTBC Bank Co", "Company", [("CTBC", None)])
    sid = statement_id("ctbc-bank", "subsidiary-of", "ctbc-fhc", "asserted", None)
    outbid = next(s for s in kg.statements.values() if s.predicate == "outbids")
    kg.statements[sid] = Statement(sid, "ctbc-bank", "subsidiary-of", "ctbc-fhc", "asserted", "subsidiary-of", None,
                                   0.6, list(outbid.evidence), outbid.first_seen, outbid.last_seen)
    return kg
