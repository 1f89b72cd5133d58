package bvb.serve;

import bvb.report.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * The bytes of one JSON answer, written into a buffer its thread keeps for the next answer: a
 * decision's answer is ~64 KB, and writing each into a fresh, growing array allocated and zeroed
 * about 300 KB per request. Not thread-safe; a thread uses its own ({@link #of}) and must send the
 * bytes before it writes its next answer.
 */
final class ResponseBuffer extends OutputStream {
  /** A buffer grown beyond this by an unusually large answer is not kept. */
  static final int KEEP_BYTES = 1 << 20;
  private static final int INITIAL_BYTES = 128 * 1024;
  private static final ThreadLocal<ResponseBuffer> MINE = ThreadLocal.withInitial(ResponseBuffer::new);

  private byte[] bytes = new byte[INITIAL_BYTES];
  private int size;

  /** This thread's buffer, holding {@code value} as one line of compact JSON. */
  static ResponseBuffer of(Object value) throws IOException {
    ResponseBuffer b = MINE.get();
    if (b.bytes.length > KEEP_BYTES) {
      b.bytes = new byte[INITIAL_BYTES];
    }
    b.size = 0;
    Json.COMPACT.writeValue(b, value);
    b.write('\n');
    return b;
  }

  byte[] bytes() {
    return bytes;
  }

  int size() {
    return size;
  }

  @Override
  public void write(int b) {
    ensure(1);
    bytes[size++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, bytes, size, len);
    size += len;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
