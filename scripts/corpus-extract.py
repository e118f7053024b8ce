"""Builds test-fixtures/corpus/ programs from a library's doctested functions (run once per source; the output is
committed with its provenance). A program is one function of the library, the module-level code it uses
(transitively), the imports that code needs, and the function's doctest examples, each printing what the
interactive prompt would (an exception as `Type: message`).

usage: corpus-extract.py OUT_DIR PREFIX "SOURCE NOTE" LICENCE MODULE.py [MODULE.py ...]
The first module's doctested functions become programs; later modules only provide definitions it imports
(`from .recipes import x`).
"""
import ast
import doctest
import os
import sys
import textwrap


def definitions_of(path):
    text = open(path, encoding='utf-8').read()
    tree = ast.parse(text)
    definitions, imports = {}, {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            definitions[node.name] = (node, ast.get_source_segment(text, node, padded=False), text)
        elif isinstance(node, ast.Assign) and all(isinstance(t, ast.Name) for t in node.targets):
            for target in node.targets:
                definitions.setdefault(target.id, (node, ast.get_source_segment(text, node), text))
        elif isinstance(node, (ast.Try, ast.If)):
            # A conditional definition (`try: from math import sumprod as _sumprod except ImportError: def ...`):
            # the whole statement defines every name bound inside it.
            for inner in ast.walk(node):
                bound = []
                if isinstance(inner, (ast.FunctionDef, ast.ClassDef)):
                    bound = [inner.name]
                elif isinstance(inner, ast.Assign):
                    bound = [t.id for t in inner.targets if isinstance(t, ast.Name)]
                elif isinstance(inner, ast.ImportFrom):
                    bound = [a.asname or a.name for a in inner.names]
                for name in bound:
                    definitions.setdefault(name, (node, ast.get_source_segment(text, node), text))
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            for alias in node.names:
                imports[alias.asname or alias.name] = f'from {node.module} import {alias.name}' + (f' as {alias.asname}' if alias.asname else '')
        elif isinstance(node, ast.Import):
            for alias in node.names:
                imports[(alias.asname or alias.name).split('.')[0]] = f'import {alias.name}' + (f' as {alias.asname}' if alias.asname else '')
    return definitions, imports


def names_in(source):
    try:
        tree = ast.parse(textwrap.dedent(source))
    except SyntaxError:
        return set()
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}


def decorator_source(node, text):
    return ''.join('@' + ast.get_source_segment(text, d) + '\n' for d in getattr(node, 'decorator_list', []))


def program_for(name, node, definitions, imports, examples):
    needed, pending = [], [name]
    example_names = set().union(*(names_in(e.source) for e in examples)) if examples else set()
    pending += [n for n in example_names if n in definitions]
    while pending:
        current = pending.pop()
        if current in needed or current not in definitions:
            continue
        needed.append(current)
        def_node, source, text = definitions[current]
        pending += [n for n in names_in(decorator_source(def_node, text) + source) if n in definitions and n not in needed]
    used = set(example_names)
    for current in needed:
        def_node, source, text = definitions[current]
        used |= names_in(decorator_source(def_node, text) + source)
    lines = sorted({imports[n] for n in used if n in imports and n not in definitions})
    # Keep the module order of definitions (a class before the function that subclasses it).
    order = {key: index for index, key in enumerate(definitions)}
    body = []
    seen_nodes = set()
    for current in sorted(needed, key=lambda n: order[n]):
        def_node, source, text = definitions[current]
        if id(def_node) in seen_nodes:
            continue
        seen_nodes.add(id(def_node))
        body.append(decorator_source(def_node, text) + source)
    out = lines + [''] + body + ['']
    for index, example in enumerate(examples):
        out.append(f'print("--- example {index + 1}")')
        try:
            tree = ast.parse(example.source)
        except SyntaxError:
            continue
        statements = []
        for statement in tree.body:
            if isinstance(statement, ast.Expr):
                statements.append(f'_value = ({ast.unparse(statement.value)})')
                statements.append('if _value is not None:\n    print(repr(_value))')
            else:
                statements.append(ast.unparse(statement))
        out.append('try:')
        out.extend(textwrap.indent('\n'.join(statements), '    ').split('\n'))
        out.append('except Exception as _error:')
        out.append("    print(f'{type(_error).__name__}: {_error}')")
    return '\n'.join(out) + '\n'


def main():
    out_dir, prefix, note, licence, first, *others = sys.argv[1:]
    definitions, imports = definitions_of(first)
    for other in others:
        extra, extra_imports = definitions_of(other)
        for key, value in extra.items():
            definitions.setdefault(key, value)
        for key, value in extra_imports.items():
            imports.setdefault(key, value)
    os.makedirs(out_dir, exist_ok=True)
    parser = doctest.DocTestParser()
    written = 0
    for name, (node, source, text) in list(definitions.items()):
        if not isinstance(node, ast.FunctionDef) or name.startswith('_') or ast.get_source_segment(text, node) is None:
            continue
        if os.path.abspath(first) != os.path.abspath(first) or name not in definitions_of(first)[0]:
            continue
        docstring = ast.get_docstring(node) or ''
        examples = [e for e in parser.get_examples(docstring) if not e.options.get(doctest.SKIP)]
        if not examples:
            continue
        header = f'# {note}: `{name}` and its doctest examples.\n# Licence: {licence}.\n'
        with open(os.path.join(out_dir, f'{prefix}_{name}.py'), 'w', encoding='utf-8') as file:
            file.write(header + program_for(name, node, definitions, imports, examples))
        written += 1
    print(written, 'programs', file=sys.stderr)


if __name__ == '__main__':
    main()
