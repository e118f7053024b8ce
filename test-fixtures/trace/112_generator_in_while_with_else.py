# for/else and while/else around generators: else runs only without break.
def upto(n):
    i = 0
    while i < n:
        yield i
        i += 1
    else:
        print("while-else in generator")


for x in upto(2):
    print(x)
else:
    print("for-else ran")
for x in upto(5):
    if x == 1:
        break
else:
    print("not printed")
print("done")
