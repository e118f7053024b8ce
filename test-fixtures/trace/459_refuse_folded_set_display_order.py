# A set display of constants: CPython's compiler builds it as a frozenset constant and rebuilds that from
# its own slot order, which can move colliding members; where the two orders differ the runtime refuses.
print({3, 'inf', ('Hello World', ((255, 1.5), 'inf'))})
