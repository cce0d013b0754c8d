"""Capstone data: the bundled katakana15 set, MNIST / Fashion-MNIST / KMNIST (official files), or the learner's own
.npz file or folder of .npy files; mini-batch indices; augmentation (examprep/capstone/augment.py).

load(spec) returns a Dataset whose images are (N, C, H, W) float32 in [0, 1], converted once from the uint8 files,
and whose labels are (N,) int64. Every problem with the data is a DataError with a Japanese and an English message
that names the file and the key.

Accepted in a .npz file or a folder of .npy files (the way courses hand out data):
  x_train, x_test           images (N, H, W) or (N, C, H, W); (N, H, W, C) with C of 1 or 3 when the second axis is
                            not 1 or 3 (channels last, transposed); (N, D) with D a square (flattened H = W images).
                            uint8 (or other integers in 0..255): divided by 255, except images holding only 0 and 1
                            (and bool), kept as black-and-white. float: must be finite and in [0, 1], or in [0, 255]
                            with a maximum above 1, which is then divided by 255. Conversions are noted.
  t_train, t_test           labels: integers 0..K-1 of shape (N,) or (N, 1), or one-hot (N, K); y_train / y_test
  (or y_train, y_test)      are accepted instead (not both).
  classes (optional)        K display names; else "0".."K-1".
Files are read with allow_pickle=False, always.
"""
import gzip
import math
import os
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from examprep.capstone import download
from examprep.capstone.augment import augment, transform  # noqa: F401  (part of this module's API)
from examprep.common.errors import BilingualError

NAMED = ("katakana15", "mnist", "fashion-mnist", "kmnist")
BUNDLED_DIR = Path(__file__).resolve().parent.parent / "datasets"
OFFICIAL_COUNTS = {"train": 60000, "test": 10000}
OFFICIAL_SIZE = (28, 28)
# --data-dir may also be a torchvision root: <root>/MNIST/raw/train-images-idx3-ubyte(.gz) ...
TORCHVISION_FOLDERS = {"mnist": "MNIST", "fashion-mnist": "FashionMNIST", "kmnist": "KMNIST"}

# IDX type codes (http://yann.lecun.com/exdb/mnist/, "THE IDX FILE FORMAT"); data are big-endian.
IDX_TYPES = {0x08: np.dtype("u1"), 0x09: np.dtype("i1"), 0x0B: np.dtype(">i2"), 0x0C: np.dtype(">i4"),
             0x0D: np.dtype(">f4"), 0x0E: np.dtype(">f8")}


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


def _note(ja, en):
    return {"ja": ja, "en": en}


# ---------------------------------------------------------------------------------------------------------------
# IDX files

def _read_maybe_gzip(path):
    path = Path(path)
    try:
        with open(path, "rb") as f:
            head = f.read(2)
            f.seek(0)
            if head == b"\x1f\x8b":
                with gzip.GzipFile(fileobj=f) as g:
                    return g.read()
            return f.read()
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        raise DataError(f"{path}: gzip ファイルが壊れているか途中で切れています ({exc})。ダウンロードし直してください。",
                        f"{path}: the gzip file is corrupt or truncated ({exc}). Download it again.") from None
    except OSError as exc:
        raise DataError(f"{path} を読めません: {exc.strerror or exc}",
                        f"Cannot read {path}: {exc.strerror or exc}") from None


