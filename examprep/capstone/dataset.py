"""The capstone's Dataset and what every source goes through: images to (N, C, H, W) float32 in [0, 1], labels to
(N,) int64, class names, and the checks that make a DataError name the file and the key (the accepted forms are listed
in examprep/capstone/data.py)."""
import math
from dataclasses import dataclass, field

import numpy as np

from examprep.common.errors import BilingualError

MAX_CLASSES = 1000   # more distinct classes than this, with few labels seen, is a labelling mistake


class DataError(BilingualError):
    """A problem with the learner's data or its files: .ja and .en messages; str(exc) is the English one."""


@dataclass
class Dataset:
    name: str                 # "katakana15", "mnist", "fashion-mnist", "kmnist", or the path as given
    x_train: np.ndarray       # (N, C, H, W) float32 in [0, 1], C-contiguous
    t_train: np.ndarray       # (N,) int64 in 0..n_classes-1
    x_test: np.ndarray
    t_test: np.ndarray
    classes: list             # display names, one per class
    source: str = ""          # where the arrays were read from (file or folder)
    notes: list = field(default_factory=list)   # {ja, en} remarks worth showing (conversions, unverified files)

    @property
    def n_classes(self):
        return len(self.classes)

    @property
    def input_shape(self):
        return tuple(self.x_train.shape[1:])


def note(ja, en):
    return {"ja": ja, "en": en}


# ---------------------------------------------------------------------------------------------------------------
# Conversions shared by every source

def _images(a, where, notes):
    """(N, C, H, W) float32 in [0, 1], one conversion, C-contiguous."""
    if a.dtype.kind not in "buif":
        raise DataError(f"{where}: 画像は数値 (uint8 か float) の配列である必要があります (dtype {a.dtype})。",
                        f"{where}: images must be numbers (uint8 or float), not dtype {a.dtype}.")
    if a.ndim == 2:
        side = math.isqrt(a.shape[1])
        if a.shape[1] == 0 or side * side != a.shape[1]:
            raise DataError(
                f"{where}: 形 {a.shape} は 1 行 1 画像の平坦化としても正方形になりません。(N, H, W) か (N, C, H, W) で"
                "渡してください。",
                f"{where}: shape {a.shape} is not flattened square images; give (N, H, W) or (N, C, H, W).")
        a = a.reshape(a.shape[0], 1, side, side)
        notes.append(note(f"{where}: 平坦化された画像を 1×{side}×{side} として読みました。",
                           f"{where}: flattened images read as 1×{side}×{side}."))
    elif a.ndim == 3:
        a = a[:, None]
    elif a.ndim == 4:
        if a.shape[-1] in (1, 3) and a.shape[1] not in (1, 3):
            a = a.transpose(0, 3, 1, 2)
            notes.append(note(f"{where}: (N, H, W, C) とみなして (N, C, H, W) に並べ替えました。",
                               f"{where}: read as channels-last (N, H, W, C) and transposed to (N, C, H, W)."))
    else:
        raise DataError(f"{where}: 画像の形は (N, H, W) か (N, C, H, W) です (実際 {a.shape})。",
                        f"{where}: images must have shape (N, H, W) or (N, C, H, W), not {a.shape}.")
    if a.shape[0] == 0 or 0 in a.shape[1:]:
        raise DataError(f"{where}: 画像がありません (形 {a.shape})。", f"{where}: no images (shape {a.shape}).")
    if a.dtype.kind == "f":
        finite = np.isfinite(a)
        if not finite.all():
            first = int(np.argmin(finite.reshape(len(a), -1).all(axis=1)))
            raise DataError(f"{where}: 画像 {first} 番に NaN か無限大があります。",
                            f"{where}: image {first} contains NaN or infinity.")
        del finite
    lo, hi = float(a.min()), float(a.max())
    if lo < 0 or hi > 255:
        raise DataError(
            f"{where}: 画素値は 0〜1 (float) か 0〜255 である必要があります (最小 {lo:g}, 最大 {hi:g})。"
            "標準化済みのデータなら元の画素値で渡してください。",
            f"{where}: pixel values must be in [0, 1] (float) or 0..255 (min {lo:g}, max {hi:g}); "
            "give the original pixel values, not standardized ones.")
    if hi <= 1 and a.dtype.kind != "f":
        notes.append(note(f"{where}: 画素値が 0 と 1 だけ ({a.dtype}) なので、白黒 2 値画像としてそのまま使います。",
                           f"{where}: pixel values are only 0 and 1 ({a.dtype}): used as black-and-white images."))
    if hi <= 1:
        return np.ascontiguousarray(a, dtype=np.float32)
    out = np.array(a, dtype=np.float32, order="C")
    np.divide(out, np.float32(255), out=out)
    if a.dtype != np.uint8:
        notes.append(note(f"{where}: 画素値 (最大 {hi:g}, dtype {a.dtype}) を 255 で割って 0〜1 にしました。",
                           f"{where}: pixel values (max {hi:g}, dtype {a.dtype}) divided by 255 to [0, 1]."))
    return out


