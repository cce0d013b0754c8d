"""The capstone's CNN, assembled from a Parts namespace (reference or the learner's components).

conv3x3(channels[0], pad 1) [-BN] -ReLU -maxpool2 -conv3x3(channels[1], pad 1) [-BN] -ReLU -maxpool2
-affine(hidden) [-BN] -ReLU [-Dropout] -affine(n_classes) -SoftmaxWithLoss

The BN after a convolution is per channel (role spatial_batchnorm, SpatialBatchNormalization), the one after the
hidden affine per feature (role batchnorm, BatchNormalization). With the fast forms (parts.fast, reference/fast/)
the first convolution skips the images' gradient and ReLU follows max pooling (identical numbers, a quarter of the
values); the learner's components run in the book's order.

Layers receive the parameter arrays of `params` (the book's design: the optimizer updates them in place). Every
call into a component goes through one guard that names the component (and the line of the learner's file) when it
raises or returns something of the wrong shape; non-finite losses and gradients are traced back to the first layer
whose output was not finite (`diagnose`). Per-role wall time is accumulated in `timings` (seconds), so a slow
component can be named.

Replicas (fast forms, no normalisation): a training step's batch is split into parts (reference.fast.parallel), each
run through its own copy of the layers, which share the parameter arrays, from the loss down to the first layer on its
own thread; the parameter gradients are summed at the end. That is the whole-batch step (the loss is the batch mean,
so each part's upstream gradient is scaled by its share of the batch): the same numbers up to float rounding. One
meeting point a step instead of one per layer, and every layer's work (ReLU, affine, loss too) on both cores. Not with
BatchNorm, whose statistics are the whole batch's (its layers split their own work and combine the statistics), nor
with Dropout (masks drawn from np.random on two threads would make a run depend on their timing), nor with the
learner's components (whose code may not be safe to run twice at once).
"""
import contextlib
import threading
import time
from dataclasses import dataclass, field

import numpy as np

from examprep.capstone import replicas
from examprep.capstone.components import ComponentFailure, TrainingDiverged, UnknownNorm, learner_frame
from reference.conv import conv_output_size  # shape arithmetic only: no layer of the reference
from reference.fast import parallel

DIVERGED = 1e6   # a parameter this large (He-initialised weights are below 1): training has blown up


@dataclass
class Entry:
    name: str                 # "conv1", "bn1", "relu1", ...
    role: str                 # components.ROLES key
    layer: object
    params: dict = field(default_factory=dict)   # attribute -> params key, e.g. {"W": "W1", "b": "b1"}
    train_flag: bool = False  # forward(x, train_flg=...)
    out_shape: tuple = ()     # per sample
    in_shape: tuple = ()      # per sample
    build: object = None      # () -> a new layer over the same parameter arrays (a replica's copy)


