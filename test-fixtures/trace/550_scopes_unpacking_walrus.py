# global/nonlocal in generators and nested functions, star-unpacking in every position, the walrus in
# comprehensions, conditions and generator expressions, decorators with arguments.
import functools

total = 0


def tally(step):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            global total
            total += step
            return func(*args, **kwargs)
        return wrapper
    return decorate


@tally(10)
def counter(limit):
    count = 0

    def bump():
        nonlocal count
        count += 1
        return count

    while (value := bump()) <= limit:
        yield value


print(list(counter(3)), total, counter.__name__, counter.__wrapped__.__name__)
first, *middle, last = range(6)
(a, b), *rest = [(1, 2), 3, 4]
*init, tail = 'xyz'
print(first, middle, last, a, b, rest, init, tail)
print([*middle, *'ab'], (*rest, 0), {*middle, 9}, {**{'k': 1}, 'j': 2}, *range(2))
for head, *others in [(1, 2, 3), (4,)]:
    print(head, others)
print([y for x in range(5) if (y := x * x) % 2], y)
data = [3, 1, 4]
if (n := len(data)) > 2:
    print('long', n)
print(max(found for item in data if (found := item * 10) > 15), found)


def outer():
    level = 'outer'

    def middle():
        def inner():
            nonlocal level
            level = 'inner'
            yield level
        yield from inner()
    return list(middle()), level


print(outer())
