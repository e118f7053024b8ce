"""Builds test-fixtures/corpus/fluent/ (the fourth held-out set, 25 programs) from the example code of the book
Fluent Python, 2nd edition (github.com/fluentpython/example-code-2e at commit cf3161ca006b, MIT licence,
Copyright (c) 2021 Luciano Ramalho), extracted at /work/projects/fluentpython. Each program is one example file
as written, followed by a driver that runs what the example shows: its doctests (in its docstring and the .rst
file beside it) each printing what the interactive prompt would (an exception as `Type: message`), its
`__main__` block, and the bodies of the pytest tests beside it, each printing what it asserts. The selection
rule is in test-fixtures/corpus/README.md. Run once with any python3
(`PYENV_VERSION=3.13.0 python3.13 scripts/corpus-fluent.py`); the output is committed with its provenance in
each file's first two lines.
"""
import ast
import doctest
import os
import re
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
FP = '/work/projects/fluentpython'
COMMIT = 'cf3161ca006b'
OUT = os.path.join(HERE, '..', 'test-fixtures', 'corpus', 'fluent')
os.makedirs(OUT, exist_ok=True)
LICENCE = '# Licence: MIT, Copyright (c) 2021 Luciano Ramalho (the example code of Fluent Python, 2nd edition).'
# Example modules whose doctests import them by name (`from mirror import LookingGlass`): in a program the
# module's code is above the driver, so those imports are dropped.
LOCAL_MODULES = {'mirror', 'mirror_gen', 'mirror_gen_exc', 'lis', 'tree', 'classtree', 'drawtree'}


def read(path):
    with open(os.path.join(FP, path), encoding='utf-8') as f:
        return f.read()


def without_main(src):
    """The file without its `if __name__ == '__main__':` block (one that reads the command line)."""
    tree = ast.parse(src)
    lines = src.splitlines()
    for node in tree.body:
        if (isinstance(node, ast.If) and isinstance(node.test, ast.Compare)
                and getattr(node.test.left, 'id', None) == '__name__'):
            return '\n'.join(lines[:node.lineno - 1] + lines[node.end_lineno:]).rstrip() + '\n'
    raise ValueError('no __main__ block')


def without_imports(src, modules):
    """The file without its `from M import ...` lines for the example modules in `modules` (inlined above)."""
    tree = ast.parse(src)
    lines = src.splitlines()
    drop = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module in modules:
            drop.update(range(node.lineno - 1, node.end_lineno))
    return '\n'.join(line for i, line in enumerate(lines) if i not in drop).rstrip() + '\n'


class Displayed(ast.NodeTransformer):
    """What the interactive prompt shows: every expression statement of an example (outside a def or class
    body) prints the repr of a value that is not None, as sys.displayhook does."""

    def visit_FunctionDef(self, node):
        return node

    visit_AsyncFunctionDef = visit_ClassDef = visit_FunctionDef

    def visit_Expr(self, node):
        shown = ast.parse(f'_value = (0)\nif _value is not None:\n    print(repr(_value))').body
        shown[0].value = node.value
        return shown


def is_local_import(statement):
    return ((isinstance(statement, ast.ImportFrom) and statement.module in LOCAL_MODULES)
            or (isinstance(statement, ast.Import) and all(a.name in LOCAL_MODULES for a in statement.names)))


def doctest_driver(texts, first=1):
    """The doctest examples of each text, each in its own try block (as corpus-extract.py writes them), numbered
    from `first`."""
    out = []
    n = first
    for text in texts:
        for example in doctest.DocTestParser().get_examples(text):
            tree = ast.parse(example.source)
            tree.body = [s for s in tree.body if not is_local_import(s)]
            out.append(f'print("--- example {n}")')
            n += 1
            if not tree.body:
                continue
            tree = ast.fix_missing_locations(Displayed().visit(tree))
            out.append('try:')
            out.append(textwrap.indent(ast.unparse(tree), '    '))
            out.append('except Exception as _error:')
            out.append("    print(f'{type(_error).__name__}: {_error}')")
    return '\n'.join(out) + '\n'


class Asserted(ast.NodeTransformer):
    """A pytest test's body printing what each `assert` checks (the side that is not `expected`, or the whole
    test), without its `capsys` lines (what it captured is on stdout)."""

    def visit_Assert(self, node):
        shown = node.test
        if isinstance(node.test, ast.Compare) and len(node.test.ops) == 1 and isinstance(node.test.ops[0], ast.Eq):
            left, right = node.test.left, node.test.comparators[0]
            named = lambda side: isinstance(side, ast.Name) and not side.id.startswith('expected')
            if named(left) and not named(right):
                shown = left
            elif named(right) and not named(left):
                shown = right
        if 'captured' in ast.unparse(shown):
            return None
        return ast.parse(f'print(repr({ast.unparse(shown)}))').body[0]

    def visit_Assign(self, node):
        return None if 'capsys' in ast.unparse(node.value) else node


