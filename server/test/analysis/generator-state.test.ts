// The generator-state dataflow, tested through one helper: a source where lines carry `#> name: state`
// and the state the analysis gives the first use of `name` on that line (before it evaluates).

import { describe, expect, it } from 'vitest';
import { parsePython, type SyntaxNode } from '../../src/parser.js';
import { SemanticModel } from '../../src/analysis/model/semantic.js';
import { CREATED, EXHAUSTED, maskToState, mayBeUnstarted, OTHER, SUSPENDED } from '../../src/analysis/flow/generator-state.js';
import { resolverFor } from '../../src/analysis/workspace/resolve.js';

const PRELUDE = `def gen():
    while True:
        x = yield x

def coroutine(func):
    def start(*args, **kwargs):
        g = func(*args, **kwargs)
        next(g)
        return g
    return start

@coroutine
def primed():
    while True:
        x = yield

`;

function identifiersOnLine(root: SyntaxNode, line: number, name: string, text: string): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  const visit = (node: SyntaxNode): void => {
    if (node.endPosition.row < line || node.startPosition.row > line) return;
    if (node.type === 'identifier' && node.startPosition.row === line && text.slice(node.startIndex, node.endIndex) === name) found.push(node);
    for (const child of node.namedChildren) visit(child);
  };
  visit(root);
  return found.sort((a, b) => a.startIndex - b.startIndex);
}

/** `[expected, actual]` pairs for every `#> name: state` marker in `body` (appended to the prelude). */
function checkStates(body: string): { expected: string[]; actual: string[] } {
  const text = PRELUDE + body;
  const tree = parsePython(text);
  expect(tree.rootNode.hasError).toBe(false);
  const model = new SemanticModel(tree, text);
  const resolver = resolverFor({ model, index: undefined, moduleName: 'example' });
  const expected: string[] = [];
  const actual: string[] = [];
  text.split('\n').forEach((line, row) => {
    const marker = /#>\s*(\w+):\s*(\w+)/.exec(line);
    if (marker === null) return;
    const [, name = '', state = ''] = marker;
    const use = identifiersOnLine(tree.rootNode, row, name, text)[0];
    expected.push(`${row + 1} ${name}: ${state}`);
    actual.push(`${row + 1} ${name}: ${use === undefined ? 'no use on this line' : resolver.stateAt(use)}`);
  });
  expect(expected.length).toBeGreaterThan(0);
  return { expected, actual };
}

function expectStates(body: string): void {
  const { expected, actual } = checkStates(body);
  expect(actual).toEqual(expected);
}

describe('generator state at a use', () => {
  it('follows straight-line priming, sending, closing and rebinding', () => {
    expectStates(`
def f():
    g = gen()
    print(g)  #> g: created
    next(g)  #> g: created
    g.send(1)  #> g: started
    g.close()  #> g: started
    g  #> g: exhausted
    g = gen()
    g.send(None)  #> g: created
    g.__next__()  #> g: started
`);
  });

  it('joins branches: primed on one branch only is unknown, on both is started', () => {
    expectStates(`
def f(flag):
    g = gen()
    if flag:
        next(g)
    g  #> g: unknown
    h = gen()
    if flag:
        next(h)
    elif flag > 1:
        h.send(None)
    else:
        list(h)
    h  #> h: started
`);
  });

  it('knows iteration: inside a for loop the generator is started, after it exhausted', () => {
    expectStates(`
def f():
    g = (x for x in range(3))
    for item in g:  #> g: created
        g  #> g: started
    g  #> g: exhausted
    h = gen()
    for item in h:
        if item:
            break
    h  #> h: started
    k = gen()
    list(k)
    k  #> k: exhausted
`);
  });

  it('iterates loops to a fixpoint: a send in a loop sees created on the first round', () => {
    expectStates(`
def f(values):
    g = gen()
    for value in values:
        g.send(value)  #> g: unknown
    h = gen()
    next(h)
    while True:
        h.send(1)  #> h: started
        if h:
            break
    h  #> h: started
`);
  });

  it('is exact in handlers only where the statement that raised did not change the object', () => {
    expectStates(`
def f():
    g = gen()
    try:
        prepare()
    except ValueError:
        g  #> g: created
    h = gen()
    try:
        next(h)
    except StopIteration:
        pass
    h  #> h: unknown
    k = gen()
    try:
        next(k)
    finally:
        cleanup()
    k  #> k: started
    m = gen()
    with lock:
        next(m)
    m  #> m: started
    n = gen()
    with suppress(StopIteration):
        next(n)
    n  #> n: unknown
`);
  });

  it('stops following an object that escapes, is aliased, captured or declared global', () => {
    expectStates(`
def f(register):
    g = gen()
    register(g)
    g  #> g: unknown
    h = gen()
    alias = h
    h  #> h: unknown
    k = gen()
    self.k = k
    k  #> k: unknown
    m = gen()
    def later():
        next(m)
    m  #> m: unknown
    n = gen()
    del n
    p = gen()
    p.send  #> p: created
    p  #> p: unknown
`);
  });

  it('treats conditional evaluation as a join', () => {
    expectStates(`
def f(flag):
    g = gen()
    value = next(g) if flag else None
    g  #> g: unknown
    h = gen()
    ok = flag and next(h)
    h  #> h: unknown
    k = gen()
    if k and flag:  #> k: created
        pass
    k  #> k: created
`);
  });

  it('knows priming decorators and module-level code', () => {
    expectStates(`
p = primed()
p  #> p: started
g = gen()
g  #> g: created
`);
  });

  it('handles match statements and early returns', () => {
    expectStates(`
def f(command):
    g = gen()
    match command:
        case "prime":
            next(g)
        case _:
            return
    g  #> g: started
`);
  });

  it('terminates on deeply nested loops and says unknown rather than guessing', () => {
    const depth = 40;
    let body = 'def f(xs):\n    g = gen()\n';
    for (let i = 0; i < depth; i++) body += `${'    '.repeat(i + 1)}for x${i} in xs:\n${'    '.repeat(i + 2)}next(g)\n`;
    body += `${'    '.repeat(depth + 1)}g  #> g: started\n`;
    const { actual } = checkStates(body);
    expect(['started', 'unknown']).toContain(actual[0]?.split(': ')[1]);
  });
});

describe('state sets', () => {
  it('maps masks to states', () => {
    expect(maskToState(CREATED)).toBe('created');
    expect(maskToState(SUSPENDED)).toBe('started');
    expect(maskToState(SUSPENDED | EXHAUSTED)).toBe('started');
    expect(maskToState(EXHAUSTED)).toBe('exhausted');
    expect(maskToState(CREATED | SUSPENDED)).toBe('unknown');
    expect(maskToState(SUSPENDED | OTHER)).toBe('unknown');
    expect(maskToState(undefined)).toBe('unknown');
  });

  it('says a generator may be unstarted only when nothing else is possible', () => {
    expect(mayBeUnstarted(CREATED)).toBe(true);
    expect(mayBeUnstarted(CREATED | SUSPENDED)).toBe(true);
    expect(mayBeUnstarted(CREATED | OTHER)).toBe(false);
    expect(mayBeUnstarted(SUSPENDED)).toBe(false);
    expect(mayBeUnstarted(undefined)).toBe(false);
  });
});
