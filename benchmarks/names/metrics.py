"""Clustering scores for name resolution: pairwise and B³ (Bagga & Baldwin
1998) precision, recall and F1 of predicted people against true people.

>>> scores(pd.Series(["a", "a", "b"]), pd.Series(["x", "x", "x"]))["b3_precision"]
1.0
"""

from __future__ import annotations

import pandas as pd


def scores(predicted: pd.Series, truth: pd.Series) -> dict[str, float]:
    """Pairwise and B³ precision, recall, F1 of the clustering ``predicted``
    (one label per mention) against ``truth`` (same index); NaN when
    there is no mention."""
    if predicted.empty:
        return dict.fromkeys(_KEYS, float("nan"))
    joint = pd.DataFrame({"p": predicted.to_numpy(), "t": truth.to_numpy()}).groupby(["p", "t"]).size()
    pred = joint.groupby(level="p").sum()
    true = joint.groupby(level="t").sum()
    n = float(joint.sum())
    result = {}
    squared = joint.astype(float) ** 2
    result["b3_precision"] = float((squared / pred.reindex(joint.index.get_level_values("p")).to_numpy()).sum() / n)
    result["b3_recall"] = float((squared / true.reindex(joint.index.get_level_values("t")).to_numpy()).sum() / n)
    pairs = float((joint * (joint - 1) / 2).sum())
    predicted_pairs = float((pred * (pred - 1) / 2).sum())
    true_pairs = float((true * (true - 1) / 2).sum())
    result["pair_precision"] = pairs / predicted_pairs if predicted_pairs else 1.0
    result["pair_recall"] = pairs / true_pairs if true_pairs else 1.0
    for kind in ("b3", "pair"):
        p, r = result[f"{kind}_precision"], result[f"{kind}_recall"]
        result[f"{kind}_f1"] = 2 * p * r / (p + r) if p + r else 0.0
    return result


_KEYS = [f"{kind}_{score}" for kind in ("b3", "pair") for score in ("precision", "recall", "f1")]