def pytest_driver(path, names=None):
    """Each `test_*` function of a pytest file (the arguments dropped), defined as written but asserting by
    printing, and called."""
    src = read(path)
    tree = ast.parse(src)
    out = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name.startswith('test_') and (names is None or node.name in names):
            node.args = ast.arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[])
            node = ast.fix_missing_locations(Asserted().visit(node))
            out.append(ast.unparse(node))
            out.append(f'print("--- {node.name}")')
            out.append(f'{node.name}()')
    return '\n'.join(out) + '\n'


def write(name, sources, body):
    header = f'# From Fluent Python, 2nd edition, example code (github.com/fluentpython/example-code-2e @ {COMMIT}): {sources}.\n{LICENCE}\n'
    with open(os.path.join(OUT, name + '.py'), 'w', encoding='utf-8') as f:
        f.write(header + body.rstrip() + '\n')


def docstring(path):
    return ast.get_docstring(ast.parse(read(path))) or ''


def sep(title):
    return f'\n\n# ---- {title}\n'


# ---- Chapter 17: iterators, generators and classic coroutines, in the book's order

# 1-6: the Sentence classes, each with its own doctests and sentence.rst (as sentence_runner.py runs them)
SENTENCE_RST = read('17-it-generator/sentence.rst')
for mod in ['sentence', 'sentence_iter', 'sentence_iter2', 'sentence_gen', 'sentence_gen2', 'sentence_genexp']:
    path = f'17-it-generator/{mod}.py'
    src = read(path)
    if "__name__ == '__main__'" in src:
        src = without_main(src)   # its main reads a file named on the command line
        note = f'`{path}` without its command-line `main()` call, with its doctests and those of `17-it-generator/sentence.rst`'
    else:
        note = f'`{path}` with its doctests and those of `17-it-generator/sentence.rst`'
    write(f'{mod}', note, src + sep('driver: the doctests') + doctest_driver([docstring(path), SENTENCE_RST]))

# 7-9: the arithmetic progressions, with aritprog.rst (aritprog_runner.py passes the class as `aritprog_gen`)
ARITPROG_RST = read('17-it-generator/aritprog.rst')
for mod in ['aritprog_v1', 'aritprog_v2', 'aritprog_v3']:
    path = f'17-it-generator/{mod}.py'
    alias = 'aritprog_gen = ArithmeticProgression\n' if mod == 'aritprog_v1' else ''
    write(mod, f'`{path}` with its doctests and those of `17-it-generator/aritprog.rst`',
          read(path) + sep('driver: the doctests') + doctest_driver([docstring(path)]) + alias
          + doctest_driver([ARITPROG_RST], first=1 + len(doctest.DocTestParser().get_examples(docstring(path)))))

# 10: the float error demo, with the two classes it imports (aritprog_v0 and aritprog_v1) above it
v0 = read('17-it-generator/aritprog_v0.py')
v1 = read('17-it-generator/aritprog_v1.py')
fe = without_imports(read('17-it-generator/aritprog_float_error.py'), {'aritprog_v0', 'aritprog_v1'})
write('aritprog_float_error', '`17-it-generator/aritprog_float_error.py` (its `__main__`) after `aritprog_v0.py` and '
      '`aritprog_v1.py`, whose classes it imports as `APv0` and `APv1`, and aritprog_v0\'s doctests',
      sep('17-it-generator/aritprog_v0.py') + v0 + 'APv0 = ArithmeticProgression\n'
      + sep('17-it-generator/aritprog_v1.py') + v1 + 'APv1 = ArithmeticProgression\n'
      + sep('17-it-generator/aritprog_float_error.py') + fe
      + sep('driver: aritprog_v0\'s doctests') + 'ArithmeticProgression = APv0\n' + doctest_driver([docstring('17-it-generator/aritprog_v0.py')]))

# 11: Fibonacci by hand and as a generator (its __main__, then its doctests)
write('fibo_by_hand', '`17-it-generator/fibo_by_hand.py` (its `__main__`) with its doctests',
      read('17-it-generator/fibo_by_hand.py') + sep('driver: the doctests') + doctest_driver([docstring('17-it-generator/fibo_by_hand.py')]))