def read_idx(path):
    """The array in an IDX file (MNIST's format), raw or gzip-compressed (detected by content, not by name)."""
    raw = _read_maybe_gzip(path)
    if len(raw) < 4:
        raise DataError(f"{path}: IDX ファイルとして短すぎます ({len(raw)} バイト)。ファイルが途中で切れています。",
                        f"{path}: too short for an IDX file ({len(raw)} bytes); the file is truncated.")
    if raw[0] != 0 or raw[1] != 0 or raw[2] not in IDX_TYPES or raw[3] == 0:
        magic = raw[:4].hex()
        raise DataError(
            f"{path}: IDX ファイルではありません (先頭 4 バイト {magic}: 0x0000 + 型コード 08/09/0B/0C/0D/0E + "
            "次元数 であるはずです)。",
            f"{path}: not an IDX file (first 4 bytes {magic}; expected 0x0000, a type code 08/09/0B/0C/0D/0E and "
            "the number of dimensions).")
    dtype, ndim = IDX_TYPES[raw[2]], raw[3]
    header = 4 + 4 * ndim
    if len(raw) < header:
        raise DataError(f"{path}: ヘッダ ({ndim} 次元) の途中でファイルが終わっています。",
                        f"{path}: the file ends inside its header ({ndim} dimensions).")
    dims = struct.unpack(f">{ndim}I", raw[4:header])
    count = math.prod(dims)
    expected = count * dtype.itemsize
    actual = len(raw) - header
    if actual != expected:
        shape = "×".join(map(str, dims))
        if actual < expected:
            ja = f"{path}: データが途中で切れています (ヘッダは {shape} で {expected} バイト、実際は {actual} バイト)。"
            en = f"{path}: the data is truncated (the header says {shape}, {expected} bytes; found {actual})."
        else:
            ja = f"{path}: ヘッダ ({shape}, {expected} バイト) より {actual - expected} バイト多く、壊れています。"
            en = f"{path}: {actual - expected} bytes more than its header ({shape}, {expected} bytes) announces."
        raise DataError(ja + " ダウンロードし直してください。", en + " Download it again.")
    array = np.frombuffer(raw, dtype=dtype, count=count, offset=header).reshape(dims)
    return array.astype(dtype.newbyteorder("="), copy=False)


# ---------------------------------------------------------------------------------------------------------------
# Conversions shared by every source

