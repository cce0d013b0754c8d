"""The other conventions of reference.policy_gradient's REINFORCE loss, for the drills' `conventions:` key.

The drill sums -log π · G over the episode, as the book's loop; the mean over the time steps (what
`torch.mean` of the per-step losses gives) is a legitimate scaling of its own, named by the grader.
"""
import numpy as np



def reinforce_loss_mean(probs_taken, returns, baseline=None):
    """-mean_t log π(a_t|s_t) (G_t - b)."""
    if baseline is not None:
        returns = returns - baseline
    return np.mean(-np.log(probs_taken) * returns)