# 12: the class tree, the book's last step (its __main__, then the tests beside it)
write('tree_step6', '`17-it-generator/tree/step6/tree.py` (its `__main__`) with the tests of `tree/step6/test_tree.py`, each printing what it asserts',
      read('17-it-generator/tree/step6/tree.py') + sep('driver: tree/step6/test_tree.py') + pytest_driver('17-it-generator/tree/step6/test_tree.py'))

# 13: the drawn class tree, its command-line tool form (the tests beside it for a driver; its __main__ reads argv)
write('classtree', '`17-it-generator/tree/classtree/classtree.py` without its command-line `__main__`, with the tests of '
      '`tree/classtree/classtree_test.py`, each printing what it asserts, and `draw(BaseException)` as `tree/extra/drawtree.py`\'s `__main__` does',
      without_main(read('17-it-generator/tree/classtree/classtree.py')) + sep('driver: tree/classtree/classtree_test.py')
      + 'from textwrap import dedent\nfrom abc import ABCMeta\n'
      + pytest_driver('17-it-generator/tree/classtree/classtree_test.py') + 'print("--- draw(BaseException)")\ndraw(BaseException)\n')

# 14: yield from, the fixed delegation (yield_delegate_fail.py's __main__ never ends: left out)
write('yield_delegate_fix', '`17-it-generator/yield_delegate_fix.py` (its `__main__`)', read('17-it-generator/yield_delegate_fix.py'))

# 15: columnize (its __main__)
write('columnize_iter', '`17-it-generator/columnize_iter.py` (its `__main__`)', read('17-it-generator/columnize_iter.py'))

# 16: the generator types; the file has no driver (its reveal_type is for Mypy), so the book's point is printed
write('iter_gen_type', '`17-it-generator/iter_gen_type.py`, with a driver of this project\'s (the file shows only `reveal_type` for Mypy) '
      'printing the two generators\' types and items',
      read('17-it-generator/iter_gen_type.py') + sep('driver (this project\'s)')
      + 'print(type(short_kw).__name__, type(long_kw).__name__)\nprint(list(short_kw))\nprint(list(long_kw))\nprint(list(short_kw), next(long_kw, None))\n')

# 17-18: the classic coroutines
for mod in ['coroaverager', 'coroaverager2']:
    path = f'17-it-generator/{mod}.py'
    write(mod, f'`{path}` with its doctests', read(path) + sep('driver: the doctests') + doctest_driver([docstring(path)]))

# ---- Chapter 18: with, match and else blocks

# 19-21: the mirrors (their doctests import `mirror`, `mirror_gen` or `mirror_gen_exc`: the code is above them;
# mirror_gen_exc's doctests use mirror_gen's looking_glass for the first two demos, which behaves the same there)
for mod in ['mirror', 'mirror_gen', 'mirror_gen_exc']:
    path = f'18-with-match/{mod}.py'
    write(mod, f'`{path}` with its doctests', read(path) + sep('driver: the doctests') + doctest_driver([docstring(path)]))

# 22: lis.py (Norvig's lispy with match/case) with examples_test.py (its doctests, then its tests)
path = '18-with-match/lispy/py3.10/lis.py'
ex = read('18-with-match/lispy/py3.10/examples_test.py')
ex_tree = ast.parse(ex)
sources = [ast.unparse(n) for n in ex_tree.body if isinstance(n, ast.Assign) and n.targets[0].id.endswith('_src')]
write('lis', f'`{path}` (Peter Norvig\'s lispy, edited for the book; its `__main__` reads a file or runs a REPL) with the doctests and tests of `lispy/py3.10/examples_test.py`, each printing what it asserts',
      without_main(read(path)) + sep('driver: lispy/py3.10/examples_test.py') + 'import math\n' + doctest_driver([ast.get_docstring(ex_tree)])
      + '\n'.join(sources) + '\n' + pytest_driver('18-with-match/lispy/py3.10/examples_test.py'))

# ---- Chapter 19: concurrency models (asyncio without network, threads or processes)

# 23-24: the asyncio spinner and its blocking experiment (their __main__)
for mod in ['spinner_async', 'spinner_async_experiment']:
    path = f'19-concurrency/{mod}.py'
    write(mod, f'`{path}` (its `__main__`)', read(path))

# ---- Chapter 21: asynchronous programming (mojifinder's index, the part without network)

# 25: charindex (its doctests; its __main__ reads the command line)
path = '21-async/mojifinder/charindex.py'
write('charindex', f'`{path}` without its command-line `__main__`, with its doctests',
      without_main(read(path)) + sep('driver: the doctests') + doctest_driver([docstring(path)]))

print(len([f for f in os.listdir(OUT) if f.endswith('.py')]), 'programs in', os.path.normpath(OUT))
