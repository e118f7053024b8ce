# g.throw(*sys.exc_info()): the three-argument form with a real traceback (deprecated, still accepted),
# beside None as the traceback and a non-traceback third argument.
import sys


def echo():
    while True:
        try:
            received = yield
            print('got', received)
        except ValueError as error:
            print('caught ValueError', error.args)


def rethrow_into(gen, exc_type):
    try:
        raise exc_type('from a handler')
    except BaseException:
        gen.throw(*sys.exc_info())


g = echo()
next(g)
rethrow_into(g, ValueError)
g.send(1)
g.throw(ValueError, ValueError(2), None)
try:
    g.throw(ValueError, 'x', 23)
except TypeError as error:
    print('TypeError', error)
try:
    rethrow_into(g, KeyError)
except KeyError as error:
    print('KeyError escaped', error)
print(g.gi_frame)
