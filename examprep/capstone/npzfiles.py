"""The learner's own data: an .npz file or a folder of .npy files holding x_train, t_train (or y_train), x_test,
t_test (or y_test) and optionally classes, read with allow_pickle=False (the accepted forms are listed in
examprep/capstone/data.py)."""
import zipfile
import zlib
from pathlib import Path

import numpy as np

from examprep.capstone.dataset import DataError, assemble, class_names


def _where(source, key):
    return f"{source} [{key}]" if key else str(source)


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


def npz_array(archive, key, path):
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


def open_npz(path):
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
    with open_npz(path) as archive:
        keys = _require_keys(set(archive.files), path, ".npz ")
        parts = {role: (npz_array(archive, key, path), _where(path, key)) for role, key in keys.items()}
        classes = (class_names(npz_array(archive, "classes", path), _where(path, "classes"))
                   if "classes" in archive.files else None)
    return assemble(name or str(path), parts, path, [], classes)


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
        classes = class_names(_load_npy(file), str(file))
    return assemble(name or str(folder), parts, folder, [], classes)

