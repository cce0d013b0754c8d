"""Capstone data: IDX parsing, the official-file loader and downloader (against a local HTTP server), the learner's
.npz / .npy files, the bundled katakana15 file, mini-batches and augmentation. Every file here is written by the
test; nothing leaves 127.0.0.1."""
import functools
import gzip
import hashlib
import http.server
import socket
import struct
import threading
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from examprep.capstone import data, download, idx, official
from examprep.capstone.augment import augment, transform
from examprep.capstone.data import DataError


def has_japanese(text):
    return any(ord(ch) > 0x3000 for ch in text)


def raises_data_error(fn, *args, match=None, **kwargs):
    """Call fn, expect a bilingual DataError; return it."""
    with pytest.raises(DataError) as info:
        fn(*args, **kwargs)
    exc = info.value
    assert str(exc) == exc.en and exc.en and has_japanese(exc.ja), (exc.ja, exc.en)
    if match is not None:
        for part in ([match] if isinstance(match, str) else match):
            assert part in exc.en, (part, exc.en)
    return exc


def idx_bytes(array):
    codes = {np.dtype("u1"): 0x08, np.dtype("i1"): 0x09, np.dtype(">i2"): 0x0B, np.dtype(">i4"): 0x0C,
             np.dtype(">f4"): 0x0D, np.dtype(">f8"): 0x0E}
    array = np.asarray(array)
    big = array.astype(array.dtype.newbyteorder(">")) if array.dtype.itemsize > 1 else array
    header = bytes([0, 0, codes[big.dtype], array.ndim]) + struct.pack(f">{array.ndim}I", *array.shape)
    return header + big.tobytes()


def write_idx(path, array, gz=False):
    raw = idx_bytes(array)
    Path(path).write_bytes(gzip.compress(raw) if gz else raw)
    return Path(path)


# --------------------------------------------------------------------------------------------------------------
# IDX parser

@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize("dtype", ["u1", "i1", ">i2", ">i4", ">f4", ">f8"])
def test_idx_round_trip(tmp_path, gz, dtype):
    rng = np.random.default_rng(1)
    array = (rng.random((5, 4, 3)) * 100).astype(dtype)
    path = write_idx(tmp_path / "a.idx", array, gz=gz)
    got = idx.read_idx(path)
    assert got.shape == (5, 4, 3)
    assert got.dtype.isnative
    np.testing.assert_array_equal(got, array)


def test_idx_gzip_is_detected_by_content_not_name(tmp_path):
    labels = np.arange(7, dtype=np.uint8)
    path = tmp_path / "labels-idx1-ubyte"          # no .gz suffix, gzip content
    path.write_bytes(gzip.compress(idx_bytes(labels)))
    np.testing.assert_array_equal(idx.read_idx(path), labels)


def test_idx_truncated_data(tmp_path):
    raw = idx_bytes(np.zeros((10, 28, 28), np.uint8))
    path = tmp_path / "short"
    path.write_bytes(raw[:-100])
    raises_data_error(idx.read_idx, path, match=["truncated", "10×28×28", str(path)])


def test_idx_extra_bytes(tmp_path):
    path = tmp_path / "long"
    path.write_bytes(idx_bytes(np.zeros(4, np.uint8)) + b"\x00\x01")
    raises_data_error(idx.read_idx, path, match=["2 bytes more", str(path)])


@pytest.mark.parametrize("content", [b"\x12\x34\x08\x01\x00\x00\x00\x01\x00",   # bad magic
                                     b"\x00\x00\x07\x01\x00\x00\x00\x01\x00",   # unknown type code
                                     b"\x00\x00\x08\x00"])                      # zero dimensions
def test_idx_bad_header(tmp_path, content):
    path = tmp_path / "bad"
    path.write_bytes(content)
    raises_data_error(idx.read_idx, path, match=["not an IDX file", str(path)])


def test_idx_too_short_and_header_cut(tmp_path):
    path = tmp_path / "tiny"
    path.write_bytes(b"\x00\x00")
    raises_data_error(idx.read_idx, path, match="too short")
    path.write_bytes(b"\x00\x00\x08\x03\x00\x00\x00\x05")
    raises_data_error(idx.read_idx, path, match="inside its header")


