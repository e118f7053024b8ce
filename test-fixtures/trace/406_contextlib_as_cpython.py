# contextlib follows CPython's source: ExitStack.pop_all() builds type(self)() (a subclass whose __init__
# needs arguments raises TypeError), enter_context's TypeError, push() of a context manager, suppress()
# of exception groups, and the __doc__ a @contextmanager object carries.
from contextlib import ExitStack, closing, contextmanager, nullcontext, suppress


class Needs(ExitStack):
    def __init__(self, name):
        super().__init__()
        self.name = name


s = Needs('a')
s.callback(print, 'cb ran')
try:
    s.pop_all()
except TypeError as e:
    print('TypeError', e)


class Sub(ExitStack):
    pass


with Sub() as st:
    st.callback(print, 'later')
    moved = st.pop_all()
    print(type(moved).__name__)
moved.close()


class CM:
    def __init__(self, n):
        self.n = n

    def __enter__(self):
        print('enter', self.n)
        return self.n

    def __exit__(self, *exc):
        print('exit', self.n, exc[0])
        return self.n == 2


with ExitStack() as stack:
    print([stack.enter_context(CM(i)) for i in range(3)])
    raise ValueError('x')
print('suppressed by CM(2)')

try:
    with ExitStack() as stack:
        stack.enter_context(42)
except TypeError as e:
    print(e)

try:
    with ExitStack() as stack:
        stack.callback(lambda: 1 / 0)
        stack.push(CM(7))
        raise KeyError('k')
except ZeroDivisionError as e:
    print('ZeroDivisionError', repr(e.__context__))


def gen():
    try:
        yield 1
        yield 2
    finally:
        print('gen closed')


with ExitStack() as stack:
    g = stack.enter_context(closing(gen()))
    print(next(g))
    f = stack.callback(print, 'callback', 1)
    print(f is print, stack.push(lambda *a: None) is not None)

with suppress(ValueError):
    raise ExceptionGroup('eg', [ValueError(1), ValueError(2)])
print('group suppressed')
try:
    with suppress(ValueError):
        raise ExceptionGroup('eg', [ValueError(1), TypeError(2)])
except ExceptionGroup as e:
    print('rest', repr(e), e.exceptions)
with nullcontext(5) as v:
    print(v)


@contextmanager
def cm():
    """Docs of cm."""
    print('before')
    yield 1
    print('after')


@contextmanager
def nodoc():
    yield


print(cm().__doc__, nodoc().__doc__)
