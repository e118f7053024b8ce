"""GEN100 unused-noqa: suppression comments that do nothing.

The fixture harness runs this rule alone, so here only what is certain without the other rules is
reported: codes and names that no rule has. Entries naming real rules that suppress nothing, and a
bare `# yieldlens: ignore` when every rule ran, are checked end to end in server/test/cli.
"""


def case_unknown_code(target):
    target.append(1)  # error: [unused-noqa]  # noqa: GEN999


def case_unknown_rule_name(target):
    target.append(1)  # error: [unused-noqa]  # yieldlens: ignore[unprimed-sned]


def case_unknown_code_beside_other_tools_codes(target):
    target.append(1)  # error: [unused-noqa]  # noqa: E501, GEN998


def case_unknown_code_in_a_later_comment(target):
    target.append(1)  # error: [unused-noqa]  # an explanation first  # noqa: GEN0001


# Negative cases.


def case_other_tools_codes(target):
    target.append(1)  # noqa: E501, F401


def case_bare_noqa_belongs_to_every_tool(target):
    target.append(1)  # noqa


def case_rule_that_did_not_run(target):
    target.append(1)  # noqa: GEN001 -- unprimed-send did not run here: it may well suppress something


def case_bare_ignore_while_not_every_rule_ran(target):
    target.append(1)  # yieldlens: ignore


def case_suppressed_by_its_own_code(target):
    target.append(1)  # noqa: GEN100, GEN999


def case_directive_inside_a_string():
    return "x  # noqa: GEN999"


def case_prose_mentioning_the_directive(target):
    # Use `# yieldlens: ignored` wording in prose, not a directive; nor is yieldlens: ignore-this.
    target.append(1)
