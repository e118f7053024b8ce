# A format field number past ssize_t is CPython's ValueError (an IndexError with a rounded number before); a list compared while an __eq__ empties both is equal (list_richcompare compares the lengths left).
import sys
for f in ['{%d}' % (sys.maxsize + 1), '{%d}' % sys.maxsize, '{12345678901234567890123}', '{3}']:
    try: print(f.format(1))
    except (ValueError, IndexError) as e: print(type(e).__name__, e)
def test_equal_operator_modifying_operand():

    class X:

        def __eq__(self, other):
            list2.clear()
            return NotImplemented

    class Y:

        def __eq__(self, other):
            list1.clear()
            return NotImplemented

    class Z:

        def __eq__(self, other):
            list3.clear()
            return NotImplemented
    list1 = [X()]
    list2 = [Y()]
    print(bool(list1 == list2))
    list3 = [Z()]
    list4 = [1]
    print(bool(list3 == list4))


test_equal_operator_modifying_operand()
print([1, 2] == [1, 2], [1, 2] == [1, 3], [] == [], [[1]] == [[1]], (1, float("nan")) == (1, float("nan")), [float("nan")] == [float("nan")])
x = float("nan")
print([x] == [x], (x,) == (x,))
