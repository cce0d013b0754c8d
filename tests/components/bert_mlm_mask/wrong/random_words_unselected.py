# expect: values
"""The random replacement not restricted to the selected positions."""
import numpy as np


def mlm_mask(ids, mask_id, random_ids, u_select, u_action, p=0.15):
    selected = u_select < p
    inputs = ids.copy()
    inputs[selected & (u_action < 0.8)] = mask_id
    replace = (u_action >= 0.8) & (u_action < 0.9)
    inputs[replace] = random_ids[replace]
    labels = np.where(selected, ids, -1)
    return inputs, labels
