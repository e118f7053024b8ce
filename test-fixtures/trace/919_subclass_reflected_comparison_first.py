# Comparisons try the right operand's reflected method first when its type is a proper subclass of the left's
# (do_richcompare), for plain classes and for subclasses of list and dict; a method aliased to a builtin
# (`__getitem__ = dict.get`), re-running __init__, fromkeys of a subclass, and list subclasses' slices.
class A(list):
    def __eq__(self, o):
        print('A.eq')
        return NotImplemented

    def __lt__(self, o):
        print('A.lt')
        return NotImplemented


class B(A):
    def __eq__(self, o):
        print('B.eq')
        return True

    def __gt__(self, o):
        print('B.gt')
        return True


print(A([1]) == B([2]), B([1]) == A([2]), A([1]) == [1], [1] == A([1]), A([1]) < B([0]), A([1]) != B([1]))


class P:
    def __eq__(self, o):
        print('P.eq')
        return False


class Q(P):
    def __eq__(self, o):
        print('Q.eq')
        return True


print(P() == Q(), Q() == P(), P() != Q())


class G(dict):
    __getitem__ = dict.get


g = G(a=1)
print(g['zz'], g['a'])


class M(dict):
    def __init__(self, *a, **k):
        print('init', a, k)
        super().__init__(*a, **k)


m = M({'x': 1}, y=2)
m.__init__(z=3)
print(m, M.fromkeys([1, 2]), type(M.fromkeys([1])), type(m) is dict, m.__class__ is M)


class L(list):
    pass


def gen():
    l = L('abc')
    yield l, l.__dict__, L(), L(range(3)) == [0, 1, 2], str(L([1])), f'{L([2])!r}', format(L([3]))
    del l[0]
    l[0:1] = ['X', 'Y']
    yield l, l.pop(), l * 0, type(l * 0), sorted([L([2]), L([1])]), max(L([1]), L([2]))


print(list(gen()))
