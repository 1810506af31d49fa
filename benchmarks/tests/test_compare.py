"""compare.py's tables from given results (no JMH, no PyTorch): one round, and several rounds."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import compare  # noqa: E402


def rows(text):
    """The table's data rows as lists of cells."""
    return [[c.strip() for c in line.strip("|").split("|")] for line in text.splitlines()[2:] if line]


def test_combine_severalRounds_takesEachSidesMedian():
    rounds = [({("sum_16M", 2): (1.0e-3, "reduce")}, {("sum_16M", 2): 0.5e-3}),
              ({("sum_16M", 2): (3.0e-3, "reduce")}, {("sum_16M", 2): 2.0e-3}),
              ({("sum_16M", 2): (2.0e-3, "reduce")}, {("sum_16M", 2): 1.0e-3})]
    ours, theirs = compare.combine(rounds)
    assert ours == {("sum_16M", 2): (2.0e-3, "reduce")}
    assert theirs == {("sum_16M", 2): 1.0e-3}


def test_table_severalRounds_addsTheRoundsRatioRange():
    rounds = [({("sum_16M", 1): (1.2e-3, "reduce")}, {("sum_16M", 1): 1.0e-3}),
              ({("sum_16M", 1): (1.8e-3, "reduce")}, {("sum_16M", 1): 2.0e-3})]
    ours, theirs = compare.combine(rounds)
    (row,) = rows(compare.table(ours, theirs, rounds))
    assert row[0] == "sum_16M" and row[6] == "1.00" and row[-1] == "0.90-1.20"


def test_table_oneRound_hasNoRoundsColumn():
    rounds = [({("sum_16M", 1): (1.2e-3, "reduce")}, {("sum_16M", 1): 1.0e-3})]
    text = compare.table(*compare.combine(rounds), rounds)
    assert "ratio per round" not in text
    (row,) = rows(text)
    assert row[6] == "1.20" and row[8] == "yes"


def test_table_mlpStep_comparesWithPyTorchsFasterThreadCountInEachRound():
    name = "mlp_step_nn_784_256_10_b64_xent_sgd"
    rounds = [({(name, 1): (1.0e-3, "mlp")}, {(name, 1): 2.0e-3, (name, 2): 1.0e-3}),
              ({(name, 1): (1.0e-3, "mlp")}, {(name, 1): 0.5e-3, (name, 2): 4.0e-3})]
    (row,) = rows(compare.table(*compare.combine(rounds), rounds))
    assert row[-1] == "1.00-2.00"


def test_combine_caseMissingFromALaterRound_keepsTheRoundsItHas():
    rounds = [({("sum_16M", 1): (1.0e-3, "reduce"), ("mean_16M", 1): (4.0e-3, "reduce")}, {("sum_16M", 1): 1.0e-3}),
              ({("sum_16M", 1): (3.0e-3, "reduce")}, {("sum_16M", 1): 1.0e-3})]
    ours, _ = compare.combine(rounds)
    assert ours == {("sum_16M", 1): (2.0e-3, "reduce"), ("mean_16M", 1): (4.0e-3, "reduce")}
