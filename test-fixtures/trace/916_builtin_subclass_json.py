# json of dict and list subclasses: json.dumps (CPython's C encoder) takes list(x) of a list subclass (its
# __iter__) and asks a dict's storage whether it is empty before calling items(); json.dump to a file runs the
# pure-Python encoder, which asks `not x` (__len__) first. Plain subclasses encode as their storage.
import io
import json


class Reversed(list):
    def __iter__(self):
        return iter(self[::-1])


class Empty(list):
    def __len__(self):
        return 0


class Items(dict):
    def items(self):
        return [(k.upper(), v) for k, v in dict.items(self)]

    def __len__(self):
        return 0


class Plain(dict):
    pass


def encode(values):
    for v in values:
        out = io.StringIO()
        json.dump(v, out)
        yield json.dumps(v), out.getvalue(), json.dumps(v, indent=1, sort_keys=True)


for row in encode([Reversed([1, 2, 3]), Empty([1]), Items(a=1, b=[Reversed([4, 5])]), Plain(x=Plain(y=1)), [Empty([2])], Reversed()]):
    print(row)
print(json.loads(json.dumps(Plain(k=[1, 2]))), json.dumps({'d': Items(z=0)}), json.dumps(Items()))
