package bvb.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README and the reference pages: every relative link resolves, and the README stays short. */
class DocLinksTest {
  private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
  private static final Pattern FENCE = Pattern.compile("(?s)```.*?```");

  static List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(Path.of("README.md"), Path.of("rules/README.md")));
    try (Stream<Path> docs = Files.list(Path.of("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  /** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
  static String slug(String heading) {
    String text = heading.replaceAll("`", "").toLowerCase(Locale.ROOT).trim();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
        out.append(c);
      } else if (c == ' ') {
        out.append('-');
      }
    }
    return out.toString();
  }

  static Set<String> anchors(Path page) throws IOException {
    Set<String> anchors = new TreeSet<>();
    String text = FENCE.matcher(Files.readString(page)).replaceAll("");
    for (String line : text.split("\n")) {
      if (line.startsWith("#")) {
        anchors.add(slug(line.replaceFirst("^#+\\s*", "")));
      }
    }
    return anchors;
  }

  static List<String> brokenLinks(Path page) throws IOException {
    List<String> broken = new ArrayList<>();
    String text = FENCE.matcher(Files.readString(page)).replaceAll("");
    Matcher m = LINK.matcher(text);
    while (m.find()) {
      String target = m.group(1);
      if (target.matches("^[a-z]+:.*")) {
        continue; // an outside address: not checked offline
      }
      String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
      String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
      Path resolved = file.isEmpty() ? page : page.toAbsolutePath().getParent().resolve(file).normalize();
      if (!Files.exists(resolved)) {
        broken.add(page + ": " + target + " (no such file)");
      } else if (anchor != null && !anchors(resolved).contains(anchor)) {
        broken.add(page + ": " + target + " (no heading with that anchor; has " + anchors(resolved) + ")");
      }
    }
    return broken;
  }

  @Test
  void everyRelativeLinkInTheReadmeAndDocsResolvesToAFileAndHeading() throws IOException {
    List<String> broken = new ArrayList<>();
    int pages = 0;
    for (Path page : pages()) {
      broken.addAll(brokenLinks(page));
      pages++;
    }
    assertTrue(pages >= 8, "pages found: " + pages);
    assertEquals(List.of(), broken);
  }

  @Test
  void aBrokenLinkOrAnchorIsReported() throws IOException {
    Path dir = Files.createTempDirectory("bvb-links");
    Files.writeString(dir.resolve("a.md"), "# Title here\n[ok](#title-here) [gone](b.md) [bad](#nothing)\n");
    List<String> broken = brokenLinks(dir.resolve("a.md"));
    assertEquals(2, broken.size(), broken.toString());
    assertTrue(broken.get(0).contains("b.md (no such file)"), broken.toString());
    assertTrue(broken.get(1).contains("#nothing (no heading"), broken.toString());
  }

  @Test
  void theReadmeFitsIn200Lines() throws IOException {
    long lines = Files.readAllLines(Path.of("README.md")).size();
    assertTrue(lines <= 200, "README.md has " + lines + " lines; reference material belongs in docs/");
  }

  @Test
  void aNewcomerReachesAddingARuleASampleAndTwoReplicasFromTheReadmeInOneLink() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    for (String[] page : new String[][] {
        {"docs/rules.md", "## Add a rule"}, {"docs/samples.md", "## Add a sample"},
        {"docs/service.md", "replicas"}}) {
      assertTrue(readme.contains("](" + page[0]), "README links " + page[0]);
      assertTrue(Files.readString(Path.of(page[0])).contains(page[1]), page[0] + " has " + page[1]);
    }
  }

  @Test
  void theExitCodeTableInDocsCliListsEveryExitCodeOnce() throws IOException {
    List<Integer> listed = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("docs/cli.md"))) {
      Matcher m = Pattern.compile("^\\| (\\d+) \\|").matcher(line);
      if (m.find()) {
        listed.add(Integer.parseInt(m.group(1)));
      }
    }
    List<Integer> codes = java.util.Arrays.stream(bvb.cli.ExitCode.values()).map(c -> c.code).toList();
    assertEquals(codes, listed);
  }
}
