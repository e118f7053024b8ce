# Refused: the repr of asyncio.run's own task lists its done callback with the path and line of that
# callback in CPython's asyncio/base_events.py, which depend on where CPython is installed.
import asyncio


async def main():
    print(asyncio.current_task().get_name())
    print(asyncio.current_task())


asyncio.run(main())
