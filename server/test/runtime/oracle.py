"""CPython oracle for the mini-runtime's differential tests: runs one snippet under sys.monitoring and
prints, as JSON, what it printed, every resumption, yield, return and exception leaving a generator or async
generator of the snippet's own code, and how the snippet ended. (Coroutines are not generators: not reported.)

Usage: python3.13 oracle.py SNIPPET.py [--filename NAME]   (the snippet's text may also come on stdin with `-`)

A snippet may carry modules of its own project after its main code, each after a line
`# yieldlens-module: RELATIVE/PATH.py`: they are importable (served from memory, never from disk) as
/project/RELATIVE/PATH.py, and their generators are reported too, with the file on each event.
"""
import builtins
import dis
import gc
import importlib.abc
import importlib.util
import inspect
import io
import json
import os
import re
import sys
import types

MONITORING_TOOL_ID = 2  # sys.monitoring.PROFILER_ID; the oracle is the only tool in its process.
# RESUME's oparg says where the frame resumes; its low two bits are 2 after `yield from`, 3 after `await`
# (3.12 and 3.13 alike; 3.13 adds an exception-depth flag in bit 2, which the mask drops).
RESUME_AFTER_YIELD_FROM = 2
RESUME_AFTER_AWAIT = 3
# Generators and async generators are reported; a types.coroutine generator keeps CO_GENERATOR.
TRACED_FLAGS = inspect.CO_GENERATOR | inspect.CO_ASYNC_GENERATOR


def walk_code_objects(code):
    yield code
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            yield from walk_code_objects(const)


def yield_sites(code):
    """Map each YIELD_VALUE offset of `code` to (line, delegating). A delegating YIELD_VALUE is the one
    inside the SEND loop that `yield from`/`await` compile to: it re-yields what the inner iterator yielded."""
    sites = {}
    instructions = list(dis.get_instructions(code))
    for index, instruction in enumerate(instructions):
        if instruction.opname != 'YIELD_VALUE':
            continue
        following = instructions[index + 1] if index + 1 < len(instructions) else None
        delegating = (
            following is not None
            and following.opname == 'RESUME'
            and (following.arg or 0) & 3 in (RESUME_AFTER_YIELD_FROM, RESUME_AFTER_AWAIT)
        )
        line = instruction.positions.lineno if instruction.positions else None
        sites[instruction.offset] = (line, delegating)
    return sites


_resume_kinds = {}


def resume_kind(code, offset):
    """The low two bits of the RESUME oparg at `offset`: 0 at the start, 1 after a yield, 2 after `yield from`,
    3 after `await` (None when the instruction there is not a RESUME)."""
    kinds = _resume_kinds.get(code)
    if kinds is None:
        kinds = {
            instruction.offset: (instruction.arg or 0) & 3
            for instruction in dis.get_instructions(code) if instruction.opname == 'RESUME'
        }
        _resume_kinds[code] = kinds
    return kinds.get(offset)


def async_yield_value(value):
    """What an async generator's `yield` yielded: PY_YIELD sees it wrapped (CPython's async_generator_wrapped_value,
    which only the garbage collector's view unwraps); `await` yields pass through unwrapped."""
    if type(value).__name__ == 'async_generator_wrapped_value':
        referents = gc.get_referents(value)
        if len(referents) == 1:
            return referents[0]
    return value


def safe_repr(value):
    # A repr that raises must not kill the oracle; the runtime would have to report the same failure anyway.
    try:
        return repr(value)
    except BaseException as error:  # noqa: BLE001 - any failure is data here
        return f'<repr failed: {type(error).__name__}>'


MODULE_MARKER = re.compile(r'^# yieldlens-module: (\S+)$', re.MULTILINE)
PROJECT_DIR = '/project'


def split_project(text):
    """The main code and {path: source} of the modules that follow it (see the module docstring)."""
    markers = list(MODULE_MARKER.finditer(text))
    if not markers:
        return text, {}
    modules = {}
    for index, marker in enumerate(markers):
        end = markers[index + 1].start() if index + 1 < len(markers) else len(text)
        modules[f'{PROJECT_DIR}/{marker.group(1)}'] = text[marker.end() + 1:end]
    return text[:markers[0].start()], modules


class ProjectLoader(importlib.abc.Loader):
    def __init__(self, path, source):
        self.path = path
        self.source = source

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        exec(compile(self.source, self.path, 'exec', dont_inherit=True), module.__dict__)


