# types.SimpleNamespace: its errors name it as the C type does; vars() of an instance is a dict.
from types import SimpleNamespace as S
class C: pass
c = C(); c.a = 1
print(vars(c), vars(c).items())
n = S(a=1, b='x')
print(n, vars(n))
try:
    n.zz
except AttributeError as e:
    print(e)
try:
    S(1, 2)
except TypeError as e:
    print(e)
print(n == S(a=1, b='x'), S.__name__, S.__module__, S)
try:
    n.zz
except AttributeError as e:
    print(e.name, e.obj is n, hasattr(n, 'q'), getattr(n, 'q', 5))
class Sub(S): pass
try:
    Sub().w
except AttributeError as e:
    print(e)
try:
    Sub(1, 2)
except TypeError as e:
    print(e)
print(Sub(a=2))
d = vars(c)
print(type(d), type(vars(n)), d.items(), isinstance(d, dict))
