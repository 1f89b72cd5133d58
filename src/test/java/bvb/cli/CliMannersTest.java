package bvb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bvb.client.Terminal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** --version and the exit codes on every command, shell completion, colour, and batch's output manners. */
class CliMannersTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  static Run run(Terminal terminal, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err),
        new Host(new ByteArrayInputStream(new byte[0]), terminal, null, () -> false));
    return new Run(code, out.toString(), err.toString());
  }

  /** Every command's words, e.g. [decide], [audit, list], [daemon]. */
  private static List<List<String>> everyCommand() {
    List<List<String>> all = new ArrayList<>();
    collect(Main.commandLine(new String[0], Host.inProcess(InputStreamNone.IN)), List.of(), all);
    return all;
  }

  private static void collect(CommandLine cl, List<String> words, List<List<String>> all) {
    cl.getSubcommands().forEach((name, sub) -> {
      List<String> w = new ArrayList<>(words);
      w.add(name);
      all.add(w);
      collect(sub, w, all);
    });
  }

  @Test
  void versionIsAnsweredOnEverySubcommand() {
    List<List<String>> commands = everyCommand();
    assertTrue(commands.size() >= BvbCommand.SUBCOMMANDS.size(), commands.toString());
    for (List<String> words : commands) {
      List<String> args = new ArrayList<>(words);
      args.add("--version");
      Run r = run(Terminal.NONE, args.toArray(String[]::new));
      assertEquals(0, r.code(), words + ": " + r.err());
      assertTrue(r.out().startsWith("bvb " + Versions.bvb() + " (Drools "), words + ": " + r.out());
    }
  }

  @Test
  void everyCommandsHelpEndsWithTheExitCodeTable() {
    for (List<String> words : everyCommand()) {
      List<String> args = new ArrayList<>(words);
      args.add("--help");
      Run r = run(Terminal.NONE, args.toArray(String[]::new));
      assertEquals(0, r.code(), words + ": " + r.err());
      assertTrue(r.out().contains("\nExit codes:\n"), words + ": " + r.out());
      for (ExitCode c : ExitCode.values()) {
        assertTrue(r.out().matches("(?s).*\\nExit codes:\\n(.*\\n)?\\s+" + c.code + "\\s+\\S.*"), words + " lists " + c.code + ":\n" + r.out());
      }
    }
  }

  @Test
  void completionScriptsForBashAndZshCompleteEveryCommand() throws Exception {
    Run bash = run(Terminal.NONE, "completion", "bash");
    assertEquals(0, bash.code(), bash.err());
    assertTrue(bash.out().contains("complete -F _complete_bvb"), bash.out());
    for (String name : BvbCommand.SUBCOMMANDS.keySet()) {
      assertTrue(bash.out().contains(name), name);
    }
    Run zsh = run(Terminal.NONE, "completion", "zsh");
    assertEquals(0, zsh.code(), zsh.err());
    assertTrue(zsh.out().contains("bashcompinit"), "zsh loads bash completion through bashcompinit");
    assertEquals(2, run(Terminal.NONE, "completion", "fish").code());
    Path script = tmp.resolve("bvb.bash");
    Files.writeString(script, bash.out());
    if (Files.isExecutable(Path.of("/bin/bash"))) { // the script is valid bash
      Process p = new ProcessBuilder("/bin/bash", "-n", script.toString()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
      assertEquals(0, p.exitValue(), out);
    }
  }

  @Test
  void noColourForTermDumbForNoColorOrWhenStdoutIsNotATerminal() {
    assertFalse(Terminal.colourAllowedFor(Map.of("TERM", "dumb")));
    assertFalse(Terminal.colourAllowedFor(Map.of("TERM", "xterm-256color", "NO_COLOR", "1")));
    assertTrue(Terminal.colourAllowedFor(Map.of("TERM", "xterm-256color", "NO_COLOR", "")));
    assertTrue(Terminal.colourAllowedFor(Map.of("TERM", "xterm-256color")));
    assertTrue(run(new Terminal(true, true, true), "decide", "--help").out().contains("\u001b["), "colour on a colour terminal");
    assertFalse(run(new Terminal(true, true, false), "decide", "--help").out().contains("\u001b["), "no colour: TERM=dumb or NO_COLOR");
    assertFalse(run(Terminal.NONE, "decide", "--help").out().contains("\u001b["), "no colour: not a terminal");
    assertFalse(run(Terminal.NONE, "--help").out().contains("\u001b["));
  }

  @Test
  void batchOverADirectoryNamesEachLinesSourceFileAndKeepsTheOtherFields() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("facts"));
    Files.copy(Path.of("facts-samples/sc-01-chatbot.json"), dir.resolve("a.json"));
    Files.copy(Path.of("facts-samples/sc-06-company-c.json"), dir.resolve("b.json"));
    Files.writeString(dir.resolve("c.json"), "{ broken");
    Run r = run(Terminal.NONE, "batch", dir.toString(), "--output", "summary", "--decision-timeout", "0");
    assertEquals(4, r.code(), r.err());
    String[] lines = r.out().split("\n");
    assertEquals(3, lines.length, r.out());
    String[] names = {"a.json", "b.json", "c.json"};
    for (int i = 0; i < 3; i++) {
      JsonNode j = JSON.readTree(lines[i]);
      assertEquals(dir.resolve(names[i]).toString(), j.path("source").asText(), lines[i]);
      assertEquals(i + 1, j.path("line").asInt());
    }
    JsonNode ok = JSON.readTree(lines[1]);
    assertEquals(List.of("name", "strategy", "confidence", "firedRules", "line", "source"), fieldNames(ok));
    assertEquals(List.of("line", "source", "error"), fieldNames(JSON.readTree(lines[2])));
    JsonNode full = JSON.readTree(run(Terminal.NONE, "batch", dir.toString()).out().split("\n")[0]);
    assertEquals("source", fieldNames(full).get(fieldNames(full).size() - 1));
    // a JSONL file's lines already say where they came from: no source field
    Path jsonl = tmp.resolve("in.jsonl");
    Files.writeString(jsonl, Files.readString(Path.of("facts-samples/sc-01-chatbot.json")).replace("\n", " ") + "\n");
    assertFalse(JSON.readTree(run(Terminal.NONE, "batch", jsonl.toString()).out()).has("source"));
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> names = new ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void batchStopsAtOnceWithExitTenWhenStdoutIsClosed() throws Exception {
    Path jsonl = tmp.resolve("many.jsonl");
    String line = Files.readString(Path.of("facts-samples/sc-01-chatbot.json")).replace("\n", " ") + "\n";
    Files.writeString(jsonl, line.repeat(2_000));
    ClosesAfterFirstLine stdout = new ClosesAfterFirstLine();
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"batch", jsonl.toString(), "--output", "summary"},
        new PrintWriter(stdout, true), new PrintWriter(err), Host.inProcess(InputStreamNone.IN));
    assertEquals(ExitCode.OUTPUT.code, code, err.toString());
    assertEquals(10, code);
    assertTrue(err.toString().contains("error: cannot write to standard output: batch stopped after 1 line(s)"), err.toString());
    assertTrue(stdout.refused <= 1, "stopped at the first refused write, not after " + stdout.refused);
    assertFalse(err.toString().contains("batch: 2000 decided"), err.toString());
  }

  @Test
  void batchProgressGoesToStderrOnlyAndOnlyWhenStderrIsATerminal() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("facts"));
    for (String f : List.of("sc-01-chatbot", "sc-05-company-b", "sc-06-company-c")) {
      Files.copy(Path.of("facts-samples/" + f + ".json"), dir.resolve(f + ".json"));
    }
    Run tty = run(new Terminal(false, true, false), "batch", dir.toString(), "--output", "summary");
    assertEquals(0, tty.code(), tty.err());
    assertTrue(tty.err().contains("\r3/3 decided, "), tty.err());
    for (String l : tty.out().split("\n")) {
      assertTrue(JSON.readTree(l).has("strategy"), "stdout holds only the JSON lines: " + l);
    }
    assertFalse(tty.out().contains("decided"), tty.out());
    Run piped = run(Terminal.NONE, "batch", dir.toString(), "--output", "summary");
    assertFalse(piped.err().contains("/3 decided"), piped.err());
    assertEquals(tty.out(), piped.out());
  }

  @Test
  void progressLineGivesCountTotalAndTimeLeftWhenTheTotalIsKnown() {
    assertEquals("200/1,000 decided, 100/s, about 8 s left", BatchCommand.Progress.line(200, 1_000, 2.0));
    assertEquals("1,000/1,000 decided, 100/s", BatchCommand.Progress.line(1_000, 1_000, 10.0));
    assertEquals("200 decided, 100/s", BatchCommand.Progress.line(200, -1, 2.0));
  }

  /** A stdout that takes one line, then fails as a closed pipe does; counts the writes it refused. */
  static final class ClosesAfterFirstLine extends OutputStream {
    int refused;
    private boolean closed;

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (closed) {
        refused++;
        throw new IOException("Broken pipe");
      }
      for (int i = off; i < off + len; i++) {
        if (b[i] == '\n') {
          closed = true;
        }
      }
    }
  }

  private static final class InputStreamNone {
    static final java.io.InputStream IN = java.io.InputStream.nullInputStream();
  }
}
