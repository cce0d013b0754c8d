"""Capstone data, the entry points: load(spec) chooses the source (the bundled katakana15 set, here; MNIST /
Fashion-MNIST / KMNIST, official.py; the learner's own .npz file or folder of .npy files, npzfiles.py), batches()
draws mini-batch indices; augmentation is augment.py, the Dataset and its conversions dataset.py.

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
import os
from pathlib import Path

import numpy as np

from examprep.capstone import download
from examprep.capstone.augment import augment, transform  # noqa: F401  (part of this module's API)
from examprep.capstone.dataset import DataError, Dataset  # noqa: F401  (part of this module's API)
from examprep.capstone.npzfiles import read_npz, read_npy_folder
from examprep.capstone.official import load_official

NAMED = ("katakana15", "mnist", "fashion-mnist", "kmnist")
BUNDLED_DIR = Path(__file__).resolve().parent.parent / "datasets"


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
