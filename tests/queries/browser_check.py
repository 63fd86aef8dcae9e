"""Drive the real Neo4j Browser (headless Chromium) through relgraph's favorites import.

Used by ``tests/queries/test_browser.py`` and ``scripts/browser-check``.
The check, against a server holding a loaded relgraph graph:

1. open Browser at ``/browser/`` and connect without auth;
2. drop the zip that ``relgraph queries --browser-export`` writes onto the
   window (``dragenter``/``dragover``/``drop`` events carrying a
   ``DataTransfer`` with the file, as the operating system delivers a drag);
3. open the Favorites drawer and read the names it lists;
4. for each query: click its favorite, read the editor, run ``:params``
   with the given parameters, run the favorite and read the number of
   records from the result frame's status bar.

Needs the ``playwright`` Python package and a Chromium binary
(``RELGRAPH_CHROMIUM``, default ``/usr/bin/chromium``); no browser download.

Run by hand::

    python -m tests.queries.browser_check --http 37474 --bolt 37687 --shots /tmp/shots
"""

from __future__ import annotations

import argparse
import base64
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

DEFAULT_CHROMIUM = "/usr/bin/chromium"

# Build File objects in the page and dispatch the events a real drag delivers.
_DROP_JS = """async ([files, selector]) => {
  const dt = new DataTransfer();
  for (const [name, b64, type] of files) {
    const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
    dt.items.add(new File([bytes], name, {type}));
  }
  const target = document.querySelector(selector);
  if (!target) return -1;
  for (const kind of ['dragenter', 'dragover', 'drop']) {
    target.dispatchEvent(new DragEvent(kind, {bubbles: true, cancelable: true, dataTransfer: dt}));
  }
  return dt.files.length;
}"""
_RECORDS = re.compile(r"(?:Started streaming|returned)\s+(\d+)\s+record", re.I)


class BrowserUnavailable(RuntimeError):
    """playwright or the Chromium binary is missing."""


@dataclass
class QueryRun:
    """What Browser showed for one favorite: editor text and records returned."""

    name: str
    editor_first_line: str
    records: int | None
    status: str


@dataclass
class CheckReport:
    """The outcome of one Browser session."""

    browser_version: str = ""
    favorites: list[str] = field(default_factory=list)
    runs: list[QueryRun] = field(default_factory=list)
    screenshots: list[str] = field(default_factory=list)


def chromium_path() -> str:
    """The Chromium binary to drive (``RELGRAPH_CHROMIUM`` or /usr/bin/chromium); raises BrowserUnavailable."""
    path = os.environ.get("RELGRAPH_CHROMIUM") or DEFAULT_CHROMIUM
    if not (Path(path).is_file() or shutil.which(path)):
        raise BrowserUnavailable(
            f"no Chromium at {path}: install it (apt-get install chromium) or set RELGRAPH_CHROMIUM"
        )
    return path


def _sync_playwright():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise BrowserUnavailable("the playwright package is missing: pip install playwright") from None
    return sync_playwright


def _set_editor(page, text: str) -> None:
    editor = page.locator("[data-testid=activeEditor]")
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    # insert_text types no keys, so the editor's auto-closing brackets do not double them.
    page.keyboard.insert_text(text)


def _run_editor(page, done: str, timeout: float = 30_000) -> str:
    """Run the editor's content; wait for a new frame whose text matches ``done`` (a JS regex); return its text."""
    page.evaluate("() => { window.__relgraphLastFrame = document.querySelector('[data-testid=frame]'); }")
    page.locator("[data-testid=editor-Run]").first.click()
    page.wait_for_function(
        "re => { const f = document.querySelector('[data-testid=frame]'); "
        "return f && f !== window.__relgraphLastFrame && new RegExp(re).test(f.innerText); }",
        arg=done,
        timeout=timeout,
    )
    return page.locator("[data-testid=frame]").first.inner_text()


def _editor_text(page) -> str:
    """The main editor's text as displayed (the editor renders spaces as no-break spaces)."""
    # Line nodes are reused and positioned by their "top" style, so DOM order is not line order.
    text = page.evaluate(
        "() => { const ls = [...document.querySelectorAll('[data-testid=activeEditor] .view-lines .view-line')]; "
        "ls.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top)); "
        "return ls.map(l => l.innerText).join('\\n'); }"
    )
    return text.replace("\u00a0", " ")


