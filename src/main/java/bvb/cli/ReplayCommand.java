package bvb.cli;

import bvb.audit.AuditQueries;
import bvb.audit.AuditRecord;
import bvb.audit.Replay;
import bvb.engine.Engine;
import bvb.rules.RuleSet;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bvb replay ID|--all}: re-decide logged facts with today's rules; list what changed. */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Re-run logged decisions' facts with today's rules and report 'same' or the differences. Exit 0 when all are the same, 8 when any differs.")
final class ReplayCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin AuditCommand.LogOption log;

  @Parameters(paramLabel = "ID", arity = "0..1", description = "Decision id (a unique prefix is enough).")
  String id;

  @Option(names = "--all", description = "Replay every decision in the log and list those that flip.")
  boolean all;

  @Override
  public Integer call() throws Exception {
    if (all == (id != null)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give either an ID or --all");
    }
    // a missing log or id fails before the rules are compiled
    try (bvb.audit.AuditStore store = log.open(spec)) {
      return replay(store);
    }
  }

  private int replay(bvb.audit.AuditStore store) throws Exception {
    JsonNode single = all ? null : store.find(id, spec.commandLine().getErr());
    Engine engine = common.engine();
    PrintWriter out = spec.commandLine().getOut();
    // one engine (and session pool) per logged horizon, not one per record
    java.util.Map<Integer, Engine> byHorizon = new java.util.HashMap<>();
    int[] counts = new int[3]; // replayed, differ, flipped
    AuditQueries.RecordConsumer replayOne = r -> {
      counts[0]++;
      Replay.Outcome o;
      try {
        int horizon = Replay.horizonOf(r);
        o = Replay.replay(r, horizon == 0 ? engine : byHorizon.computeIfAbsent(horizon, engine::withHorizon));
      } catch (RuntimeException e) {
        counts[1]++;
        out.println(AuditRecord.id(r) + "  ERROR cannot replay: " + e.getMessage());
        return;
      }
      String changed = (o.rulesChanged() ? "rules changed since" : "rules unchanged")
          + (o.catalogChanged() ? ", catalog changed since" : "");
      if (o.same()) {
        out.println(AuditRecord.id(r) + "  same (" + changed + ")");
        return;
      }
      counts[1]++;
      counts[2] += o.flipped() ? 1 : 0;
      out.println(AuditRecord.id(r) + "  " + (o.flipped() ? "FLIPS " + o.before() + " -> " + o.after() : "differs") + " (" + changed + ")");
      o.differences().forEach(d -> out.println("    " + d));
    };
    if (all) {
      store.forEach(spec.commandLine().getErr(), replayOne); // one record in memory at a time
    } else {
      replayOne.accept(single);
    }
    int replayed = counts[0];
    int differ = counts[1];
    int flipped = counts[2];
    out.println(replayed + " replayed, " + (replayed - differ) + " same, " + differ
        + " differ or could not be replayed, " + flipped + " flip strategy");
    out.flush();
    return differ == 0 ? ExitCode.OK.code : ExitCode.REPLAY_DIFFERS.code;
  }
}
