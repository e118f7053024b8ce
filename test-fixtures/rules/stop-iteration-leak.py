# Fixture for GEN004 stop-iteration-leak. Each `case_*` function is one scenario; running this file
# under CPython (`python3.13 stop-iteration-leak.py`) prints what each case raised, and a test checks
# that exactly the cases with an `# error:` line raise "generator raised StopIteration".

import asyncio
import contextlib
import csv
import itertools
import itertools as it_tools
from itertools import count, cycle, repeat
from itertools import count as counter


def take_while_positive(items):
    for item in items:
        if item <= 0:
            raise StopIteration  # error: [stop-iteration-leak]
        yield item


def first_then_rest(items):
    iterator = iter(items)
    head = next(iterator)  # error: [stop-iteration-leak]
    yield head
    yield from iterator


def pairs(items):
    iterator = iter(items)
    for first in iterator:
        second = next(iterator)  # error: [stop-iteration-leak]
        yield first, second


def with_value(items):
    yield from items
    raise StopIteration("done")  # error: [stop-iteration-leak]


def wrong_handler(items):
    iterator = iter(items)
    try:
        value = next(iterator)  # error: [stop-iteration-leak]
    except ValueError:
        return
    yield value


def next_in_handler(items, other):
    iterator = iter(items)
    try:
        value = next(iterator)
    except StopIteration:
        value = next(iter(other))  # error: [stop-iteration-leak]
    yield value


def finite_repeat():
    numbers = repeat(1, 2)
    while True:
        yield next(numbers)  # error: [stop-iteration-leak]


async def async_first(items):
    iterator = iter(items)
    yield next(iterator)  # error: [stop-iteration-leak]


def rows_with_header(lines):
    reader = csv.reader(lines)
    header = next(reader)  # error: [stop-iteration-leak]
    for row in reader:
        yield dict(zip(header, row))


def numbered_pairs(left, right):
    pairs = zip(left, right)
    yield next(pairs)  # error: [stop-iteration-leak]


# ---- positives ----------------------------------------------------------------------------------

def case_raise_stop_iteration():
    return list(take_while_positive([1, 2, 0, 3]))


def case_raise_stop_iteration_with_value():
    return list(with_value([1]))


def case_next_on_empty_input():
    return list(first_then_rest([]))


def case_odd_number_of_items():
    return list(pairs([1, 2, 3]))


def case_generator_expression(items=()):
    iterator = iter(items)
    return list(next(iterator) for _ in range(3))  # error: [stop-iteration-leak]


def case_wrong_handler():
    return list(wrong_handler([]))


def case_next_in_handler():
    return list(next_in_handler([], []))


def case_finite_repeat():
    return list(finite_repeat())


def case_csv_header_of_empty_input():
    return list(rows_with_header([]))


def case_zip_of_short_input():
    return list(numbered_pairs([1], []))


def case_async_generator():
    async def consume():
        return [x async for x in async_first([])]
    return asyncio.run(consume())


class LineReader:
    def __init__(self, lines):
        self.lines = iter(lines)

    def records(self):
        header = next(self.lines)  # error: [stop-iteration-leak]
        for line in self.lines:
            yield dict(zip(header, line))

    def _numbered(self):
        yield from enumerate(self.lines)

    def first_numbered(self):
        numbered = self._numbered()
        yield next(numbered)  # error: [stop-iteration-leak]


def finite():
    yield 1


def two_from_finite():
    source = finite()
    yield next(source)  # error: [stop-iteration-leak]
    yield next(source)  # error: [stop-iteration-leak]


def rebound_parameter(it):
    it = iter(it)
    yield next(it)  # error: [stop-iteration-leak]


def first_of_each_row(rows):
    for row in rows:
        cells = iter(row)
        yield next(cells)  # error: [stop-iteration-leak]


class EmptySource:
    items = iter(())


def attribute_of_parameter(source):
    yield next(source.items)  # error: [stop-iteration-leak]


def unescape(text):
    # twisted's `_tokenize`: a trailing backslash takes `next()` past the end of the loop's iterator.
    chars = iter(str(text))
    for char in chars:
        if char == "\\":
            char = next(chars)  # error: [stop-iteration-leak]
        yield char


def _head(items):
    # A private helper whose one caller passes its input untested: reported here, naming the caller.
    iterator = iter(items)
    yield next(iterator)  # error: [stop-iteration-leak]


def heads(items):
    yield from _head(items)


def first(items):
    return next(iter(items))


def firsts(groups):
    for group in groups:
        yield first(group)  # error: [stop-iteration-leak]


def _stop():
    raise StopIteration


def until_negative(items):
    for item in items:
        if item < 0:
            _stop()  # error: [stop-iteration-leak]
        yield item


def case_attribute_receiver():
    return list(LineReader([]).records())


def case_method_generator():
    return list(LineReader([]).first_numbered())


def case_same_module_generator():
    return list(two_from_finite())


def case_rebound_parameter():
    return list(rebound_parameter([]))


def case_element_of_parameter():
    return list(first_of_each_row([[1], []]))


def case_attribute_of_parameter():
    return list(attribute_of_parameter(EmptySource()))


def case_trailing_backslash():
    return list(unescape("a\\"))


def case_private_helper_unguarded_caller():
    return list(heads([]))


def case_helper_raising_stop_iteration():
    return list(firsts([[1], []]))


def case_helper_raise():
    return list(until_negative([1, -1]))


# ---- negatives ----------------------------------------------------------------------------------

