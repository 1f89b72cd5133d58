package bvb.audit;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLongArray;

/** How long appends took: a histogram of 10-microsecond buckets up to 100 ms, for the summary {@code bvb serve} prints when it stops. */
public final class AppendTimes {
  private static final long BUCKET_NANOS = 10_000;
  private static final int BUCKETS = 10_000; // the last one holds everything from 100 ms on
  private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
  private final java.util.concurrent.atomic.LongAccumulator max = new java.util.concurrent.atomic.LongAccumulator(Math::max, 0);

  public void add(long nanos) {
    counts.incrementAndGet((int) Math.min(BUCKETS - 1, Math.max(0, nanos) / BUCKET_NANOS));
    max.accumulate(nanos);
  }

  public long count() {
    long n = 0;
    for (int i = 0; i < BUCKETS; i++) {
      n += counts.get(i);
    }
    return n;
  }

  /** The upper bound of the bucket holding the q-quantile, in milliseconds (NaN when nothing was added). */
  public double quantileMillis(double q) {
    long n = count();
    if (n == 0) {
      return Double.NaN;
    }
    long rank = (long) Math.ceil(q * n);
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += counts.get(i);
      if (seen >= rank) {
        return (i + 1) * BUCKET_NANOS / 1e6;
      }
    }
    return max.get() / 1e6;
  }

  /** E.g. {@code 12,000 appends: p50 0.41 ms, p99 1.20 ms, max 8.03 ms}, or null when there were none. */
  public String summary() {
    long n = count();
    if (n == 0) {
      return null;
    }
    return String.format(Locale.ROOT, "%,d appends: p50 %.2f ms, p99 %.2f ms, max %.2f ms",
        n, quantileMillis(0.50), quantileMillis(0.99), max.get() / 1e6);
  }
}
