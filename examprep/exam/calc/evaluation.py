"""Calculation templates of evaluation: metrics of a confusion matrix, ROC-AUC, perplexity, box IoU and the AP
of a ranked list of detections.
"""
import math

import numpy as np

from examprep.common.i18n import a_an, ja_en
from examprep.exam.calc.question import Redraw, rounded_text, calc_question, within


def metrics(rng, seed, set_id):
    """One confusion matrix, three of precision / recall / F1 / accuracy (a set of three, as the real exam groups
    questions around one scenario), then the fourth: the composer takes it in place of one that does not fit the
    exam (a measure another question asks), or beside them when the area has room for four."""
    tp, fp, fn, tn = (rng.randint(5, 90) for _ in range(4))
    cm = np.array([[tp, fn], [fp, tn]])   # rows: actual positive / negative; columns: predicted
    TP, FN_, FP, TN = cm[0, 0], cm[0, 1], cm[1, 0], cm[1, 1]
    precision = TP / (TP + FP)
    recall = TP / (TP + FN_)
    f1 = 2 * precision * recall / (precision + recall)
    accuracy = (TP + TN) / cm.sum()
    params_ = {"tp": tp, "fp": fp, "fn": fn, "tn": tn}
    specificity = TN / (TN + FP)
    table_ja = (f"実際が陽性のデータ {tp + fn} 件のうち {tp} 件を陽性、{fn} 件を陰性と予測し、実際が陰性のデータ {fp + tn} 件の"
                f"うち {fp} 件を陽性、{tn} 件を陰性と予測した。")
    table_en = (f"Of {tp + fn} actual positives the classifier predicted {tp} as positive and {fn} as negative; of "
                f"{fp + tn} actual negatives it predicted {fp} as positive and {tn} as negative.")
    total = cm.sum()
    jaccard = TP / (TP + FP + FN_)   # the critical success index: TP over everything but TN
    # No slip is another measure of the set: the set asks three of the four, and a learner who has worked one out
    # rules it out on sight in the others (the tenth examination: the accuracy key was a distractor of both other
    # questions in all three exams). The mistakes are the measures' own: a wrong denominator, the other class's
    # measure; never the key's complement (1 − key beside the key points at the pair that holds it: eleventh
    # examination).
    # F1's slips: one other mean of P and R at most (two of the arithmetic and geometric means and the product give P
    # and R back, the other questions' keys, and product < F1 <= geometric <= arithmetic put the key second smallest
    # in every exam: the twenty-fifth examination), the rest mistakes on either side of it, in a drawn order
    npv = TN / (TN + FN_)
    means = [("arithmetic_mean", (precision + recall) / 2, ja_en("算術平均を取った", "took the arithmetic mean")),
             ("geometric_mean", float(np.sqrt(precision * recall)), ja_en("幾何平均を取った", "took the geometric mean")),
             ("product", precision * recall, ja_en("2 / (P + R) を掛け忘れた", "forgot the 2 / (P + R)"))]
    f1_slips = [rng.choice(means),
                ("jaccard", jaccard, ja_en("TP / (TP + FP + FN) (F1 と IoU の取り違え) を答えた",
                                           "gave TP / (TP + FP + FN), confusing F1 with the IoU")),
                ("single_tp", 2 * TP / (TP + FP + FN_), ja_en("2TP / (2TP + FP + FN) の分母の TP を 2 倍し忘れた",
                                                              "left TP single in the denominator of 2TP / (2TP + FP + FN)")),
                ("specificity_for_recall", 2 * precision * specificity / (precision + specificity),
                 ja_en("再現率の代わりに特異度を使った", "used the specificity in place of the recall")),
                ("negative_class", 2 * npv * specificity / (npv + specificity),
                 ja_en("陰性クラスの F1 (TN 側の適合率と特異度の調和平均) を答えた",
                       "gave the negative class's F1 (harmonic mean of TN / (TN + FN) and the specificity)"))]
    f1_slips = within(f1_slips, 0, 1)   # a score above 1 is ruled out on sight
    rng.shuffle(f1_slips)
    asks = {
        "precision": (precision, "適合率 (precision)", "the precision",
                      ja_en(f"適合率 = TP / (TP + FP) = {tp} / ({tp} + {fp}) = {precision:.3f}。",
                            f"Precision = TP / (TP + FP) = {tp} / ({tp} + {fp}) = {precision:.3f}."),
                      [("npv", TN / (TN + FN_), ja_en("陰性側の適合率 TN / (TN + FN) を答えた",
                                                      "gave the negative class's precision TN / (TN + FN)")),
                       ("jaccard", jaccard, ja_en("分母に FN も入れた (TP / (TP + FP + FN))",
                                                  "put FN in the denominator too (TP / (TP + FP + FN))")),
                       ("over_total", TP / total, ja_en("TP を全体で割った", "divided TP by all the data"))]),
        "recall": (recall, "再現率 (recall)", "the recall",
                   ja_en(f"再現率 = TP / (TP + FN) = {tp} / ({tp} + {fn}) = {recall:.3f}。",
                         f"Recall = TP / (TP + FN) = {tp} / ({tp} + {fn}) = {recall:.3f}."),
                   [("specificity", specificity, ja_en("特異度 TN / (TN + FP) を答えた", "gave the specificity")),
                    ("false_omission", FN_ / (FN_ + TN), ja_en("予測が陰性の列で割った (FN / (FN + TN))",
                                                              "used the predicted-negative column (FN / (FN + TN))")),
                    ("jaccard", jaccard, ja_en("分母に FP も入れた (TP / (TP + FP + FN))",
                                               "put FP in the denominator too (TP / (TP + FP + FN))")),
                    # no false positive rate: beside the specificity it is a pair summing to 1, both ruled out
                    # together (the fourteenth examination)
                    ("over_correct", TP / (TP + TN), ja_en("正解した件数 (TP + TN) で割った",
                                                           "divided by the correct predictions TP + TN")),
                    ("over_total", TP / total, ja_en("TP を全体で割った", "divided TP by all the data"))]),
        "f1": (f1, "F 値 (F1)", "the F1 score",
               ja_en(f"F1 = 2PR / (P + R)、P = {precision:.3f}、R = {recall:.3f} より {f1:.3f} (調和平均)。",
                     f"F1 = 2PR / (P + R) with P = {precision:.3f} and R = {recall:.3f}: {f1:.3f} (the harmonic mean)."),
               f1_slips),
        "accuracy": (accuracy, "正解率 (accuracy)", "the accuracy",
                     ja_en(f"正解率 = (TP + TN) / 全体 = ({tp} + {tn}) / {total} = {accuracy:.3f}。",
                           f"Accuracy = (TP + TN) / all = ({tp} + {tn}) / {total} = {accuracy:.3f}."),
                     [("tp_only", TP / total, ja_en("TN を数えていない", "left out the true negatives")),
                      ("no_fn", (TP + TN) / (TP + TN + FP), ja_en("分母に FN を入れていない",
                                                                 "left FN out of the denominator")),
                      ("no_fp", (TP + TN) / (TP + TN + FN_), ja_en("分母に FP を入れていない",
                                                                  "left FP out of the denominator")),
                      ("balanced", (recall + specificity) / 2, ja_en("再現率と特異度の平均 (バランス正解率) を答えた",
                                                                     "gave the balanced accuracy (mean of recall and specificity)"))]),
    }
    measures = {rounded_text(v[0], 3) for v in asks.values()}
    asks = {name: (key, what_ja, what_en, expl, [s for s in slips if rounded_text(s[1], 3) not in measures])
            for name, (key, what_ja, what_en, expl, slips) in asks.items()}
    names = list(asks)
    rng.shuffle(names)
    qs = []
    offered = set()
    for name in sorted(names[:3], key=list(asks).index) + names[3:]:
        key, what_ja, what_en, expl, slips = asks[name]
        # values no earlier question of the set offers first: a value shown in two questions is a distractor in
        # both, ruled out by comparing them (the eleventh examination: precision and recall shared two)
        slips = sorted(slips, key=lambda slip: rounded_text(slip[1], 3) in offered)
        qs.append(calc_question(
            f"calc:metrics:s{seed}:{name}", f"metrics_{name}", "2-1-12",
            ja_en(table_ja + f"{what_ja} はいくつか (小数第 3 位まで四捨五入)。", table_en + f" What is {what_en}, rounded to 3 decimals?"),
            expl, float(key), [(s, float(v), t) for s, v, t in slips], 3, rng, set_id, seed, params_))
        offered |= {o.text for o in qs[-1].options if not o.correct}
    return qs


