package bvb.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed append leaves the log exactly as it was; the readers stream and tell non-records from torn ones. */
class AuditAppendFailureTest {
  @TempDir Path dir;
  static final ObjectMapper M = new ObjectMapper();

  /** A channel that writes {@code budget} bytes, then fails as a full disk does. */
  static final class FullDisk extends FileChannel {
    final FileChannel d;
    long budget;

    FullDisk(FileChannel d, long budget) {
      this.d = d;
      this.budget = budget;
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
      if (budget <= 0) {
        throw new IOException("No space left on device");
      }
      ByteBuffer part = src.duplicate();
      part.limit(part.position() + (int) Math.min(part.remaining(), budget));
      int n = d.write(part, position);
      src.position(src.position() + n);
      budget -= n;
      return n;
    }

    @Override public int read(ByteBuffer dst) throws IOException { return d.read(dst); }
    @Override public long read(ByteBuffer[] dsts, int offset, int length) throws IOException { return d.read(dsts, offset, length); }
    @Override public int write(ByteBuffer src) throws IOException { throw new IOException("No space left on device"); }
    @Override public long write(ByteBuffer[] srcs, int offset, int length) throws IOException { throw new IOException("No space left on device"); }
    @Override public long position() throws IOException { return d.position(); }
    @Override public FileChannel position(long p) throws IOException { d.position(p); return this; }
    @Override public long size() throws IOException { return d.size(); }
    @Override public FileChannel truncate(long size) throws IOException { d.truncate(size); return this; }
    @Override public void force(boolean metaData) throws IOException { d.force(metaData); }
    @Override public long transferTo(long p, long c, WritableByteChannel t) throws IOException { return d.transferTo(p, c, t); }
    @Override public long transferFrom(ReadableByteChannel s, long p, long c) throws IOException { return d.transferFrom(s, p, c); }
    @Override public int read(ByteBuffer dst, long position) throws IOException { return d.read(dst, position); }
    @Override public MappedByteBuffer map(MapMode mode, long p, long s) throws IOException { return d.map(mode, p, s); }
    @Override public FileLock lock(long p, long s, boolean shared) throws IOException { return d.lock(p, s, shared); }
    @Override public FileLock tryLock(long p, long s, boolean shared) throws IOException { return d.tryLock(p, s, shared); }
    @Override protected void implCloseChannel() {}
  }

  @Test
  void failedAppendIsCutBackToTheLengthBeforeItAndNamesTheFile() throws Exception {
    Path log = dir.resolve("audit.jsonl");
    AuditLog.append(log, M.createObjectNode().put("id", "r0"));
    byte[] before = Files.readAllBytes(log);
    for (long budget : new long[] {0, 1, 20, 200}) {
      AuditException e = assertThrows(AuditException.class, () -> AuditLog.append(log,
          M.createObjectNode().put("id", "r1").put("pad", "x".repeat(500)), ch -> new FullDisk(ch, budget)));
      assertTrue(e.getMessage().startsWith(log + ": ") && e.getMessage().contains("No space left on device"), e.getMessage());
      assertEquals(new String(before), new String(Files.readAllBytes(log)), "after a failure with " + budget + " bytes written");
    }
    AuditLog.append(log, M.createObjectNode().put("id", "r2"));
    AuditLog.Scan s = AuditLog.read(log);
    assertEquals(List.of("r0", "r2"), s.records().stream().map(n -> n.get("id").asText()).toList());
    assertEquals(List.of(), s.problems());
  }

  @Test
  void aDirectoryAsTheLogIsAnAuditErrorNamingIt() throws Exception {
    AuditException e = assertThrows(AuditException.class, () -> AuditLog.append(dir, M.createObjectNode().put("id", "r")));
    assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
  }

  @Test
  void wholeJsonThatIsNoRecordIsNotCalledTorn() throws Exception {
    Path log = dir.resolve("audit.jsonl");
    Files.writeString(log, "{}\nnull\n{\"id\":\"r1\"}\n{\"id\":");
    AuditLog.Scan s = AuditLog.read(log);
    assertEquals(1, s.records().size());
    assertEquals(List.of("NOT_A_RECORD", "NOT_A_RECORD", "TORN_TAIL"), s.problems().stream().map(AuditLog.Problem::kind).toList());
  }

  @Test
  void anEndlessLogEndsTheScanWithAProblem() throws Exception {
    AuditLog.Scan s = AuditLog.read(Path.of("/dev/zero"));
    assertEquals(List.of("TOO_LONG"), s.problems().stream().map(AuditLog.Problem::kind).toList());
  }
}
