# re flags format as IntFlag does (int.__format__: str() for an empty spec, the int otherwise).
import re
print(isinstance(re.I, re.RegexFlag), re.I.name, re.I.value, str(re.I), f"{re.I}", format(re.I, "d"))
