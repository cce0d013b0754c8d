# expect: values
"""Labels at every position: the loss would also be taken where nothing was hidden."""
import numpy as np


def mlm_mask(ids, mask_id, random_ids, u_select, u_action, p=0.15):
    selected = u_select < p
    inputs = ids.copy()
    inputs[selected & (u_action < 0.8)] = mask_id
    replace = selected & (u_action >= 0.8) & (u_action < 0.9)
    inputs[replace] = random_ids[replace]
    return inputs, ids.copy()
