"""Where the capstone's layers and optimizer come from: reference/fast/, reference/ or the learner's own answers.

`reference_parts()` takes the fast forms of reference/fast/ (what `--components reference` trains with);
`book_parts()` the book's forms of reference/ that the drills teach (the tests check that both train alike; the
benchmark times both). `learner_parts(norm)` loads each role's latest passing answer
(examprep.learn.store.latest_solution) into a fresh module, compiled with the answer's path as file name so that a
traceback points into the learner's file. Every role that has no passing answer is listed in one
MissingComponents error, with the drill that makes it; the reference is never used silently in their place.

im2col / col2im: the convolution and pooling drills are given `from reference.conv import im2col, col2im, ...`.
When the learner has passing answers of the im2col or col2im drills, those replace the given functions in their
Convolution and Pooling modules (the capstone then runs entirely on their code); otherwise the given reference
functions stay, and `Parts.source` says so ("reference (given)").

Every error raised here is a BilingualError (.ja, .en; str(exc) is the English message): `examprep capstone` prints
it with examprep.common.errors.fail.
"""
from types import SimpleNamespace

from examprep.common.errors import BilingualError
from examprep.learn import store

# role -> (class name, problem id). The order is the order of the network and of every message.
ROLES = {
    "conv": ("Convolution", "conv2d"),
    "pool": ("Pooling", "max_pooling"),
    "affine": ("Affine", "affine"),
    "relu": ("Relu", "relu_layer"),
    "spatial_batchnorm": ("SpatialBatchNormalization", "spatial_batchnorm"),   # after each convolution
    "batchnorm": ("BatchNormalization", "batchnorm"),                          # after the hidden affine
    "dropout": ("Dropout", "dropout"),
    "loss": ("SoftmaxWithLoss", "softmax_with_loss"),
    "optimizer": ("Adam", "adam"),
}
HELPERS = {"im2col": "im2col", "col2im": "col2im"}  # function name -> problem id
USES_HELPERS = ("conv", "pool")
NORMS = ("batchnorm", "dropout", None)
NORM_ROLES = {"batchnorm": ("spatial_batchnorm", "batchnorm"), "dropout": ("dropout",), None: ()}
AUTO = "auto"   # learner_parts: batchnorm if solved, else dropout if solved, else both are reported missing


class MissingComponents(BilingualError):
    """Roles the learner has no passing answer for: .missing = [(role, problem_id)]."""

    def __init__(self, missing, either_norm=False):
        self.missing = list(missing)
        self.either_norm = either_norm
        lines_ja, lines_en = [], []
        for role, pid in self.missing:
            line = f"  - {ROLES[role][0]}: examprep drill {pid}"
            either = role in NORM_ROLES["batchnorm"] and either_norm
            lines_ja.append(line + ("  (または examprep drill dropout と --norm dropout)" if either else ""))
            lines_en.append(line + ("  (or examprep drill dropout with --norm dropout)" if either else ""))
        super().__init__(
            "--components mine には、次の部品のドリルに合格した解答が必要です (参照実装で代用はしません):\n"
            + "\n".join(lines_ja)
            + "\nドリルに合格すると解答が保存されます (答えを表示しただけの合格は保存されません)。"
              "参照実装で試すなら --components reference。",
            "--components mine needs a passing drill answer for each of these components (the reference is "
            "never substituted):\n" + "\n".join(lines_en)
            + "\nPassing a drill saves your answer (a pass with revealed blanks is not saved). "
              "To train with the reference instead: --components reference.")


class ComponentLoadError(BilingualError):
    """A learner's answer file that cannot be loaded (syntax error, failing import, class missing)."""

    def __init__(self, role, path, detail):
        # detail: a str (Python's own message, shown as it is) or (en, ja) for examprep's own description.
        detail_en, detail_ja = detail if isinstance(detail, tuple) else (detail, detail)
        self.role, self.path, self.detail = role, str(path), detail_en
        name = ROLES[role][0] if role in ROLES else role
        super().__init__(f"あなたの {name} ({self.path}) を読み込めません: {detail_ja}",
                         f"cannot load your {name} ({self.path}): {detail_en}")


