from helpers import recording_sink

from ingest.sinks import tally


def test_recording_sink():
    log = []
    sink = recording_sink(log)
    sink.send("x")  # error: [unprimed-send]


def test_tally():
    counter = tally()
    next(counter)
    assert counter.send(None) == 1
