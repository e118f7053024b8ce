# A sink that resumes the generator feeding it: "generator already executing" surfaces in the consumer.
def source(sink):
    for i in range(3):
        sink.send(i)
        yield i


def sink_fn():
    while True:
        x = yield
        print("sink got", x)
        if x == 1:
            next(src)


s = sink_fn()
next(s)
src = source(s)
try:
    print(list(src))
except ValueError as e:
    print(type(e).__name__, e)
