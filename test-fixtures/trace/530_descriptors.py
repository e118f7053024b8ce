# Descriptors: data descriptors win over the instance dict, non-data ones do not; __set_name__, __delete__,
# access through the class, and a descriptor-backed generator pipeline.
class Typed:
    def __set_name__(self, owner, name):
        self.name = '_' + name
        print('set_name', owner.__name__, name)

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, 'unset')

    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f'{self.name[1:]} must be an int')
        setattr(obj, self.name, value)

    def __delete__(self, obj):
        print('deleting', self.name)
        delattr(obj, self.name)


class Lazy:
    def __init__(self, func):
        self.func = func

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        value = self.func(obj)
        obj.__dict__[self.func.__name__] = value
        return value


class Counter:
    start = Typed()
    step = Typed()

    def __init__(self, start, step):
        self.start = start
        self.step = step

    @Lazy
    def label(self):
        print('computing label')
        return f'from {self.start} by {self.step}'

    def run(self, n):
        value = self.start
        for _ in range(n):
            yield value
            value += self.step


c = Counter(1, 3)
print(list(c.run(4)), c.label, c.label, sorted(vars(c)))
print(type(Counter.start).__name__, Counter.label.func.__name__)
try:
    c.step = 'x'
except TypeError as error:
    print(error)
del c.start
print(c.start)
c.__dict__['step'] = 'shadow'
print(c.step, c.__dict__['step'])
