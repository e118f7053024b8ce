# From the contextlib documentation 3.13 (Doc/library/contextlib.rst): its @contextmanager generators (managed_resource, tag), suppress, closing, ExitStack callbacks and the ContextDecorator example, with drivers.
# Licence: PSF-2.0.
from contextlib import contextmanager, suppress, closing, ExitStack, ContextDecorator

class Resource:
    def __init__(self, *args, **kwds):
        self.args = args
        print("acquire", args, kwds)
    def release(self):
        print("release", self.args)

def acquire_resource(*args, **kwds):
    return Resource(*args, **kwds)

def release_resource(resource):
    resource.release()

@contextmanager
def managed_resource(*args, **kwds):
    # Code to acquire resource, e.g.:
    resource = acquire_resource(*args, timeout=1, **kwds)
    try:
        yield resource
    finally:
        # Code to release resource, e.g.:
        release_resource(resource)

with managed_resource("db") as resource:
    print("using", resource.args)

try:
    with managed_resource("net"):
        raise RuntimeError("while using")
except RuntimeError as e:
    print("caught", e)

@contextmanager
def tag(name):
    print("<%s>" % name)
    yield
    print("</%s>" % name)

with tag("h1"):
    print("foo")

@tag("p")
def paragraph():
    print("text")
paragraph()

with suppress(KeyError):
    {}["missing"]
print("suppressed")

class Page:
    def __init__(self, n):
        self.n = n
    def close(self):
        print("closing page", self.n)
    def __iter__(self):
        yield from range(self.n)

with closing(Page(3)) as page:
    for line in page:
        print(line)

with ExitStack() as stack:
    for n in range(3):
        stack.callback(print, "callback", n)
    print("body")

def numbers():
    try:
        yield 1
        yield 2
    finally:
        print("generator closed")

with ExitStack() as stack:
    gen = numbers()
    stack.enter_context(closing(gen))
    print(next(gen))

class mycontext(ContextDecorator):
    def __enter__(self):
        print('Starting')
        return self

    def __exit__(self, *exc):
        print('Finishing')
        return False

@mycontext()
def function():
    print('The bit in the middle')

function()

with mycontext():
    print('The bit in the middle')

@contextmanager
def retry_once():
    try:
        yield
    except ValueError as e:
        print("swallowed", e)

with retry_once():
    raise ValueError("first")

@contextmanager
def broken():
    yield
    yield

try:
    with broken():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)
