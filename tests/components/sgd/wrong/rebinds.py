# expect: not_in_place
"""params[key] = params[key] - ... binds a new array: the network's layers keep the old one."""
class SGD:
    def __init__(self, lr=0.01):
        self.lr = lr

    def update(self, params, grads):
        for key in params.keys():
            params[key] = params[key] - self.lr * grads[key]
