# The states of an async generator (inspect.getasyncgenstate, ag_running, ag_suspended, ag_frame, ag_await)
# and of the coroutine driving it (getcoroutinestate, cr_await), at each step, including while the generator
# is suspended inside an await of its own (AGEN_RUNNING: one of its awaitables is being awaited).
import inspect


class Pause:
    def __await__(self):
        got = yield 'pause'
        return got


def report(label, agen):
    print(label, inspect.getasyncgenstate(agen), agen.ag_running, agen.ag_suspended,
          agen.ag_frame is not None, type(agen.ag_await).__name__)


async def ticker():
    report('inside', me)
    got = await Pause()
    print('pause gave', got)
    yield 1
    yield 2


me = ticker()
report('created', me)
a = me.__anext__()
print('first send', a.send(None))
report('awaiting', me)
print(inspect.getasyncgenlocals(me))
try:
    a.send('hello')
except StopIteration as stop:
    print('yielded', stop.value)
report('suspended', me)


async def driver():
    async for value in me:
        print('driver got', value)
        print(inspect.getcoroutinestate(d), d.cr_await)
    return 'driven'

d = driver()
print(inspect.getcoroutinestate(d), d.cr_await)
try:
    d.send(None)
except StopIteration as stop:
    print(stop.value)
report('closed', me)
print(inspect.getcoroutinestate(d), d.cr_frame, inspect.getcoroutinelocals(d))


async def outer():
    return await inner_coro()

async def inner_coro():
    return await Pause()

o = outer()
print(o.send(None), type(o.cr_await).__name__, o.cr_await.cr_await is not None)
print(inspect.getcoroutinestate(o), inspect.getcoroutinestate(o.cr_await))
try:
    o.send(7)
except StopIteration as stop:
    print('outer returned', stop.value)
