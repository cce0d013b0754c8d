# expect: values
"""Only the words to the right are counted."""
import numpy as np


def create_co_matrix(corpus, vocab_size, window_size=1):
    """Co-occurrence matrix C: (V, V) int32; C[w, c] counts c within window_size of w in the corpus."""
    corpus_size = len(corpus)
    co_matrix = np.zeros((vocab_size, vocab_size), dtype=np.int32)

    for idx, word_id in enumerate(corpus):
        for i in range(1, window_size + 1):
            left_idx = idx - i
            right_idx = idx + i


            if right_idx < corpus_size:
                right_word_id = corpus[right_idx]
                co_matrix[word_id, right_word_id] += 1

    return co_matrix
