# random: CPython's Mersenne Twister for a given seed: random, getrandbits, randrange/randint, choice, choices,
# shuffle, sample, uniform, triangular, getstate/setstate, Random instances and subclasses, and the errors.
import random

random.seed(12345)
print(random.random(), random.random(), random.getrandbits(8), random.getrandbits(70), random.getrandbits(0))
print(random.randint(1, 6), random.randrange(10), random.randrange(5, 50, 5), random.randrange(-3, 3), random.randrange(10 ** 30))
deck = list(range(10))
random.shuffle(deck)
print(deck, random.choice('abcdef'), random.sample(range(100), 5), random.sample(['x', 'y', 'z'], k=3, counts=None))
print(random.choices('abc', k=5), random.choices(range(3), weights=[1, 0, 5], k=4), random.choices('xy', cum_weights=[1, 2], k=3))
print(random.uniform(1, 2), random.triangular(0, 10, 3), random.sample(['a', 'b'], 2, counts=[2, 1]))


def dice(rng, n):
    for _ in range(n):
        yield rng.randint(1, 6)


rng = random.Random(2024)
print(list(dice(rng, 10)), rng.random())
state = rng.getstate()
first = [rng.random() for _ in range(3)]
rng.setstate(state)
print(first == [rng.random() for _ in range(3)], len(state[1]), state[0])
print(random.Random(1.5).random(), random.Random(-7).random() == random.Random(7).random(), random.Random(2 ** 100).random())
a = random.Random(42)
b = random.Random()
b.seed(42)
print(a.random() == b.random(), [random.Random(i).randrange(1000) for i in range(5)])


class Loaded(random.Random):
    def random(self):
        return 0.999


print(Loaded(1).randrange(10), Loaded(1).choice('abc'))
for call in (lambda: random.randrange(0), lambda: random.randrange(1, 1), lambda: random.randint(3, 1),
             lambda: random.choice([]), lambda: random.sample([1, 2], 3), lambda: random.sample({1, 2}, 1),
             lambda: random.getrandbits(-1), lambda: random.randrange(1.5), lambda: random.choices('ab', weights=[1], k=1),
             lambda: random.Random([1]), lambda: random.randrange(0, 10, 0), lambda: random.choices('ab', [0, 0])):
    try:
        print(call())
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
