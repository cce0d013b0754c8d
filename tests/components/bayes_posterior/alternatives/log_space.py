"""In log space: a log-sum-exp for the evidence; MAP on log-likelihood + log-prior."""
import numpy as np


def posterior(prior, likelihood):
    log_joint = np.log(likelihood) + np.log(prior)
    m = np.max(log_joint, axis=-1, keepdims=True)
    log_evidence = m + np.log(np.sum(np.exp(log_joint - m), axis=-1, keepdims=True))
    return np.exp(log_joint - log_evidence)


def map_estimate(prior, likelihood):
    return np.argmax(np.log(likelihood) + np.log(prior), axis=-1)
