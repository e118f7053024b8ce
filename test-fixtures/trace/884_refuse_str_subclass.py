# A subclass of str: the runtime's strs are JavaScript strings, so an instance would lose its class and methods; refused.
class Name(str):
    def shout(self):
        return self.upper() + "!"
n = Name("ada")
print(n.shout(), type(n).__name__, isinstance(n, Name))
