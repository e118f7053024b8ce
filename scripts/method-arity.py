"""Writes server/src/runtime/objects/method-arity.ts: how many positional arguments each method of the built-in types
takes in CPython 3.13, and the style of the TypeError a wrong count gets. Every message the runtime would render from
the table is checked against the one CPython gave while probing (0 to 4 arguments of object()).

usage: PYENV_VERSION=3.13.0 python3.13 scripts/method-arity.py
"""
import json
import os
import re
samples = {'int': 5, 'float': 2.5, 'list': [1, 2], 'dict': {1: 2}, 'set': {1}, 'frozenset': frozenset({1}), 'tuple': (1,), 'str': 'ab', 'bytes': b'ab', 'bytearray': bytearray(b'ab')}
pats = [
    (re.compile(r"^[\w.]+\(\) takes no arguments \((\d+) given\)$"), 'noargs'),
    (re.compile(r"^[\w.]+\(\) takes exactly one argument \((\d+) given\)$"), 'one'),
    (re.compile(r"^\w+ expected at least (\d+) arguments?, got (\d+)$"), 'expected'),
    (re.compile(r"^\w+ expected at most (\d+) arguments?, got (\d+)$"), 'expected'),
    (re.compile(r"^\w+ expected (\d+) arguments?, got (\d+)$"), 'expected'),
    (re.compile(r"^\w+\(\) takes at most (\d+) arguments? \((\d+) given\)$"), 'takes'),
    (re.compile(r"^\w+\(\) takes at least (\d+) positional arguments? \((\d+) given\)$"), 'takespos'),
    (re.compile(r"^\w+\(\) takes exactly (\d+) positional arguments? \((\d+) given\)$"), 'takesexact'),
    (re.compile(r"^expected (\d+) arguments?, got (\d+)$"), 'wrapper'),
    (re.compile(r"^\w+\(\) takes from (\d+) to (\d+) positional arguments but (\d+) were given$"), 'from'),
]
out = {}
for tname, obj in samples.items():
    for name in dir(type(obj)):
        if name in ('__init__', '__new__', '__init_subclass__', '__subclasshook__', '__class__', '__getattribute__', '__setattr__', '__delattr__', '__reduce__', '__reduce_ex__', '__getstate__', '__format__', '__dir__', '__sizeof__', '__class_getitem__', 'fromkeys', 'maketrans', 'fromhex'):
            continue
        meth = getattr(obj, name)
        if not callable(meth):
            continue
        ok = []
        msgs = {}
        for n in range(0, 5):
            try:
                meth(*([object()] * n))
                ok.append(n)
            except TypeError as e:
                m = str(e)
                style = next((s for p, s in pats if p.match(m)), None)
                if style is None:
                    ok.append(n)
                else:
                    msgs[n] = (style, m)
            except Exception:
                ok.append(n)
        if not msgs:
            continue
        lo, hi = min(ok) if ok else None, max(ok) if ok else None
        out[f'{tname}.{name}'] = {'min': lo, 'max': hi if hi is not None and hi < 4 else None, 'msgs': {str(k): v for k, v in msgs.items()}}
d = json.loads(json.dumps(out))


def render(tname, meth, shown, mn, mx, style, n):
    arg = lambda k: f"{k} argument{'' if k == 1 else 's'}"
    if style == 'wrapper': return f"expected {arg(mn)}, got {n}"
    if style == 'one': return f"{tname}.{meth}() takes exactly one argument ({n} given)"
    if style == 'noargs': return f"{tname}.{meth}() takes no arguments ({n} given)"
    if style == 'expected':
        if mn == mx: return f"{shown} expected {arg(mn)}, got {n}"
        if n < mn: return f"{shown} expected at least {arg(mn)}, got {n}"
        return f"{shown} expected at most {arg(mx)}, got {n}"
    if style == 'takes': return f"{shown}() takes at most {arg(mx)} ({n} given)"
    if style == 'takespos': return f"{shown}() takes at least {mn} positional argument{'' if mn == 1 else 's'} ({n} given)"
    raise ValueError(style)
