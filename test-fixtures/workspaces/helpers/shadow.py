"""The imported helper's name rebound locally: the call is not the helper's (`python3.13 shadow.py` prints [None])."""

from tools.items import first


def rebound(rows):
    first = lambda items: None  # noqa: E731
    yield first(rows)


if __name__ == '__main__':
    print(list(rebound([])))
