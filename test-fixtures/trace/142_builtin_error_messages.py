# Messages of common built-in errors, caught and printed, as CPython words them.
def check(label, fn):
    try:
        print(label, "->", repr(fn()))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


def f(a, b=1, *, c=2):
    return a


class C:
    pass


def exec_raise():
    raise


check("index", lambda: [][0])
check("key", lambda: {}["k"])
nothing = None
check("call none", lambda: nothing())
check("int+str", lambda: 1 + "a")
check("str+int", lambda: "a" + 1)
check("len int", lambda: len(5))
check("int parse", lambda: int("x"))
check("float parse", lambda: float("x"))
check("missing arg", lambda: f())
check("too many", lambda: f(1, 2, 3))
check("bad kw", lambda: f(1, z=3))
check("dup kw", lambda: f(1, a=2))
check("attr", lambda: C().x)
check("type attr", lambda: C.x)
check("iter int", lambda: iter(5))
check("tuple assign", lambda: (1, 2).__setitem__(0, 1))
check("str mul", lambda: "ab" * 2.0)
check("join", lambda: ",".join([1, 2]))
check("dict key list", lambda: {[1]: 2})
check("sorted mixed", lambda: sorted([1, "a"]))

check("int of float str", lambda: int("1.5"))
check("chr", lambda: chr(-1))
check("list remove", lambda: [1].remove(2))
check("list index", lambda: [1].index(2))
check("str index", lambda: "abc".index("z"))
check("pop empty", lambda: [].pop())
check("dict pop", lambda: {}.pop("k"))
check("unhashable set", lambda: {[]})
check("max empty", lambda: max([]))
check("next non-iter", lambda: next(5))
five = 5
check("not callable int", lambda: five())
check("slice step 0", lambda: [1, 2][::0])
check("str item assign", lambda: "ab".__setitem__(0, "c"))
check("comparison", lambda: 1 < "a")
check("range float", lambda: range(1.5))
check("bool of gen", lambda: bool(x for x in []))
check("zip non-iterable", lambda: zip(1))
check("enumerate", lambda: enumerate(1))
check("reraise", lambda: exec_raise())

