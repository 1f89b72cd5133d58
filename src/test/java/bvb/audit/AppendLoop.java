package bvb.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;

/** Test helper run in its own JVM: appends {@code count} (or endless) records of ~4 KB to a log. */
public final class AppendLoop {
  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    String writer = args[1];
    long count = Long.parseLong(args[2]);
    String pad = "x".repeat(4000);
    ObjectMapper m = new ObjectMapper();
    for (long i = 0; count < 0 || i < count; i++) {
      ObjectNode r = m.createObjectNode();
      r.put("id", writer + "-" + i);
      r.put("pad", pad);
      AuditLog.append(file, r);
      if (i == 0) {
        System.out.println("started");
        System.out.flush();
      }
    }
  }
}
