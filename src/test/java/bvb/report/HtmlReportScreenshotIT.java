package bvb.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Renders the HTML report of sample SC-08 (made by the shaded jar) in headless Chromium, saves
 * target/report-sc-08.png and fails on console errors. Chromium 156 logs every console message,
 * errors included, as {@code INFO:CONSOLE} with {@code --enable-logging=stderr}; the report has no
 * scripts, so any console line, "ERROR:CONSOLE" or "Uncaught" fails. Its own D-Bus/GPU
 * complaints ("ERROR:dbus/...") are not console lines and are ignored.
 */
class HtmlReportScreenshotIT {
  static final String INSTALL = "chromium is needed for this test and was not found on PATH; install it with "
      + "`apt-get update && apt-get install -y chromium` (Debian/Ubuntu, as root), or run .ci/run, which installs it";

  record Shot(int code, String stdout, List<String> consoleErrors) {}

  static Path chromium() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path p = Path.of(dir, "chromium");
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return fail(INSTALL);
  }

  static Shot screenshot(Path html, Path png) throws Exception {
    Path profile = Files.createTempDirectory("bvb-chromium");
    Path err = Files.createTempFile("bvb-chromium", ".log");
    Path out = Files.createTempFile("bvb-chromium", ".out");
    Files.deleteIfExists(png);
    try {
      return shoot(html, png, profile, err, out);
    } finally {
      bvb.TestFiles.deleteTree(profile);
      Files.deleteIfExists(err);
      Files.deleteIfExists(out);
    }
  }

  private static Shot shoot(Path html, Path png, Path profile, Path err, Path out) throws Exception {
    Process p = new ProcessBuilder(chromium().toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--screenshot=" + png,
        "--window-size=1280,2400", "file://" + html.toAbsolutePath())
        .redirectError(err.toFile()).redirectOutput(out.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("chromium did not finish within 120 s");
    }
    String log = Files.readString(err, StandardCharsets.UTF_8);
    List<String> errors = log.lines()
        .filter(l -> l.contains(":CONSOLE") || l.contains("Uncaught"))
        .toList();
    return new Shot(p.exitValue(), Files.readString(out) + log, errors);
  }

  @Test
  void sc08ReportRendersInHeadlessChromiumWithoutConsoleErrors() throws Exception {
    Path html = Path.of("target/report-sc-08.html");
    Path png = Path.of("target/report-sc-08.png");
    Process bvb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        "target/bvb.jar", "decide", "facts-samples/sc-08-exercise-100k-requests.json", "--format", "html")
        .redirectOutput(html.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    assertEquals(0, bvb.waitFor(), "bvb decide --format html");
    Shot shot = screenshot(html, png);
    assertEquals(0, shot.code(), shot.stdout());
    assertEquals(List.of(), shot.consoleErrors(), "console errors while rendering " + html);
    assertTrue(Files.size(png) > 20_000, "a screenshot with content: " + Files.size(png) + " bytes");
    byte[] magic = Arrays.copyOf(Files.readAllBytes(png), 8);
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, magic);
  }

  @Test
  void consoleCheckCatchesAScriptErrorSoItCannotPassVacuously() throws Exception {
    Path html = Path.of("target/console-error-probe.html");
    Files.writeString(html, "<!DOCTYPE html><html><body><p>probe</p><script>console.error('probe'); undefinedFn();</script></body></html>");
    Shot shot = screenshot(html, Path.of("target/console-error-probe.png"));
    assertFalse(shot.consoleErrors().isEmpty(), "the probe's errors must be seen: " + shot.stdout());
    assertTrue(shot.consoleErrors().stream().anyMatch(l -> l.contains("Uncaught")), shot.consoleErrors().toString());
  }
}
