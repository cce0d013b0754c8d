"""Nested np.where, no in-place writes."""
import numpy as np


def mlm_mask(ids, mask_id, random_ids, u_select, u_action, p=0.15):
    sel = u_select < p
    corrupted = np.where(u_action < 0.8, mask_id, np.where(u_action < 0.9, random_ids, ids))
    return np.where(sel, corrupted, ids), np.where(sel, ids, -1)
