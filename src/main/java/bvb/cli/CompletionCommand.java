package bvb.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bvb completion bash|zsh}: a shell completion script for bvb's commands and options. */
@Command(name = "completion", mixinStandardHelpOptions = true,
    description = {
      "Print a completion script for bvb's commands and options.",
      "bash: source <(bvb completion bash), or save it in /etc/bash_completion.d/bvb.",
      "zsh: source <(bvb completion zsh) in ~/.zshrc (the script loads zsh's bashcompinit itself)."
    })
final class CompletionCommand implements Callable<Integer> {
  /** The shells completed. */
  enum Shell { bash, zsh }

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
  Shell shell;

  @Override
  public Integer call() {
    CommandLine all = Main.commandLine(new String[0], BvbCommand.host(spec));
    String script = AutoComplete.bash("bvb", all);
    spec.commandLine().getOut().print(shell == Shell.zsh
        ? "# bvb completion for zsh: bash's completion through zsh's bashcompinit, which this script loads\n" + script
        : script);
    spec.commandLine().getOut().flush();
    return ExitCode.OK.code;
  }
}
