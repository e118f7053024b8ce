# A generator method that updates instance state and receives values by send().
class Account:
    def __init__(self, owner):
        self.owner = owner
        self.balance = 0

    def ledger(self):
        while True:
            amount = yield self.balance
            if amount is None:
                return f"{self.owner} closed at {self.balance}"
            self.balance += amount


acct = Account("ada")
led = acct.ledger()
print(led.__qualname__)
print(next(led))
print(led.send(100))
print(led.send(-30))
try:
    led.send(None)
except StopIteration as e:
    print(e.value)
print(acct.balance)