class ProjectFinder(importlib.abc.MetaPathFinder):
    """Finds the snippet's own modules, as the path-based finder would find them in PROJECT_DIR."""

    def __init__(self, modules):
        self.modules = modules

    def find_spec(self, name, path, target=None):
        relative = name.replace('.', '/')
        for candidate, is_package in ((f'{PROJECT_DIR}/{relative}/__init__.py', True), (f'{PROJECT_DIR}/{relative}.py', False)):
            if candidate in self.modules:
                locations = [os.path.dirname(candidate)] if is_package else None
                loader = ProjectLoader(candidate, self.modules[candidate])
                return importlib.util.spec_from_file_location(name, candidate, loader=loader, submodule_search_locations=locations)
        return None


def run(text, filename):
    source, modules = split_project(text)
    project_files = {filename, *modules}
    if modules:
        sys.meta_path.insert(0, ProjectFinder(modules))
    try:
        module_code = compile(source, filename, 'exec', dont_inherit=True)
    except SyntaxError as error:
        # Nothing runs; the traceback would show `SyntaxError: <msg>` at the offending line.
        return {
            'python': '.'.join(map(str, sys.version_info[:3])),
            'stdout': '',
            'events': [],
            'error': {'type': type(error).__name__, 'message': error.msg, 'line': error.lineno},
            'delegatingSites': [],
            'teardownStdout': '',
        }
    generator_codes = {}
    delegating_sites = []

    def add_generator_code(code):
        sites = yield_sites(code)
        generator_codes[code] = sites
        for line, delegating in sites.values():
            if delegating and [code.co_qualname, line] not in delegating_sites:
                delegating_sites.append([code.co_qualname, line])
        return sites

    for code in walk_code_objects(module_code):
        if code.co_flags & TRACED_FLAGS:
            add_generator_code(code)

    def snippet_sites(code):
        """The yield sites of a generator code object of the snippet, or None for anyone else's code. The snippet's
        code can also be a copy made at run time: types.coroutine replaces a generator function's code object."""
        sites = generator_codes.get(code)
        if sites is None and code.co_filename in project_files and code.co_flags & TRACED_FLAGS:
            sites = add_generator_code(code)
        return sites

    events = []
    monitoring = sys.monitoring
    DISABLE = monitoring.DISABLE

    def on_yield(code, offset, value):
        sites = snippet_sites(code)
        if sites is None:
            # Library code (contextlib, itertools helpers written in Python) is not the snippet's: stop
            # monitoring that location so it costs nothing from now on.
            return DISABLE
        line, delegating = sites.get(offset, (None, False))
        if code.co_flags & inspect.CO_ASYNC_GENERATOR:
            value = async_yield_value(value)
        event = {'event': 'yield', 'function': code.co_qualname, 'line': line, 'value': safe_repr(value)}
        add_file(event, code.co_filename)
        if delegating:
            event['delegating'] = True
        else:
            # The callback runs on top of the yielding generator's frame. Its f_locals include cell and free
            # variables; hidden names such as a genexp's `.0` iterator are implementation details, left out.
            frame = sys._getframe(1)
            if frame.f_code is code:
                event['locals'] = {name: safe_repr(local) for name, local in frame.f_locals.items() if not name.startswith('.')}
        events.append(event)
        return None

    def on_return(code, offset, value):
        if snippet_sites(code) is None:
            return DISABLE
        events.append(add_file({'event': 'return', 'function': code.co_qualname, 'value': safe_repr(value)}, code.co_filename))
        return None

    def add_file(event, file):
        # Events in the snippet's own modules say which file their line is in.
        if file != filename:
            event['file'] = file
        return event

    def caller_frame():
        # The callback (on_resume/on_throw, through resume_event) runs on top of the resumed generator's frame; the
        # caller is the nearest frame of the snippet below it (C callers such as list() or sum() have no frame;
        # contextlib's and asyncio's are not the snippet's).
        frame = sys._getframe(3).f_back
        while frame is not None and frame.f_code.co_filename not in project_files:
            frame = frame.f_back
        return frame

    def resume_event(code, offset, method):
        caller = caller_frame()
        event = {'event': 'resume', 'function': code.co_qualname, 'line': caller.f_lineno if caller is not None else None, 'method': method}
        if caller is not None:
            add_file(event, caller.f_code.co_filename)
        # An async generator's frame also resumes when an `await` in its body completes: that is the awaited
        # object's business, not a resumption by the generator's consumer (anext/asend/athrow).
        if resume_kind(code, offset) == RESUME_AFTER_AWAIT:
            event['afterAwait'] = True
        return event

    def on_resume(code, offset):
        if snippet_sites(code) is None:
            return DISABLE
        events.append(resume_event(code, offset, 'next/send'))
        return None

    def on_throw(code, offset, exception):
        if snippet_sites(code) is None:
            return None
        event = resume_event(code, offset, 'throw')
        event['sent'] = safe_repr(exception)
        events.append(event)
        return None

    def on_unwind(code, offset, exception):
        # PY_UNWIND is not a local event (it cannot be disabled per location): filter by code object instead.
        if snippet_sites(code) is None:
            return None
        # PEP 479 needs no help here: since 3.12 the StopIteration -> RuntimeError conversion is a handler inside
        # the generator's own code, so the frame already unwinds with the RuntimeError (and a throw() into a
        # just-created generator, which never enters that handler, keeps its StopIteration, as callers see it).
        events.append(add_file({
            'event': 'raise', 'function': code.co_qualname, 'exception': type(exception).__name__, 'message': safe_str(exception),
        }, code.co_filename))
        return None

    captured = io.StringIO()
    namespace = {'__name__': '__main__', '__builtins__': builtins, '__file__': filename}
    error = None
    monitoring.use_tool_id(MONITORING_TOOL_ID, 'yieldlens-oracle')
    monitoring.register_callback(MONITORING_TOOL_ID, monitoring.events.PY_YIELD, on_yield)
    monitoring.register_callback(MONITORING_TOOL_ID, monitoring.events.PY_RETURN, on_return)
    monitoring.register_callback(MONITORING_TOOL_ID, monitoring.events.PY_UNWIND, on_unwind)
    monitoring.register_callback(MONITORING_TOOL_ID, monitoring.events.PY_START, on_resume)
    monitoring.register_callback(MONITORING_TOOL_ID, monitoring.events.PY_RESUME, on_resume)
    monitoring.register_callback(MONITORING_TOOL_ID, monitoring.events.PY_THROW, on_throw)
    monitoring.set_events(
        MONITORING_TOOL_ID,
        monitoring.events.PY_YIELD | monitoring.events.PY_RETURN | monitoring.events.PY_UNWIND
        | monitoring.events.PY_START | monitoring.events.PY_RESUME | monitoring.events.PY_THROW,
    )
    real_stdout = sys.stdout
    sys.stdout = captured
    teardown = io.StringIO()
    try:
        try:
            exec(module_code, namespace)
        except BaseException as exception:  # noqa: BLE001 - the snippet's uncaught exception is the result
            line, file = raise_location(exception, project_files)
            error = {'type': type(exception).__name__, 'message': safe_str(exception), 'line': line}
            if file is not None and file != filename:
                error['file'] = file
            del exception
        # A generator still suspended when its last reference goes away is closed by its finalizer, and may
        # print then. That output depends on garbage collection, which the mini-runtime does not model, so it
        # is captured apart: a snippet that prints here is not deterministic enough to be a fixture.
        sys.stdout = teardown
        monitoring.set_events(MONITORING_TOOL_ID, 0)
        # Drop the generators first, while the functions their finally blocks call are still defined, as the
        # interpreter's own shutdown manages to; then everything else.
        for name in [name for name, value in namespace.items() if isinstance(value, types.GeneratorType)]:
            del namespace[name]
        gc.collect()
        namespace.clear()
        gc.collect()
    finally:
        sys.stdout = real_stdout
        monitoring.set_events(MONITORING_TOOL_ID, 0)
        monitoring.free_tool_id(MONITORING_TOOL_ID)

    return {
        'python': '.'.join(map(str, sys.version_info[:3])),
        'stdout': captured.getvalue(),
        'events': events,
        'error': error,
        'delegatingSites': delegating_sites,
        'teardownStdout': teardown.getvalue(),
    }


def safe_str(exception):
    try:
        return str(exception)
    except BaseException:  # noqa: BLE001
        return '<str failed>'


def raise_location(exception, project_files):
    """The line and file of the snippet's innermost frame in the traceback (its own modules' frames included):
    where the snippet raised the exception (or called the library code that did)."""
    line = None
    file = None
    traceback = exception.__traceback__
    while traceback is not None:
        if traceback.tb_frame.f_code.co_filename in project_files:
            line = traceback.tb_lineno
            file = traceback.tb_frame.f_code.co_filename
        traceback = traceback.tb_next
    return line, file


def main(argv):
    args = argv[1:]
    filename = None
    if '--filename' in args:
        position = args.index('--filename')
        filename = args[position + 1]
        del args[position:position + 2]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    path = args[0]
    if path == '-':
        source = sys.stdin.read()
        filename = filename or '<snippet>'
    else:
        with open(path, encoding='utf-8') as file:
            source = file.read()
        filename = filename or path
    result = run(source, filename)
    sys.stdout.write(json.dumps(result, ensure_ascii=False))
    sys.stdout.write('\n')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
