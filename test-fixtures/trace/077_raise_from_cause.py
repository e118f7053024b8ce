# raise ... from inside a generator: __cause__ and __suppress_context__.
def loader(keys, table):
    for key in keys:
        try:
            yield table[key]
        except KeyError as e:
            raise LookupError(f"no entry {key}") from e


try:
    print(list(loader(["a", "b"], {"a": 1})))
except LookupError as e:
    print(type(e).__name__, e)
    print(type(e.__cause__).__name__, e.__cause__, e.__suppress_context__)


def hide():
    try:
        yield 1 / 0
    except ZeroDivisionError:
        raise ValueError("hidden") from None


try:
    next(hide())
except ValueError as e:
    print(e, e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
