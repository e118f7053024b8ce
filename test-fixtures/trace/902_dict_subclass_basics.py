# A class statement's subclass of dict: type(), isinstance, the dict's repr, an instance __dict__, the builtin
# methods on its storage, ==, json.dumps, sorted/list of it, unhashable, copy.copy (attributes too), and a
# generator that fills it through an __init__ of its own calling super().__init__.
import copy
import json


class Record(dict):
    def __init__(self, name, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.name = name

    def total(self):
        return sum(self.values())


def fill(n):
    r = Record('squares')
    for i in range(n):
        r[i] = i * i
        yield r.total()


print(list(fill(4)))
r = Record('r', {'b': 2}, a=1)
print(r, type(r), type(r).__name__, isinstance(r, dict), issubclass(Record, dict), r.name, r.__dict__)
print(len(r), 'a' in r, 'z' in r, list(r), sorted(r), r.get('a'), r.get('z', 0), r.keys(), r.items())
print(r == {'b': 2, 'a': 1}, {'a': 1, 'b': 2} == r, r != {}, dict(r), type(dict(r)), {**r, 'c': 3})
r.update(c=3)
r['d'] = 4
del r['b']
print(r, r.pop('c'), r.setdefault('e', 5), r, r.copy(), type(r.copy()), type(r | {}), bool(r), bool(Record('x')))
print(json.dumps(r), json.dumps({'k': r}), repr(r), str(r), f'{r}')
try:
    hash(r)
except TypeError as e:
    print('TypeError', e)
try:
    {r: 1}
except TypeError as e:
    print('TypeError', e)
c = copy.copy(r)
print(c, type(c), c.name, c is r, c == r, c.__dict__)
print(Record.__mro__, Record.__bases__, Record('q').__class__, Record[int], type(Record[int]))
print(vars(r), r.__class__.__name__, dir(r)[-3:])
class Plain(dict):
    pass
p = Plain([('x', 1)], y=2)
p.tag = 't'
print(p, p.tag, vars(p), Plain(), Plain.fromkeys('ab', 0), type(Plain.fromkeys('ab')))
try:
    Plain(1, 2)
except TypeError as e:
    print('TypeError', e)
try:
    p.missing
except AttributeError as e:
    print('AttributeError', e)
try:
    p['nope']
except KeyError as e:
    print('KeyError', e)
