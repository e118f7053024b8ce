# Widths and precisions past sys.maxsize are CPython's ValueError; expandtabs restarts its column after
# '\r' as after '\n', and a tab size beyond a C int is an OverflowError.
import sys

for spec in ('{}f'.format(sys.maxsize + 1), '.{}f'.format(sys.maxsize + 1), '>{}'.format(10 ** 30)):
    try:
        format(2.34, spec)
    except ValueError as error:
        print('ValueError', error)
print(format(2.5, '12.4f') + '|', '{:^9}|'.format('mid'), '%-6s|%5.1f' % ('ab', 3.14159))
print(repr('a\r\tb\n\tc\td'.expandtabs(4)), repr('x\ty'.expandtabs()), repr('\t'.expandtabs(0)), repr('ab\tc'.expandtabs(-3)))
for size in (sys.maxsize, 2 ** 31, -2 ** 31 - 1):
    try:
        't\tt\t'.expandtabs(size)
    except OverflowError as error:
        print('OverflowError', error)
for template in ('%{}d'.format(sys.maxsize + 1), '%.{}f'.format(sys.maxsize + 1)):
    try:
        template % 1
    except ValueError as error:
        print('ValueError', error)
try:
    '%*d' % (sys.maxsize + 1, 1)
except OverflowError as error:
    print('OverflowError', error)
print('%*d|%-*s|' % (4, 7, 3, 'x'))
