# abc: CPython's ABC classes are made by abc.ABCMeta, which the runtime lacks: type() of one is refused.
import abc


class Shape(abc.ABC):
    pass


print(type(Shape))
