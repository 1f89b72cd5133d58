package bvb.report;

import java.io.PrintWriter;

/** The frame of a self-contained HTML report: inline CSS only, no scripts, fonts or images. */
final class HtmlPage {
  private HtmlPage() {}

  private static final String CSS = """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1d1d1f;background:#f5f6f8;margin:0}
      main{max-width:1000px;margin:0 auto;padding:24px 28px 48px;background:#fff}
      h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 10px;border-bottom:2px solid #e4e6ea;padding-bottom:4px}
      h3{font-size:15px;margin:18px 0 6px}.meta{color:#666;font-size:12px;margin:0 0 16px;word-break:break-all}
      .rec{border-left:6px solid #2e7d32;background:#f1f8f1;padding:12px 16px;border-radius:4px}
      .rec .strategy{font-size:24px;font-weight:700}.rec .code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:15px;color:#333}
      .cost{margin:10px 0;padding:8px 12px;background:#fff;border:1px solid #cfe3cf;border-radius:4px}.cost p{margin:4px 0}
      .cost-head{font-weight:700}.cost ul{margin:4px 0}
      .badge{display:inline-block;padding:2px 8px;border-radius:10px;font-size:12px;font-weight:600;margin-left:8px;vertical-align:middle}
      .HIGH{background:#c8e6c9;color:#1b5e20}.MEDIUM{background:#fff3c4;color:#7a5c00}.LOW{background:#ffd7d7;color:#8b1a1a}
      ul{padding-left:22px;margin:6px 0}li{margin:4px 0}.id{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;color:#555}
      .for{color:#1b5e20;font-weight:600}.against{color:#8b1a1a;font-weight:600}
      .warn li{list-style:none;margin-left:-22px;padding:6px 10px;background:#fff6e0;border-left:4px solid #e0a000;border-radius:3px}
      .next li{list-style:none;margin-left:-22px;padding:6px 10px;background:#eef4fb;border-left:4px solid #4e79a7;border-radius:3px}
      table{border-collapse:collapse;width:100%;font-size:13px;margin:8px 0}
      th,td{border-bottom:1px solid #e4e6ea;padding:5px 8px;text-align:left;vertical-align:top}th{background:#f0f2f5}
      td.id{white-space:nowrap}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
      svg.chart{display:block;max-width:100%;height:auto;margin:8px 0 4px;font-family:inherit}
      .tick{font-size:12px;fill:#444}.axis-title{font-size:13px;fill:#222;font-weight:600}.legend{font-size:13px;fill:#222}.bar-code{font-size:12px;fill:#444}
      .bar-label{font-size:13px;fill:#222;font-weight:600}.seg-label{font-size:12px;fill:#fff;font-weight:600}
      .total-label{font-size:13px;fill:#111;font-weight:700}.buf-label{font-size:12px;fill:#444}
      .marker-label{font-size:12px;fill:#222;paint-order:stroke;stroke:#fff;stroke-width:4px;stroke-linejoin:round}
      .note{color:#555;font-size:13px}footer{color:#595959;font-size:12px;margin-top:32px}
      @media print{
      body{background:#fff}main{max-width:none;padding:0}
      h1,h2,h3{break-after:avoid;page-break-after:avoid}
      .figure,svg.chart,.rec,li,tr{break-inside:avoid;page-break-inside:avoid}
      thead{display:table-header-group}
      }
      """;

  static void open(PrintWriter out, String title) {
    out.println("<!DOCTYPE html>");
    out.println("<html lang=\"en\"><head><meta charset=\"utf-8\">");
    out.println("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    out.println("<title>" + Html.esc(title) + "</title>");
    out.println("<style>" + CSS + "</style></head><body><main>");
  }

  static void close(PrintWriter out, String footer) {
    out.println("<footer>" + Html.esc(footer) + "</footer>");
    out.println("</main></body></html>");
    out.flush();
  }

  /** A bulleted list of pre-escaped HTML items, with a CSS class (or null); nothing when empty. */
  static void list(PrintWriter out, String cls, java.util.List<String> itemsHtml) {
    if (itemsHtml.isEmpty()) {
      return;
    }
    out.println(cls == null ? "<ul>" : "<ul class=\"" + Html.esc(cls) + "\">");
    itemsHtml.forEach(i -> out.println("<li>" + i + "</li>"));
    out.println("</ul>");
  }
}
