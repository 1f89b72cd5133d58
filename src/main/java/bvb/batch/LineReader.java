package bvb.batch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a JSONL stream line by line with a cap on line length: an over-long line is skipped to its
 * end without being held in memory, and bytes that are not UTF-8 are reported, not replaced.
 */
final class LineReader {
  /** One input line: its number, its text, or why it cannot be used. */
  record Line(long number, String text, String problem, boolean last) {}

  /** An over-long line is skipped to its end for at most this many times the line limit. */
  static final int SKIP_FACTOR = 64;

  private final InputStream in;
  private final int maxBytes;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int len;
  private long number;
  private boolean eof;

  LineReader(InputStream in, int maxBytes) {
    this.in = in;
    this.maxBytes = maxBytes;
  }

  /** The next line, or null at the end of the stream. */
  Line next() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    long size = 0;
    boolean sawNewline = false;
    while (true) {
      if (pos == len) {
        if (eof || !fill()) {
          break;
        }
      }
      int start = pos;
      while (pos < len && buf[pos] != '\n') {
        pos++;
      }
      int n = pos - start;
      if (size + n <= maxBytes) {
        line.write(buf, start, n);
      }
      size += n;
      if (pos < len) {
        pos++; // the newline
        sawNewline = true;
        break;
      }
      if (size > SKIP_FACTOR * (long) maxBytes) { // endless (e.g. /dev/zero): stop reading the input
        eof = true;
        pos = len = 0;
        number++;
        return new Line(number, null, "line has no end within " + SKIP_FACTOR * (long) maxBytes
            + " bytes (the limit of a fact set is " + maxBytes + "): the rest of the input is not read", true);
      }
    }
    if (!sawNewline && size == 0 && eof) {
      return null;
    }
    number++;
    boolean last = !sawNewline;
    if (size > maxBytes) {
      return new Line(number, null, "line is " + size + " bytes, longer than the " + maxBytes + "-byte limit of a fact set", last);
    }
    byte[] bytes = line.toByteArray();
    int end = bytes.length;
    if (end > 0 && bytes[end - 1] == '\r') {
      end--;
    }
    try {
      CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
      return new Line(number, dec.decode(ByteBuffer.wrap(bytes, 0, end)).toString(), null, last);
    } catch (CharacterCodingException e) {
      return new Line(number, null, "line is not valid UTF-8", last);
    }
  }

  private boolean fill() throws IOException {
    int n = in.read(buf);
    if (n < 0) {
      eof = true;
      pos = len = 0;
      return false;
    }
    pos = 0;
    len = n;
    return true;
  }
}
