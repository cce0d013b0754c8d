"""Calculation questions for the mock exam: random but plausible numbers, the key computed by the reference.

Each template draws its numbers from a seeded RNG, computes the key by running the
reference where it has the computation (reference.conv.conv_output_size, the
Convolution / Affine layers' own parameter arrays, a backward pass for the receptive
field, reference.functions.softmax / cross_entropy_error, reference.optimizers.Adam /
Momentum; plain NumPy for entropy, KL and the metrics), and takes its three wrong
options from a list of classic slips (forgot the padding, off by one, forgot the bias,
log base, forgot the bias correction, precision and recall swapped ...). The four
options must differ once rounded to the precision shown; otherwise the numbers are
drawn again. A template returns a list of questions: several when they share one
scenario (a convolution layer: output size, parameters, multiply-adds; one confusion
matrix: precision, recall, F1), which then share a set_id.

Modules: question (a question from its key and slips: Redraw, calc_question), the templates by subject (cnn,
networks, outputs, optimizers, foundations, evaluation, applied) and templates (the registry: TEMPLATES,
calc_set(template_id, seed) -> [Question], calc_questions(count, seed) -> [Question], whole sets).
"""