def test_idx_corrupt_gzip(tmp_path):
    whole = gzip.compress(idx_bytes(np.arange(200, dtype=np.uint8).reshape(2, 10, 10)))
    path = tmp_path / "cut.gz"
    path.write_bytes(whole[: len(whole) // 2])
    raises_data_error(idx.read_idx, path, match=["gzip", str(path)])
    path.write_bytes(whole[:10] + bytes(b ^ 0xFF for b in whole[10:40]) + whole[40:])
    raises_data_error(idx.read_idx, path, match="gzip")


def test_idx_missing_file(tmp_path):
    raises_data_error(idx.read_idx, tmp_path / "nope", match="Cannot read")


# --------------------------------------------------------------------------------------------------------------
# MNIST-style official files: --data-dir, cache, download

N_TRAIN, N_TEST = 6, 4


def official_arrays(seed=0):
    rng = np.random.default_rng(seed)
    return {
        "train_images": rng.integers(0, 256, (N_TRAIN, 28, 28), dtype=np.uint8),
        "train_labels": np.array([0, 1, 2, 3, 9, 5], np.uint8),
        "test_images": rng.integers(0, 256, (N_TEST, 28, 28), dtype=np.uint8),
        "test_labels": np.array([9, 5, 3, 0], np.uint8),
    }


@pytest.fixture
def small_official(monkeypatch, tmp_path):
    """Official-file checks scaled down to 6 training and 4 test images; the cache under tmp_path."""
    monkeypatch.setattr(official, "OFFICIAL_COUNTS", {"train": N_TRAIN, "test": N_TEST})
    monkeypatch.setenv("EXAMPREP_HOME", str(tmp_path / "home"))
    return official_arrays()


def write_official(folder, arrays, gz=True, names=None):
    folder.mkdir(parents=True, exist_ok=True)
    names = names or {role: download.SOURCES["mnist"].files[role].name for role in arrays}
    paths = {}
    for role, array in arrays.items():
        name = names[role] if gz else names[role][:-3]
        paths[role] = write_idx(folder / name, array, gz=gz)
    return paths


def pin_hashes(monkeypatch, name, paths, urls=None):
    """Make SOURCES[name] expect exactly these files (their SHA-256 and size), optionally at these URLs."""
    source = download.SOURCES[name]
    files = {}
    for role, remote in source.files.items():
        blob = Path(paths[role]).read_bytes()
        files[role] = replace(remote, sha256=hashlib.sha256(blob).hexdigest(), size=len(blob),
                              urls=tuple(u + remote.name for u in urls) if urls else remote.urls)
    monkeypatch.setitem(download.SOURCES, name, replace(source, files=files))


@pytest.mark.parametrize("gz", [True, False])
def test_data_dir_raw_and_gz(tmp_path, small_official, gz):
    folder = tmp_path / "mnist-files"
    write_official(folder, small_official, gz=gz)
    ds = data.load("mnist", data_dir=folder, progress=False)
    assert ds.name == "mnist"
    assert ds.x_train.shape == (N_TRAIN, 1, 28, 28) and ds.x_train.dtype == np.float32
    assert ds.x_train.flags.c_contiguous
    np.testing.assert_allclose(ds.x_train[:, 0] * 255, small_official["train_images"], atol=1e-3)
    np.testing.assert_array_equal(ds.t_test, small_official["test_labels"])
    assert ds.t_train.dtype == np.int64
    assert ds.classes == [str(d) for d in range(10)] and ds.n_classes == 10 and ds.input_shape == (1, 28, 28)
    # These files are not the published archives: said in a note, not hidden.
    assert any("only their shapes and labels were checked" in n["en"] for n in ds.notes)


@pytest.mark.parametrize("sub", ["mnist", "MNIST/raw"])     # <data-dir>/<name>/, a torchvision root
def test_data_dir_verified_archives_have_no_note(tmp_path, monkeypatch, small_official, sub):
    folder = tmp_path / "d"
    paths = write_official(folder / sub, small_official)
    pin_hashes(monkeypatch, "mnist", paths)
    ds = data.load("MNIST", data_dir=folder, progress=False)
    assert ds.notes == []
    assert Path(ds.source) == folder / sub


def test_data_dir_wrong_shape_names_the_file(tmp_path, small_official):
    arrays = dict(small_official, test_images=np.zeros((N_TEST, 32, 32), np.uint8))
    folder = tmp_path / "d"
    paths = write_official(folder, arrays)
    raises_data_error(data.load, "mnist", data_dir=folder, progress=False,
                      match=[str(paths["test_images"]), "(4, 32, 32)", "another data set"])


def test_data_dir_label_out_of_range(tmp_path, small_official):
    arrays = dict(small_official, train_labels=np.array([0, 1, 2, 3, 10, 5], np.uint8))
    folder = tmp_path / "d"
    write_official(folder, arrays)
    raises_data_error(data.load, "mnist", data_dir=folder, progress=False, match=["label 10", "0..9"])


def test_data_dir_not_a_folder(tmp_path, small_official):
    (tmp_path / "a-file").write_text("", encoding="utf-8")       # a missing folder is created; a file is refused
    raises_data_error(data.load, "mnist", data_dir=tmp_path / "a-file", progress=False, match="not a folder")


def test_kmnist_npz_files_in_data_dir(tmp_path, small_official):
    folder = tmp_path / "k"
    folder.mkdir()
    for role, file_name in (("train_images", "kmnist-train-imgs.npz"), ("train_labels", "kmnist-train-labels.npz"),
                            ("test_images", "kmnist-test-imgs.npz"), ("test_labels", "kmnist-test-labels.npz")):
        np.savez_compressed(folder / file_name, small_official[role])
    ds = data.load("kmnist", data_dir=folder, progress=False)
    assert ds.classes[0] == "お" and ds.n_classes == 10
    np.testing.assert_array_equal(ds.t_train, small_official["train_labels"])
    assert ds.notes


class _Server:
    """A local HTTP server over a folder that counts GET requests."""

    def __init__(self, folder):
        counter = self.requests = []

        class Handler(http.server.SimpleHTTPRequestHandler):
            def do_GET(self):
                counter.append(self.path)
                return super().do_GET()

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                                     functools.partial(Handler, directory=str(folder)))
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server(tmp_path):
    folder = tmp_path / "www"
    folder.mkdir()
    srv = _Server(folder)
    srv.folder = folder
    yield srv
    srv.close()


def closed_port_url():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/"


def test_download_verify_and_cache(tmp_path, monkeypatch, small_official, server, capsys):
    paths = write_official(server.folder, small_official)
    # The first mirror is down; the second one answers.
    pin_hashes(monkeypatch, "mnist", paths, urls=[closed_port_url(), server.url])
    ds = data.load("mnist", progress=True)
    cache = tmp_path / "home" / "cache" / "datasets" / "mnist"
    assert sorted(p.name for p in cache.iterdir()) == sorted(p.name for p in paths.values())
    assert Path(ds.source) == cache and ds.notes == []
    np.testing.assert_array_equal(ds.t_train, small_official["train_labels"])
    assert len(server.requests) == 4
    assert "train-images-idx3-ubyte.gz" in capsys.readouterr().err      # the progress bar, on stderr
    data.load("mnist", progress=False)                                  # second time: from the cache
    assert len(server.requests) == 4


def test_download_into_data_dir(tmp_path, monkeypatch, small_official, server):
    paths = write_official(server.folder, small_official)
    pin_hashes(monkeypatch, "fashion-mnist", paths, urls=[server.url])
    folder = tmp_path / "mine" / "new"          # --data-dir DIR is created when missing
    ds = data.load("fashion-mnist", data_dir=folder, progress=False)
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in paths.values())
    assert ds.classes[0] == "T-shirt/top"


