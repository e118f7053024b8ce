// Unit tests of the mini-runtime through one helper (checkTrace); the differential suite compares the
// same behaviours against real CPython, these pin down the report's shape and the non-Python parts.
import { describe, expect, test } from 'vitest';
import type { TraceEvent, TraceReport } from '@yieldlens/shared';
import { runSnippet, type RunOptions } from '../../../src/runtime/index.js';
import { floatRepr } from '../../../src/runtime/values.js';

function checkTrace(source: string, options: RunOptions = {}): TraceReport {
  return runSnippet(source.replace(/^\n/, ''), options);
}
const kinds = (events: TraceEvent[]): string[] => events.map((e) => `${e.event}:${e.function}:${e.line}`);

describe('generator protocol', () => {
  test('the spec example: create, resume, yield with locals, send, return', () => {
    const r = checkTrace(`
def counter(start, end):
    current = start
    while current < end:
        value = yield current
        if value is not None:
            current = value
        current += 1
    return "done"

g = counter(0, 3)
print(next(g))
print(g.send(1))
print(next(g, "exhausted"))
`);
    expect(r.error).toBeNull();
    expect(r.stdout).toBe('0\n2\nexhausted\n');
    expect(kinds(r.events)).toEqual([
      'create:counter:10', 'resume:counter:11', 'yield:counter:4', 'resume:counter:12', 'yield:counter:4',
      'resume:counter:13', 'return:counter:8',
    ]);
    const firstYield = r.events[2];
    expect(firstYield).toMatchObject({ value: '0', locals: { start: '0', end: '3', current: '0' } });
    expect(r.events[3]).toMatchObject({ method: 'send', sent: '1' });
    expect(r.events[6]).toMatchObject({ value: "'done'" });
  });

  test('generator protocol errors use CPython messages', () => {
    const r = checkTrace(`
def g():
    yield 1
x = g()
try:
    x.send(5)
except TypeError as e:
    print(e)
def h():
    yield me.send(None)
me = h()
try:
    next(me)
except ValueError as e:
    print(e)
def bad():
    try:
        yield 1
    except GeneratorExit:
        yield 2
b = bad(); next(b)
try:
    b.close()
except RuntimeError as e:
    print(e)
def leak():
    raise StopIteration
    yield
try:
    next(leak())
except RuntimeError as e:
    print(e, type(e.__cause__).__name__)
`);
    expect(r.stdout).toBe(
      "can't send non-None value to a just-started generator\ngenerator already executing\n" +
        'generator ignored GeneratorExit\ngenerator raised StopIteration StopIteration\n',
    );
  });

  test('yield from forwards send, throw and the return value', () => {
    const r = checkTrace(`
def inner():
    try:
        x = yield 1
        print("inner got", x)
    except KeyError:
        yield "recovered"
    return "result"
def outer():
    r = yield from inner()
    yield r
g = outer()
print(next(g), g.gi_yieldfrom is not None)
print(g.throw(KeyError("k")))
print(next(g), g.gi_yieldfrom)
`);
    expect(r.stdout).toBe('1 True\nrecovered\nresult None\n');
  });

  test('inspect states and gi_frame', () => {
    const r = checkTrace(`
import inspect
def g():
    yield 1
x = g()
print(inspect.getgeneratorstate(x), x.gi_frame.f_lineno)
next(x)
print(inspect.getgeneratorstate(x), x.gi_frame.f_lineno)
x.close()
print(inspect.getgeneratorstate(x), x.gi_frame)
`);
    expect(r.stdout).toBe('GEN_CREATED 2\nGEN_SUSPENDED 3\nGEN_CLOSED None\n');
  });

  test('contextmanager throws the body exception into the generator', () => {
    const r = checkTrace(`
from contextlib import contextmanager
@contextmanager
def cm():
    try:
        yield "v"
    except ValueError as e:
        print("handled", e)
with cm() as v:
    raise ValueError(v)
print("after")
`);
    expect(r.stdout).toBe('handled v\nafter\n');
    expect(r.events.find((e) => e.event === 'resume' && e.method === 'throw')).toMatchObject({ sent: "ValueError('v')" });
  });

  test('an uncaught exception is part of a completed run', () => {
    const r = checkTrace(`
def g():
    yield 1
    raise ValueError("bad")
for x in g():
    print(x)
`);
    expect(r.error).toEqual({ type: 'ValueError', message: 'bad', line: 3 });
    expect(r.unsupported).toBeNull();
    expect(r.events.at(-1)).toMatchObject({ event: 'raise', exception: 'ValueError', message: 'bad' });
  });

  test('qualnames of nested functions, methods and generator expressions', () => {
    const r = checkTrace(`
class Node:
    def __iter__(self):
        yield 1
def f():
    def inner():
        yield 2
    return list(inner()) + list(x for x in [3])
print(list(Node()), f())
`);
    const names = new Set(r.events.map((e) => e.function));
    expect([...names]).toEqual(['Node.__iter__', 'f.<locals>.inner', 'f.<locals>.<genexpr>']);
  });
});

