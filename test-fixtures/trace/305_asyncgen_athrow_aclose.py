# athrow and aclose on async generators: handled and unhandled throws, the deprecated (type, value) form,
# finally blocks, an aclose() the generator ignores, and awaitables that cannot be reused.


async def guarded():
    try:
        yield 'first'
        yield 'second'
    except ValueError as error:
        print('guarded caught', repr(error))
        yield 'after catch'
    finally:
        print('guarded finally')


async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print('ignoring GeneratorExit')
        yield 2


async def await_in_finally():
    try:
        yield 'x'
    finally:
        await Nothing()
        print('finally awaited')


class Nothing:
    def __await__(self):
        return iter(())


def run(label, awaitable):
    try:
        while True:
            awaitable.send(None)
    except StopIteration as stop:
        print(label, '->', repr(stop.value))
    except BaseException as error:
        print(label, 'raised', type(error).__name__, repr(error))


g = guarded()
run('anext', g.__anext__())
run('athrow ValueError', g.athrow(ValueError('v')))
run('athrow KeyError', g.athrow(KeyError('k')))
run('anext after', g.__anext__())
run('athrow closed', g.athrow(ValueError('late')))
run('aclose closed', g.aclose())

h = guarded()
run('anext', h.__anext__())
run('athrow 2-arg', h.athrow(ValueError, ValueError('old style')))
run('aclose', h.aclose())

s = stubborn()
run('anext', s.__anext__())
run('aclose stubborn', s.aclose())

w = await_in_finally()
run('anext', w.__anext__())
run('aclose awaiting', w.aclose())

fresh = guarded()
run('athrow fresh', fresh.athrow(RuntimeError('at start')))
run('anext fresh', fresh.__anext__())

again = guarded()
closer = again.aclose()
run('aclose unstarted', closer)
run('aclose reused', closer)
t = guarded()
run('anext', t.__anext__())
thrower = t.athrow(ValueError('once'))
run('athrow once', thrower)
run('athrow reused', thrower)
run('aclose t', t.aclose())
