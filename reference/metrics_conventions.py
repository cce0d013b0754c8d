"""The averages swapped, for the micro_macro_average drill's `conventions:` key: micro where macro is asked and
macro where micro is asked, so that a learner who mixed them up is told so by name."""
from reference.metrics import f1_score


def f1_score_swapped_average(y_true, y_pred, num_classes, average="macro"):
    """reference.metrics.f1_score with "macro" and "micro" exchanged."""
    return f1_score(y_true, y_pred, num_classes, "micro" if average == "macro" else "macro")