describe('finalisation of dropped generators (CPython closes them when the last reference goes)', () => {
  test('a for loop that breaks, a consumed temporary, a rebound name and a returning frame', () => {
    const r = checkTrace(`
def g(tag):
    try:
        yield 1
        yield 2
    finally:
        print("cleanup", tag)
for x in g("break"):
    break
print(next(g("next")))
a = g("rebind")
next(a)
a = None
def f():
    x = g("local")
    next(x)
    return 5
print(f())
kept = g("kept")
next(kept)
print("end")
`);
    expect(r.stdout).toBe('cleanup break\ncleanup next\n1\ncleanup rebind\ncleanup local\n5\nend\ncleanup kept\n');
  });
});

describe('stdlib pieces', () => {
  test('a module of shared types answers each run with that run\'s VM (weakref in a long-lived worker)', () => {
    // The weakref types are shared between runs; their methods were installed once, bound to the first run's
    // VM, so a second run's `r()` looked for its object among the first run's frames and was refused.
    const source = 'import weakref\nclass A: pass\na = A()\nr = weakref.ref(a)\nprint(r() is a, weakref.proxy(a) == a)\n';
    const first = runSnippet(source);
    const second = runSnippet(source);
    expect(first.unsupported).toBeNull();
    expect(second.unsupported).toBeNull();
    expect([first.stdout, second.stdout]).toEqual(['True True\n', 'True True\n']);
  });

  test('collections.deque and defaultdict', () => {
    const r = checkTrace(`
from collections import deque, defaultdict
w = deque(maxlen=2)
for x in range(4):
    w.append(x)
d = defaultdict(list)
d["a"].append(1)
print(w, list(w), d)
`);
    expect(r.stdout).toBe("deque([2, 3], maxlen=2) [2, 3] defaultdict(<class 'list'>, {'a': [1]})\n");
  });

  test('itertools over generators', () => {
    const r = checkTrace(`
import itertools
def nat():
    n = 0
    while True:
        yield n
        n += 1
print(list(itertools.islice(nat(), 3)), list(itertools.takewhile(lambda v: v < 2, nat())))
`);
    expect(r.stdout).toBe('[0, 1, 2] [0, 1]\n');
  });
});

