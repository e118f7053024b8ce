# A subscript with a trailing comma is a one-tuple key (d[1,] looked up 1).
d = {(1,): 'one', (1, 2): 'two'}
print(d[1,], d[1, 2])
class A:
    def __getitem__(self, k): return k
a = A()
print(a[1,], a[1:2,], a[1, 2:3], a[()])
x = 5,
print(x)