def roc_auc(rng, seed, set_id):
    """ROC-AUC from scores and labels: the probability that a positive outscores a negative (ties count 1/2)."""
    n = rng.choice([6, 7, 8])
    scores = rng.sample([0.95, 0.9, 0.85, 0.8, 0.7, 0.65, 0.6, 0.5, 0.4, 0.35, 0.3, 0.2, 0.1], n)
    labels = [rng.random() < 0.5 for _ in range(n)]
    pos = [s for s, l in zip(scores, labels) if l]
    neg = [s for s, l in zip(scores, labels) if not l]
    if len(pos) < 2 or len(neg) < 2:
        raise Redraw()
    pairs = [(p > q) + 0.5 * (p == q) for p in pos for q in neg]
    key = sum(pairs) / len(pairs)
    if key in (0.0, 1.0):
        raise Redraw()
    acc = sum((s >= 0.5) == l for s, l in zip(scores, labels)) / n
    per_positive = sum(1 for p in pos if all(p > q for q in neg)) / len(pos)
    if per_positive == 0.0:   # an AUC of 0 is ruled out on sight when some pair is ranked right
        raise Redraw()
    shown = ", ".join(f"{s:g} ({'陽性' if l else '陰性'})" for s, l in zip(scores, labels))
    shown_en = ", ".join(f"{s:g} ({'positive' if l else 'negative'})" for s, l in zip(scores, labels))
    params_ = {"scores": scores, "labels": labels}
    return [calc_question(
        f"calc:roc_auc:s{seed}", "roc_auc", "2-1-12",
        ja_en(f"二値分類器のスコアと正解が {shown} だった。ROC 曲線の下の面積 AUC はいくらか (小数第 3 位まで四捨五入)。",
              f"A binary classifier's scores and true classes are {shown_en}. What is the area under the ROC curve (AUC), "
              "rounded to 3 decimals?"),
        ja_en(f"AUC = 陽性のスコアが陰性のスコアより大きいペアの割合 = {sum(pairs):g} / ({len(pos)} × {len(neg)}) = {key:.3f}。",
              f"AUC = the share of (positive, negative) pairs ranked correctly = {sum(pairs):g} / ({len(pos)} × {len(neg)}) "
              f"= {key:.3f}."),
        key,
        [("flipped", 1 - key, ja_en("陰性が陽性より上の割合を求めた", "counted pairs ranked the wrong way")),
         ("accuracy", acc, ja_en("しきい値 0.5 の正解率を答えた", "gave the accuracy at threshold 0.5")),
         ("per_positive", per_positive,
          ja_en("すべての陰性より上にある陽性の割合を求めた", "counted positives above every negative"))],
        3, rng, set_id, seed, params_)]


