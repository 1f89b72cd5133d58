package bvb.bench;

import bvb.batch.Batch;
import bvb.batch.BatchLine;
import bvb.engine.Engine;
import bvb.facts.FactSet;
import bvb.facts.FactsLoader;
import bvb.tco.TcoCalculator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** bvb's benchmark: cold start, batch throughput, calculator floor, heap for a million fact sets. */
public final class Bench {
  private final Engine engine;
  private final List<byte[]> samples;
  private final PrintWriter out;

  public Bench(Engine engine, List<byte[]> samples, PrintWriter out) {
    this.engine = engine;
    this.samples = samples;
    this.out = out;
  }

  /** Median wall milliseconds of {@code runs} processes running {@code command}. */
  public static double medianProcessMillis(List<String> command, int runs) throws IOException, InterruptedException {
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      int code = p.waitFor();
      ms[i] = (System.nanoTime() - t0) / 1e6;
      if (code != 0) {
        throw new IllegalStateException("benchmark command failed with exit " + code + ": " + command);
      }
    }
    Arrays.sort(ms);
    return ms[runs / 2];
  }

  /** Calculator calls per second on one thread, over the samples that have a tco section. */
  public double calculatorPerSecond(double seconds) {
    List<FactSet> withTco = parsed().stream().filter(f -> f.tco() != null).toList();
    if (withTco.isEmpty()) {
      return Double.NaN;
    }
    var catalog = bvb.catalog.PriceCatalog.load(Path.of(engine.rules().dir()).resolve("prices.json"));
    long n = 0;
    long end = System.nanoTime() + (long) (seconds * 1e9);
    while (System.nanoTime() < end) {
      for (FactSet f : withTco) {
        TcoCalculator.compute(f.tco(), f.tcoVolume(), catalog, 12);
        n++;
      }
    }
    return n / seconds;
  }

  /**
   * End-to-end batch decisions per second on {@code threads}: parse, TCO, rules, and the summary
   * line {@code bvb batch --output summary} writes (serialized, then dropped).
   */
  public double batchPerSecond(int threads, int decisions) throws IOException {
    AtomicLong bytes = new AtomicLong();
    InputStream in = jsonl(decisions);
    long t0 = System.nanoTime();
    Batch.Summary s = new Batch(engine, threads, false, false, true).run("bench", in, o -> {
      try {
        bytes.addAndGet(bvb.report.Json.COMPACT.writeValueAsBytes(BatchLine.of(o, false, "bench")).length + 1);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    double secs = (System.nanoTime() - t0) / 1e9;
    if (s.failed() > 0) {
      throw new IllegalStateException(s.failed() + " benchmark decisions failed");
    }
    return s.decided() / secs;
  }

  /** A JSONL stream of {@code n} fact sets cycling through the samples, generated as it is read. */
  public InputStream jsonl(long n) {
    List<byte[]> lines = new ArrayList<>();
    for (byte[] s : samples) {
      String one = new String(s, StandardCharsets.UTF_8).replaceAll("\\s*\\n\\s*", " ") + "\n";
      lines.add(one.getBytes(StandardCharsets.UTF_8));
    }
    return new InputStream() {
      long line;
      byte[] cur = new byte[0];
      int pos;

      @Override
      public int read() {
        if (pos == cur.length) {
          if (line == n) {
            return -1;
          }
          cur = lines.get((int) (line++ % lines.size()));
          pos = 0;
        }
        return cur[pos++] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        int i = 0;
        while (i < len) {
          int c = read();
          if (c < 0) {
            return i == 0 ? -1 : i;
          }
          b[off + i++] = (byte) c;
        }
        return i;
      }
    };
  }

  private List<FactSet> parsed() {
    return samples.stream().map(b -> FactsLoader.parse("bench", b).facts()).toList();
  }

  static InputStream empty() {
    return new ByteArrayInputStream(new byte[0]);
  }
}
