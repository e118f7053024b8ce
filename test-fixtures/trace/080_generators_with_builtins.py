# Built-ins consuming generators.
def nums():
    yield from [3, 1, 4, 1, 5, 9, 2, 6]


print(sum(nums()), min(nums()), max(nums()), sorted(nums()))
print(list(enumerate(nums(), 1))[:3])
print(list(zip(nums(), "abc")))
print(list(map(lambda x: x * 2, nums())))
print(list(filter(lambda x: x > 3, nums())))
print(any(x > 8 for x in nums()), all(x > 0 for x in nums()))
print(len(list(nums())), tuple(reversed(list(nums())))[:2])
print(sorted(nums(), reverse=True)[:3], sum(nums(), 100))
print(min(nums(), key=lambda x: -x), max([], default="empty"))
print(" ".join(str(x) for x in nums()))