def test_download_wrong_checksum_leaves_nothing(tmp_path, monkeypatch, small_official, server):
    paths = write_official(server.folder, small_official)
    pin_hashes(monkeypatch, "mnist", paths, urls=[server.url])
    source = download.SOURCES["mnist"]
    bad = replace(source.files["test_labels"], sha256="0" * 64)
    monkeypatch.setitem(download.SOURCES, "mnist", replace(source, files=dict(source.files, test_labels=bad)))
    exc = raises_data_error(data.load, "mnist", progress=False, match=["wrong SHA-256", "t10k-labels-idx1-ubyte.gz"])
    assert "0" * 64 in exc.en
    cache = tmp_path / "home" / "cache" / "datasets" / "mnist"
    names = sorted(p.name for p in cache.iterdir())
    assert "t10k-labels-idx1-ubyte.gz" not in names and not any(n.endswith(".part") for n in names)


def test_offline_message_names_the_files(tmp_path, monkeypatch, small_official):
    down = closed_port_url()
    source = download.SOURCES["kmnist"]
    files = {role: replace(f, urls=(down + f.name,)) for role, f in source.files.items()}
    monkeypatch.setitem(download.SOURCES, "kmnist", replace(source, files=files))
    exc = raises_data_error(data.load, "kmnist", progress=False)
    for f in files.values():
        assert f.name in exc.en and f.name in exc.ja and f.urls[0] in exc.en
    assert "--data-dir" in exc.en and "--data-dir" in exc.ja
    assert str(tmp_path / "home" / "cache" / "datasets" / "kmnist") in exc.en
    assert not any((tmp_path / "home" / "cache" / "datasets" / "kmnist").iterdir())


