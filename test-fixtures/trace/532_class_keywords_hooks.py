# Class keywords go to __init_subclass__; __class_getitem__ and __init_subclass__ are implicit classmethods;
# __set_name__ runs before __init_subclass__.
class Registry:
    plugins = []

    def __init_subclass__(cls, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Registry.plugins.append(cls.plugin_name)
        print('registered', cls.plugin_name, 'has field', hasattr(cls, 'field'))


class Named:
    def __set_name__(self, owner, name):
        print('set_name', name, 'on', owner.__name__)


class Csv(Registry, name='csv'):
    field = Named()


class Json(Registry):
    pass


print(Registry.plugins, Csv.plugin_name, Json.plugin_name)


class Box:
    def __class_getitem__(cls, item):
        return f'{cls.__name__}[{item.__name__}]'


print(Box[int], Box[str])
try:
    class Bad(Json, colour='red'):
        pass
except TypeError as error:
    print(type(error).__name__, error)


def plugins():
    for name in Registry.plugins:
        yield name.upper()


print(list(plugins()))
