# From the Functional Programming HOWTO 3.13 (Doc/howto/functional.rst, A. M. Kuchling): generate_ints, the counter that accepts send(), and the page's generator-expression, itertools and functools examples.
# Licence: PSF-2.0.
import itertools
import functools
import operator

def generate_ints(N):
    for i in range(N):
        yield i

gen = generate_ints(3)
print(gen)
print(next(gen), next(gen), next(gen))
try:
    next(gen)
except StopIteration:
    print("StopIteration")

a, b, c = generate_ints(3)
print(a, b, c)

def counter(maximum):
    i = 0
    while i < maximum:
        val = (yield i)
        # If value provided, change counter
        if val is not None:
            i = val
        else:
            i += 1

it = counter(10)
print(next(it), next(it), it.send(8), next(it))
try:
    print(next(it))
except StopIteration:
    print("StopIteration")

line_list = ['  line 1\n', 'line 2  \n', ' \n', '']
stripped_iter = (line.strip() for line in line_list)
stripped_list = [line.strip() for line in line_list if line != ""]
print(list(stripped_iter), stripped_list)

seq1 = 'abc'
seq2 = (1, 2, 3)
print([(x, y) for x in seq1 for y in seq2])

def upper(s):
    return s.upper()
print(list(map(upper, ['sentence', 'fragment'])))
print([upper(s) for s in ['sentence', 'fragment']])

def is_even(x):
    return (x % 2) == 0
print(list(filter(is_even, range(10))))
print(list(x for x in range(10) if is_even(x)))

for item in enumerate(['subject', 'verb', 'object']):
    print(item)

print(sorted([7, 2, 9, 1], reverse=True))
print(any([0, 1, 0]), all([0, 1, 0]), list(zip(['a', 'b', 'c'], (1, 2, 3))))

print(list(itertools.islice(itertools.count(10, 5), 4)))
print(list(itertools.islice(itertools.cycle([1, 2, 3]), 8)))
print(list(itertools.repeat('abc', 3)))
print(list(itertools.chain(['a', 'b', 'c'], (1, 2, 3))))
print(list(itertools.islice(range(10), 8)), list(itertools.islice(range(10), 2, 8)), list(itertools.islice(range(10), 2, 8, 2)))
itr1, itr2 = itertools.tee(iter([1, 2, 3]))
print(list(itr1), list(itr2))
print(list(itertools.starmap(operator.add, [(1, 2), (3, 4)])))
print(list(itertools.takewhile(lambda x: x < 5, itertools.count())), list(itertools.dropwhile(is_even, itertools.islice(itertools.count(), 6))))
print(list(itertools.compress([1, 2, 3, 4, 5], [True, True, False, False, True])))
print(list(itertools.combinations([1, 2, 3, 4, 5], 2)))
print(list(itertools.permutations([1, 2, 3], 2)))
print(list(itertools.combinations_with_replacement([1, 2, 3], 2)))

city_list = [('Decatur', 'AL'), ('Huntsville', 'AL'), ('Selma', 'AL'),
             ('Anchorage', 'AK'), ('Nome', 'AK'),
             ('Flagstaff', 'AZ'), ('Phoenix', 'AZ'), ('Tucson', 'AZ')]
def get_state(city_state):
    return city_state[1]
for state, cities in itertools.groupby(city_list, get_state):
    print(state, list(cities))

def log(message, subsystem):
    """Write the contents of 'message' to the specified subsystem."""
    print('%s: %s' % (subsystem, message))
server_log = functools.partial(log, subsystem='server')
server_log('Unable to open socket')
print(functools.reduce(operator.concat, ['A', 'BB', 'C']), functools.reduce(operator.mul, [1, 2, 3], 1))
try:
    functools.reduce(operator.concat, [])
except TypeError as e:
    print("TypeError:", e)
print(list(itertools.accumulate([1, 2, 3, 4, 5])), list(itertools.accumulate([1, 2, 3, 4, 5], operator.mul)))
