"""`examprep capstone`'s options: checked (check), and resolved into Settings, components and data, fresh or from a
checkpoint's meta when resuming (resolve). The messages of check's keys are TEXT's (run.py shows them)."""

TEXT = {
    "bad_option": {"ja": "{name} は 1 以上にしてください。", "en": "{name} must be at least 1."},
    "bad_lr": {"ja": "--lr は正の数にしてください。", "en": "--lr must be a positive number."},
    "bad_seed": {"ja": "--seed には 0 以上の整数を指定してください。", "en": "--seed must be a whole number of at least 0."},
    "save_and_resume": {"ja": "--resume DIR はその学習のフォルダに続きを保存します。--save と同時には指定できません。",
                        "en": "--resume DIR goes on saving into that run's folder: it cannot be combined with --save."},
    "empty_data": {"ja": "--data が空です。katakana15、mnist などの名前か、ファイルのパスを指定してください。",
                   "en": "--data is empty: give a name (katakana15, mnist, ...) or a file's path."},
}


def check(args):
    """The first option out of range or in conflict with another, as (message key, fields); None when all are
    fine."""
    for name, value in (("--epochs", args.epochs), ("--batch-size", args.batch_size)):
        if value is not None and value < 1:
            return "bad_option", {"name": name}
    if args.lr is not None and not (args.lr > 0 and args.lr != float("inf")):
        return "bad_lr", {}
    if args.seed is not None and args.seed < 0:
        return "bad_seed", {}
    if args.save and args.resume:
        return "save_and_resume", {}
    if args.data is not None and not str(args.data).strip():
        return "empty_data", {}
    return None


def resolve(args, meta):
    """(Settings, components, data spec, notes) from the command line, or from a checkpoint's meta when resuming
    (only --epochs may change then; other explicit options are reported as ignored)."""
    from examprep.capstone.train import DEFAULTS, Settings

    norm_arg = getattr(args, "norm", None)
    if meta is None:
        components = args.components or "reference"
        if norm_arg is None:
            norm = "auto" if components == "mine" else DEFAULTS["norm"]  # mine: batchnorm if solved, else dropout
        else:
            norm = None if norm_arg == "none" else norm_arg
        s = Settings(epochs=args.epochs or DEFAULTS["epochs"], batch_size=args.batch_size or DEFAULTS["batch_size"],
                     lr=args.lr if args.lr is not None else DEFAULTS["lr"],
                     augment=True if args.augment is None else args.augment,
                     seed=args.seed if args.seed is not None else 0, norm=norm)
        return s, components, args.data or "katakana15", []
    s = Settings.from_json(meta["settings"])
    ignored = [name for name, given, saved in
               [("--components", args.components, meta["components"]), ("--data", args.data, meta["data"]["spec"]),
                ("--batch-size", args.batch_size, s.batch_size), ("--lr", args.lr, s.lr),
                ("--augment", args.augment, s.augment), ("--seed", args.seed, s.seed),
                ("--norm", norm_arg, "none" if s.norm is None else s.norm)]
               if given is not None and given != saved]
    if args.epochs is not None:
        s.epochs = args.epochs
    return s, meta["components"], meta["data"]["spec"], ignored