def reference_parts():
    """Parts made of the fast forms (reference/fast/, each checked against its book form in
    tests/test_reference_fast.py) and, where no fast form is needed, reference/ classes; .source maps every role to
    "reference". .fast: the network may skip the first layer's input gradient and apply ReLU after max pooling
    (the same numbers: max commutes with ReLU, which is monotonic), on a quarter of the values."""
    from reference.fast.conv import Convolution, Pooling
    from reference.fast.layers import Affine, Relu, SpatialBatchNormalization
    from reference.fast.optimizers import Adam
    from reference.layers import BatchNormalization, Dropout, SoftmaxWithLoss

    parts = SimpleNamespace(Convolution=Convolution, Pooling=Pooling, Affine=Affine, Relu=Relu,
                            SpatialBatchNormalization=SpatialBatchNormalization,
                            BatchNormalization=BatchNormalization, Dropout=Dropout,
                            SoftmaxWithLoss=SoftmaxWithLoss, Adam=Adam)
    parts.source = {role: "reference" for role in ROLES}
    parts.kind = "reference"
    parts.fast = True
    return parts


def book_parts():
    """Parts made of the book's forms in reference/ (what the drills teach), in the book's layer order."""
    from reference.conv import Convolution, Pooling
    from reference.layers import (Affine, BatchNormalization, Dropout, Relu, SoftmaxWithLoss,
                                  SpatialBatchNormalization)
    from reference.optimizers import Adam

    parts = SimpleNamespace(Convolution=Convolution, Pooling=Pooling, Affine=Affine, Relu=Relu,
                            SpatialBatchNormalization=SpatialBatchNormalization,
                            BatchNormalization=BatchNormalization,
                            Dropout=Dropout, SoftmaxWithLoss=SoftmaxWithLoss, Adam=Adam)
    parts.source = {role: "reference" for role in ROLES}
    parts.kind = "reference"
    parts.fast = False
    return parts


class UnknownNorm(BilingualError, ValueError):
    """A normalisation that is none of NORMS (from a damaged checkpoint's settings, say); also a ValueError, as
    before."""

    def __init__(self, norm):
        self.norm = norm
        super().__init__(f"正規化 {norm!r} はありません: batchnorm、dropout、none (正規化なし) のいずれかです。",
                         f"there is no normalisation {norm!r}: it is batchnorm, dropout or none (no normalisation).")


def needed_roles(norm):
    """The roles a network with `norm` (one of NORMS or AUTO) needs, in ROLES' order; UnknownNorm otherwise."""
    if norm == AUTO:
        norm = "batchnorm"
    if norm not in NORMS:
        raise UnknownNorm(norm)
    optional = {r for roles in NORM_ROLES.values() for r in roles}
    return [r for r in ROLES if r not in optional or r in NORM_ROLES[norm]]


def learner_parts(norm="batchnorm"):
    """Parts made of the learner's passing answers for the roles a network with `norm` needs ("auto": batchnorm
    when solved, else dropout when solved; the choice is .norm).

    Raises MissingComponents listing every role without an answer, ComponentLoadError for an answer that does not
    load. Roles the network does not need are None. .source maps role -> answer path ("im2col"/"col2im" too: a
    path, or "reference (given)")."""
    either = norm == AUTO
    if either:
        batchnorm_solved = all(store.latest_solution(ROLES[r][1]) is not None for r in NORM_ROLES["batchnorm"])
        norm = "dropout" if (not batchnorm_solved and store.latest_solution("dropout") is not None) else "batchnorm"
    roles = needed_roles(norm)
    missing = [(r, ROLES[r][1]) for r in roles if store.latest_solution(ROLES[r][1]) is None]
    if missing:
        raise MissingComponents(missing, either_norm=either)
    helpers, source = {}, {}
    for name, pid in HELPERS.items():
        text = store.latest_solution(pid)
        if text is None:
            source[name] = "reference (given)"
            continue
        path = store.solutions_dir() / f"{pid}.py"
        helpers[name] = getattr(_load(name, pid, text, path), name)
        source[name] = str(path)
    parts = SimpleNamespace(**{cls: None for cls, _ in ROLES.values()})
    for role in roles:
        cls_name, pid = ROLES[role]
        path = store.solutions_dir() / f"{pid}.py"
        module = _load(role, pid, store.latest_solution(pid), path)
        if role in USES_HELPERS:
            for name, fn in helpers.items():
                if name in module.__dict__:  # the given import: their own function replaces it
                    setattr(module, name, fn)
        setattr(parts, cls_name, getattr(module, cls_name))
        source[role] = str(path)
    parts.source = source
    parts.kind = "mine"
    parts.norm = norm
    return parts


