# collections.Counter: counting a generator's output, most_common, elements, arithmetic, comparisons, errors.
from collections import Counter


def words(text):
    for word in text.split():
        yield word.strip('.,').lower()


c = Counter(words('the cat and the hat. The end, and the cat'))
print(c, c['the'], c['dog'], len(c), 'dog' in c, c.total())
print(c.most_common(2), c.most_common(), sorted(c.elements())[:4], list(Counter('abca').elements()))
c.update(['cat', 'cat'])
c.update({'hat': 3})
c.subtract(the=4)
print(c)
del c['missing']
del c['end']
print(c, Counter(), Counter(a=3, b=-1), Counter({'x': 2}), repr(Counter('aab')))
a, b = Counter(a=3, b=1), Counter(a=1, b=2)
print(a + b, a - b, a | b, a & b, +Counter(x=-1, y=2), -Counter(x=-1, y=2))
print(a == Counter(a=3, b=1, c=0), a != b, Counter(a=1) <= a, a < a, a >= Counter(a=1), a > b, a == {'a': 3, 'b': 1})
d = Counter(a=1)
d += Counter(a=2, b=-5)
print(d, isinstance(d, dict), isinstance(d, Counter), type(d), d.copy(), dict(d), list(d.items()))
d -= Counter(a=1)
d |= Counter(z=4)
d &= Counter(z=1, a=9)
print(d, sum(Counter('hello').values()), Counter('hello').most_common(1)[0])
for call in (lambda: Counter.fromkeys('ab'), lambda: a + 1, lambda: a < 3, lambda: Counter(5)):
    try:
        print(call())
    except (NotImplementedError, TypeError) as e:
        print(type(e).__name__, e)
