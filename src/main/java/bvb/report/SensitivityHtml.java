package bvb.report;

import bvb.uncertainty.Sensitivity;
import java.io.PrintWriter;

/** {@code bvb sensitivity --format html}: the tornado chart and the table. */
public final class SensitivityHtml {
  private SensitivityHtml() {}

  public static void page(Sensitivity s, String bvbVersion, PrintWriter out) {
    HtmlPage.open(out, "Sensitivity: " + SensitivityReport.title(s));
    HtmlPage.close(out, "bvb " + bvbVersion);
  }
}
