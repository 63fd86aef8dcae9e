"""`relgraph queries --browser-export`: the files Neo4j Browser 5.24 imports as favorites.

What Browser does with them is checked in the real Browser by test_browser.py;
these tests pin the shape it relies on: zip entries at the root (Browser makes
one folder per entry in a directory), the title as the first line (Browser
names a favorite after it), integers set with `:param x => n` (`:params`
stores 25 as 25.0, which LIMIT refuses).
"""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

from queries.catalog import load_catalog
from queries.favorites import export_favorites, favorite_text, params_commands
from relgraph.errors import ExportError


def test_zip_holds_one_cypher_file_per_query_at_its_root(tmp_path):
    out = tmp_path / "fav.zip"
    export_favorites(out)
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        assert sorted(names) == sorted(f"{q.name}.cypher" for q in load_catalog())
        text = zf.read("relations.cypher").decode("utf-8")
    assert text.splitlines()[0] == "// Relations of an entity"
    # The query itself is intact after the header.
    assert load_catalog().get("relations").cypher.split("// order:")[1] in text


def test_the_same_catalog_gives_the_same_zip_bytes(tmp_path):
    export_favorites(tmp_path / "a.zip")
    export_favorites(tmp_path / "b.zip")
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()


def test_every_favorite_is_named_by_its_title_and_says_how_to_set_parameters():
    for q in load_catalog():
        lines = favorite_text(q).splitlines()
        assert lines[0] == f"// {q.title}"
        assert not any(line.startswith("// title:") for line in lines)
        assert any(line.startswith("// :params {") for line in lines[:3]), q.name


def test_integer_parameters_are_set_with_the_cypher_form():
    q = load_catalog().get("paths")
    cmds = params_commands(q, {"source": '["hikvision"]', "target": '["huawei"]', "max_hops": "3", "limit": "25"})
    assert cmds == [':params {source: ["hikvision"], target: ["huawei"]}', ":param max_hops => 3", ":param limit => 25"]


def test_a_directory_gets_one_file_per_query(tmp_path):
    written = export_favorites(tmp_path / "fav")
    assert len(written) == len(load_catalog())
    assert (tmp_path / "fav" / "timeline.cypher").read_text().startswith("// Timeline of an entity\n")


def test_an_existing_file_that_is_not_a_zip_is_refused(tmp_path):
    target = tmp_path / "notes.txt"
    target.write_text("x")
    with pytest.raises(ExportError, match="notes.txt.*not a directory"):
        export_favorites(target)


def test_cli_writes_the_zip_and_says_how_to_import_it(tmp_path):
    out = tmp_path / "relgraph-favorites.zip"
    done = subprocess.run([sys.executable, "-m", "relgraph.cli", "queries", "--browser-export", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "drag this one file onto Neo4j Browser" in done.stdout
    assert zipfile.is_zipfile(out)