def test_published_sources_are_complete():
    for name, source in download.SOURCES.items():
        assert set(source.files) == set(download.ROLES)
        assert len(source.classes) == 10
        for remote in source.files.values():
            assert len(remote.sha256) == 64 and int(remote.sha256, 16) >= 0
            assert remote.urls and all(u.endswith("/" + remote.name) for u in remote.urls)
    assert len({f.sha256 for s in download.SOURCES.values() for f in s.files.values()}) == 12


# --------------------------------------------------------------------------------------------------------------
# The learner's files

def course_arrays(n_train=12, n_test=6, k=3, seed=0, shape=(8, 8)):
    rng = np.random.default_rng(seed)
    return {"x_train": rng.integers(0, 256, (n_train,) + shape, dtype=np.uint8),
            "t_train": np.arange(n_train) % k,
            "x_test": rng.integers(0, 256, (n_test,) + shape, dtype=np.uint8),
            "t_test": np.arange(n_test) % k}


def save_npz(tmp_path, name="course.npz", **arrays):
    path = tmp_path / name
    np.savez(path, **arrays)
    return path


def test_npz_uint8_images(tmp_path):
    arrays = course_arrays()
    ds = data.load(save_npz(tmp_path, **arrays))
    assert ds.x_train.shape == (12, 1, 8, 8) and ds.x_train.dtype == np.float32
    np.testing.assert_array_equal(ds.x_test[:, 0], arrays["x_test"].astype(np.float32) / 255)
    assert ds.t_train.dtype == np.int64 and ds.classes == ["0", "1", "2"]
    assert ds.notes == []
    assert ds.name == str(tmp_path / "course.npz")


def test_npz_y_keys_one_hot_and_column_labels(tmp_path):
    arrays = course_arrays()
    one_hot = np.eye(4)[arrays["t_train"]]                    # width 4: a class with no sample is fine
    ds = data.load(save_npz(tmp_path, x_train=arrays["x_train"], y_train=one_hot, x_test=arrays["x_test"],
                            y_test=arrays["t_test"][:, None]))
    np.testing.assert_array_equal(ds.t_train, arrays["t_train"])
    np.testing.assert_array_equal(ds.t_test, arrays["t_test"])
    assert ds.n_classes == 4


def test_npz_channels(tmp_path):
    rng = np.random.default_rng(2)
    nchw = rng.random((5, 3, 6, 7)).astype(np.float32)
    path = save_npz(tmp_path, "c.npz", x_train=nchw, t_train=np.arange(5) % 2, x_test=nchw[:2], t_test=[0, 1])
    ds = data.load(path)
    assert ds.input_shape == (3, 6, 7)
    np.testing.assert_array_equal(ds.x_train, nchw)           # float in [0, 1] is kept as it is
    nhwc = nchw.transpose(0, 2, 3, 1)
    path = save_npz(tmp_path, "l.npz", x_train=nhwc, t_train=np.arange(5) % 2, x_test=nhwc[:2], t_test=[0, 1])
    ds = data.load(path)
    np.testing.assert_array_equal(ds.x_train, nchw)
    assert ds.x_train.flags.c_contiguous
    assert any("channels-last" in n["en"] for n in ds.notes)


def test_npz_flattened_and_float_0_255(tmp_path):
    arrays = course_arrays()
    flat = arrays["x_train"].reshape(12, 64).astype(np.float64)
    path = save_npz(tmp_path, x_train=flat, t_train=arrays["t_train"], x_test=arrays["x_test"],
                    t_test=arrays["t_test"])
    ds = data.load(path)
    assert ds.input_shape == (1, 8, 8)
    np.testing.assert_allclose(ds.x_train[:, 0], arrays["x_train"] / 255, rtol=1e-6)
    assert any("flattened" in n["en"] for n in ds.notes)
    assert any("divided by 255" in n["en"] for n in ds.notes)


