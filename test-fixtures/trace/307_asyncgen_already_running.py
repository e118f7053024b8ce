# Re-entering an async generator while one of its awaitables is being awaited: CPython's messages for
# anext/asend, athrow and aclose, and for resuming the frame itself while it runs.


class Pause:
    def __await__(self):
        yield 'paused'


async def slow():
    await Pause()
    yield 'item'


def attempt(label, awaitable):
    try:
        awaitable.send(None)
        print(label, 'started')
    except StopIteration as stop:
        print(label, 'value', repr(stop.value))
    except BaseException as error:
        print(label, type(error).__name__, error)


g = slow()
first = g.__anext__()
attempt('first anext', first)
attempt('second anext', g.__anext__())
attempt('asend', g.asend(None))
attempt('athrow', g.athrow(ValueError('x')))
attempt('aclose', g.aclose())
attempt('first again', first)
attempt('after', g.__anext__())


async def reenter():
    yield 'start'
    try:
        await me.__anext__()
    except BaseException as error:
        print('inside', type(error).__name__, error)
    yield 'end'

me = reenter()
attempt('one', me.__anext__())
attempt('two', me.__anext__())
