"""Entity spans, types and in-document references with the real spaCy model: each case is a
construction of wire copy that used to lose a relation argument."""

from __future__ import annotations

import pytest

from extraction.entities import load_name_cues
from relgraph.errors import DataFileError


def entities(extractor, text):
    ents = extractor.linker.link(extractor.nlp(text))
    return {e.name: e.type for e in ents.entities()}, ents


def resolved(extractor, text, word, nth=1):
    """Name of the entity the nth token ``word`` refers to, or None."""
    doc = extractor.nlp(text)
    ents = extractor.linker.link(doc)
    tok = [t for t in doc if t.text == word][nth - 1]
    res = ents.resolve(tok, acting=True)
    return ents.clusters[res[0]].name if res is not None else None


@pytest.mark.parametrize("text, name, etype", [
    ("3M Co agreed to pay $6 billion to settle lawsuits.", "3M Co", "Company"),              # digits glued to a name
    ("Seven & i Holdings Co rejected the proposal.", "Seven & i Holdings Co", "Company"),      # '&' inside a name
    ("Nippon Steel agreed to buy the firm, outbidding Cleveland-Cliffs Inc.", "Cleveland-Cliffs Inc", "Company"),
    ("Airbus SE will take over the plants.", "Airbus SE", "Company"),                        # legal form NER left off
    ("Swisscom AG has completed its purchase of Vodafone Italia.", "Swisscom AG", "Company"),
    ("South Korean chipmakers such as Samsung Electronics and SK Hynix depend on Japanese suppliers.", "SK Hynix", "Company"),
    ("The Committee on Foreign Investment in the United States reviewed the purchase.",
     "Committee on Foreign Investment in the United States", "GovernmentBody"),           # gazetteer beats NER's span
    ("The Korea Fair Trade Commission fined Google 220 billion won.", "Google", "Company"),  # name inside an amount
    ("The agency said the tax discriminated against Google, Apple, Facebook and Amazon.", "Facebook", "Company"),
    ("Rules restrict chips made by Nvidia and Advanced Micro Devices Inc.", "Nvidia", "Company"),
    ("Vodafone Group and CK Hutchison's Three UK have completed their merger.", "Three UK", "Company"),
    ("Nexperia, the Nijmegen-based chipmaker owned by Wingtech, was seized.", "Nexperia", "Company"),
    ("Tesla, which ships cars to Europe from its Shanghai factory, got a lower rate.", "Tesla", "Company"),
    ("Nissan chief executive Makoto Uchida said the company remained open.", "Makoto Uchida", "Person"),
    ("The Swiss National Bank offered a liquidity line.", "Swiss National Bank", "GovernmentBody"),
    ("The Treasury's Office of Foreign Assets Control designated two tankers.",
     "Office of Foreign Assets Control", "GovernmentBody"),
    ("The United Steelworkers union opposed the deal.", "United Steelworkers", "Organization"),
    ("Vantage Chemicals agreed to sell Duracoat to Rembrandt Paints.", "Rembrandt Paints", "Company"),
    ("Penrose Group trumped a rival bid from Ashdown Capital for Carraway Inns.", "Carraway Inns", "Company"),
    ("Westbury Foods sold its Fresca Kitchen frozen pizza brand.", "Fresca Kitchen", "Company"),  # a named unit
    ("Couche-Tard, the owner of the Circle K convenience chain, dropped its bid.", "Circle K", "Company"),
    ("Vodafone sold Vodafone Spain to investment firm Zegona Communications.", "Vodafone Spain", "Company"),
    ("OFAC later lifted the sanctions on Rusal and En+ Group after Deripaska agreed.", "En+ Group", "Company"),
    ("The Bureau of Industry and Security issued new rules.", "Bureau of Industry and Security", "GovernmentBody"),
    ("Conglomerate Daventry Industries plans to spin off its aerospace business.", "Daventry Industries", "Company"),
    ("The deal gives the McLean, Virginia-based lender a payment network.", "McLean", "Place"),
    ("Last year Calloway bought signalling firm Trackwise for 300 million dollars.", "Trackwise", "Company"),
    ("Trelawney Group chairman Douglas Fairbairn will step down, and CFO Anita Greaves has been named interim "
     "chief executive.", "Anita Greaves", "Person"),
    ("General Motors Co agreed to sell its stake in the venture.", "General Motors Co", "Company"),
])
def test_name_span_and_type(extractor, text, name, etype):
    found, _ = entities(extractor, text)
    assert found.get(name) == etype, found


@pytest.mark.parametrize("text, not_a_name", [
    ("The Veldhoven-based company said it did not expect a material effect.", "Veldhoven"),
    ("Penrose Group trumped a rival bid from Ashdown Capital for Carraway Inns.", "Ashdown Capital for Carraway Inns"),
])
def test_places_and_run_together_names_are_not_companies(extractor, text, not_a_name):
    found, _ = entities(extractor, text)
    assert found.get(not_a_name) != "Company", found


def test_person_and_organization_ner_joined_at_a_comma(extractor):
    from spacy.tokens import Span

    doc = extractor.nlp("Berkshire Hathaway Inc raised its holdings, Warren Buffett said. "
                        "Buffett, Berkshire's chairman, said he would keep the shares.")
    # the model sometimes reads "Buffett, Berkshire's" as one organization; force that reading
    b = next(t.i for t in doc if t.text == "Buffett" and doc[t.i + 1].text == ",")
    ws = next(t.i for t in doc if t.text == "Warren")
    doc.ents = [Span(doc, 0, 3, "ORG"), Span(doc, ws, ws + 2, "PERSON"), Span(doc, b, b + 4, "ORG")]
    found = {e.name: e.type for e in extractor.linker.link(doc).entities()}
    assert found.get("Warren Buffett") == "Person" and found.get("Berkshire Hathaway Inc") == "Company", found
    assert not any("," in name for name in found), found


