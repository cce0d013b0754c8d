"""SGD iterating over params.items(), updating each array in place with -=."""
class SGD:
    def __init__(self, lr=0.01):
        self.lr = lr

    def update(self, params, grads):
        for key, p in params.items():
            p -= self.lr * grads[key]
