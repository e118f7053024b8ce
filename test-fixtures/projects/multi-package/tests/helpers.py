"""Test helpers, imported as `helpers` (tests/ is on sys.path under pytest's default import mode)."""


def recording_sink(log):
    while True:
        log.append((yield))
