# A parenthesised tuple of targets annotated: "only single target (not tuple) can be annotated", raised by the parser before the symbol table's errors (the global below comes later in the checks, though earlier in the file).
print("never printed")
x = 1
global x
(a, b): int
