# json: dumps/loads of generator-built data (indent, sort_keys, separators, default=, ensure_ascii), the decoder's
# errors with positions, JSONEncoder subclasses, and iterencode as a generator.
import io
import json


def rows(n):
    for i in range(n):
        yield {'id': i, 'name': f'item{i}', 'tags': ['x'] * i, 'ratio': i / 4, 'ok': i % 2 == 0, 'none': None}


data = list(rows(3))
text = json.dumps(data)
print(text)
print(json.loads(text) == data, json.dumps(data[1], indent=2, sort_keys=True), json.dumps([1, [2, {}]], separators=(',', ':')))
print(json.dumps({'é': 'ü', 'k': '\n\t"'}), json.dumps('é', ensure_ascii=False), json.dumps(float('inf')), json.dumps({3: 1, 2.5: 2, True: 3, None: 4}))
print(json.loads('{"a": [1, 2.5, -3e2, true, false, null], "b": "\\u00e9\\n"}'), json.loads('[]'), json.loads(' 7 '), json.loads('"s"'))
print(json.loads('{"x": 1}', object_hook=lambda d: sorted(d)), json.loads('[1.5]', parse_float=str), json.loads('NaN'), json.loads('[1, 2]', parse_int=lambda s: int(s) * 10))
buf = io.StringIO()
json.dump({'stream': True}, buf)
print(buf.getvalue(), json.load(io.StringIO('{"back": [1]}')))


class SetEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)


print(json.dumps({'s': {3, 1, 2}}, cls=SetEncoder), json.dumps({'g': (1, 2)}), list(json.JSONEncoder().iterencode({'a': [1, 2]})))
print(json.dumps(range(3), default=list), json.dumps({'b': 1, 'a': 2}, sort_keys=True, indent='\t'))
for bad in ('{"a": 1', '[1, 2,]', '{"a" 1}', 'tru', '', '"abc', '[1] x', '{1: 2}', '"\\x"'):
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(type(e).__name__, e.msg, e.pos, e.lineno, e.colno, '|', e)
for bad in (lambda: json.dumps({1, 2}), lambda: json.dumps({(1,): 2}), lambda: json.dumps(float('nan'), allow_nan=False),
            lambda: json.loads(5)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
cyc = []
cyc.append(cyc)
try:
    json.dumps(cyc)
except ValueError as e:
    print(e)
for bad in ('"a\x01b"', '["ok", "\\u12"]', '"\\ud800\\u12"', '{"a": "b\\qc"}'):
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(e.msg, e.pos)
