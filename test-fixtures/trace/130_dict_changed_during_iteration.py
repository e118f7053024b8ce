# A generator iterating a dict that the caller changes between resumptions; exception str/repr forms.
def gen(d):
    for k in d:
        yield k


d = {"a": 1}
g = gen(d)
print(next(g))
d["b"] = 2
try:
    next(g)
except RuntimeError as e:
    print(type(e).__name__, e)
print(str(KeyError("a", "b")), repr(ValueError()), str(ValueError("x", 1)))
print(1, 2, sep="-", end="!\n")
