# abc: classmethod, staticmethod and property report __isabstractmethod__ from what they wrap, as CPython does.
import abc
class A(abc.ABC):
    @classmethod
    @abc.abstractmethod
    def make(cls): ...
    @property
    @abc.abstractmethod
    def size(self): ...
    @staticmethod
    def plain(): ...
print(sorted(A.__abstractmethods__))
print(A.__dict__['make'].__isabstractmethod__, A.__dict__['size'].__isabstractmethod__, A.__dict__['plain'].__isabstractmethod__, property().__isabstractmethod__)
try:
    A()
except TypeError as e:
    print(e)
