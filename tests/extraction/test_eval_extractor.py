"""The real extractor scored on the gold sets: fails when extraction regresses.

The floors are the figures measured when they were set (docs/evaluation.md)
rounded down; raise them as extraction improves, never lower them to make a
change pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extraction.evaluate import CORE_PREDICATES, evaluate, load_gold

GOLD = Path(__file__).parent / "gold"

SEED_RECALL_FLOOR = 0.93        # measured 1.000 (15/15)

# gold file -> (core precision floor, core recall floor); comments give what was measured.
# The eleventh round amended dev-blind16 with 163 holdings of owners (a parent holds its unit: the
# issue's "holder -> company it owns"; gold/README.md; 63 more in blind-blind34 later, which left every
# floor standing), so their recall floors were reset to the figures
# measured on the amended sets; blind's precision floor went from 0.95 to 0.90 (0.92 since) as it reads two
# agreed offers as bids (blind-003, blind-035) that the set, written before that convention, leaves out.
# The twelfth round reads an agreed purchase priced per share as a bid (the newer sets' convention), which
# blind5, blind12 and blind13 leave out: their precision floors went down by 0.02.
CORE_FLOORS = {
    GOLD / "dev.jsonl": (0.95, 0.88),        # 0.987 / 0.902 (recall 0.835 before the phrasing round)
    GOLD / "blind.jsonl": (0.92, 0.87),      # 0.954 / 0.886 (0.947 / 0.269 before the second round)
    GOLD / "blind2.jsonl": (0.97, 0.86),     # 1.000 / 0.882 (1.000 / 0.452 when first scored)
    GOLD / "blind3.jsonl": (0.95, 0.87),     # 0.980 / 0.891 (0.952 / 0.370 when first scored)
    GOLD / "blind4.jsonl": (0.97, 0.68),     # 1.000 / 0.710 (0.909 / 0.333 when first scored)
    GOLD / "blind5.jsonl": (0.92, 0.67),     # 0.939 / 0.706 (0.944 / 0.381 when first scored)
    GOLD / "blind6.jsonl": (0.87, 0.61),     # 0.900 / 0.635 (0.905 / 0.365 when scored once, held out)
    GOLD / "blind7.jsonl": (0.92, 0.69),     # 0.951 / 0.719 (0.917 / 0.447 when scored once, held out)
    GOLD / "blind8.jsonl": (0.90, 0.66),     # 0.934 / 0.684 (0.913 / 0.486 when scored once, held out)
    GOLD / "blind9.jsonl": (0.93, 0.59),     # 0.953 / 0.616 (0.938 / 0.405 when scored once, held out)
    GOLD / "blind10.jsonl": (0.94, 0.55),    # 0.971 / 0.578 (0.948 / 0.353 when scored once, held out)
    GOLD / "blind11.jsonl": (0.95, 0.57),    # 0.983 / 0.597 (0.949 / 0.423 when scored once, held out)
    GOLD / "blind12.jsonl": (0.89, 0.57),    # 0.909 / 0.591 (0.899 / 0.471 when scored once, held out)
    GOLD / "blind13.jsonl": (0.87, 0.43),    # 0.886 / 0.456 (0.878 / 0.417 when scored once, held out)
    GOLD / "blind14.jsonl": (0.94, 0.50),    # 0.968 / 0.526 (0.920 / 0.438 when scored once, held out)
    GOLD / "blind15.jsonl": (0.90, 0.56),    # 0.925 / 0.586 (0.885 / 0.441 when scored once, held out)
    GOLD / "blind16.jsonl": (0.89, 0.56),    # 0.926 / 0.588 (0.858 / 0.454 when scored once, held out)
    GOLD / "blind17.jsonl": (0.89, 0.50),    # 0.902 / 0.524 (0.916 / 0.452 when scored once, held out)
    GOLD / "blind18.jsonl": (0.88, 0.46),    # 0.885 / 0.581 (0.819 / 0.354 when scored once, held out; 0.89 floor until
    #   a failed sale to a consortium named its members as buyers: the set gives failed talks only bids-for)
    GOLD / "blind19.jsonl": (0.89, 0.43),    # 0.912 / 0.458 (0.867 / 0.379 when scored once, held out)
    GOLD / "blind20.jsonl": (0.90, 0.60),    # 0.931 / 0.627 (0.877 / 0.507 when scored once, held out)
    GOLD / "blind21.jsonl": (0.89, 0.38),    # 0.901 / 0.406 (0.850 / 0.371 when scored once, held out)
    GOLD / "blind22.jsonl": (0.89, 0.53),    # 0.916 / 0.553 (0.898 / 0.451 when scored once, held out)
    GOLD / "blind23.jsonl": (0.89, 0.47),    # 0.924 / 0.492 (0.828 / 0.332 when scored once, held out)
    GOLD / "blind24.jsonl": (0.92, 0.46),    # 0.949 / 0.489 (0.882 / 0.368 when scored once, held out)
    GOLD / "blind25.jsonl": (0.93, 0.41),    # 0.959 / 0.435 (0.921 / 0.330 when scored once, held out)
    GOLD / "blind26.jsonl": (0.90, 0.57),    # 0.939 / 0.598 (0.894 / 0.495 when scored once, held out)
    GOLD / "blind27.jsonl": (0.94, 0.43),    # 0.973 / 0.456 (0.928 / 0.381 when first scored, then read)
    GOLD / "blind28.jsonl": (0.91, 0.54),    # 0.948 / 0.568 (0.922 / 0.495 when first scored, then read)
    GOLD / "blind29.jsonl": (0.85, 0.42),    # 0.865 / 0.440 (0.824 / 0.389 when scored once, held out)
    GOLD / "blind30.jsonl": (0.88, 0.45),    # 0.912 / 0.473 (0.875 / 0.421 when scored once, held out)
    GOLD / "blind31.jsonl": (0.92, 0.37),    # 0.954 / 0.395 (0.908 / 0.376 when scored once, held out)
    GOLD / "blind32.jsonl": (0.87, 0.33),    # 0.901 / 0.353 (0.845 / 0.309 when scored once, held out)
    GOLD / "blind33.jsonl": (0.92, 0.50),    # 0.956 / 0.529 (scored once, held out)
    GOLD / "blind34.jsonl": (0.90, 0.48),    # 0.939 / 0.502 (scored once, held out)
    GOLD / "blind35.jsonl": (0.90, 0.43),    # 0.939 / 0.451 (0.927 / 0.454 when scored once, held out)
    GOLD / "blind36.jsonl": (0.90, 0.46),    # 0.938 / 0.482 (0.938 / 0.482 when scored once, held out)
    GOLD / "blind37.jsonl": (0.88, 0.54),    # 0.913 / 0.569 (scored once, held out)
    GOLD / "blind38.jsonl": (0.90, 0.54),    # 0.937 / 0.565 (scored once, held out)
    GOLD / "blind39.jsonl": (0.93, 0.64),    # 0.961 / 0.676 (0.960 / 0.665 when scored once, held out)
    GOLD / "blind40.jsonl": (0.87, 0.51),    # 0.903 / 0.541 (0.900 / 0.523 when scored once, held out)
    GOLD / "blind41.jsonl": (0.88, 0.50),    # 0.924 / 0.568 (0.912 / 0.525 when scored once, held out)
    GOLD / "blind42.jsonl": (0.89, 0.56),    # 0.922 / 0.622 (0.923 / 0.574 when scored once, held out)
    GOLD / "blind43.jsonl": (0.89, 0.58),    # 0.928 / 0.673 (0.921 / 0.610 when scored once, held out)
    GOLD / "blind44.jsonl": (0.86, 0.50),    # 0.909 / 0.591 (0.894 / 0.535 when scored once, held out)
    GOLD / "blind45.jsonl": (0.91, 0.51),    # 0.940 / 0.541 (scored once, held out)
    GOLD / "blind46.jsonl": (0.85, 0.52),    # 0.888 / 0.554 (0.886 / 0.546 when scored once, held out)
    GOLD / "blind47.jsonl": (0.86, 0.55),    # 0.909 / 0.612 (0.895 / 0.588 when scored once, held out)
    GOLD / "blind48.jsonl": (0.84, 0.50),    # 0.887 / 0.557 (0.877 / 0.538 when scored once, held out)
    GOLD / "blind49.jsonl": (0.88, 0.58),    # 0.923 / 0.617 (0.899 / 0.490 when scored once, held out)
    GOLD / "blind50.jsonl": (0.85, 0.56),    # 0.892 / 0.599 (0.844 / 0.488 when scored once, held out)
    GOLD / "blind51.jsonl": (0.87, 0.54),    # 0.916 / 0.593 (0.901 / 0.575 when scored once, held out)
    GOLD / "blind52.jsonl": (0.85, 0.50),    # 0.890 / 0.531 (0.878 / 0.476 when scored once, held out)
    GOLD / "blind53.jsonl": (0.88, 0.65),    # 0.910 / 0.680 (scored once, held out)
    GOLD / "blind54.jsonl": (0.88, 0.56),    # 0.913 / 0.595 (scored once, held out)
    Path(__file__).parent / "phrasings.jsonl": (0.97, 0.95),  # 1.000 / 0.976 (0.990 / 0.695 when first scored)
}


def _misses(report) -> str:
    return "\n".join(e.line() for e in report.errors)


def test_seed_targets_are_found(extractor):
    report = evaluate(load_gold(GOLD / "seed.jsonl"), extractor.extract)
    recall = report.overall().recall
    assert recall >= SEED_RECALL_FLOOR, f"seed recall {recall:.3f} < {SEED_RECALL_FLOOR}\n{_misses(report)}"


@pytest.mark.parametrize("gold", list(CORE_FLOORS), ids=lambda p: p.stem)
def test_core_scores_stay_above_floor(extractor, gold):
    precision_floor, recall_floor = CORE_FLOORS[gold]
    report = evaluate(load_gold(gold), extractor.extract)
    core = report.overall(CORE_PREDICATES)
    assert core.precision >= precision_floor, f"{gold.stem} core precision {core.precision:.3f}\n{_misses(report)}"
    assert core.recall >= recall_floor, f"{gold.stem} core recall {core.recall:.3f}\n{_misses(report)}"
