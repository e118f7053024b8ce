# sys: exc_info()/exception() inside handlers and generators, stdout as the captured stream, version_info, maxsize.
import sys


def guarded(items):
    for x in items:
        try:
            yield 10 // x
        except ZeroDivisionError:
            kind, value, tb = sys.exc_info()
            print('handled', kind.__name__, value, tb is not None, sys.exception() is value)
            yield None
    print('after', sys.exc_info(), sys.exception())


print(list(guarded([1, 0, 5])))
try:
    raise KeyError('k')
except KeyError:
    def inner():
        return sys.exc_info()[1]
    print(repr(inner()), repr(sys.exception()))
print(sys.exc_info())
sys.stdout.write('written directly\n')
print('to stdout', file=sys.stdout)
print(sys.stdout.write('abc'))
sys.stderr.write('to stderr, not stdout\n')
print('x', file=sys.stderr)
print(sys.version_info >= (3, 8), sys.version_info[:2], sys.version_info.major, sys.version_info.releaselevel, sys.version_info)
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, sys.getrecursionlimit(), sys.intern('abc'))
try:
    sys.exit(3)
except SystemExit as e:
    print('exit', e.code, repr(e))
