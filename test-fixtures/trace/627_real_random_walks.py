# Seeded simulations: random walks and a shuffled deck dealt by generators, summarised with statistics and bisect.
import bisect
import itertools
import random
import statistics
from collections import Counter


def walk(rng, steps):
    position = 0
    for _ in range(steps):
        position += rng.choice((-1, 1))
        yield position


def deal(rng, hands, size):
    deck = [f'{rank}{suit}' for suit in 'SHDC' for rank in 'A23456789TJQK']
    rng.shuffle(deck)
    it = iter(deck)
    for _ in range(hands):
        yield sorted(itertools.islice(it, size))


rng = random.Random(1729)
finals = [list(walk(rng, 20))[-1] for _ in range(50)]
print(finals[:10], statistics.mean(finals), statistics.median(finals), statistics.mode(finals), statistics.pstdev(finals))
print(list(deal(random.Random(7), 3, 5)))
random.seed(99)
rolls = Counter(random.randint(1, 6) + random.randint(1, 6) for _ in range(500))
print(sorted(rolls.items()), rolls.most_common(3))
cutoffs = [60, 70, 80, 90]
grades = [random.randrange(40, 101) for _ in range(12)]
print(grades, ['FDCBA'[bisect.bisect(cutoffs, g)] for g in grades])
print(random.sample(range(1000), 5), random.choices('abc', weights=[5, 1, 1], k=8), round(random.uniform(-1, 1), 12))
state = random.getstate()
a = [random.random() for _ in range(3)]
random.setstate(state)
print(a == [random.random() for _ in range(3)], random.getrandbits(64))
