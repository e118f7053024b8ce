# os.path: CPython's posixpath functions; os.listdir/exists on the in-memory file system (empty here).
import os

path = os.path
print(path.join('a', 'b', 'c.txt'), path.join('/a', '/b'), path.join('a/', 'b'), path.join('', 'x'), path.join('a', ''))
print(path.split('/usr/lib/x.py'), path.split('x'), path.split('/'), path.splitext('archive.tar.gz'), path.splitext('.bashrc'), path.splitext('a.b/c'))
print(path.basename('/a/b/'), path.basename('/a/b'), path.dirname('/a/b/c'), path.dirname('c'), path.isabs('/x'), path.isabs('x'))
print(path.normpath('a//b/./c/../d'), path.normpath('/../a'), path.normpath(''), path.normpath('//a'), path.normpath('///a'))
print(path.commonprefix(['/usr/lib', '/usr/local']), path.commonpath(['/usr/lib', '/usr/local']), path.splitdrive('/a'), path.splitroot('//x/y'))
print(path.relpath('/a/b/c', '/a'), path.relpath('/a', '/a/b/c'), path.normcase('AbC'), path.abspath('/x/../y'))
print(os.sep, os.pathsep, os.curdir, os.pardir, os.extsep, os.linesep == '\n', os.altsep, os.name, os.devnull)
print(path.exists('no/such/file.txt'), path.isfile('nope'), path.isdir('nope/'), os.fspath('p'))


class P:
    def __fspath__(self):
        return '/from/fspath'


print(path.basename(P()), os.fspath(P()))
for call in (lambda: path.join('a', 1), lambda: path.join(1), lambda: os.fspath(3), lambda: path.commonpath([]),
             lambda: path.commonpath(['/a', 'b']), lambda: path.relpath(''), lambda: os.listdir('nope'),
             lambda: path.getsize('nope'), lambda: os.remove('nope.txt')):
    try:
        print(call())
    except (TypeError, ValueError, OSError) as e:
        print(type(e).__name__, e)


def walk_parts(p):
    while True:
        head, tail = path.split(p)
        if not tail:
            yield head
            return
        yield tail
        p = head


print(list(walk_parts('/usr/local/lib/python3.13')), list(walk_parts('rel/dir')))
