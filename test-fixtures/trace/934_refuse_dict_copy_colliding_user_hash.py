# Copying a dict in which a key with its own __hash__ shares its hash with another key: CPython clones the table or re-inserts it key by key (comparing them), as its size decides, which the runtime does not model: refused.
class K:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 0
    def __eq__(self, o):
        print("eq", self.v)
        return self is o
d = {"a": 0}
d.update({0: 0, K(1): 1})
print(len({**d}))
