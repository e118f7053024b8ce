# contextlib's async pieces: @asynccontextmanager (normal exit, an exception it handles, one it lets
# through, a generator that does not stop), aclosing, and async nullcontext; the user's async generator
# is traced as contextlib drives it.
import contextlib


@contextlib.asynccontextmanager
async def managed(name):
    print('setup', name)
    try:
        yield name.upper()
    except ValueError as error:
        print('handled', repr(error))
    finally:
        print('teardown', name)


@contextlib.asynccontextmanager
async def twice():
    yield 1
    yield 2


@contextlib.asynccontextmanager
async def never():
    if False:
        yield


async def ticks(n):
    try:
        for i in range(n):
            yield i
    finally:
        print('ticks closed')


async def main():
    async with managed('a') as value:
        print('body', value)
    async with managed('b'):
        raise ValueError('inside b')
    try:
        async with managed('c'):
            raise KeyError('inside c')
    except KeyError as error:
        print('propagated', repr(error))
    for cm in (twice(), never()):
        try:
            async with cm as v:
                print('got', v)
        except RuntimeError as error:
            print('RuntimeError', error)
    async with contextlib.aclosing(ticks(5)) as t:
        async for i in t:
            if i == 2:
                break
            print('tick', i)
    async with contextlib.nullcontext('nothing') as n:
        print(n)

    @managed('decorated')
    async def work():
        print('working')
        return 'result'

    print(await work())
    return 'done'


c = main()
try:
    c.send(None)
except StopIteration as stop:
    print(stop.value)
