package bvb.tco;

import static bvb.tco.Fixtures.CATALOG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bvb.catalog.CatalogEntry;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProvenanceTest {
  static InputSource source(TcoResult r, String field) {
    return r.sources().stream().filter(s -> s.field().equals(field)).findFirst()
        .orElseThrow(() -> new AssertionError("no source for " + field + " in " + r.sources()));
  }

  @Test
  void catalogDefaultsAndUserValuesAreRecordedWithTheirOrigin() {
    TcoReport r = ChatbotTcoTest.report(12);
    TcoResult self = r.result(TcoStrategy.SELF_HOST_FINE_TUNED);
    InputSource ml = source(self, "engineering.mlEngineerMonthlyLoadedCostUsd");
    assertEquals(InputSource.Origin.CATALOG, ml.origin());
    assertEquals("labor.ml-engineer-monthly", ml.catalogEntryId());
    assertEquals(InputSource.Origin.USER, source(self, "gpu.gpuRentalMonthlyUsd").origin());
    assertEquals(InputSource.Origin.DEFAULT, source(self, "uncertaintyBufferPct").origin());
    assertEquals(List.of("labor.devops-monthly", "labor.ml-engineer-monthly"),
        r.catalogEntriesUsed().stream().map(CatalogEntry::id).toList());
    assertEquals(CATALOG.sha256(), r.catalogSha256());
  }

  @Test
  void factFilePriceWinsOverCatalogAndReportSaysSo() {
    String lines = """
        {"api": {"apiModel": "gpt-4o", "apiInputPricePerMTokUsd": 2.00}}""";
    TcoReport r = TcoCalculator.compute(Fixtures.one(TcoStrategy.API_FRONTIER, lines),
        Volume.ofRequests(1000, 1000, 500), CATALOG, 12);
    TcoResult api = r.result(TcoStrategy.API_FRONTIER);
    assertEquals((1000 * 2.00 + 500 * 10.00) / 1e6, api.apiCostPerRequestUsd(), 1e-12);
    assertEquals(InputSource.Origin.USER, source(api, "api.apiInputPricePerMTokUsd").origin());
    assertEquals("api.gpt-4o", source(api, "api.apiOutputPricePerMTokUsd").catalogEntryId());
  }

  @Test
  void documentedDefaultsAreLabelledAsDefaults() {
    String lines = """
        {"gpu": {"gpuPriceId": "gpu.lambda-h100-pcie", "gpuCount": 1},
         "opportunity": {"monthlyRevenueOpportunityUsd": 1000}}""";
    TcoResult r = Fixtures.cost(TcoStrategy.SELF_HOST_OPEN, lines, Volume.NONE, 12);
    assertEquals(730, source(r, "gpu.hoursPerMonth").value());
    assertEquals(InputSource.Origin.DEFAULT, source(r, "gpu.hoursPerMonth").origin());
    assertEquals(InputSource.Origin.DEFAULT, source(r, "opportunity.timeToProductionMonths").origin());
    assertEquals(2.86 * 730 * 12 + 1000, r.horizonTotalUsd(), Fixtures.CENT);
  }

  @Test
  void reportListsStaleCatalogEntriesAmongThoseUsed() {
    String lines = """
        {"fineTuning": {"fineTuneUpfrontUsd": 5000},
         "gpu": {"gpuPriceId": "gpu.runpod-h100-pcie", "gpuCount": 1}}""";
    TcoReport r = TcoCalculator.compute(Fixtures.one(TcoStrategy.SELF_HOST_FINE_TUNED, lines),
        Volume.NONE, CATALOG, 12);
    assertTrue(r.staleCatalogEntries(LocalDate.of(2026, 12, 1), 30).isEmpty());
    assertEquals(1, r.staleCatalogEntries(LocalDate.of(2027, 6, 1), 90).size());
  }
}
