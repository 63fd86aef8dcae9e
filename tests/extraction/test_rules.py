"""Rule files are validated on load; errors name the file and line or entry."""

from __future__ import annotations

import shutil

import pytest

from extraction.rules import LEXICON_DIR, PATTERN_DIR, load_rules
from ontology import load_ontology
from relgraph.errors import DataFileError


@pytest.fixture()
def onto():
    return load_ontology()


def load(onto, pdir=None, ldir=None):
    return load_rules(set(onto.predicates), set(onto.statuses), pattern_dir=pdir, lexicon_dir=ldir)


def copy_dirs(tmp_path):
    pdir, ldir = tmp_path / "patterns", tmp_path / "lexicons"
    shutil.copytree(PATTERN_DIR, pdir)
    shutil.copytree(LEXICON_DIR, ldir)
    return pdir, ldir


def test_bundled_rules_load(onto):
    rules = load(onto)
    assert {p.id for p in rules.patterns} >= {"verb-dobj", "verb-passive", "noun-prep", "list-add", "role-appos"}
    assert rules.verb_triggers["acquire"][0].predicate == "acquires"
    # every trigger class placeholder was replaced by a lemma list
    assert "$VERB" not in repr([p.pattern for p in rules.patterns])


def test_bad_pattern_line_is_named(onto, tmp_path):
    pdir, ldir = copy_dirs(tmp_path)
    with open(pdir / "relations.jsonl", "a", encoding="utf-8") as f:
        f.write('{"id": "broken", "confidence": 0.5, "pattern": [{"RIGHT_ID": "nope"}]}\n')
    n = len((pdir / "relations.jsonl").read_text(encoding="utf-8").splitlines())
    with pytest.raises(DataFileError, match=rf"relations.jsonl:{n} \(broken\): the pattern needs a node named 'trigger'"):
        load(onto, pdir, ldir)


def test_invalid_json_and_unknown_predicate(onto, tmp_path):
    pdir, ldir = copy_dirs(tmp_path)
    (pdir / "extra.jsonl").write_text("{oops\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"extra.jsonl:1: not valid JSON"):
        load(onto, pdir, ldir)
    (pdir / "extra.jsonl").unlink()
    text = (ldir / "triggers.yaml").read_text(encoding="utf-8")
    (ldir / "triggers.yaml").write_text(text.replace("predicate: sues,", "predicate: litigates,", 1), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"triggers.yaml: trigger \d+ \(sue\): predicate 'litigates' is not in the ontology"):
        load(onto, pdir, ldir)


def test_digest_follows_the_files(onto, tmp_path):
    pdir, ldir = copy_dirs(tmp_path)
    before = load(onto, pdir, ldir).digest
    assert before == load(onto).digest
    with open(ldir / "roles.yaml", "a", encoding="utf-8") as f:
        f.write("# an edit\n")
    assert load(onto, pdir, ldir).digest != before


def test_word_lists_load_and_a_broken_list_names_file_and_key(tmp_path):
    from extraction.rules import WORD_LIST_FILE, load_word_lists

    words = load_word_lists()
    assert "stake" in words["stakes"] and "chief" in words["business_roles"]
    broken = tmp_path / "construction_words.yaml"
    broken.write_text(WORD_LIST_FILE.read_text(encoding="utf-8").replace("sue: [countersue, sue]", "sue: [no, sue]"),
                      encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_word_lists(broken)
    assert "construction_words.yaml" in str(info.value) and "sue" in str(info.value)


def test_a_capital_of_an_unlisted_country_names_file_and_entry(onto, tmp_path):
    pdir, ldir = copy_dirs(tmp_path)
    (ldir / "capitals.yaml").write_text("capitals:\n  Minsk: Belarus\n  Atlantis City: Atlantis\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"capitals\.yaml: Atlantis City: 'Atlantis' is not a country"):
        load(onto, pdir, ldir)


def test_capitals_and_companies_load(onto):
    rules = load_rules(set(onto.predicates), set(onto.statuses))
    assert rules.capitals["minsk"] == "Belarus" and rules.capitals["bogota"] == "Colombia"
    assert "Nestle" in rules.companies and "Total" not in rules.companies  # a sentence-start word is left out


@pytest.mark.parametrize("office, message", [
    ("{state: Atlantis, role: president, from: 2017-01}", r"'Atlantis' is not a country"),
    ("{state: Belarus, role: president, from: 2017-13}", r"from/to must be YYYY-MM months"),
    ("{state: Belarus, role: president, from: 2017-01, to: 2016-05}", r"from/to must be YYYY-MM months, to not before from"),
])
def test_a_bad_office_names_file_and_person(onto, tmp_path, office, message):
    pdir, ldir = copy_dirs(tmp_path)
    (ldir / "office_holders.yaml").write_text(f"- name: Ada Vell\n  offices:\n    - {office}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"office_holders\.yaml: Ada Vell: " + message):
        load(onto, pdir, ldir)


def test_a_person_listed_twice_is_an_error(onto, tmp_path):
    pdir, ldir = copy_dirs(tmp_path)
    entry = "- name: Ada Vell\n  offices:\n    - {state: Belarus, role: president, from: 2017-01}\n"
    (ldir / "office_holders.yaml").write_text(entry + entry.replace("Ada Vell", "Bo Rinn\n  aliases: [Ada Vell]"),
                                              encoding="utf-8")
    with pytest.raises(DataFileError, match=r"office_holders\.yaml: Bo Rinn: the name 'Ada Vell' is listed twice"):
        load(onto, pdir, ldir)


def test_office_holders_load_with_their_terms(onto):
    rules = load_rules(set(onto.predicates), set(onto.statuses))
    trump = rules.offices["donald trump"]
    assert any(o.state == "United States" and o.role == "president" and o.held_in("2019-07") for o in trump)
    assert not any(o.held_in("2022-06") for o in trump)  # between his two terms


def test_a_pattern_subject_type_outside_the_ontology_is_named(onto, tmp_path):
    pdir, ldir = copy_dirs(tmp_path)
    with open(pdir / "relations.jsonl", "a", encoding="utf-8") as f:
        f.write('{"id": "typed", "confidence": 0.5, "subject_types": ["Nation"], "pattern": '
                '[{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": "order"}}, '
                '{"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "object", "RIGHT_ATTRS": {"DEP": "dobj"}}]}\n')
    n = len((pdir / "relations.jsonl").read_text(encoding="utf-8").splitlines())
    with pytest.raises(DataFileError, match=rf"relations.jsonl:{n} \(typed\): 'subject_types' must be a non-empty list of"):
        load(onto, pdir, ldir)
