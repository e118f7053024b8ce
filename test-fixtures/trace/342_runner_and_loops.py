# asyncio.run twice (asyncio's own shutdown steps are tasks too, so the second main task is Task-4), a
# Runner running two coroutines in one loop, a loop made by hand with run_until_complete, get_event_loop
# and get_running_loop inside and outside, and the errors of running a loop in a running loop.
import asyncio


async def name_of_task(label):
    await asyncio.sleep(0)
    print(label, asyncio.current_task().get_name(), asyncio.get_running_loop().is_running())
    return label


print(asyncio.run(name_of_task('first run')))
print(asyncio.run(name_of_task('second run')))

with asyncio.Runner() as runner:
    print(runner.run(name_of_task('runner one')))
    print(runner.run(name_of_task('runner two')))
    loop = runner.get_loop()
    print(loop.is_closed())
print(loop.is_closed())

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(asyncio.get_event_loop() is loop)
print(loop.run_until_complete(name_of_task('by hand')))
loop.close()
asyncio.set_event_loop(None)
try:
    asyncio.get_event_loop()
except RuntimeError as error:
    print(error)
try:
    asyncio.get_running_loop()
except RuntimeError as error:
    print(error)
late = name_of_task('closed')
try:
    loop.run_until_complete(late)
except RuntimeError as error:
    print(error)
late.close()
try:
    asyncio.run(5)
except ValueError as error:
    print(error)


async def nested():
    coro = name_of_task('nested')
    try:
        asyncio.run(coro)
    except RuntimeError as error:
        print(error)
    coro.close()
    return 'nested done'

print(asyncio.run(nested()))
