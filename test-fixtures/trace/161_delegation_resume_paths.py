# Resuming a generator suspended in `yield from` after its first item: the subiterator raises, is
# caught or not by the delegating frames, returns a value mid-chain, and delegates inside try/finally.
import inspect


def leaf(items):
    for item in items:
        if item == "boom":
            raise ValueError("leaf failed at " + item)
        got = yield item
        if got is not None:
            print("leaf got", got)
    return len(items)


def middle(items):
    try:
        count = yield from leaf(items)
    except ValueError as e:
        print("middle caught", e)
        count = -1
    finally:
        print("middle finally")
    yield "after", count
    return count * 10


def top(items):
    total = yield from middle(items)
    print("top state of middle done:", total)
    return total


g = top(["a", "b", "boom", "c"])
print(next(g))
print(g.send("x"))
print(inspect.getgeneratorstate(g), g.gi_yieldfrom.__name__)
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("returned", e.value)


def shallow(items):
    yield from leaf(items)


s = shallow(["p", "boom"])
print(next(s))
try:
    next(s)
except ValueError as e:
    print("uncaught", e, e.__traceback__.tb_next.tb_frame.f_code.co_name)


def deep(n):
    if n == 0:
        while True:
            yield "bottom"
    yield from deep(n - 1)


d = deep(300)
try:
    print(next(d))
    print(next(d))
except RecursionError as e:
    print("RecursionError", e)


def ending(n):
    r = yield from range(n)
    yield ("range returned", r)


print(list(ending(3)))
