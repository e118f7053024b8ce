# A functools.wraps decorator that primes coroutines; the wrapper keeps the coroutine's name and doc.
import functools


def coroutine(func):
    @functools.wraps(func)
    def start(*args, **kwargs):
        gen = func(*args, **kwargs)
        next(gen)
        return gen
    return start


@coroutine
def grep(pattern):
    """Print lines containing pattern."""
    print(f"Looking for {pattern!r}")
    while True:
        line = yield
        if pattern in line:
            print("match:", line)


g = grep("python")
g.send("I love python")
g.send("nothing here")
g.send("python generators")
print(grep.__name__, grep.__doc__, grep.__wrapped__.__name__)
g.close()
