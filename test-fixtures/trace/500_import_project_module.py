# A generator pipeline defined in another module of the project, driven from the script.
import pipeline
from pipeline import numbers, doubled as twice

print(pipeline.__name__, pipeline.__package__ == '', pipeline.__file__)
print(repr(pipeline).replace(pipeline.__file__, 'FILE'))
for value in twice(numbers(3)):
    print('got', value)
g = pipeline.numbers(2)
print(next(g), g.send(None))
print(pipeline.calls, pipeline.numbers.__qualname__, pipeline.numbers.__module__)
import pipeline as again
print(again is pipeline)
# yieldlens-module: pipeline.py
"""The pipeline's stages."""
calls = 0


def numbers(n):
    global calls
    calls += 1
    for i in range(n):
        yield i


def doubled(source):
    for item in source:
        yield item * 2


print('loading', __name__, __doc__)
