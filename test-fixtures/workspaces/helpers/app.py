"""Generators calling the helpers of `tools`; run `python3.13 app.py` from this directory to see each
case's outcome (RuntimeError where a finding is expected)."""

import tools
import tools.items
import tools.items as ti
from tools import first as package_first
from tools.items import Reader, counter_head, decorated_first, first, gen_helper, guarded_first, head_or_none, stop


def from_import(rows):
    for row in rows:
        yield first(row)  # error: [stop-iteration-leak]


def module_attribute(rows):
    yield tools.items.first(rows)  # error: [stop-iteration-leak]


def module_alias(rows):
    yield ti.first(rows)  # error: [stop-iteration-leak]


def package_reexport(rows):
    yield package_first(rows)  # error: [stop-iteration-leak]


def package_attribute(rows):
    yield tools.first(rows)  # error: [stop-iteration-leak]


def raises(rows):
    yield 1
    stop()  # error: [stop-iteration-leak]


def guarded_at_call(rows):
    try:
        yield first(rows)
    except StopIteration:
        yield None


def tested_argument(rows):
    if rows:
        yield first(rows)


def non_empty_literal():
    yield first([1, 2])


def with_default(rows):
    yield head_or_none(rows)


def guarded_inside(rows):
    yield guarded_first(rows)


def infinite():
    yield counter_head()


def decorated_helper(rows):
    yield decorated_first(rows)


def method_call(rows):
    yield Reader().peek(rows)


def generator_helper(rows):
    yield from gen_helper(rows)


def not_a_generator(rows):
    # An ordinary function: StopIteration propagates as itself, PEP 479 does not apply.
    return first(rows)


def lambda_in_generator(rows):
    # The lambda's own frame calls `first`; a lambda is not a generator.
    pick = lambda: first(rows)
    yield pick


def run(name, gen):
    try:
        print(name, list(gen))
    except RuntimeError as error:
        print(name, 'RuntimeError:', error)
    except StopIteration:
        print(name, 'StopIteration')


if __name__ == '__main__':
    run('from_import', from_import([[]]))
    run('module_attribute', module_attribute([]))
    run('module_alias', module_alias([]))
    run('package_reexport', package_reexport([]))
    run('package_attribute', package_attribute([]))
    run('raises', raises([]))
    run('guarded_at_call', guarded_at_call([]))
    run('tested_argument', tested_argument([]))
    run('non_empty_literal', non_empty_literal())
    run('with_default', with_default([]))
    run('guarded_inside', guarded_inside([]))
    run('infinite', infinite())
    run('decorated_helper', decorated_helper([]))
    run('generator_helper', generator_helper([]))
    try:
        not_a_generator([])
    except StopIteration:
        print('not_a_generator StopIteration')
