# An import outside the runtime's supported stdlib: CPython runs it, the runtime must say `unsupported`.
import pickle


def records():
    yield {"a": 1}
    yield [1, 2]


for r in records():
    print(len(pickle.dumps(r)) > 0)
