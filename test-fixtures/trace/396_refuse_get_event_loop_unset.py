# Refused: asyncio.get_event_loop() with no event loop set. CPython 3.13 warns (DeprecationWarning on
# stderr, "There is no current event loop") and creates one; the trace cannot carry the warning.
import asyncio

loop = asyncio.get_event_loop()
print(loop.is_running())
loop.close()
