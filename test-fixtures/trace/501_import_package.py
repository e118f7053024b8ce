# Packages: __init__.py, submodules, relative imports, and what each module sees as its names.
import shop
import shop.orders
from shop.stock import levels
from shop import orders as o, stock

print(shop.__name__, shop.__package__, shop.__path__ == ['/project/shop'], shop.__file__)
print(shop.orders.__name__, shop.orders.__package__, o is shop.orders, stock.__name__)
print(list(levels({'apple': 3, 'pear': 0})))
print(list(o.pending([('a', 1), ('b', 0), ('c', 2)])))
print(shop.VERSION, shop.helper(), hasattr(shop, '_levels'), hasattr(shop, 'util'))
import shop.util.text
print(shop.util.text.shout('hi'), shop.util.__package__)
# yieldlens-module: shop/__init__.py
VERSION = '1.0'
from .stock import levels as _levels


def helper():
    from . import orders
    return orders.__name__
# yieldlens-module: shop/stock.py
def levels(inventory):
    for name, count in inventory.items():
        yield name, 'in stock' if count else 'out'
# yieldlens-module: shop/orders.py
from .stock import levels
from . import stock as _stock


def pending(orders):
    for name, quantity in orders:
        if quantity:
            yield name
# yieldlens-module: shop/util/__init__.py
# yieldlens-module: shop/util/text.py
from ..orders import pending


def shout(word):
    return word.upper() + '!'