def perplexity(rng, seed, set_id):
    """Perplexity from the probabilities a language model gave the correct words."""
    ps = [rng.choice([0.5, 0.25, 0.2, 0.1, 0.4, 0.8, 0.05]) for _ in range(rng.choice([3, 4]))]
    ce = -sum(math.log(p) for p in ps) / len(ps)
    key = math.exp(ce)
    shown = ", ".join(f"{p:g}" for p in ps)
    params_ = {"p": ps}
    return [calc_question(
        f"calc:perplexity:s{seed}", "perplexity", "2-1-12",
        ja_en(f"言語モデルが文中の {len(ps)} 単語の正解に与えた確率が順に {shown} だった。この文でのパープレキシティはいくらか "
              "(小数第 3 位まで四捨五入)。",
              f"A language model gave the correct words of {a_an(len(ps))} {len(ps)}-word sentence the probabilities {shown}. What is the "
              "perplexity on the sentence, rounded to 3 decimals?"),
        ja_en(f"平均交差エントロピー L = −(1/N) Σ log p = {ce:.4f}、パープレキシティ = exp(L) = {key:.3f} (確率の幾何平均の逆数)。",
              f"Mean cross entropy L = −(1/N) Σ log p = {ce:.4f}; perplexity = exp(L) = {key:.3f}, the inverse geometric "
              "mean of the probabilities."),
        key,
        # a perplexity is at least 1: the cross entropy itself is offered only when it is too (tenth examination)
        within([("cross_entropy", ce, ja_en("交差エントロピーそのものを答えた", "gave the cross entropy itself")),
                ("arith_mean", len(ps) / sum(ps), ja_en("算術平均の逆数を取った", "inverted the arithmetic mean")),
                ("mean_inverse", sum(1 / p for p in ps) / len(ps), ja_en("確率の逆数を平均した",
                                                                        "averaged the inverse probabilities")),
                ("no_mean", math.exp(-sum(math.log(p) for p in ps)), ja_en("単語数で平均していない",
                                                                          "did not average over the words"))], 1.0),
        3, rng, set_id, seed, params_)]


