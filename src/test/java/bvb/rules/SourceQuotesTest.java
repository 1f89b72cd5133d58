package bvb.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every rule's {@code @source} quote occurs verbatim in the document it names (run with
 * {@code -Dbvb.documents=DIR}); the check itself is proved on a small rules directory and document
 * written here, so it runs without the documents too.
 */
class SourceQuotesTest {
  @TempDir static Path tmp;
  static Path rules;
  static List<String> problems;

  static final String DOCUMENT = String.join("\n",
      "Spoiler: most teams should keep using",
      "the API.   In practice the answer is usually 'call APIs.'",
      "Building your own model? It’s a distraction.",
      "");

  static final String DRL = String.join("\n",
      "package bvb.rules.quotes;",
      "import bvb.facts.Workload;",
      "",
      "rule \"Q-001 a quote across a line break and a run of spaces\"",
      "  @id(\"Q-001\")",
      "  @source(\"001_doc.txt: keep using the API. In practice the answer\")",
      "  agenda-group \"advice\"",
      "when",
      "  Workload( )",
      "then",
      "end",
      "",
      "rule \"Q-002 two passages joined by an ellipsis\"",
      "  @id(\"Q-002\")",
      "  @source(\"001_doc.txt: Spoiler: most teams ... It’s a distraction.\")",
      "  agenda-group \"advice\"",
      "when",
      "  Workload( )",
      "then",
      "end",
      "",
      "rule \"Q-003 a straight apostrophe where the document has a typographic one\"",
      "  @id(\"Q-003\")",
      "  @source(\"001_doc.txt: It's a distraction.\")",
      "  agenda-group \"advice\"",
      "when",
      "  Workload( )",
      "then",
      "end",
      "",
      "rule \"Q-004 a document that is not there\"",
      "  @id(\"Q-004\")",
      "  @source(\"009_missing.txt: anything at all\")",
      "  agenda-group \"advice\"",
      "when",
      "  Workload( )",
      "then",
      "end",
      "",
      "rule \"Q-005 bvb's own source quotes no document\"",
      "  @id(\"Q-005\")",
      "  @source(\"bvb: reconciliation, not a quote: nowhere in any document\")",
      "  agenda-group \"advice\"",
      "when",
      "  Workload( )",
      "then",
      "end",
      "",
      "rule \"Q-006 a quote edited after it was copied\"",
      "  @id(\"Q-006\")",
      "  // the quote's second part reads \"API\" where the document says \"APIs\"",
      "  @source(\"001_doc.txt: Spoiler: most teams ... the answer is usually 'call API.'\")",
      "  agenda-group \"advice\"",
      "when",
      "  Workload( )",
      "then",
      "end",
      "");

  static final String TABLE = String.join("\n",
      "RuleSet,bvb.rules.quotes",
      "Import,bvb.facts.Workload",
      "",
      "RuleTable Quoting rows",
      "METADATA,NAME,AGENDA-GROUP,CONDITION,METADATA",
      ",,,$w : Workload,",
      "\"id(\"\"$param\"\")\",,,tokensPerMonth != null && tokensPerMonth > $param,\"source(\"\"$param\"\")\"",
      "id,name,phase,tokensPerMonth more than,source",
      "T-001,T-001 a row quoting the document,advice,1,001_doc.txt: Building your own model?",
      "T-002,T-002 a row whose quote was changed,advice,2,001_doc.txt: Building your own models?",
      "");

  @BeforeAll
  static void checkTheSmallRulesDirectory() throws IOException {
    Path docs = Files.createDirectories(tmp.resolve("seeds"));
    Files.writeString(docs.resolve("001_doc.txt"), DOCUMENT);
    rules = Files.createDirectories(tmp.resolve("rules"));
    Files.writeString(rules.resolve("a.drl"), DRL);
    Files.writeString(rules.resolve("b.csv"), TABLE);
    problems = SourceQuotes.notFound(RuleSet.load(rules).rules(), SourceQuotes.documents(docs));
  }

  private List<String> problemsOf(String id) {
    return problems.stream().filter(p -> p.contains(": " + id + " ")).toList();
  }

  @Test
  void everyRuleQuotesTheDocumentItNamesVerbatim() {
    Path dir = SourceDocuments.directory();
    Map<String, String> documents = SourceQuotes.documents(dir);
    assertFalse(documents.isEmpty(), "no *.txt documents in " + dir);
    List<RuleInfo> all = SourceDocuments.bundledRules();
    List<String> notFound = SourceQuotes.notFound(all, documents);
    if (!notFound.isEmpty()) {
      fail(notFound.size() + " @source quote(s) of " + all.size() + " rules not found in " + dir + ":\n"
          + String.join("\n", notFound));
    }
  }

  @Test
  void lineBreaksAndRunsOfSpacesInTheDocumentDoNotCount() {
    assertEquals(List.of(), problemsOf("Q-001"));
  }

  @Test
  void partsJoinedByAnEllipsisAreFoundSeparately() {
    assertEquals(List.of(), problemsOf("Q-002"));
  }

  @Test
  void aStraightApostropheDoesNotMatchATypographicOne() {
    assertEquals(List.of(rules.resolve("a.drl") + ":24:3: Q-003 quote not found in 001_doc.txt: \"It's a distraction.\""),
        problemsOf("Q-003"));
  }

  @Test
  void aQuoteNamingADocumentThatIsNotThereIsReported() {
    assertEquals(List.of(rules.resolve("a.drl") + ":33:3: Q-004 names 009_missing.txt, which is not among the documents [001_doc.txt]"),
        problemsOf("Q-004"));
  }

  @Test
  void bvbsOwnSourcesAreNotLookedUp() {
    assertEquals(List.of(), problemsOf("Q-005"));
  }

  @Test
  void anEditedQuoteInARuleFileIsReportedAtItsSourceLineWithTheFailingPart() {
    assertEquals(List.of(rules.resolve("a.drl") + ":52:3: Q-006 quote not found in 001_doc.txt: \"the answer is usually 'call API.'\""),
        problemsOf("Q-006"));
  }

  @Test
  void anEditedQuoteInADecisionTableIsReportedAtItsSourceCell() {
    assertEquals(List.of(), problemsOf("T-001"));
    assertEquals(List.of(rules.resolve("b.csv") + ":10:5: T-002 quote not found in 001_doc.txt: \"Building your own models?\""),
        problemsOf("T-002"));
  }

  @Test
  void nothingElseIsReported() {
    assertEquals(4, problems.size(), String.join("\n", problems));
  }
}
