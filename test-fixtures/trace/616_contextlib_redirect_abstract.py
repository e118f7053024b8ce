# contextlib: redirect_stdout/redirect_stderr into StringIO around generator output, AbstractContextManager,
# ContextDecorator, and isinstance against the abstract context managers.
import io
import sys
from contextlib import (AbstractContextManager, ContextDecorator, contextmanager, nullcontext, redirect_stderr,
                        redirect_stdout, suppress)


def chatter(n):
    for i in range(n):
        print('tick', i)
        yield i


buf = io.StringIO()
with redirect_stdout(buf) as target:
    total = sum(chatter(3))
    print('inside', target is buf)
print('captured:', repr(buf.getvalue()), total)
err = io.StringIO()
with redirect_stderr(err):
    print('to stderr', file=sys.stderr)
print(repr(err.getvalue()))
outer, inner = io.StringIO(), io.StringIO()
with redirect_stdout(outer):
    print('a')
    with redirect_stdout(inner):
        print('b')
    print('c')
print(repr(outer.getvalue()), repr(inner.getvalue()))


class Timer(AbstractContextManager):
    def __init__(self):
        self.log = []

    def __exit__(self, *exc):
        self.log.append('exit')
        return False


with Timer() as t:
    t.log.append('body')
print(t.log, isinstance(t, AbstractContextManager), isinstance(nullcontext(), AbstractContextManager),
      isinstance(io.StringIO(), AbstractContextManager), isinstance(3, AbstractContextManager))


class traced(ContextDecorator):
    def __enter__(self):
        print('enter')
        return self

    def __exit__(self, *exc):
        print('exit', exc[0].__name__ if exc[0] else None)
        return False


@traced()
def work(x):
    print('work', x)
    return x * 2


print(work(4))


@contextmanager
def tag(name):
    print(f'<{name}>')
    yield
    print(f'</{name}>')


@tag('p')
def para():
    print('text')


para()
with suppress(ZeroDivisionError), redirect_stdout(io.StringIO()):
    print('hidden')
    1 / 0
print('done')
try:
    class Bad(AbstractContextManager):
        pass
    Bad()
except TypeError as e:
    print(e)
