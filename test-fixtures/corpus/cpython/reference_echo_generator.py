# From the Python Language Reference 3.13 (Doc/reference/expressions.rst, the generator-iterator methods' example): the echo generator driven with next, send, throw and close, and yield-from delegation.
# Licence: PSF-2.0.
def echo(value=None):
    print("Execution starts when 'next()' is called for the first time.")
    try:
        while True:
            try:
                value = (yield value)
            except Exception as e:
                value = e
    finally:
        print("Don't forget to clean up when 'close()' is called.")

generator = echo(1)
print(next(generator))
print(next(generator))
print(generator.send(2))
print(repr(generator.throw(TypeError, "spam")))
generator.close()

# The same reference's yield-from delegation and return value.
def inner():
    x = yield 1
    print("inner got", x)
    return "done"

def outer():
    result = yield from inner()
    print("outer got", result)
    yield 2

g = outer()
print(next(g))
print(g.send("hello"))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
