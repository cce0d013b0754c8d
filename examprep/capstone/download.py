"""The official files of MNIST, Fashion-MNIST and KMNIST: where they are published, their SHA-256, and a downloader.

Files are looked for in --data-dir (or its <name>/ subfolder, or torchvision's <Name>/raw/), else in the cache (<cache dir>/datasets/<name>/),
and downloaded there on first use: urllib, a rich progress bar on stderr, a temporary file in the target folder,
SHA-256 verified, then renamed into place. Nothing half-written or unverified is ever left under a final name.

The SHA-256 values are those of the compressed .gz archives as published; sources are cited per dataset.
"""
import hashlib
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from examprep.common import files
from examprep.common.errors import BilingualError
from examprep.common.i18n import pick

CHUNK = 1 << 16
TIMEOUT_SECONDS = 30


class DownloadError(BilingualError):
    """Raised by fetch() with a {ja, en} message; data.py turns it into a DataError."""


@dataclass(frozen=True)
class RemoteFile:
    name: str          # file name as published (and as expected in --data-dir)
    sha256: str        # of the published bytes
    size: int          # bytes, as published (for the progress bar when the server sends no length)
    urls: tuple        # mirrors, tried in order


@dataclass(frozen=True)
class Source:
    title: str
    homepage: str
    licence: str
    files: dict        # role (train_images, train_labels, test_images, test_labels) -> RemoteFile
    alternates: dict   # role -> other accepted file names in --data-dir (e.g. KMNIST's .npz), not verified
    classes: tuple


def _mirrored(name, sha256, size, bases):
    return RemoteFile(name, sha256, size, tuple(base + name for base in bases))


# MNIST. SHA-256 and sizes: tensorflow/datasets, tensorflow_datasets/url_checksums/mnist.txt (for the byte-identical
# copies at storage.googleapis.com/cvdf-datasets/mnist/); the same digests are pinned for the ossci-datasets mirror
# that torchvision uses in ankane/torchvision-ruby, lib/torchvision/datasets/mnist.rb.
_MNIST_BASES = ("https://ossci-datasets.s3.amazonaws.com/mnist/",
                "https://storage.googleapis.com/cvdf-datasets/mnist/",
                "http://yann.lecun.com/exdb/mnist/")
# Fashion-MNIST. SHA-256 and sizes: tensorflow/datasets, tensorflow_datasets/url_checksums/fashion_mnist.txt.
_FASHION_BASES = ("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
                  "https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/")
# KMNIST. SHA-256 and sizes of the IDX archives: tensorflow/datasets, tensorflow_datasets/url_checksums/kmnist.txt;
# the same digests in ankane/torchvision-ruby, lib/torchvision/datasets/kmnist.rb. No published SHA-256 was found for
# the .npz variants (kmnist-train-imgs.npz ...), so those are downloaded as IDX and the .npz are accepted only from
# --data-dir, checked for shape and labels.
_KMNIST_BASES = ("http://codh.rois.ac.jp/kmnist/dataset/kmnist/",)

