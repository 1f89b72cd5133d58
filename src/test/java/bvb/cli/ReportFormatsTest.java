package bvb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code --format md|html} on decide and tco, through the CLI, output on stdout. */
class ReportFormatsTest {
  @Test
  void decideWritesAnHtmlPageWithBothChartsToStdout() {
    CliTest.Run r = CliTest.bvb("decide", "facts-samples/sc-08-exercise-100k-requests.json", "--format", "html");
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
    assertTrue(r.out().startsWith("<!DOCTYPE html>"), r.out());
    assertTrue(r.out().contains("Stacked bar chart") && r.out().contains("Line chart"));
    assertTrue(r.out().trim().endsWith("</html>"));
  }

  @Test
  void decideWritesMarkdownWithTheRecommendation() {
    CliTest.Run r = CliTest.bvb("decide", "facts-samples/sc-05-company-b.json", "--format", "md");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("# bvb decision: "), r.out());
    assertTrue(r.out().contains("**SELF_HOST_FINE_TUNED**"), r.out());
  }

  @Test
  void tcoWritesMarkdownAndHtmlOfTheCostComparisonOnly() {
    CliTest.Run md = CliTest.bvb("tco", "facts-samples/sc-01-chatbot.json", "--format", "md");
    assertEquals(0, md.code(), md.err());
    assertTrue(md.out().startsWith("# bvb TCO: "), md.out());
    assertTrue(md.out().contains("| SELF_HOST_FINE_TUNED |"), md.out());
    assertTrue(!md.out().contains("Fired rules"), "costs only");
    CliTest.Run html = CliTest.bvb("tco", "facts-samples/sc-01-chatbot.json", "--format", "html", "--horizon", "24");
    assertEquals(0, html.code(), html.err());
    assertTrue(html.out().contains("Costs over 24 months") && html.out().contains("Line chart"), html.out());
  }
}