def test_unit_named_by_a_place_stays_apart_from_its_parent(extractor):
    found, ents = entities(extractor, "Swisscom bought Vodafone Italia. Vodafone said the sale was done.")
    assert {"Vodafone Italia", "Vodafone"} <= set(found)


def test_full_name_inside_a_longer_name_is_another_company(extractor):
    found, _ = entities(extractor, "Kellanova was created in 2023 when Kellogg Co spun off its North American "
                                   "cereal business as WK Kellogg Co.")
    assert "Kellogg Co" in found and any(name.startswith("WK Kellogg") for name in found), found


def test_short_name_without_legal_form_is_the_same_entity(extractor):
    text = "SoftBank Group Corp dropped the plan. SoftBank said it would list Arm instead."
    assert resolved(extractor, text, "SoftBank", 2) == "SoftBank Group Corp"
    text = "Seven & i Holdings Co rejected the bid. Seven & i runs 7-Eleven stores."
    assert resolved(extractor, text, "Seven", 2) == "Seven & i Holdings Co"


def test_acronym_is_the_organization_it_spells(extractor):
    text = "Hewlett Packard Enterprise Co agreed to buy Juniper Networks. The Justice Department sued HPE in January."
    assert resolved(extractor, text, "HPE") == "Hewlett Packard Enterprise Co"
    # two organizations spell it: neither
    text = "Hewlett Packard Enterprise Co and Hill Park Estates Ltd met. HPE said nothing."
    assert resolved(extractor, text, "HPE") not in ("Hewlett Packard Enterprise Co", "Hill Park Estates Ltd")


def test_description_followed_by_its_name(extractor):
    text = "David Ellison becomes chief executive of the combined company, Paramount Skydance Corp."
    assert resolved(extractor, text, "company") == "Paramount Skydance Corp"


@pytest.mark.parametrize("text, word, nth, expected", [
    # the subject of the previous sentence, when the description is its sentence's subject
    ("Microsoft Corp completed its acquisition of Activision Blizzard Inc. The company said it would keep "
     "publishing games.", "company", 1, "Microsoft Corp"),
    # the entity introduced with that noun
    ("Intel Corp dropped its purchase of Israeli chipmaker Tower Semiconductor. Intel will pay a fee. "
     "The Israeli company said it would keep working with Intel.", "company", 1, "Tower Semiconductor"),
    # a name cue of the noun, and the subject parallel among the cued names
    ("Nippon Steel Corp agreed to buy United States Steel Corp. The Japanese steelmaker said it would keep the name.",
     "steelmaker", 1, "Nippon Steel Corp"),
    # not the owner: "its German rival"
    ("UniCredit SpA built a stake in Commerzbank AG. UniCredit has not launched a formal offer for its German rival.",
     "rival", 1, "Commerzbank AG"),
    # not the clause's own subject
    ("Nvidia Corp will invest $5 billion in Intel Corp, taking a stake of 4 percent in the struggling chipmaker.",
     "chipmaker", 1, "Intel Corp"),
    # not another argument of its verb
    ("Broadcom Inc closed its purchase of VMware. Analysts expect the company to sell parts of VMware.",
     "company", 1, "Broadcom Inc"),
    # "it" in what a company said
    ("Shares of Tarrant Oil jumped after Halvorsen Energy said it would acquire the company.", "it", 1, "Halvorsen Energy"),
    ("Shares of Tarrant Oil jumped after Halvorsen Energy said it would acquire the company.", "company", 1, "Tarrant Oil"),
    # a government named before, then "the government"
    ("The bank bought a holding that the German government was selling. The government still owns 12 percent.",
     "government", 2, "German government"),
])
def test_descriptions_and_pronouns_resolve(extractor, text, word, nth, expected):
    assert resolved(extractor, text, word, nth) == expected


@pytest.mark.parametrize("text, word", [
    ("Alphabet and Microsoft both bid for the startup. The company said it would decide next week.", "company"),
    ("Amazon.com Inc and iRobot Corp called off their merger. The Roomba maker said it would cut jobs.", "maker"),
])
def test_two_candidates_resolve_nothing(extractor, text, word):
    assert resolved(extractor, text, word) is None


def test_name_cue_file_errors_name_the_key(tmp_path):
    path = tmp_path / "org_cues.yaml"
    path.write_text("legal_forms: Co\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="org_cues.yaml: legal_forms: expected a list"):
        load_name_cues(path)


@pytest.mark.parametrize("text, expected", [
    # the one named body whose name carries the domain's cue
    ("Chile's markets regulator fined Andes Copper. The Chilean Securities Board said the miner misled investors.",
     "Chilean Securities Board"),
    ("Britain's competition regulator blocked the deal. The Competition and Markets Authority said prices would rise.",
     "Competition and Markets Authority"),
    # no named body of that domain: the phrase names the body
    ("Chile's markets regulator fined Andes Copper. The Chilean Health Ministry said nothing.",
     "Chile's markets regulator"),
    # two fit: neither is chosen
    ("Chile's markets regulator fined Andes Copper. The Chilean Securities Board and the Santiago Stock Exchange "
     "Commission said the miner misled investors.", "Chile's markets regulator"),
])
def test_state_body_named_by_its_domain(extractor, text, expected):
    """"Britain's competition regulator" is the Competition and Markets Authority the story names in full."""
    sdoc = extractor.nlp(text)
    ents = extractor.linker.link(sdoc)
    head = next(t for t in sdoc if t.lower_ == "regulator")
    res = ents.resolve(head, acting=True)
    assert res is not None and ents.clusters[res[0]].name == expected