@pytest.mark.parametrize("dtype", [np.uint8, np.int64, bool])
def test_npz_binary_images_are_not_divided(tmp_path, dtype):
    arrays = course_arrays()
    for key in ("x_train", "x_test"):
        arrays[key] = (arrays[key] > 127).astype(dtype)
    ds = data.load(save_npz(tmp_path, **arrays))
    np.testing.assert_array_equal(ds.x_train[:, 0], arrays["x_train"].astype(np.float32))
    assert any("black-and-white" in n["en"] for n in ds.notes)


def test_npz_classes_and_unseen_test_class(tmp_path):
    arrays = course_arrays()
    arrays["t_test"] = np.array([0, 1, 2, 3, 0, 1])
    ds = data.load(save_npz(tmp_path, classes=np.array(["ア", "イ", "ウ", "エ"]), **arrays))
    assert ds.classes == ["ア", "イ", "ウ", "エ"]
    assert any("[3]" in n["en"] for n in ds.notes)


def test_npy_folder(tmp_path):
    arrays = course_arrays()
    folder = tmp_path / "course"
    folder.mkdir()
    for key, value in arrays.items():
        np.save(folder / f"{key.replace('t_', 'y_')}.npy", value)
    ds = data.load(str(folder))
    assert ds.x_train.shape == (12, 1, 8, 8) and ds.n_classes == 3
    (folder / "x_test.npy").unlink()
    raises_data_error(data.load, folder, match=["missing x_test", "y_train"])


@pytest.mark.parametrize("change, where, message", [
    (lambda a: a.update(x_train=a["x_train"].astype(float) * np.nan), "x_train", "NaN"),
    (lambda a: a.update(x_test=a["x_test"].astype(float) - 300), "x_test", "pixel values"),
    (lambda a: a.update(x_train=a["x_train"].astype(np.int32) * 2), "x_train", "pixel values"),
    (lambda a: a.update(t_train=a["t_train"][:-1]), "t_train", "11 labels"),
    (lambda a: a.update(x_test=a["x_test"][:, :4]), "x_test", "(C, H, W must agree)"),
    (lambda a: a.update(t_test=a["t_test"] - 1), "t_test", "negative"),
    (lambda a: a.update(t_train=a["t_train"] + 0.5), "t_train", "non-integer"),
    (lambda a: a.update(t_train=np.full((12, 3), 1 / 3)), "t_train", "not one-hot"),
    (lambda a: a.update(t_train=np.zeros(12, int), t_test=np.zeros(6, int)), "t_train", "only one class"),
    (lambda a: a.update(x_train=np.array(["a"] * 12)), "x_train", "must be numbers"),
    (lambda a: a.update(x_train=a["x_train"][:, :, :, None, None]), "x_train", "must have shape"),
    (lambda a: a.update(x_train=a["x_train"].reshape(12, 64)[:, :60]), "x_train", "not flattened square"),
    (lambda a: a.update(x_train=a["x_train"][:0], t_train=a["t_train"][:0]), "x_train", "no images"),
    (lambda a: a.update(t_train=np.eye(3)[a["t_train"]], t_test=np.eye(4)[a["t_test"]]), "t_train",
     "One-hot widths differ"),
])
def test_npz_bad_arrays_name_file_and_key(tmp_path, change, where, message):
    arrays = course_arrays()
    change(arrays)
    path = save_npz(tmp_path, **arrays)
    raises_data_error(data.load, path, match=[f"{path} [{where}]", message])


def test_npz_labels_beyond_classes(tmp_path):
    path = save_npz(tmp_path, classes=np.array(["a", "b"]), **course_arrays())
    raises_data_error(data.load, path, match=["[t_train]", "label 2 is out of range for 2 classes"])


def test_npz_missing_and_ambiguous_keys(tmp_path):
    arrays = course_arrays()
    path = save_npz(tmp_path, x_train=arrays["x_train"], t_train=arrays["t_train"])
    raises_data_error(data.load, path, match=["missing x_test, t_test (or y_test)", "found: t_train, x_train"])
    path = save_npz(tmp_path, y_train=arrays["t_train"], **arrays)
    raises_data_error(data.load, path, match="both t_train and y_train")


