"""Name keys: what makes two surface names the same name."""

from __future__ import annotations

import pytest

from graph.normalize import acronyms, compact, is_generic, load_lexicon, name_key, parse_lexicon, slug, type_slug
from relgraph.errors import DataFileError


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


@pytest.mark.parametrize("a, b", [
    ("HIKVISION", "Hikvision"),                                  # case
    ("Hikvision's", "Hikvision"),                                # possessive
    ("Hikvision’s", "Hikvision"),                                # curly possessive
    ("U.S.", "US"),                                              # dots
    ("E.Sun Bank", "E Sun Bank"),                                # dots vs spaces (compact key)
    ("Huawei Technologies Co., Ltd.", "Huawei Technologies"),    # legal suffixes, repeated
    ("CCILU Ltd", "CCILU"),
    ("Powertech Technology Inc", "Powertech Technology"),
    ("E.Sun Financial Holding Co", "E.Sun Financial Holdings"),  # Holding(s) is a legal form
    ("The Garden of Hope Foundation", "Garden of Hope Foundation"),
    ("AT&T Inc", "AT and T"),
])
def test_same_company_key(lex, a, b):
    assert compact(name_key(a, "Company", lex)) == compact(name_key(b, "Company", lex))


@pytest.mark.parametrize("a, b", [
    ("E.Sun Financial Holding Co", "E.Sun Bank"),
    ("CTBC Financial Holding Co", "CTBC Bank"),
    ("Mercuries Life Insurance Co", "Mercuries Securities"),
    ("DBS Bank", "DBS Foundation"),
])
def test_distinguishing_words_are_kept(lex, a, b):
    assert compact(name_key(a, "Company", lex)) != compact(name_key(b, "Company", lex))


def test_suffixes_only_for_companies_and_organizations(lex):
    assert name_key("Bank of China Group", "Company", lex) == ("bank", "of", "china")
    assert name_key("Foreign Affairs Group", "GovernmentBody", lex) == ("foreign", "affairs", "group")


def test_a_name_is_never_stripped_to_nothing(lex):
    assert name_key("Holdings Ltd", "Company", lex) == ("holdings",)
    assert name_key("The", "Company", lex) == ("the",)


def test_person_titles(lex):
    assert name_key("President Donald Trump", "Person", lex) == ("donald", "trump")
    assert name_key("President Hotel", "Company", lex) == ("president", "hotel")


def test_acronyms(lex):
    assert "nba" in acronyms(name_key("National Basketball Association", "Organization", lex), lex)
    assert {"doj", "dj"} <= acronyms(("department", "of", "justice"), lex)
    assert acronyms(("hikvision",), lex) == set()


def test_generic(lex):
    assert is_generic(name_key("Ministry of Foreign Affairs", "GovernmentBody", lex), lex)
    assert not is_generic(name_key("Dahua", "Company", lex), lex)


def test_slugs():
    assert slug("Zhejiang Dahua Technology") == "zhejiang-dahua-technology"
    assert slug("華為") == ""
    assert type_slug("GovernmentBody") == "government-body"


@pytest.mark.parametrize("text, message", [
    ("legal_suffixes: [Co]\n", "legal_suffixes entry 1 ('Co'): must be a non-empty lower-case string"),
    ("legal_suffixes: [co, co]\n", "legal_suffixes entry 2 ('co'): listed twice"),
    ("generic_words: [on]\n", "generic_words entry 1 (True)"),   # YAML reads a bare on as true
    ("suffixes: [co]\n", "unknown key(s) suffixes"),
    ("fuzzy: {candidate: 200}\n", "fuzzy.candidate 200"),
])
def test_lexicon_errors_name_file_and_entry(text, message):
    with pytest.raises(DataFileError) as err:
        parse_lexicon(text, "names.yaml")
    assert str(err.value).startswith("names.yaml: ")
    assert message in str(err.value)


@pytest.mark.parametrize("name, etype", [("Mr The Acme", "Person"), ("The Acme Co Ltd Group", "Company"), ("Acme Holdings Co", "Company")])
def test_a_key_is_its_own_key(lex, name, etype):
    key = name_key(name, etype, lex)
    assert name_key(" ".join(key), etype, lex) == key
