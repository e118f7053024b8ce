# Seed example: a three-stage pipeline reading from an in-memory file.
import io


def numbers(f):
    for line in f:
        yield int(line)


def positive(xs):
    for x in xs:
        if x > 0:
            yield x


def squared(xs):
    for x in xs:
        yield x * x


data = io.StringIO("3\n-1\n4\n0\n-5\n9\n")
pipeline = squared(positive(numbers(data)))
for x in pipeline:
    print(x)
