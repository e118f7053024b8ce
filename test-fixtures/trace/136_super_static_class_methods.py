# Generator methods with super(), staticmethod, classmethod and a property returning a genexp.
class Base:
    def items(self):
        yield "base"


class Child(Base):
    def items(self):
        yield "child"
        yield from super().items()


print(list(Child().items()))


class WithStatic:
    @staticmethod
    def s():
        yield "static"

    @classmethod
    def c(cls):
        yield cls.__name__

    @property
    def p(self):
        return (x for x in "ab")


print(list(WithStatic.s()), list(WithStatic.c()), list(WithStatic().p))
print(WithStatic.s().__qualname__, WithStatic.c().__qualname__, WithStatic().p.__qualname__)
