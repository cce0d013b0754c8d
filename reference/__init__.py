"""examprep's NumPy reference implementation: the single source of truth every drill is graded against.

One module per family; `<family>_conventions.py` holds the other legitimate conventions of a family's drills and
mistakes/<family>.py the classic wrong answers their problems name (problems' `conventions:` and `mistakes:`).
fast/ holds the capstone's fast forms, each checked against its book form.

1 数学的基礎: linalg (products, rank, eigen / singular value decompositions), probability (PMFs, Gaussians, MLE),
  bayes (Bayes' rule, MAP, naive Bayes), gmm (one EM step), info (entropies, KL, JS, mutual information).
2 機械学習: classical (distances, k-NN, Ridge, Lasso, logistic regression, SVM), trees (impurity, bagging,
  boosting), unsupervised (PCA, k-means), validation (k-fold), metrics and ranking_metrics (confusion matrix,
  precision / recall / F1, ROC-AUC, AP / mAP, regression metrics).
3 深層学習の基礎: functions, layers, activations, encoding, graph_nodes (the book's Mul / Add nodes), training
  (mini-batches, gradient check, early stopping), optimizers, init, regularization, conv (im2col, Convolution,
  Pooling as the book), conv_special (naive, 1x1, depthwise, grouped, dilated, transposed), resample
  (upsampling, Lp pooling), normalization, augment and augment_seq, ensemble, hyperparams; from ❷: rnn,
  time_layers, attention, seq2seq; transformer (attention, multi-head, positional encoding, blocks).
4 深層学習の応用: resnet, vit, detection, detection_heads, roi, segmentation, unet, embedding, word2vec, nlp, lm
  (GPT / BERT pieces, sampling, beam search, perplexity), audio, wavenet, ctc, autoencoder, vae, gan, diffusion,
  flows, autoregressive, rl_tabular, dqn, policy_gradient, transfer, semi_supervised, metric_learning,
  meta_learning, explain, explain_models.
5 開発・運用環境: compression (distillation, quantisation, pruning), distributed (all-reduce, FedAvg).
"""
