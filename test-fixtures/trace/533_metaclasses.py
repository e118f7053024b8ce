# Metaclasses in the simple cases real code uses: __new__ adding attributes, __init__, a registry,
# __call__ for singletons, methods and properties of the metaclass seen on the class, and conflicts.
class Registry(type):
    classes = []

    def __new__(mcls, name, bases, namespace, **kwargs):
        namespace['registered_name'] = name.lower()
        cls = super().__new__(mcls, name, bases, namespace)
        mcls.classes.append(name)
        return cls

    def __init__(cls, name, bases, namespace, **kwargs):
        super().__init__(name, bases, namespace)
        cls.kwargs = kwargs

    def describe(cls):
        return f'{cls.__name__} via {type(cls).__name__}'

    @property
    def size(cls):
        return len(cls.__name__)


class Plugin(metaclass=Registry):
    def run(self):
        yield self.registered_name


class Csv(Plugin, flavour='comma'):
    pass


print(Registry.classes, Csv.registered_name, Csv.kwargs, Csv.describe(), Csv.size, type(Csv) is Registry)
print(isinstance(Csv, Registry), isinstance(Csv(), Plugin), list(Csv().run()))


class Singleton(type):
    def __call__(cls, *args):
        if not hasattr(cls, '_instance'):
            cls._instance = super().__call__(*args)
        return cls._instance


class Config(metaclass=Singleton):
    def __init__(self, value):
        print('init', value)
        self.value = value


a = Config(1)
b = Config(2)
print(a is b, a.value)


class Other(type):
    pass


class Mixed(metaclass=Other):
    pass


try:
    class Both(Plugin, Mixed):
        pass
except TypeError as error:
    print(error)
Dynamic = type('Dynamic', (Plugin,), {'x': 1})
print(Dynamic.registered_name, type(Dynamic).__name__, Dynamic.x, Registry.classes)
