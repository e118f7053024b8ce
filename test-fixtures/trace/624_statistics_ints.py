# statistics: CPython's statistics.py over integer data (mean, median variants, mode, multimode, fmean, variance, stdev, quantiles, from generators) and its errors.
import statistics as st
data = [2, 4, 4, 4, 5, 5, 7, 9]
def scores():
    yield from [3, 1, 4, 1, 5, 9, 2, 6]
print(st.mean(data), st.median(data), st.median_low(data), st.median_high(data), st.mode(data), st.multimode('aabbc'), st.fmean([1, 2, 3]))
print(st.pvariance(data), st.pstdev(data), st.variance(data), st.stdev(data), st.mean(scores()), st.median(scores()), st.quantiles(data, n=4))
for bad in (lambda: st.mean([]), lambda: st.mode([]), lambda: st.variance([1]), lambda: st.median([])):
    try:
        bad()
    except st.StatisticsError as e:
        print(type(e).__name__, e)
