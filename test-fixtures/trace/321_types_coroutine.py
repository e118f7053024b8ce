# Generator-based coroutines: types.coroutine marks a generator function awaitable; its generator is a
# generator (traced as one) that may `yield from` a coroutine, and the plain generator may not.
import inspect
import types


@types.coroutine
def ticks(n):
    for i in range(n):
        received = yield f'tick {i}'
        print('tick got', received)
    return n


async def native(n):
    return await ticks(n)


@types.coroutine
def bridge():
    value = yield from native(2)
    return value * 10


def plain(coro):
    yield from coro


async def main():
    result = await bridge()
    print('bridge returned', result)
    return result


print(inspect.isgeneratorfunction(ticks), inspect.iscoroutinefunction(ticks), inspect.isawaitable(ticks(1)))
c = main()
print(c.send(None))
print(c.send('a'))
try:
    c.send('b')
except StopIteration as stop:
    print('main returned', stop.value)
n = native(1)
p = plain(n)
try:
    next(p)
except TypeError as error:
    print('TypeError', error)
n.close()
print(types.coroutine(native) is native)
try:
    types.coroutine(5)
except TypeError as error:
    print('TypeError', error)
print(types.CoroutineType, types.AsyncGeneratorType, type(c) is types.CoroutineType)
