# `async with`: __aenter__/__aexit__ awaited in order, suppression by a true __aexit__ result, return and
# break through the block, nested managers, and the protocol errors.


class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        print('enter', self.name)
        return self.name.upper()

    async def __aexit__(self, exc_type, exc, tb):
        print('exit', self.name, exc_type.__name__ if exc_type else None, repr(exc), tb is not None)
        return self.suppress


class NoExit:
    async def __aenter__(self):
        return 1


class SyncOnly:
    def __enter__(self):
        return 1

    def __exit__(self, *args):
        return False


class EnterNotAwaitable:
    def __aenter__(self):
        return 3

    async def __aexit__(self, *args):
        return False


class ExitNotAwaitable:
    async def __aenter__(self):
        return 4

    def __aexit__(self, *args):
        return None


async def early(n):
    async with Resource('r%d' % n) as value:
        if n > 0:
            return value + '!'
    return 'fell through'


async def main():
    async with Resource('a') as a, Resource('b') as b:
        print('body', a, b)
    async with Resource('quiet', suppress=True):
        raise ValueError('swallowed')
    try:
        async with Resource('loud'):
            raise KeyError('escapes')
    except KeyError as error:
        print('caught', repr(error))
    print(await early(0), await early(1))
    for i in range(3):
        async with Resource('loop%d' % i):
            if i == 1:
                break
    for bad in (NoExit(), SyncOnly(), EnterNotAwaitable(), ExitNotAwaitable(), 5):
        try:
            async with bad:
                print('inside', type(bad).__name__)
        except TypeError as error:
            print(type(bad).__name__, error)
    return 'done'


c = main()
try:
    c.send(None)
except StopIteration as stop:
    print(stop.value)
