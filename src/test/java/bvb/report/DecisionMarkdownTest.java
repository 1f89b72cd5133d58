package bvb.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import bvb.engine.Firing;
import org.junit.jupiter.api.Test;

class DecisionMarkdownTest {
  @Test
  void markdownContainsTheRecommendationAndEveryFiredRuleId() {
    for (String sample : new String[] {"sc-08-exercise-100k-requests.json", "sc-01-chatbot.json", "sc-05-company-b.json"}) {
      Reports.Rendered r = Reports.of(sample);
      assertTrue(r.md().contains("## Recommendation\n\n**" + r.decision().strategy() + "**"), sample + "\n" + r.md());
      for (Firing f : r.decision().firings()) {
        assertTrue(r.md().contains("`" + f.ruleId() + "`"), sample + " lists " + f.ruleId());
      }
    }
  }

  @Test
  void markdownHasATableOfTheTcoCategoriesPerStrategyAndNoCharts() {
    String md = Reports.of("sc-08-exercise-100k-requests.json").md();
    assertTrue(md.contains("| strategy | COMPUTE | ENGINEERING | DATA_EVAL | COMPLIANCE | OPPORTUNITY | total |"), md);
    assertTrue(md.contains("| API_FRONTIER | $720,000 | $126,000 | $12,000 | $0 | $0 | **$858,000** |"), md);
    assertTrue(md.contains("Break-even: 2,407,500,000 tokens/month (32,100 requests/day)"), md);
    assertTrue(!md.contains("<svg"), "no charts in Markdown");
  }

  @Test
  void markdownEscapesTableSeparatorsAndRawHtml() {
    assertTrue(Markdown.cell("a|b<c>").equals("a\\|b&lt;c&gt;"));
    assertTrue(Markdown.text("x\ny").equals("x y"));
  }

  @Test
  void bothReportsSayWhyTheOtherStrategiesWereNotChosen() {
    Reports.Rendered r = Reports.of("sc-06-company-c.json");
    assertTrue(r.md().contains("## Why not the others") && r.md().contains("**API_FRONTIER** ("), r.md());
    assertTrue(r.html().contains("<h3>Why not the others</h3>") && r.html().contains("LAT-005"), "html");
  }
}
