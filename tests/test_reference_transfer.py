"""reference.transfer against torch.optim.SGD with parameter groups (the frozen ones left out, the backbone at a
scaled learning rate)."""
import numpy as np
import pytest

from reference.transfer import FineTuneSGD


@pytest.mark.torch
def test_finetune_sgd_matches_torch_param_groups():
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(0)
    shapes = {"W1": (4, 3), "b1": (3,), "W2": (3, 3), "b2": (3,), "W3": (3, 2), "b3": (2,)}
    params = {k: rng.normal(size=s) for k, s in shapes.items()}
    tparams = {k: torch.tensor(v.copy(), requires_grad=True) for k, v in params.items()}
    frozen, backbone = ["W1", "b1"], ["W2", "b2"]
    for k in frozen:
        tparams[k].requires_grad_(False)
    opt = torch.optim.SGD([{"params": [tparams[k] for k in backbone], "lr": 0.1 * 0.1},
                           {"params": [tparams["W3"], tparams["b3"]]}], lr=0.1)
    mine = FineTuneSGD(lr=0.1, frozen=frozen, backbone=backbone, backbone_scale=0.1)
    start = {k: v.copy() for k, v in params.items()}
    for _ in range(4):
        grads = {k: rng.normal(size=s) for k, s in shapes.items()}
        mine.update(params, grads)
        for k, t in tparams.items():
            if t.requires_grad:
                t.grad = torch.tensor(grads[k])
        opt.step()
    for k in shapes:
        np.testing.assert_allclose(params[k], tparams[k].detach().numpy(), rtol=1e-12)
    for k in frozen:
        np.testing.assert_array_equal(params[k], start[k])
