# bytearray item and slice deletion (del a[i], del a[i:j], del a[::k]); bytearray.join exports its separator while it consumes the iterable, so a resize from there is a BufferError; the IndexError messages of bytearray indexing and pop.
a = bytearray(b'abcdefg')
del a[0]
print(a)
del a[1:3]
print(a)
del a[::2]
print(a)
del a[-1]
print(a)
try:
    del a[10]
except IndexError as e:
    print('IndexError', e)
try:
    del a['x']
except TypeError as e:
    print('TypeError', e)
sep = bytearray(b',')
def parts():
    sep.clear()
    yield b'A'
try:
    sep.join(parts())
except BufferError as e:
    print('BufferError', e)
def parts2():
    sep.append(33)
    yield b'A'
try:
    sep.join(parts2())
except BufferError as e:
    print('BufferError', e)
def parts3():
    sep[0] = 59
    yield b'A'
    yield b'B'
print(sep.join(parts3()), sep)
print(bytearray(b'-').join([b'a', bytearray(b'b')]), b'-'.join([bytearray(b'x'), b'y']))
a=bytearray(b"ab")
try: a[5]
except IndexError as e: print(e)
try: a[5]=1
except IndexError as e: print(e)
try: b"ab"[5]
except IndexError as e: print(e)
try: a.pop(7)
except IndexError as e: print(e)
