package bvb.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactsLoaderTest {
  @TempDir Path tmp;

  private static FactsException fails(String json) {
    return assertThrows(
        FactsException.class, () -> FactsLoader.parse("f.json", json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void malformedJsonReportsLineAndColumn() {
    FactsException e = fails("{\n  \"workload\": {\n    \"tokensPerMonth\": 5000000,,\n  }\n}");
    assertEquals("FACTS-004", e.code());
    assertTrue(e.location().startsWith("f.json:3:"), e.render());
  }

  @Test
  void wrongTypeNamesTheFieldAndTheExpectedType() {
    FactsException e = fails("{\"workload\": {\"tokensPerMonth\": \"lots\"}}");
    assertEquals("FACTS-006", e.code());
    assertTrue(e.getMessage().contains("$.workload.tokensPerMonth"), e.render());
    assertTrue(e.getMessage().contains("whole number"), e.render());
  }

  @Test
  void fractionalNumberForAWholeNumberFieldIsRejected() {
    FactsException e = fails("{\"workload\": {\"tokensPerMonth\": 1.5}}");
    assertEquals("FACTS-006", e.code());
  }

  @Test
  void integralNumbersWrittenWithAnExponentOrAFractionAreWholeNumbers() {
    for (String v : new String[] {"5e7", "50000000.0", "5.0E+7", "50000000"}) {
      FactSet f = FactsLoader.parse("f.json", ("{\"workload\": {\"tokensPerMonth\": " + v
          + ", \"inputTokensPerRequest\": 2e3}}").getBytes(java.nio.charset.StandardCharsets.UTF_8)).facts();
      assertEquals(50_000_000L, f.workload().tokensPerMonth(), v);
      assertEquals(2000, f.workload().inputTokensPerRequest(), v);
    }
  }

  @Test
  void aFractionForAWholeNumberNamesTheField() {
    FactsException e = fails("{\"workload\": {\"tokensPerMonth\": 5.5}}");
    assertEquals("FACTS-006", e.code());
    assertEquals("$.workload.tokensPerMonth must be a whole number, got 5.5", e.getMessage());
    FactsException tco = fails("{\"workload\": {\"tokensPerMonth\": 5}, \"tco\": {\"strategies\": "
        + "{\"SELF_HOST_OPEN\": {\"gpu\": {\"gpuCount\": 2.5}}}}}");
    assertEquals("$.tco.strategies.SELF_HOST_OPEN.gpu.gpuCount must be a whole number, got 2.5", tco.getMessage());
  }

  @Test
  void aWholeNumberTooLargeForItsFieldNamesTheField() {
    FactsException e = fails("{\"workload\": {\"tokensPerMonth\": 1e30}}");
    assertEquals("FACTS-011", e.code());
    assertTrue(e.getMessage().startsWith("$.workload.tokensPerMonth "), e.render());
    assertEquals("FACTS-011", fails("{\"workload\": {\"tokensPerMonth\": 1e16}}").code());
  }

  @Test
  void aNumberOrBooleanIsNotTakenForText() {
    assertEquals("FACTS-006", fails("{\"name\": 5, \"workload\": {\"tokensPerMonth\": 5}}").code());
    assertEquals("FACTS-006", fails("{\"name\": true, \"workload\": {\"tokensPerMonth\": 5}}").code());
  }

  @Test
  void aMisspeltOnlyVolumeFieldKeepsItsDidYouMeanHint() {
    FactsException e = fails("{\"workload\": {\"montlyTokens\": 5}}");
    assertEquals("FACTS-005", e.code());
    assertEquals("unknown field \"montlyTokens\" in $.workload; did you mean \"tokensPerMonth\"?", e.getMessage());
    FactsException perDay = fails("{\"workload\": {\"useCase\": \"x\", \"tokensPerDya\": 5}}");
    assertEquals("unknown field \"tokensPerDya\" in $.workload; did you mean \"tokensPerDay\"?", perDay.getMessage());
  }

  @Test
  void unknownFieldIsNamedWithTheClosestKnownOne() {
    FactsException e = fails("{\"workload\": {\"montlyTokens\": 5, \"tokensPerMonth\": 5}}");
    assertEquals("FACTS-005", e.code());
    assertTrue(e.getMessage().contains("\"montlyTokens\""), e.render());
    assertTrue(e.getMessage().contains("did you mean \"tokensPerMonth\""), e.render());
    assertTrue(e.location().startsWith("f.json:1:"), e.render());
  }

  @Test
  void missingWorkloadIsRequired() {
    FactsException e = fails("{\"name\": \"x\"}");
    assertEquals("FACTS-020", e.code());
    assertTrue(e.getMessage().contains("$.workload"), e.render());
  }

  @Test
  void workloadWithoutAnyVolumeIsRejected() {
    FactsException e = fails("{\"workload\": {\"useCase\": \"chat\"}}");
    assertEquals("FACTS-020", e.code());
    assertTrue(e.getMessage().contains("$.workload.tokensPerMonth"), e.render());
  }

  @Test
  void negativeNumberIsRejectedWithItsPath() {
    FactsException e = fails("{\"workload\": {\"tokensPerMonth\": -1}}");
    assertEquals("FACTS-010", e.code());
    assertTrue(e.getMessage().startsWith("$.workload.tokensPerMonth "), e.render());
  }

  @Test
  void nanIsRejectedAsMalformedJson() {
    FactsException e = fails("{\"workload\": {\"tokensPerMonth\": 5, \"attemptsPerTask\": NaN}}");
    assertEquals("FACTS-004", e.code());
  }

  @Test
  void infiniteNumberIsRejected() {
    FactsException e = fails("{\"workload\": {\"tokensPerMonth\": 5, \"annualApiSpendUsd\": 1e400}}");
    assertEquals("FACTS-012", e.code());
    assertTrue(e.getMessage().contains("annualApiSpendUsd"), e.render());
  }

  @Test
  void absurdlyLargeNumbersAreRejected() {
    assertEquals("FACTS-011", fails("{\"workload\": {\"tokensPerMonth\": 99999999999999999999999}}").code());
    assertEquals("FACTS-011", fails("{\"workload\": {\"tokensPerMonth\": 5, \"annualApiSpendUsd\": 1e15}}").code());
    assertEquals("FACTS-011", fails("{\"workload\": {\"tokensPerMonth\": 5, \"routableSharePct\": 101}}").code());
  }

  @Test
  void emptyFileIsReportedAsEmpty() {
    assertEquals("FACTS-003", fails("  \n").code());
  }

  @Test
  void directoryIsNotAFactFile() {
    FactsException e = assertThrows(FactsException.class, () -> FactsLoader.load(tmp));
    assertEquals("FACTS-002", e.code());
    assertEquals(tmp.toString(), e.location());
  }

  @Test
  void missingFileIsNamed() {
    FactsException e = assertThrows(FactsException.class, () -> FactsLoader.load(tmp.resolve("nope.json")));
    assertEquals("FACTS-001", e.code());
  }

  @Test
  void duplicateFieldIsRejected() {
    assertEquals("FACTS-007", fails("{\"workload\": {\"tokensPerMonth\": 5, \"tokensPerMonth\": 6}}").code());
  }

  @Test
  void unknownEnumValueListsTheAllowedOnes() {
    FactsException e = fails("{\"workload\": {\"tokensPerMonth\": 5}, \"data\": {\"dataEgressPolicy\": \"MAYBE\"}}");
    assertEquals("FACTS-006", e.code());
    assertTrue(e.getMessage().contains("PROHIBITED"), e.render());
  }

  @Test
  void answerAcceptsBooleansNullAndUnknownOnly() {
    FactSet f = FactsLoader.parse("f.json", ("{\"workload\": {\"tokensPerMonth\": 5},"
        + " \"team\": {\"hasMlSkills\": true, \"hasDevOpsSkills\": null, \"hasSecuritySkills\": \"unknown\"}}")
        .getBytes(StandardCharsets.UTF_8)).facts();
    assertEquals(Answer.YES, f.team().hasMlSkills());
    assertEquals(Answer.UNKNOWN, f.team().hasDevOpsSkills());
    assertEquals(Answer.UNKNOWN, f.team().hasSecuritySkills());
    assertEquals(Answer.UNKNOWN, f.team().onCallCoverage());
    FactsException e = fails("{\"workload\": {\"tokensPerMonth\": 5}, \"team\": {\"hasMlSkills\": \"yes\"}}");
    assertTrue(e.getMessage().contains("$.team.hasMlSkills"), e.render());
  }

  @Test
  void stringIsNotCoercedToANumberOrBoolean() {
    assertEquals("FACTS-006", fails("{\"workload\": {\"tokensPerMonth\": \"5\"}}").code());
  }

  @Test
  void noneCannotBeListedWithOtherSensitiveData() {
    FactsException e = fails("{\"workload\": {\"tokensPerMonth\": 5}, \"data\": {\"sensitiveDataTypes\": [\"NONE\", \"PHI\"]}}");
    assertEquals("FACTS-014", e.code());
  }

  @Test
  void missingProfilesAreUnknownNotFalse() {
    FactSet f = FactsLoader.parse("f.json", "{\"workload\": {\"tokensPerMonth\": 5}}".getBytes(StandardCharsets.UTF_8)).facts();
    assertEquals(Answer.UNKNOWN, f.data().providerTermsAcceptable());
    assertEquals(Enums.EgressPolicy.UNKNOWN, f.data().dataEgressPolicy());
    assertTrue(!f.data().sensitivityKnown());
    assertEquals(Strategy.NONE, f.current().currentStrategy());
  }

  @Test
  void tokenVolumeIsDerivedFromRequestsWhenTokensAreNotGiven() {
    FactSet f = FactsLoader.parse("f.json", ("{\"workload\": {\"requestsPerDay\": 100000,"
        + " \"inputTokensPerRequest\": 1000, \"outputTokensPerRequest\": 500}}").getBytes(StandardCharsets.UTF_8)).facts();
    assertEquals(4_500_000_000L, f.volume().tokensPerMonth());
    assertTrue(f.volume().derivation().startsWith("requestsPerDay"));
  }

  @Test
  void everyBundledSampleLoads() throws Exception {
    try (var files = Files.list(Path.of("facts-samples"))) {
      for (Path p : files.filter(x -> x.toString().endsWith(".json") && !x.toString().endsWith(".expected.json")
          && !x.toString().endsWith(".schema.json")).toList()) {
        FactsLoader.load(p);
      }
    }
  }

  @Test
  void derivedTokenVolumeThatOverflowsOrIsAbsurdIsRejectedOnTheFieldThatCausesIt() {
    FactsException e = fails("{\"workload\": {\"requestsPerDay\": 100000000000,"
        + " \"inputTokensPerRequest\": 100000000, \"outputTokensPerRequest\": 100000000}}");
    assertEquals("FACTS-011", e.code());
    assertTrue(e.getMessage().startsWith("$.workload.requestsPerDay "), e.render());
    assertEquals("FACTS-011", fails("{\"workload\": {\"tokensPerDay\": 33333333333333333}}").code());
  }

  @Test
  void tokensPerMonthAndPerDayMustAgree() {
    FactsException e = fails("{\"workload\": {\"tokensPerMonth\": 1000, \"tokensPerDay\": 50}}");
    assertEquals("FACTS-015", e.code());
    FactsLoader.parse("f.json", "{\"workload\": {\"tokensPerMonth\": 3000, \"tokensPerDay\": 100}}"
        .getBytes(StandardCharsets.UTF_8));
  }
}
