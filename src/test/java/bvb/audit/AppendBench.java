package bvb.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Append latency of a decision store alone, without deciding (not a unit test; run by hand):
 * {@code java -cp ... bvb.audit.AppendBench STORE RATE SECONDS} appends copies of the first record of
 * the JSONL log {@code --record FILE} (new ids) at RATE per second from 4 threads and prints the
 * store's append summary.
 */
public final class AppendBench {
  private AppendBench() {}

  public static void main(String[] args) throws Exception {
    String target = args[0];
    int rate = Integer.parseInt(args[1]);
    int seconds = Integer.parseInt(args[2]);
    JsonNode template = AuditLog.read(java.nio.file.Path.of(args[3])).records().get(0);
    PrintWriter err = new PrintWriter(System.err, true);
    try (AuditStore store = AuditStore.open(target, err)) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      long start = System.nanoTime();
      long period = 1_000_000_000L / rate;
      for (int i = 0; i < rate * seconds; i++) {
        long due = start + i * period;
        while (System.nanoTime() < due) {
          java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
        }
        ObjectNode r = template.deepCopy();
        r.put("id", UUID.randomUUID().toString());
        pool.execute(() -> {
          try {
            store.append(r);
          } catch (Exception e) {
            err.println(e.getMessage());
          }
        });
      }
      pool.shutdown();
      pool.awaitTermination(1, TimeUnit.MINUTES);
      System.out.println(store.name() + ": " + rate + "/s for " + seconds + " s: " + store.appendSummary());
    }
  }
}
