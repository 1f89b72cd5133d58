package bvb.scenario;

import bvb.engine.Decision;
import java.nio.file.Path;
import java.util.List;

/** The outcome of one sample against its expectations; {@code differences} empty means pass. */
public record SampleResult(Path sample, Decision decision, List<String> differences) {
  public boolean passed() {
    return differences.isEmpty();
  }
}
