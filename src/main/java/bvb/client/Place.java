package bvb.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * Where a resident bvb lives and who may talk to it. Its files are in {@code daemon/} under the
 * cache directory ($BVB_CACHE_DIR, else $XDG_CACHE_HOME/bvb, else ~/.cache/bvb), a directory only
 * the user can enter (0700). Each daemon is named by a hash of its identity (bvb version, the jar's
 * path, size and modification time, the Java runtime, locale, charset and time zone) and its working
 * directory: a rebuilt jar, another Java or another directory means another daemon, and a client
 * and a daemon that differ in any of these never talk.
 */
public final class Place {
  /** Version of the wire format, part of the identity. */
  static final int PROTOCOL = 1;
  static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

  private final Path dir;
  private final String identity;
  private final String key;

  private Place(Path dir, String identity, String key) {
    this.dir = dir;
    this.identity = identity;
    this.key = key;
  }

  /** The place of the daemon for this bvb and this working directory. */
  public static Place forThisProcess(Path cwd) {
    return in(cacheDir(), cwd);
  }

  /** The place of the daemon for this bvb and this working directory, under another cache directory (tests). */
  public static Place in(Path cacheDir, Path cwd) {
    String identity = current();
    return new Place(cacheDir.resolve("daemon"), identity, name(identity, cwd));
  }

  /** The same place under another identity: a client of another bvb (tests of the handshake). */
  public Place withIdentity(String other) {
    return new Place(dir, other, key);
  }

  /** $BVB_CACHE_DIR, else $XDG_CACHE_HOME/bvb, else ~/.cache/bvb (the compiled-rule cache's directory too). */
  public static Path cacheDir() {
    String env = System.getenv("BVB_CACHE_DIR");
    if (env != null && !env.isBlank()) {
      return Path.of(env).toAbsolutePath();
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "bvb").toAbsolutePath();
    }
    return Path.of(System.getProperty("user.home"), ".cache", "bvb");
  }

  public Path dir() {
    return dir;
  }

  public String identity() {
    return identity;
  }

  public Path socket() {
    return dir.resolve(key.concat(".sock"));
  }

  public Path lock() {
    return dir.resolve(key.concat(".lock"));
  }

  public Path info() {
    return dir.resolve(key.concat(".pid"));
  }

  public Path log() {
    return dir.resolve(key.concat(".log"));
  }

  /**
   * Creates the directory 0700, or checks an existing one: it must be the user's own and is narrowed
   * to 0700 when wider. False when that cannot be had (then nothing talks over it).
   */
  public boolean secureDir() {
    try {
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(dir.getParent());
        try {
          Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (java.nio.file.FileAlreadyExistsException e) {
          // another client made it meanwhile: checked below
        }
      }
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        return false;
      }
      String me = System.getProperty("user.name");
      if (!Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName().equals(me)) {
        return false;
      }
      if (!Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY)) {
        Files.setPosixFilePermissions(dir, OWNER_ONLY);
      }
      return true;
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  /**
   * This process's identity: what a daemon and its client must share to talk. (The client's hot path
   * avoids string concatenation with {@code +}, lambdas and message digests: each bootstraps code
   * that costs a JVM tens of milliseconds at its first use.)
   */
  public static String current() {
    StringBuilder id = new StringBuilder(256).append("bvb-daemon/").append(PROTOCOL)
        .append(" bvb ").append(bvbVersion()).append(" jar ").append(jarStamp());
    return id.append(" java ").append(System.getProperty("java.home")).append(' ')
        .append(System.getProperty("java.vm.version")).append(" locale ").append(Locale.getDefault().toString())
        .append(" charset ").append(Charset.defaultCharset().name())
        .append(" tz ").append(System.getenv("TZ")).toString();
  }

  /** The jar bvb runs from, with its size and modification time: another stamp is another build. */
  public static String jarStamp() {
    Path jar = jar();
    try {
      java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(jar, java.nio.file.attribute.BasicFileAttributes.class);
      return new StringBuilder(jar.toString()).append(':').append(a.size()).append(':')
          .append(a.lastModifiedTime().toMillis()).toString();
    } catch (IOException e) {
      return jar.toString().concat(":?");
    }
  }

  /** The jar (or classes directory) bvb runs from. */
  public static Path jar() {
    try {
      return Path.of(Place.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException | RuntimeException e) {
      return Path.of("?");
    }
  }

  static String bvbVersion() {
    Properties p = new Properties();
    try (InputStream in = Place.class.getResourceAsStream("/bvb.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // "dev"
    }
    return p.getProperty("version", "dev");
  }

  /** A name for identity and directory: two 64-bit FNV-1a hashes (the handshake compares the whole identity anyway). */
  static String name(String identity, Path cwd) {
    byte[] a = identity.getBytes(StandardCharsets.UTF_8);
    byte[] b = cwd.toString().getBytes(StandardCharsets.UTF_8);
    return hex(fnv(a, 0xcbf29ce484222325L, b)).concat(hex(fnv(b, 0x84222325cbf29ce4L, a)).substring(0, 4));
  }

  private static long fnv(byte[] first, long seed, byte[] second) {
    long h = seed;
    for (byte x : first) {
      h = (h ^ (x & 0xff)) * 0x100000001b3L;
    }
    h = (h ^ 0xff) * 0x100000001b3L;
    for (byte x : second) {
      h = (h ^ (x & 0xff)) * 0x100000001b3L;
    }
    return h;
  }

  private static String hex(long v) {
    String s = Long.toHexString(v);
    return "0000000000000000".substring(s.length()).concat(s);
  }
}
