# Names that are special in JavaScript are ordinary in Python: dict keys, attributes, variables and generator locals.
names = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "prototype", "length", "__defineGetter__"]
d = {}
for name in names:
    print(name, name in d, d.get(name, "missing"))
for i, name in enumerate(names):
    d[name] = i
print(d)
print(len(d), list(d)[:2], d["__proto__"], d.pop("constructor"), "constructor" in d)
try:
    {}["toString"]
except KeyError as e:
    print("KeyError", e)


class Thing:
    pass


t = Thing()
t.constructor = "c"
setattr(t, "__proto__", "p")
print(t.constructor, getattr(t, "__proto__"), sorted(k for k in vars(t)))
try:
    Thing().valueOf
except AttributeError as e:
    print(e)


def gen():
    constructor = 1
    prototype = [constructor]
    yield prototype
    toString = "s"
    yield toString


print(list(gen()))
s = {"__proto__", "length"}
print(len(s), "__proto__" in s, "valueOf" in s)