def _labels(a, where):
    """(N,) int64 labels and the one-hot width (None for integer labels)."""
    if a.ndim == 2 and a.shape[1] == 1:
        a = a[:, 0]
    if a.dtype.kind not in "uif":
        raise DataError(f"{where}: ラベルは整数か one-hot の数値配列です (dtype {a.dtype})。",
                        f"{where}: labels must be integers or one-hot numbers, not dtype {a.dtype}.")
    if a.ndim == 1:
        if a.dtype.kind == "f":
            if not np.isfinite(a).all() or not np.array_equal(a, np.round(a)):
                raise DataError(f"{where}: ラベルに整数でない値があります。整数 (クラス番号) か one-hot で渡してください。",
                                f"{where}: labels contain non-integer values; give class numbers or one-hot rows.")
        if len(a) and a.min() < 0:
            raise DataError(f"{where}: ラベルに負の値 ({a.min()}) があります。クラス番号は 0 から始めてください。",
                            f"{where}: labels contain a negative value ({a.min()}); classes are numbered from 0.")
        return a.astype(np.int64), None
    if a.ndim == 2:
        if a.shape[1] == 0 or not (np.isin(a, (0, 1)).all() and (a.sum(axis=1) == 1).all()):
            raise DataError(
                f"{where}: 形 {a.shape} のラベルは one-hot (各行にちょうど 1 つの 1、残りは 0) ではありません。",
                f"{where}: labels of shape {a.shape} are not one-hot (each row exactly one 1, the rest 0).")
        return np.argmax(a, axis=1).astype(np.int64), a.shape[1]
    raise DataError(f"{where}: ラベルの形は (N,) か one-hot の (N, K) です (実際 {a.shape})。",
                    f"{where}: labels must have shape (N,) or one-hot (N, K), not {a.shape}.")


def class_names(a, where):
    if a.ndim != 1 or a.dtype.kind not in "USiu":
        raise DataError(f"{where}: classes はクラス名の 1 次元配列です (形 {a.shape}, dtype {a.dtype})。",
                        f"{where}: classes must be a 1-D array of class names (shape {a.shape}, dtype {a.dtype}).")
    return [v.decode("utf-8", "replace") if isinstance(v, bytes) else str(v) for v in a.tolist()]


def assemble(name, parts, source, notes, classes=None):
    """parts: {"x_train": (array, where), "t_train": ..., "x_test": ..., "t_test": ...} -> Dataset."""
    x = {}
    t = {}
    widths = {}
    for split in ("train", "test"):
        xa, xw = parts[f"x_{split}"]
        ta, tw = parts[f"t_{split}"]
        t[split], widths[split] = _labels(ta, tw)
        if len(t[split]) != len(xa):
            raise DataError(f"{tw} のラベル数 ({len(t[split])}) が {xw} の画像数 ({len(xa)}) と一致しません。",
                            f"{tw} has {len(t[split])} labels but {xw} has {len(xa)} images.")
        x[split] = _images(xa, xw, notes)
    xw_train, xw_test = parts["x_train"][1], parts["x_test"][1]
    if x["train"].shape[1:] != x["test"].shape[1:]:
        raise DataError(
            f"{xw_train} の画像 {x['train'].shape[1:]} と {xw_test} の画像 {x['test'].shape[1:]} の形 (C, H, W) が"
            "違います。",
            f"{xw_train} images are {x['train'].shape[1:]} but {xw_test} images are {x['test'].shape[1:]} "
            "(C, H, W must agree).")
    tw_train, tw_test = parts["t_train"][1], parts["t_test"][1]
    if widths["train"] is not None and widths["test"] is not None and widths["train"] != widths["test"]:
        raise DataError(f"one-hot の幅が {tw_train} ({widths['train']}) と {tw_test} ({widths['test']}) で違います。",
                        f"One-hot widths differ: {tw_train} has {widths['train']}, {tw_test} {widths['test']}.")
    top = int(max(t["train"].max(), t["test"].max()))
    width = widths["train"] or widths["test"]
    if classes and width and len(classes) != width:
        raise DataError(f"{tw_train}: one-hot の幅 {width} と classes の数 {len(classes)} が違います。",
                        f"{tw_train}: one-hot width {width} but {len(classes)} class names.")
    k = len(classes) if classes else (width or top + 1)
    for split, where in (("train", tw_train), ("test", tw_test)):
        if t[split].max() >= k:
            raise DataError(f"{where}: ラベル {int(t[split].max())} はクラス数 {k} の範囲 (0〜{k - 1}) を超えています。",
                            f"{where}: label {int(t[split].max())} is out of range for {k} classes (0..{k - 1}).")
    if k < 2:
        raise DataError(f"{tw_train}: クラスが 1 つしかありません。分類には 2 クラス以上が必要です。",
                        f"{tw_train}: only one class; classification needs at least 2.")
    seen = set(np.unique(t["train"]).tolist())
    if not classes and not width and k > max(MAX_CLASSES, 2 * len(seen)):
        raise DataError(
            f"{tw_train}: ラベルの最大値が {top} なので {k} クラスになりますが、学習データに現れるラベルは {len(seen)} "
            f"種類だけです。ラベルの誤り (打ち間違い・別の列) ではありませんか。クラスは 0〜K−1 の整数で付けてください。",
            f"{tw_train}: the largest label, {top}, makes {k} classes, but only {len(seen)} distinct labels occur in "
            f"training: a mistyped label or the wrong column? Labels must be the integers 0..K-1.")
    empty = [c for c in range(k) if c not in seen]
    if empty and not classes and not width:
        notes.append(note(f"{tw_train}: クラス {empty[:10]} には学習画像がありません (ラベルが 1 から始まっていませんか。"
                           f"クラスは 0 から数えます)。",
                           f"{tw_train}: classes {empty[:10]} have no training images (do the labels start at 1? "
                           f"classes count from 0)."))
    unseen = sorted(set(np.unique(t["test"]).tolist()) - seen)
    if unseen:
        notes.append(note(f"{tw_test}: 学習データにないクラス {unseen} がテストにあります。",
                           f"{tw_test}: classes {unseen} occur in the test set but never in training."))
    names = list(classes) if classes else [str(i) for i in range(k)]
    return Dataset(name=name, x_train=x["train"], t_train=t["train"], x_test=x["test"], t_test=t["test"],
                   classes=names, source=str(source), notes=notes)


