"""A stage imported relatively (`from . import stages`)."""

from ingest.sinks import tally


def doubler():
    while True:
        value = yield
        print(value * 2)


def counted(values):
    counter = tally()
    counter.send(values[0])  # error: [unprimed-send]
