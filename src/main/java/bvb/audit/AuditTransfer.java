package bvb.audit;

import bvb.report.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Moving decision history between stores: {@code bvb audit export} and {@code bvb audit import}. */
public final class AuditTransfer {
  private AuditTransfer() {}

  /** What an import did. */
  public record Imported(int imported, int alreadyPresent) {}

  /**
   * Writes every decision record of {@code from}, in append order, to the new JSONL file {@code to}
   * (one compact line each, as {@code decide --audit} writes them). The file is written beside its
   * final name and moved there at the end: it appears whole or not at all. Returns the count.
   */
  public static int export(AuditStore from, Path to, PrintWriter err) throws IOException {
    if (Files.exists(to)) {
      throw new AuditException(to + ": already exists; export writes a new file");
    }
    Path dir = to.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path partial = Files.createTempFile(dir, ".bvb-export-", ".jsonl");
    int[] n = {0};
    try {
      try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(partial))) {
        from.forEach(err, r -> {
          out.write(Json.COMPACT.writeValueAsBytes(r));
          out.write('\n');
          n[0]++;
        });
      }
      Files.move(partial, to, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
    return n[0];
  }

  /**
   * Appends each decision record of the JSONL file {@code from} to {@code to}, in file order,
   * skipping those whose id {@code to} already holds: importing the same file twice stores each
   * record once. Unreadable lines are reported on {@code err} and skipped.
   */
  public static Imported importFile(Path from, AuditStore to, PrintWriter err) throws IOException {
    int[] counts = new int[2];
    AuditQueries.forEach(from, err, r -> counts[to.appendIfAbsent(r) ? 0 : 1]++);
    return new Imported(counts[0], counts[1]);
  }
}
