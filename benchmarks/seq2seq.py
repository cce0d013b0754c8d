"""A tiny seq2seq trains: the sequence code of the drills, put together, learns to reverse digit strings.

    python benchmarks/seq2seq.py [--components reference|mine] [--epochs 8] [--samples 3000] [--length 5]
                                 [--seed 0]

The model is ゼロから作るDeep Learning ❷'s Seq2seq (chapter 7): TimeEmbedding, TimeLSTM (encoder and decoder),
TimeAffine and TimeSoftmaxWithLoss, trained with teacher forcing, Adam (lr 0.01) and gradient clipping by the
global norm (max 5.0), batch 64. The task: a question of --length digits, the answer the same digits reversed
behind a start symbol "_" ("31415" -> "_51413"); 10 % of the pairs are held out and decoded greedily.

--components reference: the classes of reference/ (reference.seq2seq and the Time layers it uses).
--components mine: your latest passing answer of the seq2seq drill (Encoder, Decoder, Seq2seq); where you also have
  passing answers of time_lstm, time_embedding, time_affine or time_softmax_with_loss, they replace the reference
  classes your seq2seq answer was given, so the whole model is yours. Each class says where it came from.

Prints the mean loss of every epoch, the held-out accuracy of whole answers (greedy decoding) after the first and
the last epoch, and whether the loss fell. The exit status is 0 when the loss fell to less than half of the first
epoch's, 1 otherwise (a check of the components working together, not of speed).
"""
import argparse
import sys
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

START = 10                    # "_": the start symbol; the digits are ids 0-9
VOCAB = 11
GIVEN = {                     # class given to the seq2seq drill -> the drill whose answer may replace it
    "TimeLSTM": "time_lstm",
    "TimeEmbedding": "time_embedding",
    "TimeAffine": "time_affine",
    "TimeSoftmaxWithLoss": "time_softmax_with_loss",
}


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--components", choices=["reference", "mine"], default="reference",
                    help="the reference classes (default) or your passing drill answers")
    ap.add_argument("--epochs", type=int, default=8, help="passes over the training pairs (default 8)")
    ap.add_argument("--samples", type=int, default=3000, help="question/answer pairs, 10%% held out (default 3000)")
    ap.add_argument("--length", type=int, default=5, help="digits per question (default 5)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    if args.epochs < 1 or args.samples < 20 or not 1 <= args.length <= 12:
        ap.error("--epochs >= 1, --samples >= 20 and 1 <= --length <= 12")
    return args


def dataset(n, length, rng):
    """(xs (n, length), ts (n, length + 1)): digits and their reversal behind the start symbol."""
    xs = rng.integers(0, 10, size=(n, length))
    ts = np.concatenate([np.full((n, 1), START), xs[:, ::-1]], axis=1)
    return xs, ts


def reference_classes():
    from reference import seq2seq

    return seq2seq.Seq2seq, {"Seq2seq": "reference"}


def learner_classes():
    """Seq2seq from the learner's latest passing seq2seq answer, its given Time layers replaced by their own
    passing answers where there are any. Raises SystemExit with a bilingual message when there is no answer."""
    from examprep.learn import store

    text = store.latest_solution("seq2seq")
    if text is None:
        raise SystemExit("seq2seq の合格した解答がありません: examprep drill seq2seq\n"
                         "no passing answer of the seq2seq drill yet: examprep drill seq2seq")
    module = _load("seq2seq", text, store.solutions_dir() / "seq2seq.py")
    source = {"Encoder, Decoder, Seq2seq": str(store.solutions_dir() / "seq2seq.py")}
    for name, pid in GIVEN.items():
        if name not in module.__dict__:
            continue
        own = store.latest_solution(pid)
        if own is None:
            source[name] = "reference (given)"
            continue
        path = store.solutions_dir() / f"{pid}.py"
        module.__dict__[name] = getattr(_load(pid, own, path), name)
        source[name] = str(path)
    if not callable(module.__dict__.get("Seq2seq")):
        raise SystemExit(f"Seq2seq が {source} にありません / Seq2seq is not defined in your seq2seq answer")
    return module.Seq2seq, source


def _load(pid, text, path):
    module = types.ModuleType(f"examprep_learner_{pid}")
    module.__file__ = str(path)
    try:
        exec(compile(text, str(path), "exec"), module.__dict__)
    except (Exception, SystemExit) as exc:  # the learner's module-level code: report it, whatever it is
        raise SystemExit(f"{path} を読み込めません / cannot load {path}: {type(exc).__name__}: {exc}") from None
    return module


def accuracy(model, xs, ts):
    """The fraction of held-out questions whose whole answer greedy decoding gets right."""
    right = 0
    for x, t in zip(xs, ts):
        guess = model.generate(x[np.newaxis, :], START, len(t) - 1)
        right += list(guess) == list(t[1:])
    return right / len(xs)


def main(argv=None):
    args = parse_args(argv)
    from reference.optimizers import Adam
    from reference.time_layers import clip_grads

    Seq2seq, source = reference_classes() if args.components == "reference" else learner_classes()
    rng = np.random.default_rng(args.seed)
    np.random.seed(args.seed)                      # the book's constructors draw with np.random.randn
    xs, ts = dataset(args.samples, args.length, rng)
    split = args.samples // 10
    x_test, t_test, x_train, t_train = xs[:split], ts[:split], xs[split:], ts[split:]
    model = Seq2seq(VOCAB, 16, 128)
    optimizer = Adam(lr=0.01)
    params = dict(enumerate(model.params))         # the reference Adam takes dicts; the arrays are the model's
    print(f"seq2seq reversing {args.length}-digit strings: {len(x_train)} training pairs, {split} held out, "
          f"V={VOCAB}, D=16, H=128, Adam lr 0.01, clip 5.0, batch 64")
    for name, where in source.items():
        print(f"  {name}: {where}")
    losses, accuracies, started = [], {}, time.perf_counter()
    batch = 64
    for epoch in range(1, args.epochs + 1):
        order = rng.permutation(len(x_train))
        total, count = 0.0, 0
        for i in range(0, len(order), batch):
            idx = order[i:i + batch]
            loss = model.forward(x_train[idx], t_train[idx])
            model.backward()
            clip_grads(model.grads, 5.0)
            optimizer.update(params, dict(enumerate(model.grads)))
            total += float(loss)
            count += 1
        losses.append(total / count)
        line = f"epoch {epoch:2d}  loss {losses[-1]:.4f}"
        if epoch in (1, args.epochs):
            accuracies[epoch] = accuracy(model, x_test, t_test)
            line += f"  held-out accuracy {accuracies[epoch]:.1%}"
        print(line, flush=True)
    fell = losses[-1] < 0.5 * losses[0]
    print(f"loss {losses[0]:.4f} -> {losses[-1]:.4f} ({losses[-1] / losses[0]:.2f} of the first epoch's); "
          f"held-out accuracy {accuracies[1]:.1%} -> {accuracies[args.epochs]:.1%}; "
          f"{time.perf_counter() - started:.1f} s")
    print("the loss fell (below half of the first epoch's)" if fell else "the loss did NOT fall below half")
    return 0 if fell else 1


if __name__ == "__main__":
    sys.exit(main())
