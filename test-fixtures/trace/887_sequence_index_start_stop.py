# list.index / tuple.index with start and stop (tuple.index ignored them: a wrong answer), their clamping, huge and bad bounds, identity first.
def t(label, fn):
    try: print(label, repr(fn()))
    except Exception as e: print(label, type(e).__name__, e)
L = [1, 2, 3, 2, 1]
T = tuple(L)
for seq in (L, T):
    t(1, lambda: seq.index(2, 2))
    t(2, lambda: seq.index(2, -2))
    t(3, lambda: seq.index(2, 2, 3))
    t(4, lambda: seq.index(1, 1, -1))
    t(5, lambda: seq.index(1, -100, 100))
    t(6, lambda: seq.index(3, 10))
    t(7, lambda: seq.index(2, 'a'))
    t(8, lambda: seq.index(2, None))
    t(9, lambda: seq.index(2, 0, None))
    t(10, lambda: seq.index(2, 2**70))
    t(11, lambda: seq.index(2, -2**70))
    t(12, lambda: seq.index(2, 1, 2, 3))
    t(13, lambda: seq.index())
    t(14, lambda: seq.index(2, True))
    t(15, lambda: seq.index(9))
nan = float('nan')
print([nan].index(nan), (nan,).index(nan))
def positions(seq, value):
    i = -1
    try:
        while True:
            i = seq.index(value, i + 1)
            yield i
    except ValueError:
        return
print(list(positions((1, 2, 1, 3, 1), 1)), list(positions([0, 5, 5], 5)))
