# A Decimal with a float operand: CPython's TypeError names the type 'decimal.Decimal' (the C type's name), which
# the runtime's Python Decimal class cannot spell; refused.
from decimal import Decimal
try:
    Decimal('1.5') + 1.5
except TypeError as e:
    print(e)