def test_npz_object_arrays_are_refused(tmp_path):
    arrays = course_arrays()
    arrays["t_train"] = np.array([{"label": 1}] * 12, dtype=object)
    path = save_npz(tmp_path, **arrays)
    raises_data_error(data.load, path, match=[f"{path} [t_train]", "pickled"])


def test_npz_not_an_archive(tmp_path):
    path = tmp_path / "notes.npz"
    path.write_text("x_train = ...")
    raises_data_error(data.load, path, match=[str(path), ".npz"])
    single = tmp_path / "single.npz"
    with open(single, "wb") as f:
        np.save(f, np.zeros(3))
    raises_data_error(data.load, single, match="single .npy array")


def test_unknown_spec(tmp_path):
    raises_data_error(data.load, "cifar10", match=["no such data set", "katakana15"])
    raises_data_error(data.load, "", match="Give a data set")


# --------------------------------------------------------------------------------------------------------------
# katakana15 (bundled): loaded through its checksum

def write_katakana(folder, digest=None):
    rng = np.random.default_rng(3)
    classes = np.array(list("アイウエオカキクケコサシスセソ"))
    folder.mkdir(parents=True, exist_ok=True)
    npz = folder / "katakana15.npz"
    np.savez_compressed(npz, x_train=rng.integers(0, 256, (30, 28, 28), dtype=np.uint8), t_train=np.arange(30) % 15,
                        x_test=rng.integers(0, 256, (45, 28, 28), dtype=np.uint8), t_test=np.arange(45) % 15,
                        classes=classes)
    digest = digest or hashlib.sha256(npz.read_bytes()).hexdigest()
    (folder / "katakana15.sha256").write_text(f"{digest}  katakana15.npz\n")
    return npz


def test_katakana15_loads_through_its_checksum(tmp_path, monkeypatch):
    write_katakana(tmp_path / "datasets")
    monkeypatch.setattr(data, "BUNDLED_DIR", tmp_path / "datasets")
    ds = data.load("katakana15")
    assert ds.name == "katakana15" and ds.n_classes == 15 and ds.classes[0] == "ア" and ds.classes[-1] == "ソ"
    assert ds.x_train.shape == (30, 1, 28, 28) and ds.x_test.shape == (45, 1, 28, 28)


def test_katakana15_damaged_or_incomplete(tmp_path, monkeypatch):
    folder = tmp_path / "datasets"
    monkeypatch.setattr(data, "BUNDLED_DIR", folder)
    raises_data_error(data.load, "katakana15", match=["missing", "Reinstall"])
    write_katakana(folder, digest="ab" * 32)
    raises_data_error(data.load, "katakana15", match=["damaged", "ab" * 32])
    (folder / "katakana15.sha256").write_text("")
    raises_data_error(data.load, "katakana15", match="checksum")


def test_bundled_katakana15_if_present():
    """The real file, once the generator has produced it."""
    if not (data.BUNDLED_DIR / "katakana15.npz").exists():
        pytest.skip("examprep/datasets/katakana15.npz is not generated yet")
    ds = data.load("katakana15")
    assert ds.x_train.shape == (3000, 1, 28, 28) and ds.x_test.shape == (4500, 1, 28, 28)
    assert ds.n_classes == 15 and len(set(ds.classes)) == 15


# --------------------------------------------------------------------------------------------------------------
# Mini-batches

def test_batches_cover_each_index_once_per_epoch():
    rng = np.random.default_rng(0)
    epochs = [list(data.batches(103, 10, rng)) for _ in range(2)]
    for epoch in epochs:
        assert [len(b) for b in epoch] == [10] * 10 + [3]
        np.testing.assert_array_equal(np.sort(np.concatenate(epoch)), np.arange(103))
    assert not np.array_equal(np.concatenate(epochs[0]), np.concatenate(epochs[1]))
    dropped = list(data.batches(103, 10, rng, drop_last=True))
    assert [len(b) for b in dropped] == [10] * 10 and len(np.unique(np.concatenate(dropped))) == 100


@pytest.mark.parametrize("n, size, drop_last", [(0, 10, False), (10, 0, False), (10, 2.5, False), (5, 10, True),
                                                (10, True, False)])
def test_batches_bad_arguments(n, size, drop_last):
    raises_data_error(data.batches, n, size, np.random.default_rng(0), drop_last=drop_last)


# --------------------------------------------------------------------------------------------------------------
# Augmentation

