# Peeking ahead in a token stream with itertools.tee and a pushback wrapper class.
from itertools import tee


def pairwise_lookahead(iterable):
    current, ahead = tee(iterable)
    next(ahead, None)
    for item in current:
        yield item, next(ahead, None)


class Pushback:
    def __init__(self, iterable):
        self._it = iter(iterable)
        self._stack = []

    def __iter__(self):
        return self

    def __next__(self):
        if self._stack:
            return self._stack.pop()
        return next(self._it)

    def push(self, item):
        self._stack.append(item)


print(list(pairwise_lookahead("abc")))
tokens = Pushback(["1", "+", "2", "*", "3"])


def expression(tokens):
    left = int(next(tokens))
    for op in tokens:
        right = int(next(tokens))
        if op == "*":
            left *= right
        else:
            nxt = next(tokens, None)
            if nxt == "*":
                right *= int(next(tokens))
            elif nxt is not None:
                tokens.push(nxt)
            left += right
        yield op, left


print(list(expression(tokens)))
