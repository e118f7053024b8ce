"""Converts CPython's own generator tests into yieldlens trace snippets for `npm run compat` (bench/compat.mjs).

Reads the installed `test` package at run time (nothing of CPython's is committed) and prints JSON:
  {"python": "3.13.0", "testDir": "...",
   "methods": [{"id", "source"} | {"id", "skip"}],      # test_yield_from.py test methods, assertions printed
   "doctests": [{"id", "prelude": [{"binds", "uses", "source"}],
                 "examples": [{"index", "line", "source", "want", "uses"} | {"index", "line", "skip"}]}]}
"""
import ast
import doctest
import json
import os
import sys
import textwrap

import test

TEST_DIR = os.path.dirname(test.__file__)

METHOD_PRELUDE = '''class _Caught:
    exception = None


def _report_raised(error):
    print("raised", type(error).__name__, error)


def _assert_stop_iteration(iterator):
    try:
        next(iterator)
    except StopIteration as error:
        print("StopIteration", error.value is None, error.__context__ is None)
    else:
        print("no StopIteration")

'''

# Helper methods of TestInterestingEdgeCases that return an assertRaisesRegex context: the exception they expect.
RAISING_HELPERS = {
    'assert_generator_raised_stop_iteration': 'RuntimeError',
    'assert_generator_ignored_generator_exit': 'RuntimeError',
}


class NotConvertible(Exception):
    pass


def self_call(node):
    """(method name, call) when `node` is a call of `self.<method>(...)`."""
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == 'self'
    ):
        return node.func.attr, node
    return None, None


def print_call(*args):
    return ast.Expr(ast.Call(ast.Name('print', ast.Load()), list(args), []))


def raised_handler(exception_type, target=None):
    body = []
    if target is not None:
        body.append(ast.Assign([ast.Attribute(ast.Name(target, ast.Load()), 'exception', ast.Store())], ast.Name('_error', ast.Load())))
    body.append(ast.Expr(ast.Call(ast.Name('_report_raised', ast.Load()), [ast.Name('_error', ast.Load())], [])))
    return ast.ExceptHandler(exception_type, '_error', body)


