# expect: mutates_input
"""inputs = ids without a copy: the caller's ids are corrupted too."""
import numpy as np


def mlm_mask(ids, mask_id, random_ids, u_select, u_action, p=0.15):
    selected = u_select < p
    labels = np.where(selected, ids, -1)
    inputs = ids
    inputs[selected & (u_action < 0.8)] = mask_id
    replace = selected & (u_action >= 0.8) & (u_action < 0.9)
    inputs[replace] = random_ids[replace]
    return inputs, labels
