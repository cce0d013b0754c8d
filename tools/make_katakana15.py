#!/usr/bin/env python3
"""Generate the bundled katakana15 data set (examprep/datasets/katakana15.npz).

15 katakana classes ア イ ウ エ オ カ キ ク ケ コ サ シ ス セ ソ, 28x28 uint8, bright ink on a black background.
Images are rendered from Japanese fonts installed from Debian packages, then distorted (affine, stroke width,
mild elastic, blur, contrast, noise). Training and test images come from disjoint font *families*: many packages
reuse the same kana design, so a split by file would leak near-copies across it.

Run with the generator's own venv (pinned versions in tools/katakana15-requirements.txt):

    apt-get install -y --no-install-recommends $(/work/venv-k15/bin/python tools/make_katakana15.py --packages)
    /work/venv-k15/bin/python tools/make_katakana15.py            # writes the .npz and its .sha256

The output is byte-identical for the same seed, fonts (package versions) and Python packages (Pillow/FreeType
anti-aliasing and zlib determine the bytes). See examprep/datasets/NOTICE.md for the recipe and the font licences.
"""
from __future__ import annotations

import argparse
import hashlib
import io
import logging
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

CLASSES = "アイウエオカキクケコサシスセソ"
SIZE = 28            # final image side
SCALE = 4            # the distortion works on a canvas SCALE times larger (112x112), then box-averages down
RENDER_PX = 128      # font size used to render each glyph once
NOTDEF_PROBES = ("\U0010FFFD", "\u0378")  # code points no font maps: they render the .notdef glyph


def noto(style: str, family: str, kind: str, weights: tuple[str, ...]):
    """Training faces of Noto Sans/Serif CJK (face 0 = JP): Regular and Bold ship in fonts-noto-cjk, the rest in
    fonts-noto-cjk-extra."""
    for w in weights:
        package = "fonts-noto-cjk" if w in ("Regular", "Bold") else "fonts-noto-cjk-extra"
        yield "train", style, family, package, f"Noto{kind}CJK-{w}.ttc#0"


# (split, style, family, package, file[#ttc index]). Faces inside a family share one kana design or close
# variants of it (weights); the sampler is uniform over families, then uniform over the family's faces.
# Only distinct designs are listed: check_designs() rejects a face whose 15 kana duplicate another listed face's
# (proportional "P" variants, TakaoGothic = IPAGothic, Migu = MigMix, Ume tgc = pgc, ...). Left out on purpose:
# HanaMinB, M+ Code 50/60 (no kana: .notdef), setofont-ex (empty kana), ume-pgs4/pgs5/tgs5 (FreeType
# 'invalid opcode'), AR PL UKai/UMing and WenQuanYi Zen Hei (copyleft licences; Chinese fonts, M+ kana).

