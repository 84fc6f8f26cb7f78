package io.leaklens.cli;

import io.leaklens.session.DemoLauncher;
import io.leaklens.session.SessionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code leaklens demo}: starts the built-in leaky demo in a JVM of its own, prints its pid, and stays until the
 * demo ends (Ctrl-C ends both).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start the built-in leaky demo program in its own JVM and print pid=<pid>.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--seconds", paramLabel = "N", defaultValue = "0",
            description = "Stop the demo after N seconds (default: run until stopped).")
    private long seconds;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws SessionException, InterruptedException {
        if (seconds < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--seconds must not be negative");
        }
        Process demo = DemoLauncher.start(Duration.ofSeconds(seconds), true);
        Runtime.getRuntime().addShutdownHook(new Thread(demo::destroy, "leaklens-demo-stop"));
        spec.commandLine().getOut().println("pid=" + demo.pid());
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().println("leaklens: the demo runs as JVM " + demo.pid()
                + "; watch it with 'leaklens watch " + demo.pid() + "' or in the app (leaklens, no arguments). Ctrl-C stops it.");
        return demo.waitFor() == 0 ? 0 : LeakLensCli.DATA_ERROR;
    }
}
