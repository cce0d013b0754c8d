"""MNIST, Fashion-MNIST and KMNIST from --data-dir (or its torchvision layout), the cache, or a verified download
(examprep/capstone/download.py), IDX or KMNIST's .npz, checked for the official shapes and labels."""
from pathlib import Path

import numpy as np

from examprep.capstone import download
from examprep.capstone.dataset import DataError, assemble, note
from examprep.capstone.idx import read_idx
from examprep.capstone.npzfiles import npz_array, open_npz

OFFICIAL_COUNTS = {"train": 60000, "test": 10000}
OFFICIAL_SIZE = (28, 28)
# --data-dir may also be a torchvision root: <root>/MNIST/raw/train-images-idx3-ubyte(.gz) ...
TORCHVISION_FOLDERS = {"mnist": "MNIST", "fashion-mnist": "FashionMNIST", "kmnist": "KMNIST"}


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
        with open_npz(path) as archive:
            if "arr_0" not in archive.files:
                raise DataError(f"{path}: arr_0 がありません (あるもの: {', '.join(archive.files)})。",
                                f"{path}: no arr_0 array (found: {', '.join(archive.files)}).")
            return npz_array(archive, "arr_0", path)
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
        notes.append(note(
            f"{files}: 公式 .gz の SHA-256 と一致しない (展開済み・再圧縮・.npz など) ため、形とラベルだけを確かめました。",
            f"{files}: not byte-identical to the official .gz archives (uncompressed, recompressed or .npz), so "
            "only their shapes and labels were checked."))
    return assemble(name, parts, found["train_images"].parent, notes, list(source.classes))