def _load(role, pid, text, path):
    import types

    module = types.ModuleType(f"examprep_learner_{pid}")
    module.__file__ = str(path)
    try:
        code = compile(text, str(path), "exec")
    except SyntaxError as exc:
        raise ComponentLoadError(role, path, f"SyntaxError line {exc.lineno}: {exc.msg}") from None
    try:
        exec(code, module.__dict__)
    except (Exception, SystemExit) as exc:  # the learner's module-level code: report it, whatever it is
        raise ComponentLoadError(role, path, f"{type(exc).__name__}: {exc}") from None
    name = ROLES[role][0] if role in ROLES else role
    if not callable(module.__dict__.get(name)):
        raise ComponentLoadError(role, path, (f"{name} is not defined", f"{name} が定義されていません"))
    return module


class ComponentFailure(BilingualError):
    """A component that raised, returned something unusable or produced non-finite values while training.

    .role, .source (a path or "reference"), .stage ("forward", "backward", "update"), .detail; .ja, .en name the
    component and its file, and for the learner's code show where in their file it failed."""

    def __init__(self, role, source, stage, detail, where=None):
        # detail: a str (an exception's own text, shown as it is) or (en, ja) for examprep's own description.
        detail_en, detail_ja = detail if isinstance(detail, tuple) else (detail, detail)
        self.role, self.source, self.stage, self.detail, self.where = role, source, stage, detail_en, where
        name = ROLES[role][0] if role in ROLES else role
        mine = source not in (None, "reference")
        owner_ja = f"あなたの {name} ({source})" if mine else f"参照実装の {name}"
        owner_en = f"your {name} ({source})" if mine else f"the reference {name}"
        at = f"\n  {where}" if where else ""
        ja = f"{owner_ja} の {_STAGE_JA.get(stage, stage)} で問題が起きました: {detail_ja}{at}"
        en = f"{owner_en} failed in {stage}: {detail_en}{at}"
        if mine:
            ja += "\nドリルの採点は通っても、実際の学習では別の形・値が流れます。上の行を確かめてください。"
            en += ("\nIt passed its drill, but training sends other shapes and values through it: look at the "
                   "line above.")
        super().__init__(ja, en)


class TrainingDiverged(ComponentFailure):
    """Training blew up (the parameters grew huge or non-finite): the learning rate, not a component, is to blame."""

    def __init__(self, largest):
        self.role, self.source, self.stage, self.where = "optimizer", None, "update", None
        self.detail = f"largest parameter magnitude {largest:.3g}"
        BilingualError.__init__(   # not ComponentFailure's: its message names no component
            self,
            f"学習が発散しました (パラメータの絶対値が最大 {largest:.3g} まで大きくなり、値が NaN または無限大に"
            f"なりました)。部品の誤りではなく学習率が大きすぎます: --lr を 10 分の 1 にしてやり直してください。",
            f"Training diverged: the parameters grew to magnitude {largest:.3g} and the values became NaN or "
            f"infinite. That is a learning rate too large, not a faulty component: try --lr ten times smaller.")


_STAGE_JA = {"forward": "順伝播", "backward": "逆伝播", "update": "パラメータ更新", "gradients": "勾配"}


def learner_frame(exc, source):
    """'file:line: code' of the innermost traceback frame in the learner's file `source`, or None."""
    import traceback

    if not source or source == "reference":
        return None
    found = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename == source:
            found = frame
    if found is None:
        return None
    line = _source_line(source, found.lineno)
    return f"{source}:{found.lineno}: {line}" if line else f"{source}:{found.lineno}"


def _source_line(path, lineno):
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
        return lines[lineno - 1].strip()
    except (OSError, IndexError, UnicodeDecodeError):
        return None
