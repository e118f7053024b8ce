// Tests of the CPython oracle itself (oracle.py + oracle-harness.mjs), independent of the runtime: what
// sys.monitoring reports for delegation, error lines, finalizer output, and how reports are compared.
import { describe, expect, test } from 'vitest';
import type { TraceEvent, TraceReport } from '@yieldlens/shared';
import { compareWithOracle, findPython, maskAddresses, observeOracle, oracleRun, type OracleResult } from './oracle-harness.mjs';

const python = findPython();

async function oracle(source: string): Promise<OracleResult> {
  const outcome = await oracleRun(source, 'oracle_case.py');
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.result;
}

function report(partial: Partial<TraceReport>): TraceReport {
  return { version: 1, stdout: '', error: null, unsupported: null, truncated: false, events: [], ...partial };
}

const DELEGATION = `def inner():
    try:
        x = yield 1
    except ValueError:
        yield 'handled'
    return 5
def outer():
    r = yield from inner()
    yield r
g = outer()
print(next(g))
print(g.throw(ValueError))
print(next(g))
`;

describe.skipIf(!python.ok)(`CPython oracle (${python.ok ? python.version : python.ok === false ? python.reason : ''})`, () => {
  test('the delegating frame re-yields on next() but not when the inner generator answers throw()', async () => {
    const result = await oracle(DELEGATION);
    expect(result.stdout).toBe('1\nhandled\n5\n');
    expect(result.events.filter((event) => event.event !== 'resume')).toEqual([
      { event: 'yield', function: 'inner', line: 3, value: '1', locals: {} },
      { event: 'yield', function: 'outer', line: 8, value: '1', delegating: true },
      { event: 'yield', function: 'inner', line: 5, value: "'handled'", locals: {} },
      { event: 'return', function: 'inner', value: '5' },
      { event: 'yield', function: 'outer', line: 9, value: '5', locals: { r: '5' } },
    ]);
    expect(result.delegatingSites).toEqual([['outer', 8]]);
    expect(observeOracle(result).events.filter((event) => event.kind !== 'resume')).toEqual([
      { kind: 'yield', function: 'inner', line: 3, value: '1', locals: {} },
      { kind: 'yield', function: 'inner', line: 5, value: "'handled'", locals: {} },
      { kind: 'return', function: 'inner', value: '5' },
      { kind: 'yield', function: 'outer', line: 9, value: '5', locals: { r: '5' } },
    ]);
  });

  test('send() through yield from also re-yields in the delegating frame', async () => {
    const result = await oracle(`def inner():
    x = yield 'a'
    yield x
def outer():
    yield from inner()
g = outer()
next(g)
g.send(7)
`);
    const yields = result.events.filter((event) => event.event === 'yield');
    expect(yields.map((event) => [event.function, event.value, event.delegating ?? false])).toEqual([
      ['inner', "'a'", false],
      ['outer', "'a'", true],
      ['inner', '7', false],
      ['outer', '7', true],
    ]);
  });

  test('only generator code objects of the snippet are reported, genexps included', async () => {
    const result = await oracle(`import contextlib
@contextlib.contextmanager
def cm():
    yield 'v'
def plain():
    return 3
with cm() as v:
    print(v, plain(), sum(x for x in [1, 2]))
`);
    expect(result.events.filter((event) => event.event !== 'resume')).toEqual([
      { event: 'yield', function: 'cm', line: 4, value: "'v'", locals: {} },
      // A genexp's hidden `.0` iterator is left out of its locals.
      { event: 'yield', function: '<genexpr>', line: 8, value: '1', locals: { x: '1' } },
      { event: 'yield', function: '<genexpr>', line: 8, value: '2', locals: { x: '2' } },
      { event: 'return', function: '<genexpr>', value: 'None' },
      { event: 'return', function: 'cm', value: 'None' },
    ]);
  });

  test('resumptions carry the line of the nearest snippet frame below the generator', async () => {
    const result = await oracle(DELEGATION);
    expect(result.events.filter((event) => event.event === 'resume')).toEqual([
      { event: 'resume', function: 'outer', line: 11, method: 'next/send' },
      // The delegated-to generator is resumed by the delegating frame, at its `yield from`.
      { event: 'resume', function: 'inner', line: 8, method: 'next/send' },
      // throw() goes straight to the inner generator (the outer frame is not resumed) but the outer frame is
      // still linked below it: the caller line is the `yield from` again.
      { event: 'resume', function: 'inner', line: 8, method: 'throw', sent: 'ValueError()' },
      { event: 'resume', function: 'outer', line: 13, method: 'next/send' },
      { event: 'resume', function: 'inner', line: 8, method: 'next/send' },
    ]);
    const contextManaged = await oracle(`from contextlib import contextmanager
@contextmanager
def cm():
    yield
with cm():
    pass
print(sum(x for x in [1, 2]))
`);
    // contextlib's frames are not the snippet's: the caller line is the with statement; sum() has no frame.
    expect(contextManaged.events.filter((event) => event.event === 'resume').map((event) => [event.function, event.line])).toEqual([
      ['cm', 5],
      ['cm', 5],
      ['<genexpr>', 7],
      ['<genexpr>', 7],
      ['<genexpr>', 7],
    ]);
  });

  test('an uncaught error reports the line of the innermost snippet frame', async () => {
    const result = await oracle(`def check(x):
    raise ValueError(f"bad {x}")
def gen():
    yield check(1)
print("before")
list(gen())
`);
    expect(result.stdout).toBe('before\n');
    expect(result.error).toEqual({ type: 'ValueError', message: 'bad 1', line: 2 });
  });

  test('exceptions leaving a generator are raise events, StopIteration as the PEP 479 RuntimeError', async () => {
    const result = await oracle(`def stops():
    next(iter([]))
    yield
def fails():
    yield 1
    raise KeyError('k')
def closes():
    try:
        yield 1
    finally:
        pass
for g in (stops(), fails()):
    try:
        list(g)
    except (RuntimeError, KeyError) as e:
        pass
c = closes()
next(c)
c.close()
`);
    expect(result.events.filter((event) => event.event === 'raise')).toEqual([
      { event: 'raise', function: 'stops', exception: 'RuntimeError', message: 'generator raised StopIteration' },
      { event: 'raise', function: 'fails', exception: 'KeyError', message: "'k'" },
      { event: 'raise', function: 'closes', exception: 'GeneratorExit', message: '' },
    ]);
    // GeneratorExit is not compared: CPython 3.13's close() skips resuming frames suspended outside any try block.
    expect(observeOracle(result).events.filter((event) => event.kind === 'raise').map((event) => event.function)).toEqual(['stops', 'fails']);
  });

  test('a snippet that does not compile ends with SyntaxError before printing anything', async () => {
    const result = await oracle("print('never')\ndef f(:\n    pass\n");
    expect(result.stdout).toBe('');
    expect(result.error).toEqual({ type: 'SyntaxError', message: 'invalid syntax', line: 2 });
  });

  test('output printed by finalizers is kept apart from stdout', async () => {
    const result = await oracle(`def gen():
    try:
        yield 1
    finally:
        print("finalized")
g = gen()
next(g)
`);
    expect(result.stdout).toBe('');
    expect(result.teardownStdout).toBe('finalized\n');
  });

  test('a faithful report agrees; a wrong value, a wrong line or unsupported disagree', async () => {
    const result = await oracle(DELEGATION);
    const yieldEvent = (generator: number, fn: string, line: number, value: string, locals: Record<string, string> = {}): TraceEvent => ({
      event: 'yield', generator, function: fn, line, value, locals,
    });
    const resume = (generator: number, fn: string, line: number, method: 'next' | 'send' | 'throw' | 'close', sent?: string): TraceEvent => ({
      event: 'resume', generator, function: fn, line, method, ...(sent === undefined ? {} : { sent }),
    });
    const faithful: TraceEvent[] = [
      { event: 'create', generator: 1, function: 'outer', line: 10 },
      resume(1, 'outer', 11, 'next'),
      { event: 'create', generator: 2, function: 'inner', line: 8 },
      resume(2, 'inner', 8, 'next'),
      yieldEvent(2, 'inner', 3, '1'),
      // The runtime may report the delegating frame's yield; it is not compared.
      yieldEvent(1, 'outer', 8, '1'),
      resume(2, 'inner', 8, 'throw', 'ValueError()'),
      yieldEvent(2, 'inner', 5, "'handled'"),
      resume(1, 'outer', 13, 'next'),
      resume(2, 'inner', 8, 'next'),
      { event: 'return', generator: 2, function: 'inner', line: 6, value: '5' },
      yieldEvent(1, 'outer', 9, '5', { r: '5' }),
    ];
    expect(compareWithOracle(report({ stdout: '1\nhandled\n5\n', events: faithful }), result)).toEqual([]);

    const wrongValue = faithful.map((event, index) => (index === 7 ? yieldEvent(2, 'inner', 5, '"handled"') : event));
    expect(compareWithOracle(report({ stdout: '1\nhandled\n5\n', events: wrongValue }), result)).toEqual([
      `event #5: expected yield inner:5 'handled', got yield inner:5 "handled"`,
    ]);
    const wrongLine = faithful.map((event, index) => (index === 11 ? yieldEvent(1, 'outer', 8, '5', { r: '5' }) : event));
    expect(compareWithOracle(report({ stdout: '1\nhandled\n5\n', events: wrongLine }), result)[0]).toMatch(/^event #9/);
    const wrongResumeLine = faithful.map((event, index) => (index === 6 ? resume(2, 'inner', 12, 'throw', 'ValueError()') : event));
    expect(compareWithOracle(report({ stdout: '1\nhandled\n5\n', events: wrongResumeLine }), result)).toEqual([
      'event #4: expected resume inner from line 8 by throw, got resume inner from line 12 by throw',
    ]);
    const wrongLocals = faithful.map((event, index) => (index === 11 ? yieldEvent(1, 'outer', 9, '5', { r: "'5'" }) : event));
    expect(compareWithOracle(report({ stdout: '1\nhandled\n5\n', events: wrongLocals }), result)).toEqual([
      `locals at event #9 (yield outer:9): expected "{\\"r\\":\\"5\\"}", got "{\\"r\\":\\"'5'\\"}"`,
    ]);
    expect(compareWithOracle(report({ stdout: '1\nhandled\n', events: faithful }), result)).toEqual([
      'stdout line 3: expected "5", got ""',
    ]);
    expect(compareWithOracle(report({ unsupported: { feature: 'yield from', line: 8 } }), result)).toEqual([
      'unsupported: yield from (line 8)',
    ]);
    expect(
      compareWithOracle(report({ stdout: '1\nhandled\n5\n', events: faithful, error: { type: 'ValueError', message: '', line: 3 } }), result),
    ).toEqual(['error: expected no error, got ValueError:  (line 3)']);
  });

  test('the hash-seed check flags output that depends on string hashing, not on addresses', async () => {
    const strings = await oracleRun("print({'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta'})\n", 'hash_case.py', { checkHashSeed: true });
    const addresses = await oracleRun('def g():\n    yield 1\nprint(g())\n', 'hash_case.py', { checkHashSeed: true });
    if (!strings.ok || !addresses.ok) throw new Error('oracle failed');
    expect(strings.result.hashSeedDependent).toBe(true);
    expect(addresses.result.hashSeedDependent).toBe(false);
  });

  test('addresses are masked', () => {
    expect(maskAddresses('<generator object gen at 0x7f3a2b1c>')).toBe('<generator object gen at 0x…>');
  });
});
