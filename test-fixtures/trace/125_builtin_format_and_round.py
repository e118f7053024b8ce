# The format() built-in and round() with banker's rounding.
print(format(1234.5, ",.2f"), format(42, "08b"), format("s", ">4"), format(0.5, "%"))
print(round(2.675, 2), round(0.5), round(1.5), round(-2.5), divmod(-7, 2), 7 % -3, -7 % 3)
