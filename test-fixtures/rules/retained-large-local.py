# Fixture for GEN012 retained-large-local. Each `case_*` function advances a generator to its first
# `yield` and returns it with the name of a local; running this file under CPython (`python3.13
# retained-large-local.py`) prints `retained` when the suspended frame still holds that local and
# `released` when it does not. A test checks that exactly the cases with an `# error:` line print
# `retained`, and that applying the `del` fixes makes them print `released`.

import io


# ---- positives ----------------------------------------------------------------------------------

def case_whole_read_kept():
    def header_then_rest(stream):
        data = stream.read()  # error: [retained-large-local]
        header = data[:4]
        yield header
        yield "rest"
    gen = header_then_rest(io.BytesIO(b"header and body"))
    next(gen)
    return gen, "data"


def case_read_inside_with_kept():
    def whole_file_in_with(raw):
        with io.BytesIO(raw) as stream:
            content = stream.read()  # error: [retained-large-local]
        size = len(content)
        yield size
    gen = whole_file_in_with(b"abc")
    next(gen)
    return gen, "content"


def case_buffer_kept():
    def big_buffer():
        buffer = bytearray(4 << 20)  # error: [retained-large-local]
        length = len(buffer)
        yield length
    gen = big_buffer()
    next(gen)
    return gen, "buffer"


def case_list_kept():
    def big_list():
        slots = [None] * (2 * 1024 * 1024)  # error: [retained-large-local]
        count = len(slots)
        yield count
    gen = big_list()
    next(gen)
    return gen, "slots"


# ---- negatives ----------------------------------------------------------------------------------

def used_after_yield(stream):
    # Retained, and needed: the second part is read after the first yield.
    data = stream.read()
    yield data[:4]
    yield data[4:]


def used_in_the_loop(stream):
    # Silent: the statement holding the yield mentions the name, and a use in a loop may run again after
    # the yield (here only the header does, which the analysis does not tell apart).
    data = stream.read()
    for line in data.splitlines():
        yield line


def case_small_buffer():
    def small_buffer():
        buffer = bytearray(1024)
        yield len(buffer)
    gen = small_buffer()
    next(gen)
    return gen, "__not_a_local__"


def case_sized_read():
    def sized_read(stream):
        chunk = stream.read(4)
        yield len(chunk)
    gen = sized_read(io.BytesIO(b"abcdef"))
    next(gen)
    return gen, "__not_a_local__"


def case_already_deleted():
    def already_deleted(stream):
        data = stream.read()
        header = data[:4]
        del data
        yield header
    gen = already_deleted(io.BytesIO(b"abcdef"))
    next(gen)
    return gen, "data"


def case_read_in_closure():
    def read_in_closure(stream):
        data = stream.read()

        def size():
            return len(data)
        yield size()
    gen = read_in_closure(io.BytesIO(b"abcdef"))
    next(gen)
    return gen, "__not_a_local__"


if __name__ == "__main__":
    for name, case in list(globals().items()):
        if not name.startswith("case_"):
            continue
        try:
            gen, local = case()
        except Exception as error:  # the driver reports every outcome, whatever it is
            print(f"{name}: {type(error).__name__}: {error}")
            continue
        print(f"{name}: {'retained' if local in gen.gi_frame.f_locals else 'released'}")
