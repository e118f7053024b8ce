# io.StringIO as a file: iteration, readline, write and getvalue.
import io


def read_lines(f):
    for line in f:
        yield line.rstrip("\n")


buf = io.StringIO("alpha\nbeta\n\ngamma")
print(list(read_lines(buf)))
buf.seek(0)
print(repr(buf.readline()))
print(buf.read())
out = io.StringIO()
for word in ("x", "y"):
    out.write(word + ";")
print(out.getvalue())
print(out.tell())