FONTS: tuple[tuple[str, str, str, str, str], ...] = (
    # ---- training: 19 families
    ("train", "brush", "soseki", "fonts-aoyagi-soseki", "aoyagi-soseki.ttf"),
    ("train", "display", "reggae", "fonts-reggae", "ReggaeOne-Regular.ttf"),
    ("train", "display (outline)", "train", "fonts-train", "TrainOne-Regular.ttf"),
    ("train", "gothic", "ipa-gothic", "fonts-ipafont-gothic", "ipag.ttf"),
    ("train", "gothic", "ipa-gothic", "fonts-ipaexfont-gothic", "ipaexg.ttf"),
    *(("train", "gothic", "mplus-kana", "fonts-mplus", f"Mplus1-{w}.otf")
      for w in ("Thin", "ExtraLight", "Light", "Regular", "Medium", "SemiBold", "Bold", "ExtraBold", "Black")),
    *(("train", "gothic", "mplus-kana", "fonts-mplus", f"Mplus2-{w}.otf")
      for w in ("Thin", "ExtraLight", "Light", "Regular", "Medium", "SemiBold", "Bold", "ExtraBold", "Black")),
    *(("train", "gothic", "mplus-kana", "fonts-migmix", f"migmix-{v}-{w}.ttf")
      for v in ("1m", "2m") for w in ("regular", "bold")),
    ("train", "gothic", "mplus-kana", "fonts-umeplus", "umeplus-gothic.ttf"),
    ("train", "gothic", "mplus-kana", "fonts-umeplus", "umeplus-p-gothic.ttf"),
    ("train", "gothic", "mplus-kana", "fonts-vlgothic", "VL-Gothic-Regular.ttf"),
    ("train", "gothic", "mplus-kana", "fonts-vlgothic", "VL-PGothic-Regular.ttf"),
    *noto("gothic", "noto-sans", "Sans", ("Thin", "Light", "DemiLight", "Regular", "Medium", "Bold", "Black")),
    *(("train", "gothic", "ume-gothic", "fonts-horai-umefont", f"ume-{f}.ttf")
      for f in ("hgo4", "hgo5", "pgc4", "pgc5", "pgo4", "pgo5", "ugo4", "ugo5")),
    *(("train", "handwritten", "kiloji", "fonts-kiloji", f) for f in ("kiloji.ttf", "kiloji_b.ttf", "kiloji_d.ttf")),
    *(("train", "handwritten", "yoz-antique", "fonts-yozvox-yozfont-antique", f"YOz{f}.ttf")
      for f in ("RAF", "BAF")),
    ("train", "handwritten", "yoz-edu", "fonts-yozvox-yozfont-edu", "YOzREF.ttf"),
    ("train", "handwritten", "yoz-edu", "fonts-yozvox-yozfont-edu", "YOzBEF.ttf"),
    *(("train", "handwritten", "yoz-standard", "fonts-yozvox-yozfont-standard-kana", f"YOz{f}.ttf")
      for f in ("RSF", "BSF")),
    ("train", "mincho", "dejima", "fonts-dejima-mincho", "dejima-mincho-r227.ttf"),
    ("train", "mincho", "ipa-mincho", "fonts-ipafont-mincho", "ipam.ttf"),
    ("train", "mincho", "ipa-mincho", "fonts-ipaexfont-mincho", "ipaexm.ttf"),
    *noto("mincho", "noto-serif", "Serif", ("ExtraLight", "Light", "Regular", "Medium", "SemiBold", "Bold", "Black")),
    ("train", "mincho", "oradano", "fonts-oradano-mincho-gsrr", "OradanoGSRR.ttf"),
    ("train", "mincho", "ume-mincho", "fonts-horai-umefont", "ume-tmo3.ttf"),
    ("train", "mincho", "ume-mincho", "fonts-horai-umefont", "ume-pmo3.ttf"),
    ("train", "pixel", "dotgothic16", "fonts-dotgothic16", "DotGothic16-Regular.ttf"),
    *(("train", "pixel (8x8)", "misaki", "fonts-misaki", f)
      for f in ("misaki_gothic.ttf", "misaki_gothic_2nd.ttf", "misaki_mincho.ttf")),
    ("train", "rounded", "konatu", "fonts-konatu", "Konatu.ttf"),
    # ---- test: 13 families, none sharing a kana design with training
    ("test", "brush", "kouzan", "fonts-aoyagi-kouzan-t", "AoyagiKouzanT.ttf"),
    ("test", "brush", "kouzan", "fonts-kouzan-mouhitsu", "kouzan-mouhitsu-gyosho.ttf"),
    *(("test", "gothic", "bizud-gothic", "fonts-morisawa-bizud-gothic", f"BIZUD{f}.ttf")
      for f in ("Gothic-Regular", "Gothic-Bold")),
    ("test", "gothic", "mona", "fonts-mona", "mona.ttf"),
    ("test", "gothic", "motoya-cedar", "fonts-motoya-l-cedar", "MTLc3m.ttf"),
    ("test", "gothic", "sawarabi-gothic", "fonts-sawarabi-gothic", "sawarabi-gothic-medium.ttf"),
    ("test", "gothic", "wqy-microhei", "fonts-wqy-microhei", "wqy-microhei.ttc#0"),
    ("test", "handwritten", "klee", "fonts-klee", "KleeOne-Regular.ttf"),
    ("test", "handwritten", "klee", "fonts-klee", "KleeOne-SemiBold.ttf"),
    ("test", "handwritten", "seto", "fonts-seto", "setofont.ttf"),
    ("test", "handwritten", "yoz-cute", "fonts-yozvox-yozfont-cute", "YOzRCF.ttf"),
    ("test", "handwritten", "yoz-cute", "fonts-yozvox-yozfont-cute", "YOzBCF.ttf"),
    ("test", "mincho", "bizud-mincho", "fonts-morisawa-bizud-mincho", "BIZUDMincho-Regular.ttf"),
    ("test", "mincho", "hanazono", "fonts-hanazono", "HanaMinA.ttf"),
    ("test", "mincho", "sawarabi-mincho", "fonts-sawarabi-mincho", "sawarabi-mincho-medium.ttf"),
    ("test", "rounded", "motoya-maru", "fonts-motoya-l-maruberi", "MTLmr3m.ttf"),
)

