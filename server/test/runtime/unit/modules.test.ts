// The stdlib modules' behaviour that the differential suite cannot compare with CPython: what depends on the
// in-memory file system, the captured stderr, and the refusals of what would block or describe the host.
import { describe, expect, test } from 'vitest';
import { runSnippet, type RunOptions } from '../../../src/runtime/index.js';

const run = (source: string, options: RunOptions = {}) => runSnippet(source, options);

describe('os on the in-memory file system', () => {
  const files = { 'data.txt': 'one\ntwo\n', 'pkg/a.py': 'x = 1\n', 'pkg/sub/b.py': '' };

  test('listdir, exists, isfile, isdir, getsize and remove see only the given files', () => {
    const r = run(
      "import os\nprint(sorted(os.listdir()), os.listdir('pkg'), os.listdir('./pkg/sub'))\n" +
        "print(os.path.exists('data.txt'), os.path.isfile('pkg'), os.path.isdir('pkg'), os.path.getsize('data.txt'))\n" +
        "os.remove('data.txt')\nprint(os.path.exists('data.txt'), os.listdir())\n",
      { files },
    );
    expect(r.error).toBeNull();
    expect(r.unsupported).toBeNull();
    expect(r.stdout).toBe("['data.txt', 'pkg'] ['a.py', 'sub'] ['b.py']\nTrue False True 8\nFalse ['pkg']\n");
  });

  test('a missing directory is FileNotFoundError as CPython words it', () => {
    const r = run("import os\nos.listdir('nope')\n", { files });
    expect(r.error).toEqual({ type: 'FileNotFoundError', message: "[Errno 2] No such file or directory: 'nope'", line: 2 });
  });

  test.each([
    ['os.getcwd()', 'import os\nprint(os.getcwd())\n'],
    ['abspath of a relative path', "import os\nprint(os.path.abspath('x'))\n"],
    ['os.environ', 'import os\nprint(os.environ)\n'],
    ['sys.argv', 'import sys\nprint(sys.argv)\n'],
  ])('%s is unsupported', (_label, source) => {
    const r = run(source);
    expect(r.unsupported?.line).toBe(2);
  });
});

describe('sys streams', () => {
  test('sys.stderr and print(file=sys.stderr) go to the report stderr, not stdout', () => {
    const r = run("import sys\nprint('out')\nsys.stderr.write('err\\n')\nprint('e2', file=sys.stderr)\n");
    expect(r.stdout).toBe('out\n');
    expect(r.stderr).toBe('err\ne2\n');
  });

  test('a run without stderr output has no stderr field', () => {
    expect(run("print('x')\n").stderr).toBeUndefined();
  });
});

describe('queue waits that only another thread could end', () => {
  test.each([
    ['get on an empty Queue', 'import queue\nq = queue.Queue()\nq.get()\n'],
    ['put on a full Queue', 'import queue\nq = queue.Queue(1)\nq.put(1)\nq.put(2)\n'],
    ['join with unfinished tasks', 'import queue\nq = queue.Queue()\nq.put(1)\nq.join()\n'],
    ['get on an empty SimpleQueue', 'import queue\nq = queue.SimpleQueue()\nq.get()\n'],
  ])('%s is unsupported (CPython would wait forever)', (_label, source) => {
    const r = run(source);
    expect(r.unsupported?.feature).toMatch(/wait forever/);
  });
});

describe('random', () => {
  test.each([
    ['an unseeded draw', 'import random\nprint(random.random())\n', /unseeded/],
    ['seed() without a value', 'import random\nrandom.seed(1)\nrandom.seed()\nprint(random.randint(1, 6))\n', /unseeded/],
    ['a str seed', "import random\nrandom.seed('spam')\n", /SHA-512/],
    ['gauss (needs log and cos)', 'import random\nrandom.seed(1)\nprint(random.gauss())\n', /math\.(log|cos)/],
    ['SystemRandom', 'import random\nrandom.SystemRandom()\n', /SystemRandom/],
  ])('%s is unsupported', (_label, source, feature) => {
    const r = run(source);
    expect(r.unsupported?.feature).toMatch(feature);
  });
});

describe('math', () => {
  test('a function whose last bits depend on the C library is refused when called, importable before', () => {
    const r = run('from math import sin, pi\nprint(pi)\nprint(sin(1.0))\n');
    expect(r.stdout).toBe('3.141592653589793\n');
    expect(r.unsupported).toEqual({ feature: 'math.sin() (its last bits depend on the C library)', line: 3 });
  });
});

describe('logging into the captured stderr', () => {
  test('lastResort and basicConfig() write to the report stderr in CPython formats', () => {
    const r = run("import logging\nlogging.getLogger('x').warning('first %d', 1)\nlogging.basicConfig()\nlogging.error('second')\nlogging.info('dropped')\n");
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('first 1\nERROR:root:second\n');
  });

  test.each([
    ['a clock field', "import logging\nlogging.basicConfig(format='%(asctime)s %(message)s')\nlogging.warning('x')\n"],
    ['a traceback', "import logging\ntry:\n    1/0\nexcept ZeroDivisionError:\n    logging.exception('boom')\n"],
  ])('%s is unsupported', (_label, source) => {
    expect(run(source).unsupported).not.toBeNull();
  });
});
