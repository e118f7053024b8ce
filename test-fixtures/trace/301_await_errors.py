# What `await` accepts: coroutines, __await__ iterators, types.coroutine generators; the TypeErrors otherwise.
import types


async def returns(value):
    return value


async def waits_for(thing):
    return await thing


class IterAwaitable:
    def __await__(self):
        return iter([])


class NotIterator:
    def __await__(self):
        return 5


class CoroutineAwait:
    def __await__(self):
        return returns(1).__await__()


class GivesCoroutine:
    def __init__(self):
        self.inner = returns(2)

    def __await__(self):
        return self.inner


def plain():
    yield 1


@types.coroutine
def legacy():
    got = yield 'from legacy'
    return got * 2


def drive(label, awaitable):
    coro = waits_for(awaitable)
    try:
        print(label, 'yielded', repr(coro.send(None)))
        print(label, 'then', repr(coro.send(21)))
    except StopIteration as stop:
        print(label, 'returned', repr(stop.value))
    except BaseException as error:
        print(label, type(error).__name__, error)


drive('int', 1)
drive('iter', IterAwaitable())
drive('not iterator', NotIterator())
drive('wrapper', CoroutineAwait())
gives = GivesCoroutine()
drive('coroutine from __await__', gives)
gives.inner.close()
drive('plain generator', plain())
drive('legacy', legacy())
async def agen():
    yield 1

drive('async gen', agen())


async def outer():
    inner = waits_for(legacy())
    inner.send(None)
    try:
        await inner
    except RuntimeError as error:
        print('outer', error)
    inner.close()
    return 'outer done'

drive('awaited already', outer())

for consume in (iter, next, list):
    coro = returns(0)
    try:
        consume(coro)
    except TypeError as error:
        print(consume.__name__, error)
    coro.close()
