# SystemExit keeps its code as SystemExit_init does: None, the one argument, or the tuple.
try:
    raise SystemExit(3)
except SystemExit as e:
    print(e.code, e.args)
try:
    raise SystemExit
except SystemExit as e:
    print(e.code)
try:
    raise SystemExit('bye', 2)
except SystemExit as e:
    print(e.code)
    e.code = 7
    print(e.code)
class Quit(SystemExit):
    def __init__(self, n):
        super().__init__(n * 2)
try:
    raise Quit(4)
except SystemExit as e:
    print(e.code, repr(e))