def _where(source, key):
    return f"{source} [{key}]" if key else str(source)


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
        notes.append(_note(f"{where}: 平坦化された画像を 1×{side}×{side} として読みました。",
                           f"{where}: flattened images read as 1×{side}×{side}."))
    elif a.ndim == 3:
        a = a[:, None]
    elif a.ndim == 4:
        if a.shape[-1] in (1, 3) and a.shape[1] not in (1, 3):
            a = a.transpose(0, 3, 1, 2)
            notes.append(_note(f"{where}: (N, H, W, C) とみなして (N, C, H, W) に並べ替えました。",
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
        notes.append(_note(f"{where}: 画素値が 0 と 1 だけ ({a.dtype}) なので、白黒 2 値画像としてそのまま使います。",
                           f"{where}: pixel values are only 0 and 1 ({a.dtype}): used as black-and-white images."))
    if hi <= 1:
        return np.ascontiguousarray(a, dtype=np.float32)
    out = np.array(a, dtype=np.float32, order="C")
    np.divide(out, np.float32(255), out=out)
    if a.dtype != np.uint8:
        notes.append(_note(f"{where}: 画素値 (最大 {hi:g}, dtype {a.dtype}) を 255 で割って 0〜1 にしました。",
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


def _class_names(a, where):
    if a.ndim != 1 or a.dtype.kind not in "USiu":
        raise DataError(f"{where}: classes はクラス名の 1 次元配列です (形 {a.shape}, dtype {a.dtype})。",
                        f"{where}: classes must be a 1-D array of class names (shape {a.shape}, dtype {a.dtype}).")
    return [v.decode("utf-8", "replace") if isinstance(v, bytes) else str(v) for v in a.tolist()]


def _assemble(name, parts, source, notes, classes=None):
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
        notes.append(_note(f"{tw_train}: クラス {empty[:10]} には学習画像がありません (ラベルが 1 から始まっていませんか。"
                           f"クラスは 0 から数えます)。",
                           f"{tw_train}: classes {empty[:10]} have no training images (do the labels start at 1? "
                           f"classes count from 0)."))
    unseen = sorted(set(np.unique(t["test"]).tolist()) - seen)
    if unseen:
        notes.append(_note(f"{tw_test}: 学習データにないクラス {unseen} がテストにあります。",
                           f"{tw_test}: classes {unseen} occur in the test set but never in training."))
    names = list(classes) if classes else [str(i) for i in range(k)]
    return Dataset(name=name, x_train=x["train"], t_train=t["train"], x_test=x["test"], t_test=t["test"],
                   classes=names, source=str(source), notes=notes)


# ---------------------------------------------------------------------------------------------------------------
# The learner's files: .npz or a folder of .npy

def _label_key(available, split, where):
    both = [k for k in (f"t_{split}", f"y_{split}") if k in available]
    if len(both) == 2:
        raise DataError(f"{where}: t_{split} と y_{split} の両方があります。どちらか一方にしてください。",
                        f"{where}: both t_{split} and y_{split} are present; keep only one.")
    return both[0] if both else None


def _require_keys(available, where, kind):
    missing = []
    keys = {}
    for split in ("train", "test"):
        keys[f"x_{split}"] = f"x_{split}" if f"x_{split}" in available else None
        keys[f"t_{split}"] = _label_key(available, split, where)
        for role, key in ((f"x_{split}", keys[f"x_{split}"]), (f"t_{split}", keys[f"t_{split}"])):
            if key is None:
                missing.append(role if role.startswith("x") else f"{role} (or y_{split})")
    if missing:
        have = ", ".join(sorted(available)) or "なし / none"
        raise DataError(
            f"{where}: {kind}に {', '.join(missing)} がありません (あるもの: {have})。"
            "x_train, t_train, x_test, t_test (t_* の代わりに y_* も可) が必要です。",
            f"{where}: missing {', '.join(missing)} (found: {have}); x_train, t_train, x_test, t_test are needed "
            "(y_* instead of t_* is fine).")
    return keys


def _npz_array(archive, key, path):
    try:
        return archive[key]
    except ValueError as exc:
        if "pickle" in str(exc).lower():
            raise DataError(f"{path} [{key}]: Python オブジェクト (pickle) の配列は読みません。数値配列で保存してください。",
                            f"{path} [{key}]: object (pickled) arrays are not loaded; save plain numeric arrays.") \
                from None
        raise DataError(f"{path} [{key}]: 読めません ({exc})。", f"{path} [{key}]: cannot be read ({exc}).") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
        raise DataError(f"{path} [{key}]: 壊れています ({exc})。", f"{path} [{key}]: damaged ({exc}).") from None


def _open_npz(path):
    try:
        archive = np.load(path, allow_pickle=False)
    except (ValueError, zipfile.BadZipFile, EOFError, OSError) as exc:
        # NumPy takes any non-zip file for a pickle and suggests allow_pickle: never repeat that advice.
        why = ("neither a zip archive nor a .npy array" if "pickle" in str(exc).lower() else str(exc))
        raise DataError(f"{path}: .npz (np.savez で保存したファイル) として読めません ({why})。",
                        f"{path}: cannot be read as an .npz file (one written by np.savez) ({why}).") from None
    if not isinstance(archive, np.lib.npyio.NpzFile):
        raise DataError(f"{path}: 配列 1 つの .npy ファイルです。x_train, t_train, x_test, t_test を np.savez で 1 つの"
                        ".npz に保存するか、.npy ファイルのフォルダを指定してください。",
                        f"{path}: holds a single .npy array; save x_train, t_train, x_test, t_test together with "
                        "np.savez, or give a folder of .npy files.")
    return archive


def read_npz(path, name=None):
    """A Dataset from an .npz file holding x_train, t_train (or y_train), x_test, t_test (or y_test)[, classes]."""
    path = Path(path)
    with _open_npz(path) as archive:
        keys = _require_keys(set(archive.files), path, ".npz ")
        parts = {role: (_npz_array(archive, key, path), _where(path, key)) for role, key in keys.items()}
        classes = (_class_names(_npz_array(archive, "classes", path), _where(path, "classes"))
                   if "classes" in archive.files else None)
    return _assemble(name or str(path), parts, path, [], classes)


def _load_npy(file):
    try:
        return np.load(file, allow_pickle=False)
    except ValueError as exc:
        if "pickle" in str(exc).lower():
            raise DataError(f"{file}: Python オブジェクト (pickle) の配列は読みません。数値配列で保存してください。",
                            f"{file}: object (pickled) arrays are not loaded; save plain numeric arrays.") from None
        raise DataError(f"{file}: .npy として読めません ({exc})。", f"{file}: cannot be read as .npy ({exc}).") \
            from None
    except (EOFError, OSError) as exc:
        raise DataError(f"{file}: .npy として読めません ({exc})。", f"{file}: cannot be read as .npy ({exc}).") \
            from None


def read_npy_folder(folder, name=None):
    """A Dataset from a folder holding x_train.npy, t_train.npy (or y_train.npy), x_test.npy, t_test.npy
    [, classes.npy]."""
    folder = Path(folder)
    available = {p.stem for p in folder.glob("*.npy")}
    keys = _require_keys(available, folder, "フォルダ")
    parts = {}
    for role, key in keys.items():
        file = folder / f"{key}.npy"
        parts[role] = (_load_npy(file), str(file))
    classes = None
    if "classes" in available:
        file = folder / "classes.npy"
        classes = _class_names(_load_npy(file), str(file))
    return _assemble(name or str(folder), parts, folder, [], classes)


# ---------------------------------------------------------------------------------------------------------------
# katakana15, bundled

def load_bundled(npz_path, sha_path, name="katakana15"):
    """The bundled .npz, after checking its SHA-256 against the '<hex>  <file name>' line in sha_path."""
    npz_path, sha_path = Path(npz_path), Path(sha_path)
    reinstall_ja, reinstall_en = "examprep を入れ直してください。", "Reinstall examprep."
    if not npz_path.is_file():
        raise DataError(f"同梱データ {name} ({npz_path}) が見つかりません。{reinstall_ja}",
                        f"The bundled data set {name} ({npz_path}) is missing. {reinstall_en}")
    try:
        fields = sha_path.read_text(encoding="utf-8").split()
    except OSError:
        fields = []
    expected = fields[0].lower() if fields else ""
    if len(expected) != 64 or any(ch not in "0123456789abcdef" for ch in expected):
        raise DataError(f"同梱データ {name} のチェックサム ({sha_path}) がないか読めません。{reinstall_ja}",
                        f"The checksum of the bundled data set {name} ({sha_path}) is missing or unreadable. "
                        f"{reinstall_en}")
    actual = download.sha256_of(npz_path)
    if actual != expected:
        raise DataError(f"同梱データ {npz_path} が壊れています (SHA-256 {actual}, 期待 {expected})。{reinstall_ja}",
                        f"The bundled data file {npz_path} is damaged (SHA-256 {actual}, expected {expected}). "
                        f"{reinstall_en}")
    return read_npz(npz_path, name=name)


# ---------------------------------------------------------------------------------------------------------------
# MNIST, Fashion-MNIST, KMNIST

def _candidates(name, role, folders):
    remote = download.SOURCES[name].files[role]
    names = [remote.name, remote.name[:-3]] + list(download.SOURCES[name].alternates.get(role, ()))
    for folder in folders:
        for file_name in names:
            path = folder / file_name
            if path.is_file():
                return path
    return None


def _read_official_file(path):
    if path.suffix == ".npz":
        with _open_npz(path) as archive:
            if "arr_0" not in archive.files:
                raise DataError(f"{path}: arr_0 がありません (あるもの: {', '.join(archive.files)})。",
                                f"{path}: no arr_0 array (found: {', '.join(archive.files)}).")
            return _npz_array(archive, "arr_0", path)
    return read_idx(path)


def _check_official(array, path, title, split, kind):
    count = OFFICIAL_COUNTS[split]
    shape = (count,) + OFFICIAL_SIZE if kind == "images" else (count,)
    if array.shape != shape or (array.dtype != np.uint8 if kind == "images" else array.dtype.kind not in "ui"):
        raise DataError(
            f"{path}: {title} の{'画像' if kind == 'images' else 'ラベル'}は形 {shape} の uint8 (ラベルは整数) のはずですが、"
            f"{array.shape} の {array.dtype} です。別のデータのファイルではありませんか。",
            f"{path}: {title} {kind} should be {'uint8' if kind == 'images' else 'integers'} of shape {shape}, "
            f"found {array.dtype} {array.shape}. "
            "Is this a file of another data set?")
    if kind == "labels" and array.max() > 9:
        raise DataError(f"{path}: ラベル {int(array.max())} があります ({title} は 0〜9)。",
                        f"{path}: label {int(array.max())} found ({title} has 0..9).")


def _offline_error(name, missing, target, reason):
    source = download.SOURCES[name]
    lines = "\n".join(f"  {source.files[role].name}  {source.files[role].urls[0]}" for role in missing)
    return DataError(
        f"{source.title} のファイルがこのマシンになく、ダウンロードもできませんでした ({reason.ja})。\n"
        f"インターネットにつながるマシンで次のファイルを入手し:\n{lines}\n"
        f"1 つのフォルダに置いて --data-dir そのフォルダ を付けて実行してください (.gz のままでも展開済みでも可)。"
        f"\nダウンロードできる環境では初回に自動で取得し {target} に保存します。",
        f"{source.title} is not on this machine and could not be downloaded ({reason.en}).\n"
        f"On a machine with internet access, get these files:\n{lines}\n"
        f"put them in one folder and run again with --data-dir FOLDER (.gz or uncompressed both work).\n"
        f"With internet access they are downloaded once, into {target}.")


def load_official(name, data_dir=None, progress=True, lang="en"):
    """MNIST, Fashion-MNIST or KMNIST from --data-dir, the cache, or a verified download."""
    source = download.SOURCES[name]
    cache = download.cache_folder(name)
    if data_dir is not None:
        data_dir = Path(data_dir).expanduser()
        if data_dir.exists() and not data_dir.is_dir():     # a missing folder is made by download.fetch
            raise DataError(f"--data-dir {data_dir} はフォルダではありません。",
                            f"--data-dir {data_dir} is not a folder.")
        folders = [data_dir / name, data_dir / TORCHVISION_FOLDERS[name] / "raw", data_dir, cache]
        target = data_dir
    else:
        folders, target = [cache], cache
    found = {role: _candidates(name, role, folders) for role in download.ROLES}
    missing = [role for role in download.ROLES if found[role] is None]
    for role in missing:
        try:
            found[role] = download.fetch(name, role, target, progress=progress, lang=lang)
        except download.DownloadError as exc:
            still = [r for r in download.ROLES if found[r] is None]
            raise _offline_error(name, still, target, exc) from None
    notes = []
    unverified = []
    parts = {}
    for role in download.ROLES:
        path = found[role]
        remote = source.files[role]
        if path.name != remote.name or download.sha256_of(path) != remote.sha256:
            unverified.append(path.name)
        split, kind = role.split("_")
        array = _read_official_file(path)
        _check_official(array, path, source.title, split, kind)
        parts[f"{'x' if kind == 'images' else 't'}_{split}"] = (array, str(path))
    if unverified:
        files = ", ".join(unverified)
        notes.append(_note(
            f"{files}: 公式 .gz の SHA-256 と一致しない (展開済み・再圧縮・.npz など) ため、形とラベルだけを確かめました。",
            f"{files}: not byte-identical to the official .gz archives (uncompressed, recompressed or .npz), so "
            "only their shapes and labels were checked."))
    return _assemble(name, parts, found["train_images"].parent, notes, list(source.classes))


# ---------------------------------------------------------------------------------------------------------------
# Entry points

def load(spec, data_dir=None, progress=True, lang="en"):
    """spec: katakana15 | mnist | fashion-mnist | kmnist | a path (.npz file or folder of .npy files).
    A named data set wins over a file or folder of the same name (write ./mnist for the folder)."""
    text = os.fspath(spec) if isinstance(spec, (str, os.PathLike)) else None
    if not text or not text.strip():
        raise DataError("データセットを指定してください (katakana15, mnist, fashion-mnist, kmnist か .npz のパス)。",
                        "Give a data set: katakana15, mnist, fashion-mnist, kmnist or the path of an .npz file.")
    key = text.strip().lower()
    if key == "katakana15":
        return load_bundled(BUNDLED_DIR / "katakana15.npz", BUNDLED_DIR / "katakana15.sha256")
    if key in download.SOURCES:
        return load_official(key, data_dir=data_dir, progress=progress, lang=lang)
    path = Path(text).expanduser()
    if path.is_dir():
        return read_npy_folder(path, name=text)
    if path.is_file():
        return read_npz(path, name=text)
    names = ", ".join(NAMED)
    raise DataError(f"{text}: そのようなデータセット名もファイルもありません (名前: {names}; またはパス: .npz ファイル、"
                    ".npy ファイルのフォルダ)。",
                    f"{text}: no such data set or file (names: {names}; or a path: an .npz file or a folder of "
                    ".npy files).")


def batches(n, batch_size, rng, drop_last=False):
    """Index arrays for one epoch: a fresh permutation of range(n) cut into batches of batch_size (the last one
    smaller unless drop_last). The caller indexes its arrays (x[idx]); nothing is copied here."""
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise DataError(f"データ数は 1 以上の整数です (n={n!r})。", f"The number of samples must be >= 1 (n={n!r}).")
    if isinstance(batch_size, bool) or not isinstance(batch_size, (int, np.integer)) or batch_size < 1:
        raise DataError(f"バッチサイズは 1 以上の整数です ({batch_size!r})。",
                        f"The batch size must be an integer >= 1 ({batch_size!r}).")
    if drop_last and batch_size > n:
        raise DataError(f"バッチサイズ {batch_size} がデータ数 {n} より大きいです。",
                        f"The batch size {batch_size} is larger than the {n} samples.")
    order = rng.permutation(n)
    stop = n - n % batch_size if drop_last else n
    return (order[i:i + batch_size] for i in range(0, stop, batch_size))
