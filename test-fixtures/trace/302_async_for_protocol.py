# `async for` over hand-written async iterators: __aiter__/__anext__, StopAsyncIteration, else, break,
# continue, and the TypeErrors for objects that are not async iterables.


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        print('aiter')
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


class Ticks:
    """__anext__ returning an awaitable that is not a coroutine."""
    def __init__(self):
        self.i = 0

    def __aiter__(self):
        return self

    def __anext__(self):
        self.i += 1
        if self.i > 3:
            raise StopAsyncIteration
        return Ready(self.i * 10)


class Ready:
    def __init__(self, value):
        self.value = value

    def __await__(self):
        if False:
            yield
        return self.value


class NoAnext:
    def __aiter__(self):
        return 1


class BadAnext:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 5


async def consume():
    async for i in Countdown(3):
        print('countdown', i)
    else:
        print('countdown else')
    async for i in Countdown(5):
        if i == 3:
            continue
        if i == 1:
            break
        print('kept', i)
    else:
        print('not reached')
    async for value in Ticks():
        print('tick', value)
    for bad in (1, NoAnext(), BadAnext()):
        try:
            async for x in bad:
                print('never', x)
        except TypeError as error:
            print(type(bad).__name__, error, repr(error.__cause__))
    return 'consumed'


c = consume()
try:
    c.send(None)
except StopIteration as stop:
    print(stop.value)