def with_default(items):
    iterator = iter(items)
    yield next(iterator, None)


def guarded(items):
    iterator = iter(items)
    try:
        head = next(iterator)
    except StopIteration:
        return
    yield head


def guarded_by_exception(items):
    iterator = iter(items)
    while True:
        try:
            value = next(iterator)
        except Exception:
            break
        yield value


def guarded_by_tuple(items):
    iterator = iter(items)
    try:
        value = next(iterator)
    except (ValueError, StopIteration):
        return
    yield value


def guarded_by_bare_except(items):
    iterator = iter(items)
    try:
        value = next(iterator)
    except:  # noqa: E722 — the bare handler is the point of this case
        return
    yield value


def guarded_by_base_exception(items):
    iterator = iter(items)
    try:
        value = next(iterator)
    except BaseException:
        return
    yield value


def guarded_by_suppress(items):
    iterator = iter(items)
    with contextlib.suppress(StopIteration):
        yield next(iterator)


def ordinary_function(items):
    iterator = iter(items)
    if not items:
        raise StopIteration
    return next(iterator)


class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current


class Numbered:
    def __init__(self, items):
        self.items = items
        self._ids = itertools.count()

    def __iter__(self):
        for item in self.items:
            yield next(self._ids), item


def infinite_iterators():
    ids = count()
    ticks = counter(1)
    colours = cycle("rgb")
    ones = repeat(1)
    for _ in range(3):
        yield next(ids), next(ticks), next(colours), next(ones)
        yield next(itertools.count()), next(it_tools.cycle([1])), next(itertools.repeat(0))


def emptiness_checked(items):
    if not items:
        return
    yield next(iter(items))


def emptiness_checked_through_name(rows):
    iterator = iter(rows)
    if len(rows) >= 2:
        yield next(iterator), next(iterator)


def nested_function_not_a_generator(items):
    def first():
        raise StopIteration
    yield from items
    try:
        first()
    except StopIteration:
        pass


def outer_ordinary(items):
    iterator = iter(items)
    return [x for x in (y for y in next(iterator))]


def shadowed_next(items):
    def next(iterator):
        return "shadowed"
    yield next(iter(items))


def iterator_of_unknown_origin(source):
    # An attribute or a local container may be known to be non-empty; the rule cannot tell.
    rows = [1, 2, 3]
    iterator = iter(rows)
    yield next(iterator), next(source.build().items)


def _first_and_rest(items):
    # A private helper: its callers check the input first (`if items: _first_and_rest(items)`).
    iterator = iter(items)
    yield next(iterator)
    yield from iterator


def public_caller(items):
    if items:
        yield from _first_and_rest(items)


class Source:
    def __init__(self):
        self.items = iter([1])

    def build(self):
        return self


def closure_over_known_items():
    items = ["a", "b"]

    def first():
        iterator = iter(items)
        yield next(iterator)
    return first


def case_iterator_of_unknown_origin():
    return list(public_caller([])) + list(iterator_of_unknown_origin(Source())) + list(closure_over_known_items()())


def case_with_default():
    return list(with_default([]))


def case_guarded():
    return list(guarded([])) + list(guarded_by_exception([])) + list(guarded_by_tuple([]))


def case_guarded_broadly():
    return list(guarded_by_bare_except([])) + list(guarded_by_base_exception([])) + list(guarded_by_suppress([]))


def case_ordinary_function():
    try:
        return ordinary_function([])
    except StopIteration:
        return "StopIteration is fine outside generators"


def case_dunder_next():
    return list(Countdown(3))


def case_infinite_iterators():
    return list(Numbered("ab")) + list(infinite_iterators())


def case_emptiness_checked():
    return list(emptiness_checked([])) + list(emptiness_checked_through_name([1]))


def case_nested_function():
    return list(nested_function_not_a_generator([1]))


def case_first_iterable_runs_outside():
    return outer_ordinary([[1, 2]])


def case_shadowed_next():
    return list(shadowed_next([]))


def ticks():
    n = 0
    while True:
        yield n
        n += 1


def stamped(items):
    clock = ticks()
    for item in items:
        yield next(clock), item


def chained_default(items):
    markers = itertools.chain(["first"], repeat("next"))
    for item in items:
        yield next(markers), item


def _find_range(addresses):
    # The stdlib's `ipaddress._find_address_range`: its only caller tests the list first.
    iterator = iter(addresses)
    first_address = last = next(iterator)
    for address in iterator:
        last = address
    yield first_address, last


def collapse(addresses):
    ips = sorted(addresses)
    if ips:
        yield from _find_range(ips)


def literal_source():
    letters = iter("abc")
    yield next(letters)


def helper_guarded(groups):
    for group in groups:
        try:
            value = first(group)
        except StopIteration:
            continue
        yield value


def helper_argument_tested(groups):
    for group in groups:
        if group:
            yield first(group)


def unknown_call_result(path):
    # What another library's call returns: its author may know it is never empty.
    yield next(iter(str(path).split("/")))


def case_negatives_with_analysis():
    return (list(stamped("ab")) + list(chained_default("ab")) + list(collapse([])) + list(literal_source())
            + list(helper_guarded([[1], []])) + list(helper_argument_tested([[1], []])) + list(unknown_call_result("")))


if __name__ == "__main__":
    for name, case in list(globals().items()):
        if not name.startswith("case_"):
            continue
        try:
            case()
        except Exception as error:  # the driver reports every outcome, whatever it is
            print(f"{name}: {type(error).__name__}: {error}")
        else:
            print(f"{name}: ok")
