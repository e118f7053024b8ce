# print() writes each piece through the file's write as it goes (CPython's builtin_print): every argument's
# str(), each sep and the end are separate writes, an argument's __str__ runs after the pieces before it were
# written, flush=True calls the file's flush; sys.stdout's write can be shadowed on the instance (as the
# LookingGlass context managers of Fluent Python do) and print then writes through it.
import sys


class Recorder:
    def __init__(self):
        self.calls = []

    def write(self, text):
        self.calls.append(text)

    def flush(self):
        self.calls.append('FLUSH')


r = Recorder()
print('ab', 'cd', 3, file=r)
print(file=r)
print(sep='', end='', file=r)
print('x', 'y', sep='', end='!', file=r, flush=True)
print('z', file=r, flush=0)
print(r.calls)


class Noisy:
    def __init__(self, name):
        self.name = name

    def __str__(self):
        print('str of', self.name)
        return self.name


print(Noisy('a'), Noisy('b'), sep=' | ')

original_write = sys.stdout.write


def reverse_write(text):
    original_write(text[::-1])


sys.stdout.write = reverse_write
print('Alice, Kitty', 'and Snowdrop')
print('JABBERWOCKY', end='.\n')
sys.stdout.write = original_write
print('back to normal', type(sys.stdout.write).__name__)
sys.stdout.write = reverse_write
del sys.stdout.write
print('deleted: normal again')
try:
    del sys.stdout.write
except AttributeError:
    print('AttributeError')
sys.stdout.flush = lambda: original_write('[flushed]')
print('flush shadowed', flush=True)
print('not flushed')
del sys.stdout.flush
saved = sys.stdout
sys.stdout = Recorder()
print('into', 'the recorder')
captured = sys.stdout.calls
sys.stdout = saved
print(captured)
sys.stdout = None
print('nowhere')
sys.stdout = saved
print('done')
