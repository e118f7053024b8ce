"""The other portion of the `acme` namespace package, at the project root."""


def relay(target):
    """Forwards what it is sent to `target`."""
    while True:
        value = yield
        target.append(value)
