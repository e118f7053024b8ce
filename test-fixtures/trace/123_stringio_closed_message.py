# io.StringIO: print(file=), readlines, and the error after close.
import io
buf = io.StringIO()
print("to buffer", 1, file=buf)
print(repr(buf.getvalue()))
with io.StringIO("a\nb") as f:
    print(f.readlines())
print(f.closed)
try:
    f.read()
except ValueError as e:
    print(type(e).__name__, e)
