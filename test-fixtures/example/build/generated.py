"""Generated code, excluded by [tool.yieldlens] exclude."""


def leaked():
    raise StopIteration
    yield
