# Refused: a coroutine created and never awaited. CPython's only reaction is a RuntimeWarning on stderr
# when the coroutine is finalised ("coroutine 'fetch' was never awaited"), which a trace cannot show.
async def fetch():
    print('never runs')


def forgetful():
    fetch()
    print('forgot to await')


forgetful()