class AssertionsToPrints(ast.NodeTransformer):
    """An assertion becomes a printed value, so that comparing outputs compares what was asserted on."""

    def visit_Expr(self, node):
        self.generic_visit(node)
        name, call = self_call(node.value)
        if name is None:
            return node
        args = call.args
        if name in ('assertEqual', 'assertNotEqual', 'assertListEqual', 'assertTupleEqual', 'assertDictEqual',
                    'assertSetEqual', 'assertSequenceEqual', 'assertMultiLineEqual'):
            return print_call(ast.Call(ast.Name('repr', ast.Load()), [args[0]], []))
        if name == 'assertCountEqual':
            return print_call(ast.Call(ast.Name('sorted', ast.Load()), [ast.Call(ast.Name('map', ast.Load()), [ast.Name('repr', ast.Load()), args[0]], [])], []))
        if name in ('assertGreater', 'assertGreaterEqual', 'assertLess', 'assertLessEqual'):
            op = {'assertGreater': ast.Gt(), 'assertGreaterEqual': ast.GtE(), 'assertLess': ast.Lt(), 'assertLessEqual': ast.LtE()}[name]
            return print_call(ast.Compare(args[0], [op], [args[1]]))
        if name == 'assertNotIsInstance':
            return print_call(ast.UnaryOp(ast.Not(), ast.Call(ast.Name('isinstance', ast.Load()), args[:2], [])))
        if name == 'assertIs':
            return print_call(ast.Compare(args[0], [ast.Is()], [args[1]]))
        if name == 'assertIsNot':
            return print_call(ast.Compare(args[0], [ast.IsNot()], [args[1]]))
        if name == 'assertIsNone':
            return print_call(ast.Compare(args[0], [ast.Is()], [ast.Constant(None)]))
        if name == 'assertIsNotNone':
            return print_call(ast.Compare(args[0], [ast.IsNot()], [ast.Constant(None)]))
        if name in ('assertTrue', 'assertFalse'):
            return print_call(ast.Call(ast.Name('bool', ast.Load()), [args[0]], []))
        if name == 'assertIn':
            return print_call(ast.Compare(args[0], [ast.In()], [args[1]]))
        if name == 'assertNotIn':
            return print_call(ast.Compare(args[0], [ast.NotIn()], [args[1]]))
        if name == 'assertIsInstance':
            return print_call(ast.Call(ast.Name('isinstance', ast.Load()), args[:2], []))
        if name == 'fail':
            return print_call(ast.Constant('FAIL'), *args[:1])
        if name == 'assert_stop_iteration':
            return ast.Expr(ast.Call(ast.Name('_assert_stop_iteration', ast.Load()), args[:1], []))
        if name == 'assertRaisesRegex' and len(args) >= 3:
            body = [ast.Expr(ast.Call(args[2], args[3:], call.keywords))]
            return ast.Try(body, [raised_handler(args[0])], [print_call(ast.Constant('did not raise'))], [])
        if name == 'assertRaises' and len(args) >= 2:
            body = [ast.Expr(ast.Call(args[1], args[2:], call.keywords))]
            return ast.Try(body, [raised_handler(args[0])], [print_call(ast.Constant('did not raise'))], [])
        raise NotConvertible(f'self.{name}(...)')

    def visit_With(self, node):
        self.generic_visit(node)
        if len(node.items) != 1:
            return node
        item = node.items[0]
        name, call = self_call(item.context_expr)
        if name is None:
            return node
        if name == 'subTest':
            return node.body
        if name in ('assertRaises', 'assertRaisesRegex') or name in RAISING_HELPERS:
            exception_type = call.args[0] if name.startswith('assertRaises') else ast.Name(RAISING_HELPERS[name], ast.Load())
            target = item.optional_vars.id if isinstance(item.optional_vars, ast.Name) else None
            statements = []
            if target is not None:
                statements.append(ast.Assign([ast.Name(target, ast.Store())], ast.Call(ast.Name('_Caught', ast.Load()), [], [])))
            statements.append(ast.Try(node.body, [raised_handler(exception_type, target)], [print_call(ast.Constant('did not raise'))], []))
            return statements
        raise NotConvertible(f'with self.{name}(...)')


def convert_methods(path, with_module_helpers=False):
    with open(path, encoding='utf-8') as file:
        module = ast.parse(file.read())
    definitions, module_imports = module_definitions(path) if with_module_helpers else ({}, {})
    cases = []
    for cls in module.body:
        if not isinstance(cls, ast.ClassDef):
            continue
        for method in cls.body:
            if not (isinstance(method, ast.FunctionDef) and method.name.startswith('test')):
                continue
            case_id = f'{cls.name}.{method.name}'
            body = list(method.body)
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                body = body[1:]  # the docstring
            try:
                converted = AssertionsToPrints().visit(ast.Module(body, []))
                ast.fix_missing_locations(converted)
                for node in ast.walk(converted):
                    if isinstance(node, ast.Name) and node.id == 'self':
                        raise NotConvertible('uses self')
                    if isinstance(node, ast.Name) and node.id in ('support', 'captured_stderr', 'disable_gc', 'gc_collect'):
                        raise NotConvertible(f'uses test.support ({node.id})')
                function = ast.FunctionDef(method.name, ast.arguments([], [], None, [], [], None, []), converted.body, [], None, None, [])
                source = ast.unparse(ast.fix_missing_locations(ast.Module([function], [])))
            except NotConvertible as reason:
                cases.append({'id': case_id, 'skip': str(reason)})
                continue
            imports = 'import inspect\n\n' if 'inspect.' in source else ''
            if with_module_helpers:
                # The module's own imports and helpers the method uses (a refused import refuses the case).
                helpers = prelude_for(source, definitions, module_imports)
                imports = ''.join(item['source'] + '\n\n' for item in helpers)
            cases.append({'id': case_id, 'source': f'{imports}{METHOD_PRELUDE}\n{source}\n\n\n{method.name}()\n'})
    return cases