def run_check(
    http_port: int,
    bolt_port: int,
    zip_path: Path,
    runs: Mapping[str, Mapping[str, Any]],
    shots: Path | None = None,
    host: str = "127.0.0.1",
) -> CheckReport:
    """Import the favorites zip into Browser and run favorites; return what Browser showed.

    http_port, bolt_port: the Neo4j server's ports (auth off).
    zip_path: the file ``export_favorites`` wrote.
    runs: query name -> parameters to set with ``:params`` before running its favorite.
    shots: directory for screenshots, or None.
    host: server address.
    """
    sync_playwright = _sync_playwright()
    executable = chromium_path()
    from queries.catalog import load_catalog
    from queries.favorites import browser_literal, params_commands

    catalog = load_catalog()
    report = CheckReport()
    payload = base64.b64encode(Path(zip_path).read_bytes()).decode()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        try:
            report.browser_version = browser.version
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(60_000)

            def shot(name: str) -> None:
                if shots is not None:
                    shots.mkdir(parents=True, exist_ok=True)
                    path = shots / f"{len(report.screenshots) + 1:02d}-{name}.png"
                    page.screenshot(path=str(path))
                    report.screenshots.append(str(path))

            page.goto(f"http://{host}:{http_port}/browser/?dbms=bolt://{host}:{bolt_port}&preselectAuthMethod=NO_AUTH")
            page.get_by_text("Connected to Neo4j").first.wait_for()
            shot("connected")
            dropped = page.evaluate(_DROP_JS, [[[Path(zip_path).name, payload, "application/zip"]], ".filedrop"])
            if dropped != 1:
                raise AssertionError(f"could not dispatch the drop (files in DataTransfer: {dropped})")
            page.locator("[data-testid=navigationFavorites]").click()
            first = catalog.get(sorted(runs)[0]).title if runs else next(iter(catalog)).title
            page.locator(f'[data-testid="scriptTitle-{first}"]').first.wait_for()
            shot("favorites")
            report.favorites = [
                t.strip() for t in page.locator('[data-testid^="scriptTitle-"]').all_inner_texts()
            ]
            for name, params in runs.items():
                query = catalog.get(name)
                title = query.title
                # The commands the favorite's header shows, with this run's values.
                for command in params_commands(query, {k: browser_literal(v) for k, v in params.items()}):
                    _set_editor(page, command)
                    out = _run_editor(page, "Successfully set your parameters|Something went wrong|Error")
                    if "Successfully set your parameters" not in out:
                        shot(f"params-{name}")
                        raise AssertionError(f"{command}: Browser did not set the parameters: {out[-300:]!r}")
                before = _editor_text(page)
                page.locator(f'[data-testid="scriptTitle-{title}"]').first.click()
                page.wait_for_function(
                    "b => { const e = document.querySelector('[data-testid=activeEditor] .view-lines'); "
                    "return e && e.innerText.replace(/\\u00a0/g, ' ') !== b; }",
                    arg=before,
                )
                # The editor draws only the lines in view and may show the end of a long query.
                page.locator("[data-testid=activeEditor]").click()
                page.keyboard.press("Control+Home")
                page.wait_for_timeout(200)
                text = _editor_text(page)
                first_line = text.splitlines()[0] if text else ""
                try:
                    out = _run_editor(page, "records? after|Error|error")
                except Exception:
                    shot(f"timeout-{name}")
                    raise
                frame = page.locator("[data-testid=frame]").first
                bar = frame.locator("[data-testid=frameStatusbar]")
                status = (bar.first.inner_text() if bar.count() else out).strip()
                m = _RECORDS.search(status)
                report.runs.append(QueryRun(name, first_line, int(m.group(1)) if m else None, status))
                shot(f"run-{name}")
        finally:
            browser.close()
    return report


def main(argv: list[str] | None = None) -> int:
    """Command line of ``scripts/browser-check``: export, import, run, report."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--http", type=int, required=True, help="Neo4j HTTP port (Browser)")
    ap.add_argument("--bolt", type=int, required=True, help="Neo4j Bolt port")
    ap.add_argument("--shots", type=Path, help="directory for screenshots")
    args = ap.parse_args(argv)

    import neo4j

    from graph import neo4j_writer
    from queries.catalog import load_catalog
    from queries.favorites import export_favorites
    from queries.runner import run_cypher
    from tests.queries.browser_cases import BROWSER_RUNS, expected_params
    from tests.queries.fixtures import example_graph

    driver = neo4j.GraphDatabase.driver(f"bolt://127.0.0.1:{args.bolt}", auth=None, notifications_min_severity="OFF")
    try:
        if driver.execute_query("MATCH (n) RETURN count(n) AS c").records[0]["c"]:
            print(f"browser-check: the database at bolt port {args.bolt} is not empty; use an empty test server", file=sys.stderr)
            return 2
        neo4j_writer.load(driver, example_graph())
        catalog = load_catalog()
        expected = {
            name: len(run_cypher(catalog.get(name), catalog.get(name).bind(params), driver).rows)
            for name, params in BROWSER_RUNS.items()
        }
        with tempfile.TemporaryDirectory() as tmp:
            zip_path = Path(tmp) / "relgraph-favorites.zip"
            export_favorites(zip_path)
            report = run_check(args.http, args.bolt, zip_path,
                               {n: expected_params(n, p) for n, p in BROWSER_RUNS.items()}, args.shots)
    finally:
        try:
            driver.execute_query("MATCH (n) DETACH DELETE n")
        finally:
            driver.close()
    titles = {q.title for q in catalog}
    missing = sorted(titles - set(report.favorites))
    ok = not missing
    print(f"Chromium {report.browser_version}; favorites listed: {len(set(report.favorites) & titles)}/{len(titles)}")
    for run in report.runs:
        good = run.records == expected[run.name] and run.editor_first_line == f"// {catalog.get(run.name).title}"
        ok &= good
        print(f"{'ok  ' if good else 'FAIL'} {run.name}: {run.records} record(s), expected {expected[run.name]} "
              f"({run.status!r}); editor: {run.editor_first_line!r}")
    for m in missing:
        print(f"FAIL favorite missing: {m}")
    if report.screenshots:
        print(f"screenshots: {Path(report.screenshots[0]).parent}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
