"""The growth verdict of benchmarks/bench_memory.py (the benchmark itself runs builds; not a test)."""

from benchmarks.bench_memory import growth_verdict


def test_a_peak_that_grows_by_the_same_amount_per_article_is_linear():
    assert growth_verdict([1000, 2000, 4000, 10000], [100, 110, 130, 190]) == "linear or better"


def test_a_peak_whose_cost_per_article_rises_is_flagged_at_the_step_where_it_rises():
    assert growth_verdict([1000, 2000, 4000, 10000], [100, 110, 130, 400]) == \
        "FASTER THAN LINEAR between 4000 and 10000 articles"
