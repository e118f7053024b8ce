import m
print(type(m), isinstance(m, type(m)))
import types
print(isinstance(m, types.ModuleType), m.__name__)
# yieldlens-module: m.py
x = 1
