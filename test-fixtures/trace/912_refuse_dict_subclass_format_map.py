# str.format_map() of a dict subclass with __missing__ (or __getitem__): CPython looks each field up with
# mapping[key], running them; the runtime's format_map reads the storage, so it refuses.
class Default(dict):
    def __missing__(self, key):
        return f'<{key}>'


def gen():
    yield '{a} {b}'.format_map(Default(a=1))


print(list(gen()))
