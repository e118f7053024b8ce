# An async generator dropped while suspended, with no event loop (so no finalizer hook): CPython closes it
# like a generator the moment its last reference goes, running its finally block then.
def step(awaitable):
    try:
        awaitable.send(None)
    except StopIteration as stop:
        return stop.value


async def resource(name):
    try:
        yield f'{name} opened'
        yield f'{name} in use'
    finally:
        print(name, 'released')


g = resource('a')
print(step(g.__anext__()))
del g
print('after del')


def use_once():
    local = resource('b')
    print(step(local.__anext__()))
    return 'returning'


print(use_once())
h = resource('c')
print(step(h.__anext__()))
h = None
print('rebound')
