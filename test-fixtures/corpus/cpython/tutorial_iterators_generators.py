# From the Python Tutorial 3.13 (Doc/tutorial/classes.rst, 9.8 Iterators, 9.9 Generators, 9.10 Generator Expressions): the Reverse iterator, the reverse generator and the generator expressions.
# Licence: PSF-2.0.
class Reverse:
    """Iterator for looping over a sequence backwards."""
    def __init__(self, data):
        self.data = data
        self.index = len(data)

    def __iter__(self):
        return self

    def __next__(self):
        if self.index == 0:
            raise StopIteration
        self.index = self.index - 1
        return self.data[self.index]

rev = Reverse('spam')
print(iter(rev) is rev)
for char in rev:
    print(char)

def reverse(data):
    for index in range(len(data)-1, -1, -1):
        yield data[index]

for char in reverse('golf'):
    print(char)

s = 'abc'
it = iter(s)
print(next(it), next(it), next(it))
try:
    next(it)
except StopIteration:
    print("StopIteration")

print(sum(i*i for i in range(10)))                 # sum of squares
xvec = [10, 20, 30]
yvec = [7, 5, 3]
print(sum(x*y for x,y in zip(xvec, yvec)))         # dot product
page = ["the quick brown fox", "jumps over the lazy dog", "the end"]
unique_words = set(word for line in page for word in line.split())
print(sorted(unique_words))
class Student:
    def __init__(self, name, gpa):
        self.name, self.gpa = name, gpa
graduates = [Student("ann", 3.9), Student("bob", 3.7), Student("cy", 3.9)]
valedictorian = max((student.gpa, student.name) for student in graduates)
print(valedictorian)
data = 'golf'
print(list(data[i] for i in range(len(data)-1, -1, -1)))