def box_iou(rng, seed, set_id):
    """Intersection over union of two axis-aligned boxes (x1, y1, x2, y2)."""
    def box():
        x1, y1 = rng.randrange(0, 40, 2), rng.randrange(0, 40, 2)
        return [x1, y1, x1 + rng.randrange(10, 40, 2), y1 + rng.randrange(10, 40, 2)]

    a, b = box(), box()
    iw = min(a[2], b[2]) - max(a[0], b[0])
    ih = min(a[3], b[3]) - max(a[1], b[1])
    if iw <= 0 or ih <= 0 or a == b:
        raise Redraw()
    area_a = (a[2] - a[0]) * (a[3] - a[1])
    area_b = (b[2] - b[0]) * (b[3] - b[1])
    inter = iw * ih
    key = inter / (area_a + area_b - inter)
    params_ = {"a": a, "b": b}
    return [calc_question(
        f"calc:box_iou:s{seed}", "box_iou", "4-2-1",
        ja_en(f"物体検出で、予測ボックス A = (x1, y1, x2, y2) = ({', '.join(map(str, a))}) と正解ボックス B = "
              f"({', '.join(map(str, b))}) の IoU はいくらか (座標は連続値、小数第 3 位まで四捨五入)。",
              f"In object detection, what is the IoU of a predicted box A = (x1, y1, x2, y2) = ({', '.join(map(str, a))}) "
              f"and a ground-truth box B = ({', '.join(map(str, b))}) (continuous coordinates), rounded to 3 decimals?"),
        ja_en(f"共通部分 {iw}×{ih} = {inter}、A の面積 {area_a}、B の面積 {area_b}。IoU = 共通部分 / (A + B − 共通部分) = "
              f"{inter} / {area_a + area_b - inter} = {key:.3f}。",
              f"Intersection {iw}×{ih} = {inter}; area A {area_a}, area B {area_b}. IoU = intersection / (A + B − "
              f"intersection) = {inter} / {area_a + area_b - inter} = {key:.3f}."),
        key,
        [("no_subtract", inter / (area_a + area_b), ja_en("和集合で共通部分を引いていない", "did not subtract the intersection from the union")),
         ("over_smaller", inter / min(area_a, area_b), ja_en("小さい方のボックスの面積で割った", "divided by the smaller box")),
         ("over_prediction", inter / area_a, ja_en("予測ボックスの面積で割った", "divided by the predicted box only")),
         ("over_truth", inter / area_b, ja_en("正解ボックスの面積で割った", "divided by the ground-truth box only"))],
        3, rng, set_id, seed, params_)]


def average_precision(ranked, positives):
    """AP of a ranked list of hits (True/False) with `positives` relevant items in all: Σ_k P@k·[hit_k] / positives."""
    hits, total = 0, 0.0
    for k, hit in enumerate(ranked, 1):
        if hit:
            hits += 1
            total += hits / k
    return total / positives


def ap_ranked(rng, seed, set_id):
    """Average precision of one class from detections ranked by confidence (each already matched: TP or FP)."""
    n = rng.choice([5, 6, 7])
    ranked = [rng.random() < 0.6 for _ in range(n)]
    found = sum(ranked)
    positives = found + rng.choice([0, 1, 2])
    if found < 2 or found == n:
        raise Redraw()
    key = average_precision(ranked, positives)
    marks = " ".join("TP" if h else "FP" for h in ranked)
    precisions = [sum(ranked[:k]) / k for k in range(1, n + 1)]
    params_ = {"ranked": ranked, "positives": positives}
    return [calc_question(
        f"calc:ap_ranked:s{seed}", "ap_ranked", "4-2-1",
        ja_en(f"あるクラスの検出結果を信頼度の高い順に並べ、IoU で正解と照合すると {marks} だった。このクラスの正解の物体は全部で "
              f"{positives} 個ある。AP (各 TP の位置での適合率の和 / 正解数、補間なし) はいくらか (小数第 3 位まで四捨五入)。",
              f"Detections of one class, ranked by confidence and matched to the ground truth by IoU, are: {marks}. There are "
              f"{positives} ground-truth objects of the class. What is the AP (sum of the precision at each TP / number of "
              f"ground-truth objects, no interpolation), rounded to 3 decimals?"),
        ja_en(f"各 TP の位置の適合率を足して正解数 {positives} で割る: {key:.3f}。見つからなかった正解も分母に入る。",
              f"Add the precision at each TP and divide by the {positives} ground-truth objects: {key:.3f}. Missed objects "
              "count in the denominator."),
        key,
        [("over_found", average_precision(ranked, found), ja_en("見つかった TP の数で割った", "divided by the TPs found")),
         ("mean_precision", sum(precisions) / n, ja_en("全順位の適合率を平均した", "averaged the precision at every rank")),
         ("final_precision", precisions[-1], ja_en("最後の順位の適合率を答えた", "gave the precision at the last rank")),
         ("recall", found / positives, ja_en("再現率を答えた", "gave the recall"))],
        3, rng, set_id, seed, params_)]