describe('values', () => {
  test('float repr matches CPython', () => {
    expect([0.1, 1e16, 1e-5, 1.5, -0, 1 / 3, 1e22, 123456789.0, 0.0001].map(floatRepr)).toEqual([
      '0.1', '1e+16', '1e-05', '1.5', '-0.0', '0.3333333333333333', '1e+22', '123456789.0', '0.0001',
    ]);
  });

  test('set iteration follows CPython 3.13 slot order (ints; strs as with PYTHONHASHSEED=0)', () => {
    const r = checkTrace(`
s = set([10, 20, 30, 40, 50])
s.discard(20)
s.add(36)
print({10, 20, 30, 40, 50}, s, {1, 2, 3, 4} ^ {3, 10}, {"WARN", "ERROR"}, hash("a"))
`);
    expect(r.stdout).toBe("{50, 20, 40, 10, 30} {36, 40, 10, 50, 30} {1, 2, 4, 10} {'WARN', 'ERROR'} 4644417185603328019\n");
  });

  test('big ints, formatting and set order', () => {
    const r = checkTrace(`
print(2**64, -(2**70) // 3, 10**20 % 7, f"{1234.125:.2f}", f"{0.5:.0f}", {3, 1, 2, 10, 33})
print(f"{12345:,}", f"{3.14159:>10.3f}|", "%05.1f" % 2.25, round(2.675, 2), round(0.5), round(1.5))
`);
    expect(r.stdout).toBe(
      "18446744073709551616 -393530540239137101142 2 1234.12 0 {1, 2, 3, 33, 10}\n" +
        '12,345      3.142| 002.2 2.67 0 2\n',
    );
  });
});

describe('limits and sandbox', () => {
  test('an endless loop hits the step budget', () => {
    const r = checkTrace('while True:\n    pass\n', { maxSteps: 10_000 });
    expect(r.limit).toMatchObject({ kind: 'steps', line: 1 });
    expect(r.error).toBeNull();
  });

  test('memory bombs hit the memory cap', () => {
    expect(checkTrace("x = 'x' * 10**10\n").limit).toMatchObject({ kind: 'memory' });
    expect(checkTrace('x = [0] * 10**9\n').limit).toMatchObject({ kind: 'memory' });
  });

  test('runaway recursion is a RecursionError', () => {
    const r = checkTrace('def f():\n    return f()\nf()\n');
    expect(r.error).toMatchObject({ type: 'RecursionError', message: 'maximum recursion depth exceeded' });
    expect(r.limit).toMatchObject({ kind: 'recursion' });
  });

  test('unsupported imports and syntax stop the run where they are reached', () => {
    const r = checkTrace('print("before")\nimport socket\n');
    expect(r.stdout).toBe('before\n');
    expect(r.unsupported).toEqual({ feature: 'import socket', line: 2 });
    expect(checkTrace('type X = int\nprint(1)\n').unsupported).toEqual({ feature: 'type alias statement', line: 1 });
  });

  test('open() works on the in-memory file system only', () => {
    const r = checkTrace(
      `
with open("out.txt", "w") as f:
    f.write("a\\nb\\n")
with open("out.txt") as f:
    print([line.strip() for line in f])
print(open("in.txt").read())
try:
    open("/etc/passwd")
except FileNotFoundError as e:
    print(e)
`,
      { files: { 'in.txt': 'given' } },
    );
    expect(r.stdout).toBe("['a', 'b']\ngiven\n[Errno 2] No such file or directory: '/etc/passwd'\n");
  });

  test('JavaScript internals are not reachable from Python attributes', () => {
    const r = checkTrace(`
for obj, name in [((), "constructor"), ([], "__proto__"), ({}, "constructor"), (print, "call")]:
    try:
        getattr(obj, name)
        print("leak", name)
    except AttributeError:
        print("blocked", name)
`);
    expect(r.stdout).toBe('blocked constructor\nblocked __proto__\nblocked constructor\nblocked call\n');
  });

  test('a long trace keeps its first and last events', () => {
    const r = checkTrace('print(sum(x for x in range(1000)))\n', { maxEvents: 10 });
    expect(r.truncated).toBe(true);
    expect(r.events).toHaveLength(10);
    // create + 1001 resumes + 1000 yields + return, minus the 10 kept.
    expect(r.omittedEvents).toBe(2003 - 10);
    expect(r.events[0]).toMatchObject({ event: 'create' });
    expect(r.events.at(-1)).toMatchObject({ event: 'return', value: 'None' });
  });

  test('a truncated trace keeps exactly the first and last events of the full trace', () => {
    // Frames with few and many locals (more than a recorder slot inlines), floats, a list that
    // changes after it is yielded, send and throw, a closure cell, and several generators interleaved.
    const source = `
def few(n):
    for i in range(n):
        got = yield i / 4
        if got is not None:
            print("got", got)

def many(n):
    a, b, c, d, e, f, g = 1, 2.5, "s", None, [1], (2,), {"k": 3}
    for i in range(n):
        a += i
        e.append(i)
        yield e

def outer():
    cell = 0
    def inner():
        nonlocal cell
        while True:
            cell += 1
            try:
                yield cell
            except ValueError:
                yield "caught"
    return inner()

f, m, c = few(300), many(300), outer()
next(f)
for k in range(290):
    f.send(k) if k % 3 else next(f)
    next(m)
    next(c)
    if k % 50 == 0:
        c.throw(ValueError)
print("done")
`;
    const full = checkTrace(source, { maxEvents: 1_000_000 });
    expect(full.truncated).toBe(false);
    expect(full.events.length).toBeGreaterThan(1_700);
    // 1,500 exceeds the buffer's first allocation (1,024 slots), so the ring lives in grown storage.
    for (const maxEvents of [7, 100, 1_001, 1_500]) {
      const cut = checkTrace(source, { maxEvents });
      expect(cut.stdout).toBe(full.stdout);
      const head = Math.ceil(maxEvents / 2);
      const tail = maxEvents - head;
      expect(cut.events.slice(0, head)).toEqual(full.events.slice(0, head));
      expect(cut.events.slice(head)).toEqual(full.events.slice(-tail));
      expect(cut.omittedEvents).toBe(full.events.length - maxEvents);
    }
  });
});

