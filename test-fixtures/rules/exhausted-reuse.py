# Fixture for GEN006 exhausted-reuse. Each `case_*` function returns what its last consumption got;
# running this file under CPython (`python3.13 exhausted-reuse.py`) prints `empty` for a case whose
# result is empty (the iterator was already exhausted) and `ok` otherwise, and a test checks that
# exactly the cases with an `# error:` line print `empty`.

import itertools
from itertools import groupby


def numbers(n):
    yield from range(n)


def make_numbers():
    # A factory: its calls are tracked like calls of the generator function itself.
    return numbers(3)


# ---- positives ----------------------------------------------------------------------------------

def case_factory_result_reused():
    gen = make_numbers()
    total = sum(gen)
    return total, list(gen)  # error: [exhausted-reuse]


def case_generator_expression_summed_twice():
    squares = (n * n for n in range(4))
    total = sum(squares)
    return total, max(squares, default=0)  # error: [exhausted-reuse]


def case_generator_object_looped_twice():
    gen = numbers(3)
    first = [n for n in gen]
    second = []
    for n in gen:  # error: [exhausted-reuse]
        second.append(n)
    return second


def case_map_joined_then_listed():
    words = map(str, range(3))
    ", ".join(words)
    return list(words)  # error: [exhausted-reuse]


def case_zip_unpacked_then_tested():
    pairs = zip("ab", "xy")
    first, second = pairs
    return ("a", "x") in pairs  # error: [exhausted-reuse]


def case_iter_after_loop_without_break():
    it = iter([1, 2, 3])
    for _ in it:
        pass
    return sorted(it)  # error: [exhausted-reuse]


def case_filter_after_list():
    odd = filter(lambda n: n % 2, range(5))
    list(odd)
    return any(odd)  # error: [exhausted-reuse]


def case_groupby_group_stored():
    by_parity = {}
    for key, group in groupby([1, 3, 2, 4], key=lambda n: n % 2):
        by_parity[key] = group  # error: [exhausted-reuse]
    return list(by_parity[1])


def case_groupby_groups_in_comprehension():
    groups = [group for _, group in itertools.groupby("aabbc")]  # error: [exhausted-reuse]
    return list(groups[0])


def case_groupby_group_appended():
    kept = []
    for key, group in groupby("aab"):
        kept.append((key, group))  # error: [exhausted-reuse]
    return list(kept[0][1])


# ---- negatives ----------------------------------------------------------------------------------

def case_loop_that_may_break_leaves_the_rest():
    it = iter([1, 2, 3, 4])
    for n in it:
        if n == 2:
            break
    return list(it)


def case_rebinding_starts_over():
    gen = numbers(2)
    list(gen)
    gen = numbers(2)
    return list(gen)


def case_rebinding_from_itself():
    values = map(int, "123")
    values = list(values)
    return sum(values)


def case_membership_leaves_the_rest():
    gen = numbers(5)
    found = 2 in gen
    return found and list(gen)


def case_next_after_exhaustion_is_the_point():
    gen = numbers(1)
    list(gen)
    try:
        next(gen)
    except StopIteration:
        return "StopIteration"
    return None


def case_list_is_not_one_shot():
    values = list(numbers(3))
    sum(values)
    return max(values)


def case_reused_in_one_branch_only(flag=False):
    gen = numbers(3)
    if flag:
        list(gen)
    return list(gen)


def case_handed_to_another_function():
    gen = numbers(3)
    consume_some(gen)
    return list(gen)


def consume_some(gen):
    return next(gen)


def case_groupby_groups_consumed_in_time():
    sizes = {key: len(list(group)) for key, group in groupby("aabbc")}
    totals = []
    for key, group in groupby([1, 1, 2]):
        totals.append(sum(group))
    return sizes, totals


def case_fresh_per_iteration():
    results = []
    for n in range(1, 3):
        gen = numbers(n)
        results.append(sum(gen))
    return results


# ---- module level: the module's own statements are a frame too -----------------------------------

MODULE_DOUBLES = (n * 2 for n in range(3))
MODULE_TOTAL = sum(MODULE_DOUBLES)
MODULE_AGAIN = list(MODULE_DOUBLES)  # error: [exhausted-reuse]


def case_module_level_reuse():
    return MODULE_TOTAL, MODULE_AGAIN


MODULE_WORDS = (word for word in ["a", "b", "c"])
for MODULE_WORD in MODULE_WORDS:
    if MODULE_WORD == "a":
        break
MODULE_REST = list(MODULE_WORDS)


def case_module_level_loop_may_break():
    return MODULE_REST


MODULE_STREAM = numbers(2)
MODULE_FIRST = list(MODULE_STREAM)


def refill_module_stream():
    global MODULE_STREAM
    MODULE_STREAM = numbers(2)


refill_module_stream()
MODULE_SECOND = list(MODULE_STREAM)


def case_module_level_rebound_by_a_function():
    # A function rebinds the global between the two uses: the second sees a fresh generator.
    return MODULE_FIRST, MODULE_SECOND


if __name__ == "__main__":
    for name, case in list(globals().items()):
        if not name.startswith("case_"):
            continue
        try:
            result = case()
        except Exception as error:  # the driver reports every outcome, whatever it is
            print(f"{name}: {type(error).__name__}: {error}")
            continue
        last = result[-1] if isinstance(result, tuple) else result
        print(f"{name}: {'empty' if not last else 'ok'}")