class ConvNet:
    def __init__(self, parts, input_shape=(1, 28, 28), n_classes=15, channels=(16, 32), hidden=100,
                 norm="batchnorm", dtype=np.float32, rng=None, dropout_ratio=0.3):
        if norm not in ("batchnorm", "dropout", None):
            raise UnknownNorm(norm)
        rng = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)
        self.parts, self.norm, self.dtype = parts, norm, np.dtype(dtype)
        self.input_shape, self.n_classes = tuple(int(s) for s in input_shape), int(n_classes)
        self.channels, self.hidden, self.dropout_ratio = tuple(int(c) for c in channels), int(hidden), dropout_ratio
        self.source = dict(getattr(parts, "source", {}))
        self.params, self.grads = {}, {}
        self.layers = []
        self.timings = {}
        self._thread = threading.local()   # .timings: where a replica's part adds its times (None: self.timings)
        self._replicas = []                # [(layers, last)] for parts 1, 2, ... (part 0 runs self.layers)
        self._parts = None                 # the last loss()'s [(lo, hi)] when it ran split into replicas
        self.upcasts = {}    # role -> dtype name a component returned instead of self.dtype (cast back; run.py says so)
        fast = getattr(parts, "fast", False)
        self.replicable = fast and norm is None
        self._processes = None             # replicas.Replicas: worker processes, when the platform can fork

        c, h, w = self.input_shape
        smallest = 2 ** len(self.channels)
        if h < smallest or w < smallest:
            raise ValueError(f"images of {h}×{w} are too small for {len(self.channels)} 2×2 poolings: at least "
                             f"{smallest}×{smallest} / 画像が小さすぎます (最小 {smallest}×{smallest})")
        for i, ch in enumerate(self.channels, start=1):
            W = rng.normal(0.0, np.sqrt(2.0 / (c * 9)), size=(ch, c, 3, 3))
            conv_kwargs = {"stride": 1, "pad": 1}
            if fast and i == 1:
                conv_kwargs["input_grad"] = False   # nobody uses the gradient of the images
            self._add(f"conv{i}", "conv", parts.Convolution, {"W": f"W{i}", "b": f"b{i}"},
                      [W, np.zeros(ch)], (ch, h, w), kwargs=conv_kwargs)
            if norm == "batchnorm":
                self._add(f"bn{i}", "spatial_batchnorm", parts.SpatialBatchNormalization,
                          {"gamma": f"gamma{i}", "beta": f"beta{i}"}, [np.ones(ch), np.zeros(ch)], (ch, h, w),
                          train_flag=True)
            pooled = (conv_output_size(h, 2, 2), conv_output_size(w, 2, 2))
            relu = (f"relu{i}", "relu", parts.Relu, {}, [], (ch, h, w))
            if fast:   # ReLU after pooling: the same numbers (max commutes with ReLU) on a quarter of the values
                relu = relu[:-1] + ((ch,) + pooled,)
            else:
                self._add(*relu)
            h, w = pooled
            self._add(f"pool{i}", "pool", parts.Pooling, {}, [], (ch, h, w), kwargs={"pool_h": 2, "pool_w": 2,
                                                                                       "stride": 2})
            if fast:
                self._add(*relu)
            c = ch
        k = len(self.channels) + 1
        flat = c * h * w
        self._add(f"affine{k}", "affine", parts.Affine, {"W": f"W{k}", "b": f"b{k}"},
                  [rng.normal(0.0, np.sqrt(2.0 / flat), size=(flat, self.hidden)), np.zeros(self.hidden)],
                  (self.hidden,))
        if norm == "batchnorm":
            self._add(f"bn{k}", "batchnorm", parts.BatchNormalization, {"gamma": f"gamma{k}", "beta": f"beta{k}"},
                      [np.ones(self.hidden), np.zeros(self.hidden)], (self.hidden,), train_flag=True)
        self._add(f"relu{k}", "relu", parts.Relu, {}, [], (self.hidden,))
        if norm == "dropout":
            self._add(f"dropout{k}", "dropout", parts.Dropout, {}, [], (self.hidden,), train_flag=True,
                      kwargs={"dropout_ratio": dropout_ratio})
        k += 1
        self._add(f"affine{k}", "affine", parts.Affine, {"W": f"W{k}", "b": f"b{k}"},
                  [rng.normal(0.0, np.sqrt(2.0 / self.hidden), size=(self.hidden, self.n_classes)),
                   np.zeros(self.n_classes)], (self.n_classes,))
        self.last = Entry("loss", "loss", self._construct("loss", parts.SoftmaxWithLoss, [], {}),
                          build=lambda: self._construct("loss", parts.SoftmaxWithLoss, [], {}))
        self.scores = None   # the last loss()'s scores (N, n_classes)

    # construction -------------------------------------------------------------------------------------------------
    def _add(self, name, role, cls, param_names, values, out_shape, train_flag=False, kwargs=None):
        arrays = [np.asarray(v, dtype=self.dtype) for v in values]
        if self.replicable and replicas.available() and param_names:
            # parameters in shared memory: replica processes read the optimizer's in-place updates
            arrays = [self._shared(a) for a in arrays]
        for attr, arr in zip(param_names.values(), arrays):
            self.params[attr] = arr
        kwargs = kwargs or {}
        layer = self._construct(role, cls, arrays, kwargs)
        in_shape = self.layers[-1].out_shape if self.layers else self.input_shape
        self.layers.append(Entry(name, role, layer, dict(param_names), train_flag, tuple(out_shape), in_shape,
                                 build=lambda: self._construct(role, cls, arrays, kwargs)))

    @staticmethod
    def _shared(a):
        out = replicas.shared_array(a.shape, a.dtype)
        out[...] = a
        return out

    def _construct(self, role, cls, args, kwargs):
        if cls is None:
            raise ComponentFailure(role, self.source.get(role), "forward", ("component missing", "部品がありません"))
        try:
            return cls(*args, **kwargs)
        except (Exception, SystemExit) as exc:
            raise self.component_failure(role, "__init__", exc) from exc

    def component_failure(self, role, stage, exc, layer=None):
        source = self.source.get(role, "reference")
        where = f"[{layer}] " if layer and layer != "loss" else ""
        return ComponentFailure(role, source, stage, f"{where}{type(exc).__name__}: {exc}", learner_frame(exc, source))

    # running --------------------------------------------------------------------------------------------------------
    def _call(self, entry, stage, fn, *args, **kwargs):
        t0 = time.perf_counter()
        try:
            out = fn(*args, **kwargs)
        except ComponentFailure:
            raise
        except (Exception, SystemExit) as exc:  # SystemExit: exit() in their code must not end examprep silently
            raise self.component_failure(entry.role, stage, exc, entry.name) from exc
        timings = getattr(self._thread, "timings", None)
        timings = self.timings if timings is None else timings
        timings[entry.role] = timings.get(entry.role, 0.0) + time.perf_counter() - t0
        return out

    def _check_shape(self, entry, stage, out, expected):
        if not isinstance(out, np.ndarray) or out.shape != expected:
            got = f"shape {out.shape}" if isinstance(out, np.ndarray) else type(out).__name__
            raise ComponentFailure(entry.role, self.source.get(entry.role, "reference"), stage,
                                   (f"{entry.name} returned {got}, expected shape {expected}",
                                    f"{entry.name} の出力が {got} (期待する形は {expected})"))

    def _same_dtype(self, entry, a):
        """a in the network's dtype. dtype is advice, not a verdict: a component that computes in float64 for
        float32 input (the book's np.zeros without a dtype does) is right, so its result is cast back to float32
        and the role noted in self.upcasts; the cost is its own float64 work (twice the bytes moved, matrix
        products about twice as slow) and one copy per call."""
        if isinstance(a, np.ndarray) and a.dtype.kind == "f" and a.dtype.itemsize > self.dtype.itemsize:
            self.upcasts.setdefault(entry.role, a.dtype.name)
            return a.astype(self.dtype)
        return a

    def forward(self, x, train=True, check_finite=False):
        """Scores (N, n_classes) for x (N, C, H, W)."""
        return self._forward(self.layers, x, train, check_finite)

    def _forward(self, layers, x, train=True, check_finite=False):
        for entry in layers:
            kwargs = {"train_flg": train} if entry.train_flag else {}
            out = self._call(entry, "forward", entry.layer.forward, x, **kwargs)
            self._check_shape(entry, "forward", out, (x.shape[0],) + entry.out_shape)
            out = self._same_dtype(entry, out)
            if check_finite and np.all(np.isfinite(x)) and not np.all(np.isfinite(out)):
                raise self._nonfinite(entry, "forward")
            x = out
        return x

    def _loss_value(self, value):
        try:
            value = float(np.asarray(value).reshape(-1)[0]) if np.size(value) == 1 else None
        except (TypeError, ValueError):
            value = None
        if value is None:
            raise ComponentFailure("loss", self.source.get("loss", "reference"), "forward",
                                   ("the loss is not a single number", "損失が 1 つの数ではありません"))
        return value

    def loss(self, x, t, train=True):
        parts = self._split(x.shape[0]) if train else None
        self._parts = parts
        if parts is None:
            scores = self.forward(x, train)
            self.scores = scores
            return self._loss_value(self._call(self.last, "forward", self.last.layer.forward, scores, t))
        if replicas.available():
            return self._loss_in_processes(x, t, parts)

        def part(lo, hi):
            layers, last = self._replica(parts.index((lo, hi)))
            with self._part_timings(lo):
                scores = self._forward(layers, x[lo:hi], True)
                return scores, self._loss_value(self._call(last, "forward", last.layer.forward, scores, t[lo:hi]))

        results = parallel.run(part, x.shape[0])
        self.scores = np.concatenate([scores for scores, _ in results])
        return sum((hi - lo) * value for (lo, hi), (_, value) in zip(parts, results)) / x.shape[0]

    def backward(self):
        if self._parts is None:
            self.grads.update(self._backward(self.layers, self.last))
            return
        parts, n = self._parts, self._parts[-1][1]
        if replicas.available():
            self._backward_in_processes(parts, n)
            return

        def part(lo, hi):
            layers, last = self._replica(parts.index((lo, hi)))
            with self._part_timings(lo):
                return self._backward(layers, last, scale=(hi - lo) / n)

        self._sum_grads(parallel.run(part, n))

    def _sum_grads(self, results):
        for key in results[0]:
            total = results[0][key]
            for more in results[1:]:
                total = total + more[key]
            self.grads[key] = total

    def _loss_in_processes(self, x, t, parts):
        """Part 0 here, parts 1.. in the replica processes (started on first use: forks of this process)."""
        workers = len(parts) - 1
        if self._processes is None or len(self._processes) < workers:
            if self._processes is not None:
                self._processes.close()
            parallel.limit_blas()    # one BLAS thread per process (inherited): idle BLAS threads spin on the cores
            self._processes = replicas.Replicas(self, workers)
        n = x.shape[0]
        self._processes.begin()
        for i, (lo, hi) in enumerate(parts[1:]):
            self._processes.start(i, x[lo:hi], t[lo:hi], (hi - lo) / n)
        lo, hi = parts[0]
        with parallel.unsplit():              # the other cores run the other parts
            scores = self._forward(self.layers, x[lo:hi], True)
            value = self._loss_value(self._call(self.last, "forward", self.last.layer.forward, scores, t[lo:hi]))
        values, all_scores = [(hi - lo) * value], [scores]
        for i, (lo, hi) in enumerate(parts[1:]):
            value_i, scores_i = self._processes.loss(i)
            values.append((hi - lo) * value_i)
            all_scores.append(scores_i)
        self.scores = np.concatenate(all_scores)
        return sum(values) / n

    def _backward_in_processes(self, parts, n):
        lo, hi = parts[0]
        with parallel.unsplit():
            own = self._backward(self.layers, self.last, scale=(hi - lo) / n)
        # a step interrupted here (an error, Ctrl-C) leaves answers in the pipes: the next step skips them
        self._sum_grads([own] + [self._processes.gradients(i) for i in range(len(parts) - 1)])

    def _backward(self, layers, last, scale=None):
        """{params key: gradient} of one run of the layers; scale: this part's share of the batch (its loss layer
        divides by the part's size, the whole batch's by the batch's)."""
        dout = self._same_dtype(last, self._call(last, "backward", last.layer.backward))
        if scale is not None:
            dout = dout * np.asarray(scale, dtype=dout.dtype)
        grads = {}
        for entry in reversed(layers):
            new = self._call(entry, "backward", entry.layer.backward, dout)
            # a fast first layer skips the images' gradient (input_grad=False) and returns None
            if not (new is None and entry is layers[0] and getattr(entry.layer, "input_grad", True) is False):
                self._check_shape(entry, "backward", new, (dout.shape[0],) + entry.in_shape)
                new = self._same_dtype(entry, new)
            dout = new
            for attr, key in entry.params.items():
                g = getattr(entry.layer, "d" + attr, None)
                if not isinstance(g, np.ndarray) or g.shape != self.params[key].shape:
                    got = f"shape {g.shape}" if isinstance(g, np.ndarray) else repr(type(g).__name__)
                    raise ComponentFailure(entry.role, self.source.get(entry.role, "reference"), "backward",
                                           (f"{entry.name}.d{attr} is {got}, expected shape "
                                            f"{self.params[key].shape}",
                                            f"{entry.name}.d{attr} が {got} (期待する形は {self.params[key].shape})"))
                grads[key] = self._same_dtype(entry, g)
        return grads

    # replicas -------------------------------------------------------------------------------------------------------
    def _split(self, n):
        """The parts [(lo, hi)] a training step of n images runs in, or None to run it whole."""
        if not self.replicable:
            return None
        parts = parallel.split(n)
        return parts if len(parts) > 1 else None

    def _replica(self, i):
        """(layers, loss entry) of part i: self's for part 0, else copies of the layers over the same parameters."""
        if i == 0:
            return self.layers, self.last
        while len(self._replicas) < i:
            copy = [Entry(e.name, e.role, e.build(), e.params, e.train_flag, e.out_shape, e.in_shape, e.build)
                    for e in self.layers]
            self._replicas.append((copy, Entry("loss", "loss", self.last.build(), build=self.last.build)))
        return self._replicas[i - 1]

    @contextlib.contextmanager
    def _part_timings(self, lo):
        """Part 0 (the calling thread) adds its times to self.timings; the others' are not counted: the parts run
        at the same time, so one part's times are the step's."""
        self._thread.timings = None if lo == 0 else {}
        try:
            yield
        finally:
            self._thread.timings = None

    def diagnose(self, x, t):
        """After a non-finite loss or gradient: run the batch again checking every layer's output and gradient, and
        raise ComponentFailure naming the first layer that turned finite values into non-finite ones."""
        largest = max(float(np.max(np.abs(p))) if np.all(np.isfinite(p)) else np.inf for p in self.params.values())
        if largest > DIVERGED:
            return TrainingDiverged(largest)
        scores = self.forward(x, True, check_finite=True)
        value = self._call(self.last, "forward", self.last.layer.forward, scores, t)
        if not np.all(np.isfinite(value)):
            return self._nonfinite(self.last, "forward")
        dout = self._call(self.last, "backward", self.last.layer.backward)
        if not np.all(np.isfinite(dout)):
            return self._nonfinite(self.last, "backward")
        for entry in reversed(self.layers):
            new = self._call(entry, "backward", entry.layer.backward, dout)
            grads_ok = all(np.all(np.isfinite(getattr(entry.layer, "d" + a))) for a in entry.params)
            if (new is not None and not np.all(np.isfinite(new))) or not grads_ok:
                return self._nonfinite(entry, "backward")
            dout = new
        return None

    def _nonfinite(self, entry, stage):
        return ComponentFailure(entry.role, self.source.get(entry.role, "reference"), stage,
                                (f"{entry.name} turned finite inputs into NaN or infinite values",
                                 f"{entry.name} が有限の入力から NaN または無限大を出しました"))

    def predict(self, x, batch_size=100):
        """Scores in inference mode (BatchNorm running statistics, Dropout scaling), in batches."""
        out = np.empty((x.shape[0], self.n_classes), dtype=self.dtype)
        for i in range(0, x.shape[0], batch_size):
            out[i:i + batch_size] = self.forward(x[i:i + batch_size], train=False)
        return out

    def accuracy(self, x, t, batch_size=100):
        if x.shape[0] == 0:
            return float("nan")
        return float(np.mean(np.argmax(self.predict(x, batch_size), axis=1) == t))

    def architecture(self):
        return {"type": "ConvNet", "input_shape": list(self.input_shape), "n_classes": self.n_classes,
                "channels": list(self.channels), "hidden": self.hidden, "norm": self.norm,
                "dropout_ratio": self.dropout_ratio if self.norm == "dropout" else None,
                "dtype": self.dtype.name, "layers": [e.name for e in self.layers] + ["loss"],
                "params": {k: list(v.shape) for k, v in self.params.items()}}

    def replicas_peak_mb(self):
        """Peak memory of the replica processes (MB), 0 without them."""
        return self._processes.peak_rss_mb() if self._processes is not None else 0.0

    def n_params(self):
        return int(sum(v.size for v in self.params.values()))
