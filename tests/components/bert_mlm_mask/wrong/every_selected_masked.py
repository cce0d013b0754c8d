# expect: mistake
"""Every selected token replaced by [MASK]."""
import numpy as np


def mlm_mask(ids, mask_id, random_ids, u_select, u_action, p=0.15):
    selected = u_select < p
    inputs = ids.copy()
    inputs[selected] = mask_id
    labels = np.where(selected, ids, -1)
    return inputs, labels
