"""Relative imports two levels deep: `from .. import stages`, `from ..stages import collector`."""

from .. import stages
from ..stages import collector as gather
from ..util import coroutine


@coroutine
def averaging():
    total = 0
    while True:
        total += yield


def case_parent_module_attribute():
    sink = stages.collector([])
    sink.send(1)  # error: [unprimed-send]


def case_relative_alias():
    sink = gather([])
    sink.send(1)  # error: [unprimed-send]


def case_decorated_here_with_imported_decorator():
    average = averaging()
    average.send(3)


if __name__ == "__main__":
    for name, case in list(globals().items()):
        if name.startswith("case_"):
            try:
                case()
            except Exception as error:  # the driver reports every outcome, whatever it is
                print(f"{name}: {type(error).__name__}: {error}")
            else:
                print(f"{name}: ok")
