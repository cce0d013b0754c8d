"""Fast forms of the capstone's layers, beside the book's forms in reference/.

The drills teach the book's code (reference/conv.py, reference/layers.py); the capstone trains with these. Each
class has the same constructor, forward / backward and gradient attributes as its book form, gives the same values
(tests/test_reference_fast.py compares them in float32 and float64), and says in its docstring why it is faster.

What they share:
- Memory layout. Feature maps are stored channels last, (N, H, W, C) in memory, and handed between layers as
  (N, C, H, W) views of that memory (`x.transpose(0, 3, 1, 2)`), so every layer sees the book's shapes and no layer
  copies an activation only to change its layout.
- Both cores. Every layer with enough work splits its mini-batch into parts (one per thread of
  reference.fast.parallel) and sums the parts' parameter gradients; BatchNorm combines the parts' statistics so
  that the result is the whole batch's.
- No work nobody uses: Convolution(input_grad=False) skips the input gradient of the first layer.
"""
