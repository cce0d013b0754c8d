"""IDX files, MNIST's format (http://yann.lecun.com/exdb/mnist/, "THE IDX FILE FORMAT"), raw or gzip-compressed."""
import gzip
import math
import struct
import zlib
from pathlib import Path

import numpy as np

from examprep.capstone.dataset import DataError

# IDX type codes (http://yann.lecun.com/exdb/mnist/, "THE IDX FILE FORMAT"); data are big-endian.
IDX_TYPES = {0x08: np.dtype("u1"), 0x09: np.dtype("i1"), 0x0B: np.dtype(">i2"), 0x0C: np.dtype(">i4"),
             0x0D: np.dtype(">f4"), 0x0E: np.dtype(">f8")}


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

