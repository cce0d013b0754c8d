"""Two facts that code questions of different problems ask with different keys (examprep.exam.same_fact; the
eleventh examination): an exam asks each once.

- NHWC rows: the (N, out_h, out_w) row order of im2col's columns, made or undone. im2col's
  `col.transpose(0, 4, 5, 1, 2, 3)`, col2im's `col.reshape(N, out_h, out_w, C, filter_h, filter_w)...`, a conv
  layer's `out.reshape(N, out_h, out_w, -1).transpose(0, 3, 1, 2)` and `dout.transpose(0, 2, 3, 1).reshape(-1,
  C)` each hint at the others (seed 12: col2im's options printed the layout im2col's blank asked, and depthwise_conv
  asked it again);
- class indices by argmax: one-hot labels or scores to the index of their largest entry along the class axis
  (cross_entropy's `t.argmax(axis=1)` beside time_softmax_with_loss's `ts.argmax(axis=2)`, seed 13).
"""
import re

from examprep.exam.line_forms import full_line, squeeze

_NHWC_ROWS = re.compile(r"reshape\(N,out_h,out_w,|transpose\(0,4,5,1,2,3\)|transpose\(0,3,4,5,1,2\)|"
                        r"transpose\(0,2,3,1\)\.reshape\(-1,")
_ARGMAX = re.compile(r"argmax\(.*axis=")


def layout_facts(q):
    """The layout facts a code question's key asks: a subset of {"nhwc_rows", "class_argmax"}."""
    key = squeeze(getattr(q, "answer", None) or "")
    # a blank of the transpose alone with its reshape after it on the line: dilated_conv's `dout.transpose(0, 2, 3,
    # 1)` of `dout = dout.transpose(0, 2, 3, 1).reshape(-1, FN)` beside grouped_conv's `out.reshape(N, out_h, out_w,
    # -1).transpose(0, 3, 1, 2)` (the twenty-fourth examination, seed 12 Q45 / Q67: each key a distractor of the other)
    line = squeeze(full_line(q, q.answer)) if "transpose(0,2,3,1)" in key and getattr(q, "blank", None) else ""
    return ({"nhwc_rows"} if _NHWC_ROWS.search(key) or _NHWC_ROWS.search(line) else set()) | \
        ({"class_argmax"} if _ARGMAX.search(key) else set())