describe('async', () => {
  test('async generator events: asyncGenerator on each, anext/asend/athrow resumptions, aclose as a close event', () => {
    const r = checkTrace(`
async def agen():
    try:
        got = yield 1
        yield got
    except KeyError:
        yield 'caught'
    finally:
        pass

def step(awaitable):
    try:
        awaitable.send(None)
    except StopIteration as stop:
        return stop.value

g = agen()
print(step(g.__anext__()), step(g.asend(5)), step(g.athrow(KeyError())), step(g.aclose()))
`);
    expect(r.error).toBeNull();
    expect(r.stdout).toBe('1 5 caught None\n');
    expect(r.events.map((e) => (e.event === 'resume' ? `resume:${e.method}:${e.sent ?? ''}` : e.event))).toEqual([
      'create', 'resume:anext:', 'yield', 'resume:asend:5', 'yield', 'resume:athrow:KeyError()', 'yield', 'close',
    ]);
    expect(r.events.every((e) => e.asyncGenerator === true)).toBe(true);
  });

  test('coroutines and the awaits inside an async generator are not events', () => {
    const r = checkTrace(`
import asyncio

async def ticks():
    for i in range(2):
        await asyncio.sleep(0.01)
        yield i

async def main():
    return [i async for i in ticks()]

print(asyncio.run(main()))
`);
    expect(r.error).toBeNull();
    expect(r.stdout).toBe('[0, 1]\n');
    // One generator only: asyncio's own coroutines and generators are not the snippet's.
    expect(new Set(r.events.map((e) => e.function))).toEqual(new Set(['ticks']));
    expect(r.events.filter((e) => e.event === 'yield').map((e) => e.event === 'yield' && e.value)).toEqual(['0', '1']);
    expect(r.events.filter((e) => e.event === 'resume').length).toBe(3);
  });

  test('an event loop with nothing to run and no timer hits the time limit instead of hanging', () => {
    const r = checkTrace(`
import asyncio

async def main():
    await asyncio.get_running_loop().create_future()

asyncio.run(main())
`);
    expect(r.limit).toMatchObject({ kind: 'time', line: 6 });
    expect(r.limit?.message).toContain('CPython would wait forever');
  });

  test('the virtual clock moves straight to the next timer', () => {
    const r = checkTrace(`
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.sleep(3600)
    print(round(loop.time() - start, 3))

asyncio.run(main())
`, { timeoutMs: 2000 });
    expect(r.error).toBeNull();
    expect(r.stdout).toBe('3600.0\n');
  });
});
