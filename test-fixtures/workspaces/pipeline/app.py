"""Uses the package's generators every usual way; run `python3.13 -m app` from this directory."""

import pkg
import pkg.stages
import pkg.stages as st
from pkg import collector as package_collector
from pkg import tally
from pkg import stages
from pkg import util
from pkg.stages import collector, make_collector, not_a_generator, printer
from pkg.util import coroutine

sink_factory = collector
primed_collector = coroutine(collector)


def case_from_import():
    sink = collector([])
    sink.send(1)  # error: [unprimed-send]


def case_module_attribute():
    sink = pkg.stages.collector([])
    sink.send(1)  # error: [unprimed-send]


def case_module_alias():
    sink = st.collector([])
    sink.send(1)  # error: [unprimed-send]


def case_package_reexport():
    sink = package_collector([])
    sink.send(1)  # error: [unprimed-send]


def case_package_attribute_reexport():
    sink = pkg.collector([])
    sink.send(1)  # error: [unprimed-send]


def case_from_package_import_module():
    sink = stages.collector([])
    sink.send(1)  # error: [unprimed-send]


def case_module_level_alias():
    sink = sink_factory([])
    sink.send(1)  # error: [unprimed-send]


def case_imported_factory():
    sink = make_collector([])
    sink.send(1)  # error: [unprimed-send]


def case_star_reexport():
    counter = tally()
    counter.send(1)  # error: [unprimed-send]


def case_primed_locally():
    sink = collector([])
    next(sink)
    sink.send(1)


def case_primed_by_imported_decorator():
    out = printer(">")
    out.send(1)


def case_decorator_applied_by_hand():
    sink = primed_collector([])
    sink.send(1)


def case_primed_by_imported_factory():
    sink = util.started(collector, [])
    sink.send(1)


def case_not_a_generator():
    results = not_a_generator([])
    results.append(1)
    return results


if __name__ == "__main__":
    for name, case in list(globals().items()):
        if name.startswith("case_"):
            try:
                case()
            except Exception as error:  # the driver reports every outcome, whatever it is
                print(f"{name}: {type(error).__name__}: {error}")
            else:
                print(f"{name}: ok")
