from __future__ import annotations
x: int = 1
print(__annotations__)
