# NotImplemented is the one instance of NotImplementedType.
print(NotImplemented, type(NotImplemented))
print(type(NotImplemented).__name__, type(NotImplemented)() is NotImplemented, type(...).__name__)
class A:
    def __eq__(self, o):
        return NotImplemented
print(A() == 1, A().__eq__(2))
