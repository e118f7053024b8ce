# Annotated assignment targets as CPython 3.13 compiles them: the value first, then the target, then (at module and class level) the annotation; a complex target without a value evaluates its object and index (a slice's bounds too); (x): int = v assigns x without entering it in __annotations__ (926-930: the SyntaxErrors).
def say(what, value=None):
    print('eval', what)
    return value
class Box:
    def __setattr__(self, name, value):
        print('setattr', name, value)
    def __setitem__(self, key, value):
        print('setitem', key, value)
box = Box()
say('obj', box).attr: say('ann', int) = say('value', 1)
say('obj', box).attr: say('ann', int)
say('obj', box)[say('index', 0)]: say('ann', int) = say('value', 2)
say('obj', box)[say('i', 1), say('j', 2)]: say('ann', int)
say('obj', box)[say('lo', 1):say('hi', 2)]: say('ann', int)
(plain): say('ann', int) = say('value', 3)
((box.attr)): say('ann', int) = 4
print(plain, sorted(__annotations__))
class C:
    (inner): say('class ann', int) = 5
    outer: say('class ann 2', str)
print(C.__annotations__, C.inner)
def f():
    box.attr: say('ann in f', int) = 6
    (local): say('ann in f', int) = 7
    return local
print(f())