def module_definitions(path):
    """Top-level functions, classes and imports of a test module, by the names they bind (TestCases excluded)."""
    with open(path, encoding='utf-8') as file:
        text = file.read()
    module = ast.parse(text)
    definitions = {}
    imports = {}
    for node in module.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            if isinstance(node, ast.ClassDef) and any('TestCase' in ast.unparse(base) for base in node.bases):
                continue
            if node.name == 'load_tests':
                continue
            definitions[node.name] = ast.get_source_segment(text, node, padded=False)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                imports[(alias.asname or alias.name).split('.')[0]] = ast.get_source_segment(text, node)
    return definitions, imports


def names_in(source):
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    return {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)} | {
        node.value.id for node in ast.walk(tree) if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
    }


def prelude_for(examples_text, definitions, imports):
    """The module-level imports and definitions a doctest uses (its globals are the module's), with what they use
    in turn, as separate items so that bench/compat.mjs can drop one the runtime refuses and keep the rest."""
    wanted = []
    pending = [name for name in definitions if name in names_in(examples_text)]
    while pending:
        name = pending.pop()
        if name in wanted:
            continue
        wanted.append(name)
        pending.extend(other for other in definitions if other in names_in(definitions[name]) and other not in wanted)
    items = []
    used = set().union(names_in(examples_text), *(names_in(definitions[name]) for name in wanted))
    for bound, statement in imports.items():
        if bound in used:
            items.append({'binds': [bound], 'uses': [], 'source': statement})
    for name in definitions:  # keep the module's order
        if name in wanted:
            items.append({'binds': [name], 'uses': sorted(names_in(definitions[name]) - {name}), 'source': definitions[name]})
    return items


class DisplayExpressions(ast.NodeTransformer):
    """Interactive mode prints the repr of each top-level expression statement that is not None."""

    def visit_Module(self, node):
        node.body = [
            ast.Expr(ast.Call(ast.Name('_display', ast.Load()), [statement.value], []))
            if isinstance(statement, ast.Expr) else statement
            for statement in node.body
        ]
        return node


def convert_doctests(module_name):
    module = __import__(module_name, fromlist=['_'])
    definitions, imports = module_definitions(module.__file__)
    cases = []
    for case in sorted(doctest.DocTestFinder().find(module), key=lambda t: t.name):
        if not case.examples:
            continue
        examples = []
        for index, example in enumerate(case.examples):
            try:
                tree = ast.parse(example.source)
                compile(tree, '<example>', 'exec')
            except SyntaxError as error:
                examples.append({'index': index, 'line': example.lineno, 'skip': f'SyntaxError example ({error.msg})'})
                continue
            source = ast.unparse(ast.fix_missing_locations(DisplayExpressions().visit(tree)))
            examples.append({'index': index, 'line': example.lineno, 'source': source, 'want': example.want, 'uses': sorted(names_in(example.source))})
        text = '\n'.join(example['source'] for example in examples if 'source' in example)
        prelude = [{'binds': ['_display'], 'uses': [], 'source': 'def _display(value):\n    if value is not None:\n        print(repr(value))\n'}]
        prelude += prelude_for(text, definitions, imports)
        cases.append({'id': case.name.replace('test.test_generators.', ''), 'prelude': prelude, 'examples': examples})
    return cases


# CPython's tests of the built-ins and modules the runtime offers (issue 9): their test methods, converted as
# test_yield_from's are, with the module-level helpers each method uses.
BUILTIN_TEST_FILES = ['test_itertools.py', 'test_contextlib.py', 'test_builtin.py', 'test_list.py', 'test_dict.py',
                      'test_set.py', 'test_str.py']


def main():
    if '--builtins' in sys.argv:
        files = [{'file': name, 'methods': convert_methods(os.path.join(TEST_DIR, name), with_module_helpers=True)}
                 for name in BUILTIN_TEST_FILES]
        json.dump({'python': '.'.join(map(str, sys.version_info[:3])), 'testDir': TEST_DIR, 'files': files}, sys.stdout)
        return
    result = {
        'python': '.'.join(map(str, sys.version_info[:3])),
        'testDir': TEST_DIR,
        'methods': convert_methods(os.path.join(TEST_DIR, 'test_yield_from.py')),
        'doctests': convert_doctests('test.test_generators'),
    }
    json.dump(result, sys.stdout)


if __name__ == '__main__':
    main()
