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
    int essay = html.indexOf(">001 · LLM build vs buy: the questions that actually matter</h3>");
    int textbook = html.indexOf(">004 · Build vs. Buy Decision Framework &amp; TCO</h3>");
    int bvb = html.indexOf(">bvb&#39;s own rules</h3>");
    assertTrue(essay > 0 && textbook > essay && bvb > textbook, "documents in catalogue order");
    int tco009 = html.indexOf(">TCO-009<");
    int rec002 = html.indexOf(">REC-002<");
    assertTrue(tco009 > essay && tco009 < textbook, "TCO-009 under 001");
    assertTrue(rec002 > bvb, "REC-002 under bvb's own rules");
  }

  @Test
  void documentsAreShownByShortTitleAndTheirHashedFileNamesOnlyInHoverText() {
    for (String sample : new String[] {"sc-01-chatbot.json", "sc-22-003-heavy.json", "sc-19-loan-underwriting.json"}) {
      String html = Reports.of(sample).html();
      String visible = html.replaceAll("title=\"[^\"]*\"", "");
      assertFalse(Pattern.compile("\\d{3}_[0-9a-f]{16}\\.txt").matcher(visible).find(), sample + " shows a hashed file name");
      assertTrue(html.contains("000 · You Can Finally Build Your Own LLM"), sample);
      assertTrue(html.contains("title=\"004 · Build vs. Buy Decision Framework &amp; TCO: "), sample + ": rule sources by short title");
    }
  }

  @Test
  void strategiesAreNamedInPlainEnglishBesideTheirCodes() {
    String html = Reports.of("sc-22-003-heavy.json").html();
    assertTrue(html.contains("<span class=\"strategy\">Use a frontier model through a vendor API</span> <span class=\"code\">(API_FRONTIER)</span>"), "recommendation");
    assertTrue(html.contains("Self-host an open-weight model (SELF_HOST_OPEN)"), "legend, lists and cost summary");
  }

  @Test
  void recommendationBoxSummarisesEachPricedStrategysTotalAndTheSelfHostSaving() {
    String html = recBox(Reports.of("sc-22-003-heavy.json").html());
    assertTrue(html.contains("Cost over 12 months"), html);
    assertTrue(html.contains("Use a frontier model through a vendor API (API_FRONTIER): <b>$30,000</b>"), html);
    assertTrue(html.contains("Self-host an open-weight model (SELF_HOST_OPEN): <b>$24,000</b>, $31,200 with the uncertainty buffer"), html);
    assertTrue(html.contains("Self-hosting (SELF_HOST_OPEN) against API_FRONTIER: saves 20.0 %; with the uncertainty buffer it costs 4.0 % more."), html);
  }

  @Test
  void aSelfHostOptionThatCostsMoreIsNeverCalledANegativeSaving() {
    for (String sample : new String[] {"sc-01-chatbot.json", "sc-22-003-heavy.json", "sc-22b-003-heavy-two-to-one-devops.json",
        "sc-19-loan-underwriting.json", "sc-23-003-very-heavy.json"}) {
      // what bvb writes itself: the recommendation box and the costs section (rule texts are the rules' wording)
      String html = Reports.of(sample).html();
      String costs = html.substring(html.indexOf("<h2>Costs over"), html.indexOf("<h2>", html.indexOf("<h2>Costs over") + 4));
      for (String part : new String[] {recBox(html), costs}) {
        assertFalse(part.contains("saves -"), sample);
        assertFalse(Pattern.compile("sav\\w* [^.<]{0,20}-\\d").matcher(part).find(), sample + ": " + part);
      }
    }
    String chatbot = recBox(Reports.of("sc-01-chatbot.json").html());
    assertTrue(Pattern.compile("Self-hosting \\(SELF_HOST_FINE_TUNED\\) against API_FRONTIER: costs [0-9.]+ % more").matcher(chatbot).find(), chatbot);
  }

  @Test
  void noPricedWorkloadNoCostSummary() {
    assertFalse(recBox(Reports.of("sc-05-company-b.json").html()).contains("Cost over"));
  }

  @Test
  void everyAmountAndVolumeOutsideTheChartsHasThousandsSeparators() {
    for (String sample : new String[] {"sc-22-003-heavy.json", "sc-19-loan-underwriting.json", "sc-01-chatbot.json", "sc-08-exercise-100k-requests.json"}) {
      String html = Reports.of(sample).html();
      String text = html.replaceAll("(?s)<svg.*?</svg>", "").replaceAll("<[^>]*>", " ");
      // source passages are quoted verbatim; everything else is bvb's or the rules' own wording
      Matcher m = Pattern.compile("(?<![\\w.,\\-#&])\\$?\\d{5,}(?![\\w\\-])").matcher(text.replaceAll("sha256 [0-9a-f]+", ""));
      assertFalse(m.find(), sample + ": " + (m.hitEnd() ? "" : text.substring(Math.max(0, m.start() - 60), Math.min(text.length(), m.end() + 20))));
      assertFalse(text.contains("$30000.0"), sample);
    }
  }

  @Test
  void printStylesKeepEachHeadingWithItsChart() {
    String html = Reports.of("sc-08-exercise-100k-requests.json").html();
    int print = html.indexOf("@media print{");
    assertTrue(print > 0, "print styles");
    String css = html.substring(print, html.indexOf("</style>"));
    assertTrue(css.contains("h1,h2,h3{break-after:avoid;page-break-after:avoid}"), css);
    assertTrue(css.contains(".figure,svg.chart,.rec,li,tr{break-inside:avoid"), css);
    assertEquals(2, count(html, "<div class=\"figure\"><h3>"), "each chart's heading and chart in one unbreakable block");
    assertTrue(Pattern.compile("<div class=\"figure\"><h3>Total cost by category</h3>\\s*<svg ").matcher(html).find());
  }

  @Test
  void footerTextHasEnoughContrastOnWhite() {
    String html = Reports.of("sc-05-company-b.json").html();
    assertTrue(html.contains("footer{color:#595959"), "7:1 on white, was #888 (3.5:1)");
  }

  private static String recBox(String html) {
    int start = html.indexOf("<div class=\"rec\">");
    return html.substring(start, html.indexOf("<h2>Why</h2>", start));
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
