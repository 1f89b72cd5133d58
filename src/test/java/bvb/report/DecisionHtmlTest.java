package bvb.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionHtmlTest {
  @TempDir Path tmp;

  @Test
  void factNameWithAngleBracketsAmpersandAndQuotesIsEscapedEverywhere() throws Exception {
    String sample = Files.readString(Path.of("facts-samples/sc-08-exercise-100k-requests.json"));
    String evil = "<script>alert(\\\"x\\\")</script> & 'co' \\\"quoted\\\"";
    Path f = tmp.resolve("evil.json");
    Files.writeString(f, sample.replaceFirst("\"name\": \"[^\"]*\"", "\"name\": \"" + Matcher.quoteReplacement(evil) + "\""));
    String html = Reports.of(f).html();
    assertFalse(html.contains("<script"), "no raw script tag");
    assertFalse(html.contains("'co'"), "single quotes escaped");
    assertFalse(html.contains("\"quoted\""), "double quotes escaped");
    assertTrue(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39; &quot;quoted&quot;"), html);
    assertTrue(html.contains("<title>bvb decision: &lt;script&gt;"), "the title is escaped too");
  }

  @Test
  void htmlReferencesNoUrlExceptTheSvgNamespaceAndLoadsNothingExternal() {
    for (String sample : new String[] {"sc-08-exercise-100k-requests.json", "sc-01-chatbot.json", "sc-05-company-b.json"}) {
      String html = Reports.of(sample).html();
      String withoutXmlns = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
      assertFalse(withoutXmlns.contains("http://"), sample);
      assertFalse(withoutXmlns.contains("https://"), sample);
      for (String external : new String[] {"<script", "<link", "<img", "url(", "@import", "@font-face", "<iframe", "<object"}) {
        assertFalse(html.contains(external), sample + " contains " + external);
      }
    }
  }

  @Test
  void bothChartsArePresentWhenTheFactsHaveATcoSection() {
    String html = Reports.of("sc-08-exercise-100k-requests.json").html();
    assertEquals(2, count(html, "<svg "), "two charts");
    assertTrue(html.contains("aria-label=\"Stacked bar chart"), "stacked bars");
    assertTrue(html.contains("aria-label=\"Line chart"), "break-even curve");
    for (String category : new String[] {"COMPUTE", "ENGINEERING", "DATA_EVAL", "COMPLIANCE", "OPPORTUNITY"}) {
      assertTrue(html.contains(">" + category + "</text>"), "legend names " + category);
    }
    assertTrue(html.contains("<title>break-even API_FRONTIER = SELF_HOST_OPEN: 2.41B tokens/month (32.1k requests/day)</title>"), "crossover marked");
    assertTrue(html.contains("this workload: 7.5B tokens/month (100k requests/day)"), "own volume marked");
  }

  @Test
  void stackedBarSegmentsAreDrawnToOneScale() {
    String html = Reports.of("sc-08-exercise-100k-requests.json").html();
    // over SC-08's own 24 months: API_FRONTIER COMPUTE $720,000 and SELF_HOST_OPEN ENGINEERING
    // $252,000: widths in the same ratio
    double compute = width(html, "API_FRONTIER COMPUTE: $720,000");
    double engineering = width(html, "SELF_HOST_OPEN ENGINEERING: $252,000");
    assertEquals(720_000.0 / 252_000.0, compute / engineering, 0.01);
  }

  @Test
  void decisionWithoutTcoRendersWithoutChartsAndSaysNoCostLinesWereGiven() {
    Reports.Rendered r = Reports.of("sc-05-company-b.json");
    assertEquals(0, count(r.html(), "<svg "));
    assertTrue(r.html().contains("No cost lines were given"), r.html());
    assertTrue(r.html().contains(r.decision().strategy().name()));
    assertTrue(r.md().contains("No cost lines were given"), r.md());
  }

  @Test
  void firedRulesAreGroupedUnderTheirSourceDocument() {
    String html = Reports.of("sc-01-chatbot.json").html();
    int essay = html.indexOf("001_b35f14537f9d8edf.txt</span></h3>");
    int textbook = html.indexOf("004_8337c1cb1b4d2fe8.txt</span></h3>");
    int bvb = html.indexOf(">bvb</span></h3>");
    assertTrue(essay > 0 && textbook > essay && bvb > textbook, "documents in catalogue order");
    int tco009 = html.indexOf(">TCO-009<");
    int rec002 = html.indexOf(">REC-002<");
    assertTrue(tco009 > essay && tco009 < textbook, "TCO-009 under 001");
    assertTrue(rec002 > bvb, "REC-002 under bvb's own rules");
  }

  private static int count(String s, String sub) {
    return s.split(Pattern.quote(sub), -1).length - 1;
  }

  private static double width(String html, String title) {
    Matcher m = Pattern.compile("width=\"([0-9.]+)\" height=\"[0-9.]+\" fill=\"[^\"]+\"><title>" + Pattern.quote(title) + "</title>").matcher(html);
    assertTrue(m.find(), "segment " + title);
    return Double.parseDouble(m.group(1));
  }
}
