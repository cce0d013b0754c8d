"""Formula-choice questions: "which formula is right", every option proven by evaluating it.

A family is one formula of the syllabus (softmax, cross entropy, the sigmoid's
derivative, Adam's step, the convolution output size ...). It holds the correct
formula as text with a NumPy function computing it, and the classic mutations of it
(the book's other variant, a missing square root, swapped β1/β2, a missing term ...),
each as text, a function and the slip it stands for. When a question is made, every
option is evaluated on PROOF_DRAWS seeded ordinary inputs against the *reference*
(reference.functions, reference.layers, reference.optimizers, reference.conv,
reference.init where it has the computation): the key must agree on every draw, a
distractor must disagree on every draw (a mutation that is right on ordinary inputs,
like −log Σ t·y for one-hot t, is never offered). tests/test_exam_formulas.py checks
the same against PyTorch where it has the computation.

Modules: the families by subject (outputs, training, architectures: each a FAMILIES table of inputs, reference,
key and wrong formulas) and questions (FAMILIES in their fixed order, prove(family_id) -> {option text: (agrees
on every draw, disagrees on every draw)}, formula_question(family_id, seed, set_id=None) -> Question).
"""
