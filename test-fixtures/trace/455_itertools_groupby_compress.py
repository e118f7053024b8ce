# Found by the corpus (more-itertools' duplicates_justseen and before_and_after): an exhausted groupby
# grouper asked again does not advance the shared iterator; compress stops on exhausted data before
# advancing its selectors.
from itertools import chain, compress, groupby, takewhile, tee


def duplicates_justseen(iterable, key=None):
    return chain.from_iterable(g for _, g in groupby(iterable, key) for _ in g)


print(list(duplicates_justseen('AaaBbbCccAaa', str.lower)))


def before_and_after(predicate, it):
    trues, after = tee(it)
    trues = compress(takewhile(predicate, trues), zip(after))
    return trues, after


upper, rest = before_and_after(str.isupper, iter('ABCdEfGhI'))
print(''.join(upper), ''.join(rest))
