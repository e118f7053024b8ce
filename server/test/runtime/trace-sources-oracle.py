"""CPython oracle for trace sources: what doctest's own parser finds in a file's docstrings, and what
running a source (the module under a `__name__`, then follow-up code in its globals, as
`RunOptions.followUps` defines it) prints and yields under sys.monitoring.

Reads one JSON request on stdin, prints one JSON answer:
  {"text": ..., "filename": ..., "examples": true}
      -> {"docstrings": [{"owner": qualname or null, "examples": [{"line", "source", "want"}]}]}
  {"text": ..., "filename": ..., "moduleName": ..., "followUps": [{"code", "line", "mode"}]}
      -> {"stdout", "yields": [[qualname, line, repr]], "returns": [[qualname, repr]], "error", "exampleErrors"}
"""
import ast
import builtins
import doctest
import io
import json
import sys
import traceback
import types

TOOL = 2


def docstring_examples(text):
    """Every docstring of the module and of its (nested) functions and classes, parsed by doctest."""
    parser = doctest.DocTestParser()
    found = []

    def record(node, owner, is_generator):
        body = node.body
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
            # The raw docstring (as ast gives it, not cleaned): doctest's line numbers count from its first line.
            examples = parser.get_examples(body[0].value.value)
            found.append({
                'owner': owner,
                'isGenerator': is_generator,
                'examples': [{'line': body[0].value.lineno + example.lineno, 'source': example.source.rstrip('\n'),
                              'want': example.want.rstrip('\n')} for example in examples],
            })

    def own_yields(function):
        stack = list(ast.iter_child_nodes(function))
        while stack:
            node = stack.pop()
            if isinstance(node, (ast.Yield, ast.YieldFrom)):
                return True
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
                stack.extend(ast.iter_child_nodes(node))
        return False

    def visit(node, prefix):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                qualname = prefix + child.name
                is_class = isinstance(child, ast.ClassDef)
                record(child, qualname, not is_class and own_yields(child))
                visit(child, qualname + ('.' if is_class else '.<locals>.'))
            elif isinstance(child, (ast.stmt, ast.excepthandler, ast.match_case)):
                visit(child, prefix)

    module = ast.parse(text)
    record(module, None, False)
    visit(module, '')
    return {'docstrings': found}


def run_source(text, filename, module_name, follow_ups):
    module_code = compile(text, filename, 'exec', dont_inherit=True)
    generator_codes = set()

    def collect(code):
        if code.co_flags & 0x20:  # CO_GENERATOR
            generator_codes.add(code)
        for const in code.co_consts:
            if isinstance(const, types.CodeType):
                collect(const)

    collect(module_code)
    compiled = []
    for follow_up in follow_ups:
        padded = '\n' * (follow_up['line'] - 1) + follow_up['code']
        try:
            code = compile(padded, filename, follow_up['mode'], dont_inherit=True)
            collect(code)
            compiled.append(code)
        except SyntaxError as error:
            compiled.append(error)

    yields, returns = [], []
    monitoring = sys.monitoring

    def on_yield(code, offset, value):
        if code not in generator_codes:
            return monitoring.DISABLE
        yields.append([code.co_qualname, sys._getframe(1).f_lineno, repr(value)])

    def on_return(code, offset, value):
        if code not in generator_codes:
            return monitoring.DISABLE
        returns.append([code.co_qualname, repr(value)])

    namespace = {'__name__': module_name, '__builtins__': builtins, '__file__': filename}
    captured = io.StringIO()
    error = None
    example_errors = []
    monitoring.use_tool_id(TOOL, 'yieldlens-trace-sources-oracle')
    monitoring.register_callback(TOOL, monitoring.events.PY_YIELD, on_yield)
    monitoring.register_callback(TOOL, monitoring.events.PY_RETURN, on_return)
    monitoring.set_events(TOOL, monitoring.events.PY_YIELD | monitoring.events.PY_RETURN)
    real_stdout, real_displayhook = sys.stdout, sys.displayhook
    sys.stdout = captured
    sys.displayhook = sys.__displayhook__
    try:
        try:
            exec(module_code, namespace)
        except BaseException as exception:  # noqa: BLE001 - the run's uncaught exception is the result
            error = describe(exception, filename, None)
        for index, code in enumerate(compiled if error is None else []):
            interactive = follow_ups[index]['mode'] == 'single'
            if isinstance(code, SyntaxError):
                described = {'type': 'SyntaxError', 'line': code.lineno, 'followUp': index}
                if not interactive:
                    error = described
                    break
                example_errors.append(described)
                continue
            try:
                exec(code, namespace)
            except BaseException as exception:  # noqa: BLE001
                described = describe(exception, filename, index)
                if not interactive:
                    error = described
                    break
                example_errors.append(described)
    finally:
        sys.stdout, sys.displayhook = real_stdout, real_displayhook
        monitoring.set_events(TOOL, 0)
        monitoring.free_tool_id(TOOL)
    return {'stdout': captured.getvalue(), 'yields': yields, 'returns': returns, 'error': error, 'exampleErrors': example_errors}


def describe(exception, filename, follow_up):
    line = None
    for frame in traceback.extract_tb(exception.__traceback__):
        if frame.filename == filename:
            line = frame.lineno
    described = {'type': type(exception).__name__, 'message': str(exception), 'line': line}
    if follow_up is not None:
        described['followUp'] = follow_up
    return described


def main():
    request = json.load(sys.stdin)
    if request.get('examples'):
        answer = docstring_examples(request['text'])
    else:
        answer = run_source(request['text'], request['filename'], request['moduleName'], request['followUps'])
    json.dump(answer, sys.stdout)


if __name__ == '__main__':
    main()
