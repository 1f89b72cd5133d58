package bvb.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import bvb.catalog.PriceCatalog;
import bvb.tco.CostCurve;
import bvb.tco.TcoCalculator;
import bvb.tco.TcoInputs;
import bvb.tco.TcoReport;
import bvb.tco.Volume;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every text of every chart, measured with the same per-character estimate the placement uses
 * (checked against Chromium's getBBox to be never narrower): no two labels' boxes overlap and
 * every label is inside its chart.
 */
class ChartLabelsTest {
  private static final PriceCatalog CATALOG = PriceCatalog.load(Path.of("rules/prices.json"));
  private static final Pattern SVG = Pattern.compile("<svg [^>]*viewBox=\"0 0 (\\d+) (\\d+)\"[^>]*>(.*?)</svg>", Pattern.DOTALL);
  private static final Pattern TEXT = Pattern.compile(
      "<text x=\"([-0-9.]+)\" y=\"([-0-9.]+)\" text-anchor=\"(start|middle|end)\" class=\"([a-z-]+)\">([^<]*)</text>");

  record Label(String text, Labels.Box box) {}

  static Stream<String> decisionSamples() {
    return Stream.of("sc-22-003-heavy.json", "sc-22b-003-heavy-two-to-one-devops.json", "sc-01-chatbot.json",
        "sc-19-loan-underwriting.json", "sc-23-003-very-heavy.json", "sc-08-exercise-100k-requests.json",
        "sc-07-exercise-10k-requests.json", "sc-20-003-light.json", "sc-21-003-medium.json", "sc-24-003-enterprise.json");
  }

  static Stream<Path> tcoSamples() throws Exception {
    try (Stream<Path> files = Files.list(Path.of("facts-samples/tco"))) {
      return files.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".expected.json")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("decisionSamples")
  void labelsOfBothChartsOfADecisionReportDoNotOverlap(String sample) {
    String html = Reports.of(sample).html();
    assertEquals(2, assertNoOverlaps(sample, html), "both charts checked");
  }

  @ParameterizedTest
  @MethodSource("tcoSamples")
  void labelsOfBothChartsOfEachCostSampleDoNotOverlap(Path sample) throws Exception {
    JsonNode root = new ObjectMapper().readTree(sample.toFile());
    TcoInputs in = TcoInputs.fromJson(root.get("tco").toString());
    Volume volume = new ObjectMapper().treeToValue(root.path("volume"), Volume.class);
    int horizon = root.get("horizonMonths").asInt();
    TcoReport report = TcoCalculator.compute(in, volume, CATALOG, horizon);
    CostCurve curve = CostCurve.compute(in, volume, CATALOG, horizon, report);
    String svgs = TcoBarChart.svg(report) + (curve.points().size() < 2 ? "" : BreakEvenChart.svg(curve, report));
    assertTrue(assertNoOverlaps(sample.toString(), svgs) >= 1);
  }

  @Test
  void placerKeepsManyLabelsAimedAtOnePointApartAndInsideTheBounds() {
    Labels.Box bounds = new Labels.Box(0, 0, 400, 300);
    Labels placer = new Labels(bounds);
    placer.block(Labels.Box.around(200, 150, 6));
    Labels.Font f = Labels.font("marker-label");
    List<Labels.Box> boxes = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String text = "$" + (i + 1) + "2.5k/mo label " + i;
      boxes.add(placer.place(text, f, List.of(new Labels.Spot(208, 154, "start"), new Labels.Spot(192, 154, "end")), 3).box());
    }
    for (int i = 0; i < boxes.size(); i++) {
      assertTrue(boxes.get(i).inside(bounds), "label " + i + " inside");
      assertTrue(!boxes.get(i).overlaps(Labels.Box.around(200, 150, 6)), "label " + i + " clear of the marker");
      for (int j = i + 1; j < boxes.size(); j++) {
        assertTrue(!boxes.get(i).overlaps(boxes.get(j)), "labels " + i + " and " + j + " overlap: " + boxes.get(i) + " " + boxes.get(j));
      }
    }
  }

  @Test
  void overlapCheckSeesTwoLabelsDrawnOnTopOfEachOther() {
    String svg = "<svg xmlns=\"" + Svg.XMLNS + "\" viewBox=\"0 0 300 100\" class=\"chart\">"
        + "<text x=\"10.0\" y=\"50.0\" text-anchor=\"start\" class=\"marker-label\">break-even: 800M tokens/month</text>"
        + "<text x=\"60.0\" y=\"55.0\" text-anchor=\"start\" class=\"marker-label\">$2.5k/mo</text></svg>";
    List<Label> labels = labels(svg).get(0);
    assertEquals(2, labels.size());
    assertTrue(labels.get(0).box().overlaps(labels.get(1).box()));
  }

  /** Fails on overlapping or escaping labels; returns how many charts were checked. */
  static int assertNoOverlaps(String what, String html) {
    List<List<Label>> charts = labels(html);
    Matcher m = SVG.matcher(html);
    int i = 0;
    while (m.find()) {
      Labels.Box chart = new Labels.Box(0, 0, Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)));
      List<Label> ls = charts.get(i++);
      assertTrue(ls.size() > 5, what + ": chart " + i + " has its labels");
      for (int a = 0; a < ls.size(); a++) {
        if (!ls.get(a).box().inside(chart)) {
          fail(what + ": chart " + i + " label outside the chart: " + ls.get(a));
        }
        for (int b = a + 1; b < ls.size(); b++) {
          if (ls.get(a).box().overlaps(ls.get(b).box())) {
            fail(what + ": chart " + i + " labels overlap: " + ls.get(a) + " and " + ls.get(b));
          }
        }
      }
    }
    return i;
  }

  static List<List<Label>> labels(String html) {
    List<List<Label>> out = new ArrayList<>();
    Matcher svg = SVG.matcher(html);
    while (svg.find()) {
      List<Label> ls = new ArrayList<>();
      Matcher t = TEXT.matcher(svg.group(3));
      while (t.find()) {
        String text = t.group(5).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
        Labels.Spot spot = new Labels.Spot(Double.parseDouble(t.group(1)), Double.parseDouble(t.group(2)), t.group(3));
        ls.add(new Label(text, Labels.box(text, spot, Labels.font(t.group(4)))));
      }
      out.add(ls);
    }
    return out;
  }
}
