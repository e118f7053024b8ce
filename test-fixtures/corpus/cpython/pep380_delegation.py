# From PEP 380 (Syntax for Delegating to a Subgenerator; Ewing) and What's New In Python 3.3 (the yield-from examples, accumulate/gather_tallies): delegation, return values, send/throw/close through a delegating generator.
# Licence: public domain (the PEP), PSF-2.0 (What's New).
def g(x):
    yield from range(x, 0, -1)
    yield from range(x)

print(list(g(5)))

def accumulate():
    tally = 0
    while 1:
        next = yield
        if next is None:
            return tally
        tally += next

def gather_tallies(tallies):
    while 1:
        tally = yield from accumulate()
        tallies.append(tally)

tallies = []
acc = gather_tallies(tallies)
next(acc)  # Ensure the accumulator is ready to accept values
for i in range(4):
    acc.send(i)
acc.send(None)  # Finish the first tally
for i in range(5):
    acc.send(i)
acc.send(None)  # Finish the second tally
print(tallies)

def inner():
    try:
        while True:
            x = yield
            print("inner got", x)
    except KeyError as e:
        print("inner caught", repr(e))
        yield "after KeyError"
    finally:
        print("inner finally")

def outer():
    r = yield from inner()
    print("never", r)

o = outer()
next(o)
o.send(1)
print(o.throw(KeyError("k")))
o.close()

def closer():
    try:
        yield 1
    except GeneratorExit:
        print("subgenerator closed")
        raise

def delegator():
    yield from closer()

d = delegator()
print(next(d))
d.close()

def returns():
    yield 1
    return "value"

def wrapper():
    v = yield from returns()
    yield v

print(list(wrapper()))
