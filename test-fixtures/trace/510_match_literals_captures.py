# match: literal, capture, wildcard, value, group, or and as patterns, with guards, inside a generator.
class Color:
    RED = 'red'
    GREEN = 'green'


def describe(items):
    for item in items:
        match item:
            case 0 | 1 as bit:
                yield f'bit {bit}'
            case -1:
                yield 'minus one'
            case 2.5:
                yield 'two and a half'
            case 'a' 'b':
                yield 'ab'
            case None:
                yield 'none'
            case True:
                yield 'true'
            case Color.RED | Color.GREEN as colour:
                yield f'colour {colour}'
            case (str() as text) if len(text) > 3:
                yield f'long text {text}'
            case int(n) if n > 100:
                yield f'big {n}'
            case int(n):
                yield f'int {n}'
            case _:
                yield f'other {item!r}'


print(list(describe([0, 1, -1, 2.5, 'ab', None, True, 'red', 'green', 'hello', 'hi', 1000, 7, 1.0, 0.0, False, [1]])))
x = 5
match x:
    case 5 if (doubled := x * 2) > 100:
        print('big')
    case y:
        print('captured', y, doubled)
print(y)
