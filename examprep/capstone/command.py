"""`examprep capstone`: argument definitions (kept free of numpy so `--help` stays fast) and the entry point.

Modules: components.py (reference or the learner's passing answers), network.py (ConvNet), train.py (loop, hold-out
validation, test report), checkpoint.py (.npz checkpoints, resume), display.py (epoch lines, curves, PNG), run.py
(this command's driver) with options.py, progress.py and report.py, data.py / dataset.py / official.py / idx.py /
npzfiles.py / augment.py / download.py (datasets).

Defaults (reference components, katakana15): 20 epochs, batch 100, Adam lr 0.002 with cosine decay to 5 %,
BatchNorm after each conv and the hidden affine, augmentation (±2 px shifts, ±10° rotations). 10 % of the training
images (stratified, seeded) are held out for validation each epoch; the test set is evaluated once at the end.
Without --save, the run folder is <data dir>/capstone/<UTC time>-<data>-<components>/ (checkpoint.npz, curves.png).

`--json` prints one object, schema "examprep.capstone/1" (keys are only ever added within the version):
    schema, components ("reference" | "mine"), source ({role: answer path | "reference"; im2col/col2im: path or
    "reference (given)"}), data ({spec, name, n_train, n_val, n_test, input_shape, classes}; n_train after the
    hold-out), settings ({epochs, batch_size, lr, augment, seed, norm, val_fraction, lr_decay}), architecture
    (ConvNet.architecture()), n_params, run_dir, checkpoint (path or null), plot (PNG path or null),
    epochs_completed, resumed_from_epoch (int or null), history ([{epoch, train_loss, train_acc, val_loss, val_acc,
    lr, seconds, images_per_second}]), test ({accuracy, n, confusion (rows true, columns predicted),
    most_confused [{true, predicted, count, rate}], per_class_accuracy {class: acc}}), passed_98, timings
    ({role: seconds in that component's forward/backward/update}), seconds (wall, including data loading and
    evaluation), peak_rss_mb (with --norm none, plus the replica processes' own peaks), notes ([{ja, en}]: what the
    data loader converted or could not verify).
Exit codes: 0 done, 1 a component failed (or its file does not load), 2 bad input (missing components, data,
checkpoint), 130 Ctrl-C (completed epochs are saved; --resume DIR continues with identical results).
"""
import argparse

DESCRIPTION = """\
Train a convolutional network written in NumPy only, on the bundled katakana15 set (15 katakana ア…ソ, 28×28,
3,000 training images) or on MNIST, Fashion-MNIST, KMNIST or your own .npz, built from the reference
components or from your own passing drill answers (--components mine).
NumPy だけで書いた CNN を学習させます。既定は同梱の katakana15 (ア〜ソ の 15 文字)。--components mine で
自分がドリルで合格した部品 (畳み込み・プーリング・Affine・ReLU・BatchNorm/Dropout・SoftmaxWithLoss・Adam) を使います。
"""

EPILOG = """\
examples / 使い方の例:
  examprep capstone                              reference components on katakana15 / 参照実装で学習
  examprep capstone --components mine            your own drill answers / 自分の部品で学習
  examprep capstone --no-augment                 see why augmentation matters / データ拡張なしと比較
  examprep capstone --data mnist --epochs 5      real handwritten digits (downloaded once) / MNIST
  examprep capstone --data course.npz            a course's data: x_train, t_train, x_test, t_test
  examprep capstone --save runs/a                checkpoint each epoch (.npz) / 各エポックで保存
  examprep capstone --resume runs/a              continue that run / 続きから学習
"""


def add_arguments(p):
    p.formatter_class = argparse.RawDescriptionHelpFormatter
    p.description = DESCRIPTION
    p.epilog = EPILOG
    p.add_argument("--components", choices=["mine", "reference"], default=None,
                   help="reference = reference/ (default); mine = your latest passing drill answers "
                        "/ 使う部品: 参照実装か自分の解答か")
    p.add_argument("--data", default=None, metavar="NAME|PATH",
                   help="katakana15 (default, bundled), mnist, fashion-mnist, kmnist, or a .npz file / folder of "
                        ".npy files with x_train, t_train, x_test, t_test / データセット")
    p.add_argument("--data-dir", metavar="DIR",
                   help="where mnist/fashion-mnist/kmnist files are (or are downloaded to) "
                        "/ データファイルの置き場所")
    p.add_argument("--epochs", type=int, default=None, metavar="N",
                   help="number of epochs (default 20; with --resume: the new total) / エポック数 (既定 20)")
    p.add_argument("--batch-size", type=int, default=None, metavar="B", help="mini-batch size (default 100) "
                                                                              "/ バッチサイズ")
    p.add_argument("--lr", type=float, default=None, metavar="LR",
                   help="Adam learning rate (default 0.002, cosine decay to 5%%) / 学習率")
    p.add_argument("--norm", choices=["batchnorm", "dropout", "none"], default=None,
                   help="BatchNorm after conv (per channel) and hidden layers (default), Dropout after the hidden "
                        "layer, or neither; with --components mine the default is batchnorm if you solved "
                        "spatial_batchnorm and batchnorm, else dropout / 正規化の種類")
    p.add_argument("--augment", action=argparse.BooleanOptionalAction, default=None,
                   help="random shifts and small rotations of each batch (default on) / データ拡張")
    p.add_argument("--seed", type=int, default=None, help="random seed (default 0) / 乱数シード")
    p.add_argument("--save", metavar="DIR", help="write a checkpoint (.npz) after every epoch / チェックポイント保存先")
    p.add_argument("--resume", metavar="DIR", help="continue the run saved in DIR / 保存した学習の再開")
    p.add_argument("--json", action="store_true", help="print the figures as JSON / 結果を JSON で出力")


def main(args):
    from examprep.capstone import run

    return run.main(args)
