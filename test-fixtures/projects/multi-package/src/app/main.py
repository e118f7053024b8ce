"""Uses generators from every kind of module of the project."""

from acme.extra import relay
from acme.plugins.csvsink import csv_writer
from ingest import collector
from ingest.decorators import coroutine

from . import stages


def through_package_reexport(values):
    results = []
    sink = collector(results)
    sink.send(values[0])  # error: [unprimed-send]
    return results


def through_namespace_in_src(rows):
    out = []
    writer = csv_writer(out)
    writer.send(rows[0])  # error: [unprimed-send]
    return out


def through_namespace_at_root(values):
    out = []
    forward = relay(out)
    forward.send(values[0])  # error: [unprimed-send]
    return out


def through_relative_import(values):
    stage = stages.doubler()
    stage.send(values[0])  # error: [unprimed-send]


@coroutine
def printer(prefix):
    while True:
        value = yield
        print(prefix, value)


def primed_by_imported_decorator(values):
    out = printer(">")
    out.send(values[0])


def primed_by_hand(values):
    results = []
    sink = collector(results)
    next(sink)
    sink.send(values[0])
    return results
