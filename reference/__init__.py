"""examprep's NumPy reference implementation: the single source of truth every drill is graded against.

Modules: functions (activations, losses, numerical gradient), layers (forward/backward
layers), conv (im2col, convolution, pooling), optimizers, init (weight initialisation);
from ゼロから作るDeep Learning ❷: rnn (RNN, LSTM, GRU and their Time layers), time_layers (TimeEmbedding,
TimeAffine, TimeSoftmaxWithLoss, clip_grads), embedding (word2vec's layers), attention (seq2seq attention),
nlp (co-occurrence, PPMI, cosine similarity, contexts and targets).
"""
