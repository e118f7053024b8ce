# Catching GeneratorExit and returning is a clean close; catching it and continuing to a yield is not.
def returns_quietly():
    try:
        yield 1
    except GeneratorExit:
        print("handled GeneratorExit")


def falls_through():
    try:
        yield 1
    except BaseException as e:
        print("caught", type(e).__name__)
    yield 2


a = returns_quietly()
next(a)
print(a.close())
b = falls_through()
next(b)
try:
    b.close()
except RuntimeError as e:
    print(type(e).__name__, e)
print(next(b, "finished"))
