# From CPython 3.13.0, Lib/ast.py: `iter_fields`, `iter_child_nodes`, `walk` (as written), driven over a small hand-built tree of `AST` stand-in nodes.
# Licence: PSF-2.0 (Python Software Foundation License), Copyright (c) 2001 Python Software Foundation.
def iter_fields(node):
    """
    Yield a tuple of ``(fieldname, value)`` for each field in ``node._fields``
    that is present on *node*.
    """
    for field in node._fields:
        try:
            yield field, getattr(node, field)
        except AttributeError:
            pass

def iter_child_nodes(node):
    """
    Yield all direct child nodes of *node*, that is, all fields that are nodes
    and all items of fields that are lists of nodes.
    """
    for name, field in iter_fields(node):
        if isinstance(field, AST):
            yield field
        elif isinstance(field, list):
            for item in field:
                if isinstance(item, AST):
                    yield item

def walk(node):
    """
    Recursively yield all descendant nodes in the tree starting at *node*
    (including *node* itself), in no specified order.  This is useful if you
    only want to modify nodes in place and don't care about the context.
    """
    from collections import deque
    todo = deque([node])
    while todo:
        node = todo.popleft()
        todo.extend(iter_child_nodes(node))
        yield node

class AST:
    _fields = ()
    def __init__(self, **kw):
        for k, v in kw.items():
            setattr(self, k, v)
    def __repr__(self):
        return type(self).__name__

class Name(AST):
    _fields = ('id',)
class Constant(AST):
    _fields = ('value',)
class BinOp(AST):
    _fields = ('left', 'op', 'right')
class Add(AST):
    pass
class Call(AST):
    _fields = ('func', 'args')
class Module(AST):
    _fields = ('body',)

tree = Module(body=[Call(func=Name(id='print'), args=[BinOp(left=Constant(value=1), op=Add(), right=Name(id='x'))]),
                    BinOp(left=Name(id='a'), op=Add(), right=Constant(value=2))])
print(list(walk(tree)))
print([(n, v) for n, v in iter_fields(tree.body[0].args[0])])
print(list(iter_child_nodes(tree.body[0])))
print(sorted(n.id for n in walk(tree) if isinstance(n, Name)))
print(sum(1 for n in walk(tree) if isinstance(n, Constant)))
