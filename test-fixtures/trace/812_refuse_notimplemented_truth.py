# NotImplemented in a boolean context: True in CPython, with a DeprecationWarning on stderr the runtime does not write.
if NotImplemented:
    print("truthy")
