"""Percentiles by nearest rank, the way wrk and pgbench users read them."""
import math


def percentile(sorted_values, p):
    if not sorted_values:
        return 0.0
    rank = max(1, math.ceil(p / 100 * len(sorted_values)))
    return float(sorted_values[rank - 1])
