# inspect.getgeneratorstate() of something that is not a generator fails on the missing gi_running.
import inspect

try:
    inspect.getgeneratorstate(iter([]))
except AttributeError as e:
    print(type(e).__name__, e)
