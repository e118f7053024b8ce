# printf-style % formatting with a single non-tuple operand: an exception, an object.
print('caught (%s)' % ValueError('xyz'))
print('%s' % ValueError())
print('%r' % KeyError('k'))
class P: pass
print(('%s' % P()).startswith('<'))