# The shipped setting "R+e8" (see NOTICE.md): the feasibility prototype's setting "R" plus its documented mild
# elastic distortion (alpha 34, sigma 8), which keeps a CNN without augmentation below 98% on this font list.
# Every range is in 28-px units unless stated.
SETTING = dict(
    size=(0.70, 1.00),      # long side of the ink box, as a fraction of 24 px
    aspect=0.10,            # aspect ratio exp(U(-a, a))
    rotate=12.0,            # degrees, U(-r, r)
    shear=0.15,             # [[1, 0], [k, 1]], k ~ U(-s, s)
    shift=2.0,              # px per axis, U(-t, t)
    stroke=(-0.5, 0.8),     # stroke width change in px
    min_stroke=1.0,         # never thinner than this (px)
    blur=0.7,               # Gaussian sigma ~ U(0, b) px
    peak=(0.70, 1.00),      # contrast: the brightest pixel
    noise=0.06,             # Gaussian noise sigma ~ U(0, n), in units of full scale
    elastic_alpha=34.0,     # Simard elastic distortion (28-px units); 0 = none
    elastic_sigma=8.0,
)
N_TRAIN_PER_CLASS = 200
N_TEST_PER_CLASS = 300
ZIP_DATE = (1980, 1, 1, 0, 0, 0)

# Glyph checks: thresholds on renders at RENDER_PX (ink = value > 0.5; designs compared at 32x32, mean abs diff).
MIN_INK_PIXELS = 80
SAME_DESIGN = 0.01       # two glyphs (or two faces' 15 glyphs) closer than this are the same design
LEAK_DISTANCE = 0.03     # a test face this close to a training face would leak the design across the split


class FontError(Exception):
    """A font is missing or unusable; the message says which and what to do."""


@dataclass(frozen=True)
class Face:
    split: str
    style: str
    family: str
    package: str
    file: str      # base name
    index: int     # face index inside a .ttc
    path: str

    @property
    def name(self) -> str:
        return f"{self.file}#{self.index}" if self.file.endswith(".ttc") else self.file


# ----------------------------------------------------------------------------------------------- fonts

def package_files(package: str) -> dict[str, str]:
    """Font files of an installed Debian package, by base name (fc-list misses several of these fonts)."""
    try:
        out = subprocess.run(["dpkg", "-L", package], capture_output=True, text=True)
    except FileNotFoundError as exc:
        raise FontError("dpkg not found: the fonts are resolved from Debian packages") from exc
    if out.returncode != 0:
        raise FontError(f"package {package} is not installed: "
                        f"apt-get install -y --no-install-recommends {package}")
    return {Path(p).name: p for p in out.stdout.splitlines()
            if p.lower().endswith((".ttf", ".otf", ".ttc")) and Path(p).is_file()}


def resolve_faces() -> list[Face]:
    cache: dict[str, dict[str, str]] = {}
    missing: list[str] = []
    faces = []
    for split, style, family, package, spec in FONTS:
        file, _, idx = spec.partition("#")
        try:
            files = cache.setdefault(package, package_files(package))
        except FontError as exc:
            missing.append(str(exc))
            continue
        if file not in files:
            missing.append(f"{file} not found in package {package} (dpkg -L {package})")
            continue
        faces.append(Face(split, style, family, package, file, int(idx or 0), files[file]))
    if missing:
        raise FontError("missing fonts:\n  " + "\n  ".join(dict.fromkeys(missing)))
    return faces


def packages() -> list[str]:
    return sorted({row[3] for row in FONTS})


# ----------------------------------------------------------------------------------------------- glyphs