SOURCES = {
    "mnist": Source(
        title="MNIST",
        homepage="http://yann.lecun.com/exdb/mnist/",
        licence="CC BY-SA 3.0 (Yann LeCun, Corinna Cortes, Christopher J.C. Burges)",
        files={
            "train_images": _mirrored("train-images-idx3-ubyte.gz",
                                      "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
                                      9912422, _MNIST_BASES),
            "train_labels": _mirrored("train-labels-idx1-ubyte.gz",
                                      "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
                                      28881, _MNIST_BASES),
            "test_images": _mirrored("t10k-images-idx3-ubyte.gz",
                                     "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
                                     1648877, _MNIST_BASES),
            "test_labels": _mirrored("t10k-labels-idx1-ubyte.gz",
                                     "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
                                     4542, _MNIST_BASES),
        },
        alternates={},
        classes=tuple(str(d) for d in range(10)),
    ),
    "fashion-mnist": Source(
        title="Fashion-MNIST",
        homepage="https://github.com/zalandoresearch/fashion-mnist",
        licence="MIT (Zalando SE)",
        files={
            "train_images": _mirrored("train-images-idx3-ubyte.gz",
                                      "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84",
                                      26421880, _FASHION_BASES),
            "train_labels": _mirrored("train-labels-idx1-ubyte.gz",
                                      "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845",
                                      29515, _FASHION_BASES),
            "test_images": _mirrored("t10k-images-idx3-ubyte.gz",
                                     "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073",
                                     4422102, _FASHION_BASES),
            "test_labels": _mirrored("t10k-labels-idx1-ubyte.gz",
                                     "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5",
                                     5148, _FASHION_BASES),
        },
        alternates={},
        classes=("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                 "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"),
    ),
    "kmnist": Source(
        title="Kuzushiji-MNIST (KMNIST)",
        homepage="http://codh.rois.ac.jp/kmnist/",
        licence="CC BY-SA 4.0 (ROIS-DS Center for Open Data in the Humanities, NIJL)",
        files={
            "train_images": _mirrored("train-images-idx3-ubyte.gz",
                                      "51467d22d8cc72929e2a028a0428f2086b092bb31cfb79c69cc0a90ce135fde4",
                                      18165135, _KMNIST_BASES),
            "train_labels": _mirrored("train-labels-idx1-ubyte.gz",
                                      "e38f9ebcd0f3ebcdec7fc8eabdcdaef93bb0df8ea12bee65224341c8183d8e17",
                                      29497, _KMNIST_BASES),
            "test_images": _mirrored("t10k-images-idx3-ubyte.gz",
                                     "edd7a857845ad6bb1d0ba43fe7e794d164fe2dce499a1694695a792adfac43c5",
                                     3041136, _KMNIST_BASES),
            "test_labels": _mirrored("t10k-labels-idx1-ubyte.gz",
                                     "20bb9a0ef54c7db3efc55a92eef5582c109615df22683c380526788f98e42a1c",
                                     5120, _KMNIST_BASES),
        },
        alternates={"train_images": ("kmnist-train-imgs.npz",), "train_labels": ("kmnist-train-labels.npz",),
                    "test_images": ("kmnist-test-imgs.npz",), "test_labels": ("kmnist-test-labels.npz",)},
        # kmnist_classmap.csv: 0 お, 1 き, 2 す, 3 つ, 4 な, 5 は, 6 ま, 7 や, 8 れ, 9 を
        classes=("お", "き", "す", "つ", "な", "は", "ま", "や", "れ", "を"),
    ),
}

ROLES = ("train_images", "train_labels", "test_images", "test_labels")


def cache_folder(name):
    from examprep.common.paths import cache_dir

    return cache_dir() / "datasets" / name


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


class _Bar:
    """A rich progress bar on stderr for one file, or nothing."""

    def __init__(self, enabled, label, total):
        self.progress = None
        if not enabled:
            return
        from rich.console import Console
        from rich.progress import (BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn,
                                   TransferSpeedColumn)

        self.progress = Progress(TextColumn("{task.description}"), BarColumn(), DownloadColumn(),
                                 TransferSpeedColumn(), TimeRemainingColumn(),
                                 console=Console(stderr=True), transient=False)
        self.task = self.progress.add_task(label, total=total)
        self.progress.start()

    def advance(self, n):
        if self.progress is not None:
            self.progress.update(self.task, advance=n)

    def close(self):
        if self.progress is not None:
            self.progress.stop()


def _download_one(url, remote, folder, progress, lang):
    """Download url into folder/remote.name through a verified temporary file. Returns the path.
    Raises OSError/URLError for network trouble and DownloadError for a wrong checksum."""
    bar = None

    def fetch(out):
        nonlocal bar
        digest = hashlib.sha256()
        with urllib.request.urlopen(url, timeout=TIMEOUT_SECONDS) as response:
            total = response.headers.get("Content-Length")
            total = int(total) if total and total.isdigit() else remote.size
            label = pick({"ja": f"ダウンロード中 {remote.name}", "en": f"Downloading {remote.name}"}, lang)
            bar = _Bar(progress, label, total)
            for block in iter(lambda: response.read(CHUNK), b""):
                out.write(block)
                digest.update(block)
                bar.advance(len(block))
        if digest.hexdigest() != remote.sha256:
            raise DownloadError(
                f"{url} から取得したファイルの SHA-256 が公式の値と一致しません (取得: {digest.hexdigest()}, "
                f"期待: {remote.sha256})。ミラーの内容が変わったか、通信が壊れています。",
                f"The file downloaded from {url} has the wrong SHA-256 ({digest.hexdigest()}, expected "
                f"{remote.sha256}): the mirror changed it or the transfer was corrupted.")

    final = Path(folder) / remote.name
    try:
        files.replace_atomically(final, fetch, keep_mode=False, suffix=".part")
        return final
    finally:
        if bar is not None:
            bar.close()


def fetch(name, role, folder, progress=True, lang="en"):
    """Download SOURCES[name].files[role] into folder (created if needed), trying each mirror in turn.
    Returns the path. Raises DownloadError listing what failed (the caller adds what to do offline)."""
    remote = SOURCES[name].files[role]
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DownloadError(f"フォルダ {folder} を作れません: {exc.strerror or exc}",
                            f"Cannot create the folder {folder}: {exc.strerror or exc}") from None
    failures = []
    checksum_errors = []
    for url in remote.urls:
        try:
            return _download_one(url, remote, folder, progress, lang)
        except DownloadError as exc:
            checksum_errors.append(exc)
        except (urllib.error.URLError, socket.timeout, TimeoutError, ConnectionError, OSError) as exc:
            reason = getattr(exc, "reason", None) or exc
            failures.append(getattr(reason, "strerror", None) or str(reason))
    if checksum_errors:
        first = checksum_errors[0]
        raise DownloadError(first.ja, first.en)
    distinct = "; ".join(dict.fromkeys(failures))
    n = len(remote.urls)
    raise DownloadError(f"{remote.name}: {distinct}" + (f"; ミラー {n} か所とも失敗" if n > 1 else ""),
                        f"{remote.name}: {distinct}" + (f"; all {n} mirrors failed" if n > 1 else ""))