def test_transform_integer_shift_is_exact():
    rng = np.random.default_rng(4)
    x = rng.random((2, 3, 6, 7)).astype(np.float32)
    out = transform(x, [[1, -2], [-1, 3]], [0, 0])
    expected = np.zeros_like(x)
    expected[0, :, 1:, :5] = x[0, :, :-1, 2:]
    expected[1, :, :5, 3:] = x[1, :, 1:, :4]
    np.testing.assert_array_equal(out, expected)


def test_transform_rotation_direction():
    x = np.random.default_rng(5).random((1, 1, 5, 5))
    np.testing.assert_allclose(transform(x, [[0, 0]], [90]), np.rot90(x, 1, axes=(2, 3)), atol=1e-12)
    np.testing.assert_allclose(transform(x, [[0, 0]], [-90]), np.rot90(x, -1, axes=(2, 3)), atol=1e-12)


def test_transform_fills_with_zeros():
    ones = np.ones((1, 1, 8, 8))
    out = transform(ones, [[0, 0]], [45])[0, 0]
    assert out[0, 0] == out[0, -1] == out[-1, 0] == out[-1, -1] == 0     # corners come from outside the image
    np.testing.assert_allclose(out[3:5, 3:5], 1)
    out = transform(ones, [[0.5, -0.5]], [0])[0, 0]                       # half-pixel shift: edges half covered
    np.testing.assert_allclose(out[0, 1:-1], 0.5)
    np.testing.assert_allclose(out[1:, -1], 0.5)
    np.testing.assert_allclose(out[1:, :-1], 1)


def test_augment_shapes_dtypes_and_no_mutation():
    rng = np.random.default_rng(6)
    x = rng.random((16, 1, 28, 28)).astype(np.float32)
    before = x.copy()
    out = augment(x, rng)
    assert out.shape == x.shape and out.dtype == np.float32 and out is not x
    np.testing.assert_array_equal(x, before)
    assert 0 <= out.min() and out.max() <= 1 + 1e-6
    # Each image gets its own transform: no two outputs moved the same way from identical inputs.
    same = np.repeat(x[:1], 16, axis=0)
    moved = augment(same, rng).reshape(16, -1)
    assert len({row.tobytes() for row in moved}) > 8
    u8 = (before * 255).astype(np.uint8)[:, 0]
    out8 = augment(u8, rng)
    assert out8.shape == u8.shape and out8.dtype == np.uint8
    np.testing.assert_array_equal(augment(x, rng, max_shift=0, max_degrees=0), x)


def test_augment_keeps_a_centred_digit_mostly():
    # A blob in the middle: small shifts and rotations keep (almost) all of its ink inside the image.
    yy, xx = np.mgrid[:28, :28]
    blob = np.exp(-((yy - 13.5) ** 2 + (xx - 13.5) ** 2) / 20).astype(np.float32)[None, None]
    out = augment(np.repeat(blob, 32, axis=0), np.random.default_rng(7), max_shift=2, max_degrees=15)
    ratio = out.reshape(32, -1).sum(axis=1) / blob.sum()
    assert np.all(ratio > 0.97) and np.all(ratio < 1.03)
    with pytest.raises(ValueError):
        augment(blob[0, 0], np.random.default_rng(0))


def test_a_mistyped_label_is_an_error_not_twelve_thousand_classes(tmp_path):
    arrays = course_arrays()
    arrays["t_train"] = arrays["t_train"].copy()
    arrays["t_train"][5] = 12000
    path = save_npz(tmp_path, **arrays)
    raises_data_error(data.load, path, match=["[t_train]", "12000", "mistyped label"])


def test_labels_counted_from_one_get_a_note(tmp_path):
    arrays = course_arrays()
    arrays["t_train"] = arrays["t_train"] + 1
    arrays["t_test"] = arrays["t_test"] + 1
    dataset = data.load(save_npz(tmp_path, **arrays))
    assert dataset.n_classes == 4
    assert any("start at 1" in n["en"] and n["ja"] for n in dataset.notes)


def test_the_not_a_zip_message_never_suggests_allow_pickle(tmp_path):
    path = tmp_path / "garbage.npz"
    path.write_text("garbage")
    with pytest.raises(data.DataError) as info:
        data.load(path)
    assert "allow_pickle" not in info.value.en and "neither a zip archive" in info.value.en