CHECK_FUNCTION = """/**
 * The argument-count check of `typeName.method`, made once where the method is defined (the table is not read
 * on each call), or null for a method the table does not constrain. It throws CPython's TypeError for a wrong count.
 */
export function arityCheck(typeName: string, method: string): ((vm: VM, n: number) => void) | null {
  const entry = METHOD_ARITY[`${typeName}.${method}`];
  if (entry === undefined) return null;
  const [min, max, low, high, shown = method] = entry;
  return (vm, n) => {
    if (n >= min && (max < 0 || n <= max)) return;
    throw vm.typeError(arityMessage(typeName, method, shown, min, max, n < min ? low : high, n));
  };
}

/** `fn` (a method whose args[0] is self) behind the argument-count check of `typeName.method`, if the table has one. */
export function withArity(vm: VM, typeName: string, method: string, fn: (args: Py[], kw: Kw) => Py): (args: Py[], kw: Kw) => Py {
  const check = arityCheck(typeName, method);
  if (check === null) return fn;
  return (args, kw) => {
    check(vm, args.length - 1);
    return fn(args, kw);
  };
}

function arityMessage(typeName: string, method: string, shown: string, min: number, max: number, style: ArityStyle, n: number): string {
  const arg = (k: number): string => `${k} argument${k === 1 ? '' : 's'}`;
  switch (style) {
    case 'wrapper': return `expected ${arg(min)}, got ${n}`;
    case 'one': return `${typeName}.${method}() takes exactly one argument (${n} given)`;
    case 'noargs': return `${typeName}.${method}() takes no arguments (${n} given)`;
    case 'expected':
      if (min === max) return `${shown} expected ${arg(min)}, got ${n}`;
      return n < min ? `${shown} expected at least ${arg(min)}, got ${n}` : `${shown} expected at most ${arg(max)}, got ${n}`;
    case 'takes': return `${shown}() takes at most ${arg(max)} (${n} given)`;
    case 'takespos': return `${shown}() takes at least ${min} positional argument${min === 1 ? '' : 's'} (${n} given)`;
    default: return `${shown}() got ${n} arguments`;
  }
}
"""
rows = {}
bad = 0
for key, v in d.items():
    tname, meth = key.split('.', 1)
    mn, mx = v['min'], v['max']
    if mn is None:
        continue
    msgs = {int(k): tuple(x) for k, x in v['msgs'].items()}
    low = {s for n, (s, m) in msgs.items() if n < mn}
    high = {s for n, (s, m) in msgs.items() if mx is not None and n > mx}
    if len(low) > 1 or len(high) > 1:
        bad += 1; continue
    lo = low.pop() if low else None
    hi = high.pop() if high else None
    # the name the messages use
    m0 = next(iter(msgs.values()))[1]
    mm = re.match(r"^(\w+)(\(\))? expected|^(\w+)\(\) takes", m0)
    shown = (mm.group(1) or mm.group(3)) if mm else meth
    ok = all(render(tname, meth, shown, mn, mx if mx is not None else 99, s, n) == m for n, (s, m) in msgs.items())
    if not ok:
        bad += 1
        raise SystemExit(f'mismatch: {key} {msgs} {shown}')
        continue
    rows[key] = [mn, mx if mx is not None else -1, lo or '', hi or ''] + ([shown] if shown != meth else [])
print(len(rows), 'rows', bad, 'bad')
lines = ['// Generated by scripts/method-arity.py from CPython 3.13: how many positional arguments each method of the',
         '// built-in types takes, and the style of the TypeError a wrong count gets (METH_NOARGS, METH_O, Argument Clinic,',
         '// slot wrappers), so that a call with too few or too many arguments fails as in CPython instead of ignoring them.',
         '// Each entry: [min, max (-1: no maximum), style below min, style above max, the name its messages use].',
         '',
         "import type { Kw } from '../args.js';",
         "import type { VM } from '../interp.js';",
         "import type { Py } from '../values.js';",
         '',
         'export type ArityStyle = \'\' | \'wrapper\' | \'one\' | \'noargs\' | \'expected\' | \'takes\' | \'takespos\';',
         'export const METHOD_ARITY: Record<string, [number, number, ArityStyle, ArityStyle, string?]> = {']
for k in sorted(rows):
    lines.append(f'  {json.dumps(k)}: {json.dumps(rows[k])},')
lines.append('};')
lines.append('')
lines.append(CHECK_FUNCTION)
open(os.path.join(os.path.dirname(__file__), '..', 'server', 'src', 'runtime', 'objects', 'method-arity.ts'), 'w').write('\n'.join(lines) + '\n')
