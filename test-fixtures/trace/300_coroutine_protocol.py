# Coroutines driven by hand: send/throw/close, their states and CPython's messages for misuse.
import inspect


async def add(a, b):
    return a + b


async def chain(n):
    total = await add(n, 1)
    total = await add(total, 10)
    return total


def show(label, thunk):
    try:
        print(label, repr(thunk()))
    except BaseException as error:
        print(label, type(error).__name__, error)


c = chain(1)
print(inspect.getcoroutinestate(c), c.cr_running, c.cr_suspended, c.cr_await, c.cr_frame.f_lineno)
show('send', lambda: c.send(None))
print(inspect.getcoroutinestate(c), c.cr_frame)
show('again', lambda: c.send(None))
show('throw closed', lambda: c.throw(ValueError('late')))
show('close closed', lambda: c.close())

d = chain(5)
show('non-None', lambda: d.send(3))
show('throw fresh', lambda: d.throw(KeyError('k')))
print(inspect.getcoroutinestate(d))

e = add(1, 2)
e.close()
print(inspect.getcoroutinestate(e))
show('after close', lambda: e.send(None))


async def catcher():
    try:
        await Pause()
    except ValueError as error:
        print('caught', repr(error))
        return 'recovered'
    finally:
        print('finally of catcher')


class Pause:
    def __await__(self):
        value = yield 'paused'
        print('resumed with', value)
        return value


f = catcher()
show('first', lambda: f.send(None))
print(inspect.getcoroutinestate(f), type(f.cr_await).__name__)
show('throw in', lambda: f.throw(ValueError('boom')))
print(inspect.getcoroutinestate(f))

g = catcher()
g.send(None)
show('send through', lambda: g.send(42))

h = catcher()
h.send(None)
print('close suspended', h.close())
print(c, type(c).__name__, c.__name__, c.__qualname__)