def render(font, ch: str) -> np.ndarray:
    """The glyph as float32 in [0, 1] (ink = 1) on a generous canvas."""
    from PIL import Image, ImageDraw
    side = RENDER_PX * 2
    img = Image.new("L", (side, side), 0)
    ImageDraw.Draw(img).text((side // 2, side // 2), ch, fill=255, font=font, anchor="mm")
    return np.asarray(img, dtype=np.float32) / 255.0


def ink_crop(a: np.ndarray, pad: int = 2) -> np.ndarray:
    """Crop to the ink bounding box (value > 0.1), padded: font metrics put some glyphs far off centre."""
    rows = np.flatnonzero((a > 0.1).any(axis=1))
    cols = np.flatnonzero((a > 0.1).any(axis=0))
    if rows.size == 0:
        return np.zeros((1, 1), np.float32)
    r0, r1 = max(rows[0] - pad, 0), min(rows[-1] + pad + 1, a.shape[0])
    c0, c1 = max(cols[0] - pad, 0), min(cols[-1] + pad + 1, a.shape[1])
    return a[r0:r1, c0:c1]


def design(glyph: np.ndarray) -> np.ndarray:
    """A cropped glyph scaled to 32x32 (aspect not kept): the 'design' compared between glyphs and faces."""
    from PIL import Image
    img = Image.fromarray(np.clip(glyph * 255, 0, 255).astype(np.uint8))
    return np.asarray(img.resize((32, 32), Image.BILINEAR), dtype=np.float32) / 255.0


def load_face(face: Face) -> list[np.ndarray]:
    """Render and check the 15 glyphs of a face; raise FontError naming the face and the failed check."""
    from fontTools.ttLib import TTFont
    from PIL import ImageFont
    logging.getLogger("fontTools").setLevel(logging.ERROR)   # e.g. "Not enough names found in the 'post' table"
    where = f"{face.name} ({face.package})"
    cmap = TTFont(face.path, fontNumber=face.index, lazy=True).getBestCmap() or {}
    lacking = [c for c in CLASSES if ord(c) not in cmap]
    if lacking:
        raise FontError(f"{where}: no cmap entry for {''.join(lacking)}")
    try:
        font = ImageFont.truetype(face.path, RENDER_PX, index=face.index)
        notdefs = [render(font, p) for p in NOTDEF_PROBES]
        glyphs = [render(font, c) for c in CLASSES]
    except OSError as exc:      # e.g. FreeType 'invalid opcode' in hinting bytecode (ume-pgs4/pgs5/tgs5)
        raise FontError(f"{where}: FreeType cannot render it: {exc}") from exc
    for c, g in zip(CLASSES, glyphs):
        if (g > 0.5).sum() < MIN_INK_PIXELS:
            raise FontError(f"{where}: glyph {c} is blank")
        if any(g.shape == n.shape and np.abs(g - n).max() < 1e-6 for n in notdefs):
            raise FontError(f"{where}: glyph {c} renders as .notdef")
    crops = [ink_crop(g) for g in glyphs]
    designs = np.stack([design(g) for g in crops])
    for i in range(len(CLASSES)):
        for j in range(i):
            if np.abs(designs[i] - designs[j]).mean() < SAME_DESIGN:
                raise FontError(f"{where}: glyphs {CLASSES[j]} and {CLASSES[i]} are identical")
    return crops


def check_designs(faces: list[Face], glyphs: dict[Face, list[np.ndarray]]) -> float:
    """Fail on duplicate faces anywhere in the list and on test faces too close to training faces.

    Returns the smallest train-test design distance."""
    d = {f: np.stack([design(g) for g in glyphs[f]]) for f in faces}
    nearest = np.inf
    for i, a in enumerate(faces):
        for b in faces[:i]:
            dist = float(np.abs(d[a] - d[b]).mean())
            if dist < SAME_DESIGN:
                raise FontError(f"{a.name} and {b.name} have the same kana design (distance {dist:.4f}); "
                                "list one of them only")
            if a.split != b.split:
                nearest = min(nearest, dist)
                if dist < LEAK_DISTANCE:
                    raise FontError(f"{a.name} ({a.split}) is too close to {b.name} ({b.split}), "
                                    f"distance {dist:.4f}: the design would leak across the split")
    return nearest


# ----------------------------------------------------------------------------------------------- distortion

def disc(radius: int) -> np.ndarray:
    y, x = np.mgrid[-radius:radius + 1, -radius:radius + 1]
    return x * x + y * y <= radius * radius + 1e-9


def change_stroke(img: np.ndarray, radius: float, grow: bool) -> np.ndarray:
    """Grey dilation (grow) or erosion with a disc of fractional radius: blend of the two integer radii."""
    from scipy import ndimage
    op = ndimage.grey_dilation if grow else ndimage.grey_erosion
    lo = int(np.floor(radius))
    frac = radius - lo
    a = op(img, footprint=disc(lo)) if lo > 0 else img
    if frac < 1e-6:
        return a
    b = op(img, footprint=disc(lo + 1))
    return (1 - frac) * a + frac * b


def elastic(img: np.ndarray, rng: np.random.Generator, alpha: float, sigma: float) -> np.ndarray:
    """Simard et al. (2003) elastic distortion: a smoothed random displacement field, drawn at 28x28 with
    (alpha, sigma) in 28-px units, upsampled to the canvas and applied with bilinear interpolation."""
    from scipy import ndimage
    fields = []
    for _ in range(2):
        f = ndimage.gaussian_filter(rng.uniform(-1, 1, (SIZE, SIZE)), sigma, mode="constant") * alpha
        fields.append(ndimage.zoom(f, SCALE, order=1, grid_mode=True, mode="nearest") * SCALE)
    big = img.shape[0]
    rows, cols = np.mgrid[0:big, 0:big].astype(np.float64)
    return ndimage.map_coordinates(img, [rows + fields[0], cols + fields[1]], order=1, mode="constant", cval=0.0)


def distort(glyph: np.ndarray, rng: np.random.Generator, s: dict) -> np.ndarray:
    from scipy import ndimage
    big = SIZE * SCALE
    h, w = glyph.shape
    ink_long = max(h, w) - 4                                  # the crop carries 2 px padding per side
    long_side = rng.uniform(*s["size"]) * 24 * SCALE
    scale = long_side / ink_long
    aspect = np.exp(rng.uniform(-s["aspect"], s["aspect"]))
    theta = np.deg2rad(rng.uniform(-s["rotate"], s["rotate"]))
    shear = rng.uniform(-s["shear"], s["shear"])
    shift = rng.uniform(-s["shift"], s["shift"], size=2) * SCALE
    # forward map in (row, col) coordinates: scale (with aspect), shear, rotate
    S = np.diag([scale / np.sqrt(aspect), scale * np.sqrt(aspect)])
    K = np.array([[1.0, 0.0], [shear, 1.0]])
    c, si = np.cos(theta), np.sin(theta)
    R = np.array([[c, -si], [si, c]])
    A = R @ K @ S
    Ainv = np.linalg.inv(A)
    centre_in = np.array([(h - 1) / 2, (w - 1) / 2])
    centre_out = np.array([(big - 1) / 2, (big - 1) / 2]) + shift
    offset = centre_in - Ainv @ centre_out
    img = ndimage.affine_transform(glyph, Ainv, offset=offset, output_shape=(big, big), order=1,
                                   mode="constant", cval=0.0)

    delta = rng.uniform(*s["stroke"])
    ink = img > 0.5
    if ink.any():
        width = float(ndimage.distance_transform_edt(ink)[ink].mean())   # 4*mean(dt) at SCALE=4 => 28-px units
        width = width * 4 / SCALE
        if width + delta < s["min_stroke"]:
            delta = s["min_stroke"] - width
    radius = abs(delta) * SCALE / 2
    if radius > 1e-6:
        img = change_stroke(img, radius, grow=delta > 0)

    if s["elastic_alpha"] > 0:
        img = elastic(img, rng, s["elastic_alpha"], s["elastic_sigma"])
    img = img.reshape(SIZE, SCALE, SIZE, SCALE).mean(axis=(1, 3))
    sigma = rng.uniform(0, s["blur"])
    if sigma > 1e-3:
        img = ndimage.gaussian_filter(img, sigma, mode="constant")
    peak = img.max()
    if peak > 0:
        img = img * (rng.uniform(*s["peak"]) / peak)
    img = img + rng.normal(0.0, rng.uniform(0, s["noise"]), size=img.shape)
    return np.clip(np.rint(img * 255), 0, 255).astype(np.uint8)


def sample(faces: list[Face], glyphs: dict[Face, list[np.ndarray]], per_class: int, seed: int,
           label: str, setting: dict) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """per_class images of each class: round-robin over shuffled families, a uniform face within each."""
    rng = np.random.default_rng(seed)
    families: dict[str, list[Face]] = {}
    for f in faces:
        families.setdefault(f.family, []).append(f)
    names = sorted(families)
    xs, ts, used = [], [], []
    total = per_class * len(CLASSES)
    t0 = time.perf_counter()
    for k in range(len(CLASSES)):
        order: list[str] = []
        while len(order) < per_class:
            order += [names[i] for i in rng.permutation(len(names))]
        for fam in order[:per_class]:
            members = families[fam]
            face = members[rng.integers(len(members))]
            xs.append(distort(glyphs[face][k], rng, setting))
            ts.append(k)
            used.append(face.name)
            if len(xs) % 500 == 0 or len(xs) == total:
                print(f"  {label}: {len(xs)}/{total} images ({time.perf_counter() - t0:.1f} s)", flush=True)
    perm = rng.permutation(len(xs))
    return np.stack(xs)[perm], np.asarray(ts, np.uint8)[perm], [used[i] for i in perm]


# ----------------------------------------------------------------------------------------------- output

def write_npz(path: Path, arrays: dict[str, np.ndarray]) -> bytes:
    """np.savez_compressed's layout (one .npy per key, deflated) with a fixed zip date: byte-identical output."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for key, arr in arrays.items():
            member = io.BytesIO()
            np.lib.format.write_array(member, np.ascontiguousarray(arr), allow_pickle=False)
            info = zipfile.ZipInfo(key + ".npy", date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, member.getvalue())
    data = buf.getvalue()
    path.write_bytes(data)
    return data


def main(argv: list[str] | None = None) -> int:
    root = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=root / "examprep" / "datasets" / "katakana15.npz")
    ap.add_argument("--seed", type=int, default=0, help="data seed s: training rng 1000+s, test rng 2000+s")
    ap.add_argument("--elastic-alpha", type=float, default=SETTING["elastic_alpha"],
                    help="elastic distortion strength (default: the shipped setting)")
    ap.add_argument("--elastic-sigma", type=float, default=SETTING["elastic_sigma"])
    ap.add_argument("--packages", action="store_true", help="print the Debian packages needed and exit")
    ap.add_argument("--check-fonts", action="store_true", help="run the glyph checks only")
    args = ap.parse_args(argv)
    if args.packages:
        print(" ".join(packages()))
        return 0

    t_start = time.perf_counter()
    try:
        faces = resolve_faces()
        glyphs: dict[Face, list[np.ndarray]] = {}
        for i, f in enumerate(faces, 1):
            glyphs[f] = load_face(f)
            if i % 15 == 0 or i == len(faces):
                print(f"  glyph checks: {i}/{len(faces)} faces", flush=True)
        nearest = check_designs(faces, glyphs)
    except FontError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    train = [f for f in faces if f.split == "train"]
    test = [f for f in faces if f.split == "test"]
    print(f"fonts OK: {len(train)} training faces in {len({f.family for f in train})} families, "
          f"{len(test)} test faces in {len({f.family for f in test})} families; "
          f"nearest train-test design distance {nearest:.4f} ({time.perf_counter() - t_start:.1f} s)")
    if args.check_fonts:
        return 0

    setting = dict(SETTING, elastic_alpha=args.elastic_alpha, elastic_sigma=args.elastic_sigma)
    x_train, t_train, _ = sample(train, glyphs, N_TRAIN_PER_CLASS, 1000 + args.seed, "train", setting)
    x_test, t_test, _ = sample(test, glyphs, N_TEST_PER_CLASS, 2000 + args.seed, "test", setting)
    data = write_npz(args.out, {
        "x_train": x_train, "t_train": t_train, "x_test": x_test, "t_test": t_test,
        "classes": np.array(list(CLASSES), dtype="<U1"),
    })
    digest = hashlib.sha256(data).hexdigest()
    args.out.with_suffix(".sha256").write_text(f"{digest}  {args.out.name}\n")
    print(f"wrote {args.out} ({len(data) / 1e6:.2f} MB), sha256 {digest}, "
          f"{time.perf_counter() - t_start:.1f} s in all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
