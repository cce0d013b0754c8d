"""A loop over every position."""
import numpy as np


def mlm_mask(ids, mask_id, random_ids, u_select, u_action, p=0.15):
    inputs = np.array(ids)
    labels = np.full(ids.shape, -1, dtype=ids.dtype)
    for n in range(ids.shape[0]):
        for t in range(ids.shape[1]):
            if u_select[n, t] < p:
                labels[n, t] = ids[n, t]
                if u_action[n, t] < 0.8:
                    inputs[n, t] = mask_id
                elif u_action[n, t] < 0.9:
                    inputs[n, t] = random_ids[n, t]
    return inputs, labels
