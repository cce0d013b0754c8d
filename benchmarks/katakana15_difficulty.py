"""How hard is katakana15? Train the three reference models on the shipped file and print a table.

    /work/venv/bin/python benchmarks/katakana15_difficulty.py [--data PATH] [--seeds 0 1 2]

Models (PyTorch, CPU, Adam lr 1e-3, batch 100, He init, final-epoch test accuracy; no early stopping on test):
  mlp        784-100-15, 60 epochs
  cnn+shift  conv3x3(16,pad1)-relu-pool2-conv3x3(32,pad1)-relu-pool2-affine100-relu-affine15, 20 epochs,
             each training image shifted by a random whole number of pixels in [-2, 2] on each axis
  cnn        the same CNN without augmentation
Targets for the capstone: mlp well below 98%, cnn+shift >= 98%, cnn < 98%. The seeds are training seeds (weight
init, batch order, shifts); the data set is the one shipped file. torch is used here only, never by examprep itself.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

DEFAULT = Path(__file__).resolve().parent.parent / "examprep" / "datasets" / "katakana15.npz"


def load(path: Path):
    d = np.load(path, allow_pickle=False)
    def prep(x):
        return torch.from_numpy(d[x].astype(np.float32) / 255.0).unsqueeze(1)
    return (prep("x_train"), torch.from_numpy(d["t_train"].astype(np.int64)),
            prep("x_test"), torch.from_numpy(d["t_test"].astype(np.int64)))


def mlp() -> nn.Module:
    return nn.Sequential(nn.Flatten(), nn.Linear(784, 100), nn.ReLU(), nn.Linear(100, 15))


def cnn() -> nn.Module:
    return nn.Sequential(
        nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(32 * 7 * 7, 100), nn.ReLU(), nn.Linear(100, 15))


def he_init(model: nn.Module) -> None:
    for m in model.modules():
        if isinstance(m, (nn.Conv2d, nn.Linear)):
            nn.init.kaiming_normal_(m.weight, nonlinearity="relu")
            nn.init.zeros_(m.bias)


def shift(x: torch.Tensor, gen: torch.Generator, k: int = 2) -> torch.Tensor:
    """Shift each image by (dy, dx) in [-k, k]^2 whole pixels, filling with background 0."""
    n, _, h, w = x.shape
    padded = nn.functional.pad(x, (k, k, k, k))
    d = torch.randint(0, 2 * k + 1, (n, 2), generator=gen)
    out = torch.empty_like(x)
    for i in range(n):
        dy, dx = int(d[i, 0]), int(d[i, 1])
        out[i] = padded[i, :, dy:dy + h, dx:dx + w]
    return out


def run(kind: str, data, seed: int, epochs: int) -> tuple[float, float, float]:
    x_tr, t_tr, x_te, t_te = data
    torch.manual_seed(seed)
    gen = torch.Generator().manual_seed(seed)
    model = mlp() if kind == "mlp" else cnn()
    he_init(model)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    t0 = time.perf_counter()
    for _ in range(epochs):
        model.train()
        perm = torch.randperm(len(x_tr), generator=gen)
        for b in range(0, len(x_tr), 100):
            idx = perm[b:b + 100]
            xb = x_tr[idx]
            if kind == "cnn+shift":
                xb = shift(xb, gen)
            opt.zero_grad()
            loss_fn(model(xb), t_tr[idx]).backward()
            opt.step()
    seconds = time.perf_counter() - t0
    model.eval()
    with torch.no_grad():
        test = (model(x_te).argmax(1) == t_te).float().mean().item() * 100
        train = (model(x_tr).argmax(1) == t_tr).float().mean().item() * 100
    return test, train, seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    ap.add_argument("--models", nargs="+", default=["mlp", "cnn+shift", "cnn"],
                    choices=["mlp", "cnn+shift", "cnn"])
    ap.add_argument("--mlp-epochs", type=int, default=60)
    ap.add_argument("--cnn-epochs", type=int, default=20)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    data = load(args.data)
    print(f"{args.data}: {len(data[0])} train, {len(data[2])} test; torch {torch.__version__}, "
          f"{args.threads} threads")
    rows = []
    for kind in args.models:
        epochs = args.mlp_epochs if kind == "mlp" else args.cnn_epochs
        accs, secs = [], []
        for seed in args.seeds:
            test, train, seconds = run(kind, data, seed, epochs)
            accs.append(test)
            secs.append(seconds)
            print(f"  {kind:9s} seed {seed}: test {test:.2f}%  train {train:.2f}%  {seconds:.1f} s", flush=True)
        rows.append((kind, epochs, accs, secs))
    print()
    print("| model | epochs | test accuracy mean | range | per seed | train time (median) |")
    print("|---|---|---|---|---|---|")
    for kind, epochs, accs, secs in rows:
        print(f"| {kind} | {epochs} | {np.mean(accs):.2f}% | {min(accs):.2f}–{max(accs):.2f} | "
              f"{', '.join(f'{a:.2f}' for a in accs)} | {np.median(secs):.1f} s |")


if __name__ == "__main__":
    main()
