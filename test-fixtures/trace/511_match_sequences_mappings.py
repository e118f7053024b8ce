# match: sequence patterns (fixed, starred, nested) and mapping patterns (keys, **rest, get on subclasses).
from collections import defaultdict


def route(events):
    for event in events:
        match event:
            case []:
                yield 'empty'
            case [x]:
                yield f'one {x}'
            case [first, *middle, last] if middle:
                yield f'{first}..{middle}..{last}'
            case (a, b):
                yield f'pair {a} {b}'
            case {'type': 'click', 'pos': (x, y)}:
                yield f'click at {x},{y}'
            case {'type': 'key', **rest}:
                yield f'key with {rest}'
            case {'type': kind}:
                yield f'kind {kind}'
            case {}:
                yield 'some mapping'
            case str():
                yield 'text is not a sequence pattern'
            case _:
                yield 'unknown'


print(list(route([[], [1], [1, 2, 3, 4], (5, 6), [7, 8, 9][1:], {'type': 'click', 'pos': [3, 4]},
                  {'type': 'key', 'code': 13, 'shift': False}, {'type': 'scroll'}, {'other': 1}, 'ab', range(2), iter([1]), 42])))
d = defaultdict(list)
match d:
    case {'missing': _}:
        print('matched')
    case _:
        print('no match, and no key made:', dict(d))
nested = [1, [2, [3, 4]]]
match nested:
    case [a, [b, [*rest]]]:
        print(a, b, rest)
match (1, 2, 3):
    case [*_, 3]:
        print('ends with 3')
