"""Gold files: the bundled sets are valid, and a bad line is a one-line
error naming file:line and the fix."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from extraction.evaluate import CORE_PREDICATES, load_gold
from ontology import load_ontology
from relgraph.cli import cli, main
from relgraph.errors import InputError

GOLD = Path(__file__).parent / "gold"

GOOD = {"id": "a", "text": "Acme Corp sued Globex.", "source": "written for relgraph",
        "triples": [{"subject": "Acme Corp", "predicate": "sues", "object": "Globex"}]}


def write(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def variant(**changes) -> str:
    doc = json.loads(json.dumps(GOOD))
    for key, value in changes.items():
        if key.startswith("t_"):
            doc["triples"][0][key[2:]] = value
        else:
            doc[key] = value
    return json.dumps(doc)


def test_dev_set_is_valid_and_covers_every_predicate():
    docs = load_gold(GOLD / "dev.jsonl")
    assert len(docs) >= 40
    per_predicate = Counter(t.predicate for d in docs for t in d.triples)
    assert set(per_predicate) == set(load_ontology().predicates)
    # Weighted to the first twelve predicates, which the newswire bar uses.
    assert all(per_predicate[p] >= 4 for p in CORE_PREDICATES), per_predicate
    assert sum(1 for d in docs if not d.triples) >= 4, "distractor documents with no relation"
    assert {t.status for d in docs for t in d.triples} == set(load_ontology().statuses)
    assert all(1 <= d.document.text.count(". ") + 1 <= 4 for d in docs)


def test_seed_set_holds_the_issue_targets():
    (doc,) = load_gold(GOLD / "seed.jsonl")
    assert doc.document.id == "seed-news"
    assert doc.document.text == (Path(__file__).parents[2] / "examples" / "seed-news.txt").read_text(encoding="utf-8")
    assert len(doc.triples) == 15


@pytest.mark.parametrize("line, message", [
    ("{not json", "gold.jsonl:2: not valid JSON"),
    ("[1, 2]", "gold.jsonl:2: expected a JSON object"),
    (variant(text=""), "gold.jsonl:2: 'text' must be a non-empty string"),
    (variant(extra=1), "gold.jsonl:2: unknown field(s) extra"),
    (variant(date="23 May 2019"), "gold.jsonl:2: date '23 May 2019' must be YYYY-MM-DD"),
    (variant(triples={}), "gold.jsonl:2: 'triples' must be a list"),
    (variant(t_predicate="buys"), "gold.jsonl:2: triple 1: unknown predicate 'buys'; valid: accuses, acquires"),
    (variant(t_status="rumoured"), "gold.jsonl:2: triple 1: unknown status 'rumoured'; valid: asserted"),
    (variant(t_object="Initech"), "gold.jsonl:2: object 'Initech' does not occur in the text"),
    (variant(t_subject=[]), "gold.jsonl:2: triple subject must be a name or a list of names"),
    (variant(id="first"), "gold.jsonl:2: document id 'first' already used on line 1"),
])
def test_bad_line_names_file_and_line(tmp_path, line, message):
    path = write(tmp_path, variant(id="first"), line)
    with pytest.raises(InputError) as exc:
        load_gold(path)
    text = str(exc.value)
    assert text.startswith(str(tmp_path / "gold.jsonl")), text
    assert message in text, text
    assert "\n" not in text


def test_blank_lines_are_skipped_and_empty_file_is_an_error(tmp_path):
    assert len(load_gold(write(tmp_path, "", variant(), ""))) == 1
    with pytest.raises(InputError, match="has no documents"):
        load_gold(write(tmp_path, ""))


def test_eval_command_reports_bad_gold_line_in_one_line(tmp_path, capsys):
    path = write(tmp_path, variant(t_predicate="buys"))
    with pytest.raises(SystemExit) as exc:
        main(["eval", str(path)])
    assert exc.value.code == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith(f"relgraph: error: {path}:1: triple 1: unknown predicate 'buys'")


def test_eval_command_has_help_with_example():
    result = CliRunner().invoke(cli, ["eval", "--help"])
    assert result.exit_code == 0 and "Example:" in result.output and "--by-status" in result.output
