package io.leaklens.cli;

import io.leaklens.session.Logs;
import io.leaklens.session.SessionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The {@code leaklens} command and its subcommands. */
@Command(name = "leaklens", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "A memory-leak profiler for the JVM. Without a command it opens the desktop app.",
        subcommands = {ListCommand.class, WatchCommand.class, SnapshotCommand.class, DiffCommand.class,
                AnalyzeCommand.class, HeapDumpCommand.class, GraphCommand.class, DemoCommand.class,
                CommandLine.HelpCommand.class},
        commandListHeading = "%nCommands:%n",
        footer = {"", "Exit codes: 0 success, 1 bad data or target, 2 wrong usage, 3 leak found with --fail-on-leak.",
                "A TARGET is a pid or part of the name of one of your JVMs (see 'leaklens list')."})
public final class LeakLensCli implements Runnable {

    private static final System.Logger LOG = System.getLogger(LeakLensCli.class.getName());

    /** Exit code for bad data or a bad target. */
    public static final int DATA_ERROR = 1;

    /** Exit code when a leak was found and {@code --fail-on-leak} was given. */
    public static final int LEAK_FOUND = 3;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Also on standard error: what LeakLens recovers from and otherwise only logs (see {@link Logs#folder()}). */
    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Also write LeakLens's log (failures it recovers from, connections, retries) to stderr.")
    void verbose(boolean on) {
        if (on) {
            Logs.toStandardError();
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is missing");
    }

    /** Runs the CLI and returns its exit code. */
    public static int run(String[] args) {
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new LeakLensCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler(LeakLensCli::wrongUsage);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            LOG.log(isUserError(e) ? System.Logger.Level.DEBUG : System.Logger.Level.ERROR,
                    String.join(" ", args), e);
            commandLine.getErr().println("leaklens: " + userMessage(e));
            if (Boolean.getBoolean("leaklens.debug")) {
                e.printStackTrace(commandLine.getErr());
            }
            return DATA_ERROR;
        });
        return cli.execute(args);
    }

    /**
     * Wrong usage: the message, picocli's "did you mean" if it has one, then the usage text. Picocli's own handler
     * leaves the usage out when it has a suggestion, but the CLI contract promises it for every exit 2.
     */
    private static int wrongUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        command.usage(err, command.getColorScheme());
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static boolean isUserError(Exception e) {
        return e instanceof SessionException || e instanceof DataException
                || e instanceof io.leaklens.store.SnapshotFileException;
    }

    private static String userMessage(Exception e) {
        if (isUserError(e)) {
            return e.getMessage();
        }
        String message = e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
        return "unexpected error (" + e.getClass().getSimpleName() + message + "); where it happened is in the log"
                + " in " + Logs.folder() + " (or run with --verbose)";
    }
}
