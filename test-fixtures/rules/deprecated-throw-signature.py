# Fixture for GEN011 deprecated-throw-signature. Each `case_*` throws into a generator (or async
# generator) and returns the exception the generator should have received. The driver records
# warnings and prints `case_name: deprecated` when CPython emitted the throw() signature's
# DeprecationWarning and the generator received the expected exception, `modern` when there was no
# such warning and it did, and `mismatch` otherwise. Cases with an expectation must print
# `deprecated`, all others must not; with the quick fixes applied, the fixed cases must print `modern`
# (cpython-fixtures.test.ts, CPython 3.13).
import asyncio
import sys
import typing
import warnings

RECEIVED = []


def catcher():
    while True:
        try:
            yield
        except Exception as error:
            RECEIVED.append(error)


async def async_catcher():
    while True:
        try:
            yield
        except Exception as error:
            RECEIVED.append(error)


class Greenlet:
    """Not a generator: its own `throw` takes the three-argument form and warns about nothing."""

    def throw(self, typ, value=None, tb=None):
        RECEIVED.append(typ(value))


class errors:
    class ParseError(Exception):
        pass


# --- positives -------------------------------------------------------------------------------------


def case_type_and_message():
    g = catcher()
    next(g)
    g.throw(ValueError, "bad input")  # error: [deprecated-throw-signature]
    return ValueError("bad input")


def case_type_and_none():
    g = catcher()
    next(g)
    g.throw(KeyError, None)  # error: [deprecated-throw-signature]
    return KeyError()


def case_type_and_tuple_no_fix():
    # A tuple is unpacked into the arguments, but not always as `Type(*items)`: OSError's comes back
    # wrapped (`OSError(FileNotFoundError(2, ...))`). No fix is offered for tuples.
    g = catcher()
    next(g)
    g.throw(KeyError, ("a", "b"))  # error: [deprecated-throw-signature]
    return KeyError("a", "b")


def case_three_arguments_with_none_traceback():
    g = catcher()
    next(g)
    g.throw(errors.ParseError, "line 3", None)  # error: [deprecated-throw-signature]
    return errors.ParseError("line 3")


def case_instance_as_value():
    g = catcher()
    next(g)
    g.throw(TypeError, TypeError(24), None)  # error: [deprecated-throw-signature]
    return TypeError(24)


def case_instance_and_none():
    g = catcher()
    next(g)
    g.throw(ValueError("ready"), None)  # error: [deprecated-throw-signature]
    return ValueError("ready")


def case_variable_value_no_fix():
    g = catcher()
    next(g)
    message = ValueError("already an instance")
    g.throw(ValueError, message)  # error: [deprecated-throw-signature]
    return message


def case_forwarding_exc_info():
    def forward(gen: typing.Generator[None, None, None]):
        try:
            raise LookupError("forwarded")
        except LookupError:
            typ, value, tb = sys.exc_info()
        gen.throw(typ, value, tb)  # error: [deprecated-throw-signature]
        return value

    g = catcher()
    next(g)
    return forward(g)


def case_generator_expression_fresh():
    # Thrown into a generator expression that has not started: the exception propagates at once.
    try:
        (x for x in range(3)).throw(ZeroDivisionError, "at once")  # error: [deprecated-throw-signature]
    except ZeroDivisionError as error:
        RECEIVED.append(error)
    return ZeroDivisionError("at once")


def case_async_athrow():
    async def main():
        agen = async_catcher()
        await anext(agen)
        await agen.athrow(ValueError, "async")  # error: [deprecated-throw-signature]
        await agen.aclose()

    asyncio.run(main())
    return ValueError("async")


# --- negatives -------------------------------------------------------------------------------------


def case_single_instance():
    g = catcher()
    next(g)
    g.throw(ValueError("modern"))
    return ValueError("modern")


def case_single_class():
    g = catcher()
    next(g)
    g.throw(IndexError)
    return IndexError()


def case_not_a_generator():
    Greenlet().throw(ValueError, "greenlet")
    return ValueError("greenlet")


def case_unknown_receiver(gen=None):
    # A parameter of unknown type: the analysis cannot tell it is a generator.
    if gen is None:
        gen = catcher()
        next(gen)
        gen.throw(RuntimeError("prepared"))
        return RuntimeError("prepared")
    gen.throw(RuntimeError, "unknown")
    return RuntimeError("unknown")


def case_splat_arguments():
    g = catcher()
    next(g)
    arguments = (ValueError("splat"),)
    g.throw(*arguments)
    return ValueError("splat")


def case_async_single_instance():
    async def main():
        agen = async_catcher()
        await anext(agen)
        await agen.athrow(ValueError("async modern"))
        await agen.aclose()

    asyncio.run(main())
    return ValueError("async modern")


# --- driver ----------------------------------------------------------------------------------------


def same_exception(a, b):
    return type(a) is type(b) and a.args == b.args


def main():
    for name, case in list(globals().items()):
        if not name.startswith("case_"):
            continue
        RECEIVED.clear()
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            expected = case()
        deprecated = any(issubclass(w.category, DeprecationWarning) and "signature of" in str(w.message) for w in caught)
        received = RECEIVED[-1] if RECEIVED else None
        if received is None or not same_exception(received, expected):
            outcome = "mismatch"
        else:
            outcome = "deprecated" if deprecated else "modern"
        print(f"{name}: {outcome}")


if __name__ == "__main__":
    main()
