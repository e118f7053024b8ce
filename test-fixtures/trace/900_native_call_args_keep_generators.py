# A native call's arguments stay referenced until it returns: zip/map/list driving two generators that
# are suspended inside try/finally must not finalise one of them while the other runs Python code
# (a user __getitem__, a helper function). Each generator's `finally` runs when it is exhausted.
class Squares:
    def __init__(self, n):
        self.n = n

    def __getitem__(self, i):
        if not 0 <= i < self.n:
            raise IndexError(i)
        return i * i


def items(seq, tag):
    i = 0
    try:
        while True:
            v = seq[i]
            yield v
            i += 1
    except IndexError:
        print(tag, 'exhausted at', i)
    finally:
        print(tag, 'finally')


def fields(node):
    for name in ('a', 'b', 'c'):
        try:
            yield name, getattr(node, name)
        except AttributeError:
            pass


def children(node):
    for name, value in fields(node):
        if isinstance(value, list):
            yield from value
        else:
            yield value


class Node:
    a = 1
    c = [2, 3]


s = Squares(4)
print(list(zip(items(s, 'A'), items(s, 'B'))))
print(list(map(lambda x, y: x + y, items(s, 'C'), items(Squares(2), 'D'))))
print(sorted(zip(items(s, 'E'), items(s, 'F')), key=lambda p: -p[0]))
print(dict(zip(items(s, key='G') if False else items(s, 'G'), 'wxyz')))
print(list(children(Node())))
print(*zip(items(s, 'H'), items(s, 'I')), sep=' | ')
