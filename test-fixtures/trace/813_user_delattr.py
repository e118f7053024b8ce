# A class's own __delattr__ runs on del, and object.__delattr__ does the default deletion.
class A:
    def __init__(self):
        self.x = 1
        self.y = 2
    def __delattr__(self, name):
        print('del', name)
        if name == 'y':
            raise AttributeError('no y')
        super().__delattr__(name)
a = A()
del a.x
print(hasattr(a, 'x'))
try:
    del a.y
except AttributeError as e:
    print(e)
print(a.y)
class B(A):
    pass
b = B()
del b.x
object.__delattr__(b, 'y')
print(vars(b))
print(len(dir(object())), "__delattr__" in dir(object()))
