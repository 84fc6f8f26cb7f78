package io.leaklens.cli;

import io.leaklens.session.LocalJvms;
import io.leaklens.model.JvmInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;

/** {@code leaklens list}: the JVMs of this user, without attaching to any. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the local JVMs of this user.")
final class ListCommand implements Runnable {

    @Option(names = "--json", description = "Print JSON instead of a table.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    record JvmJson(long pid, String displayName, boolean attachable, String commandLine) {
    }

    record ListJson(List<JvmJson> jvms) {
    }

    @Override
    public void run() {
        List<JvmInfo> jvms = new LocalJvms().list();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(new ListJson(jvms.stream()
                    .map(j -> new JvmJson(j.pid(), j.displayName(), j.attachable(), j.commandLine())).toList())));
            return;
        }
        if (jvms.isEmpty()) {
            out.println("No other JVM of this user is running. Start one, or try 'leaklens demo'.");
            return;
        }
        out.printf("%8s  %-10s  %s%n", "PID", "ATTACH", "NAME");
        for (JvmInfo jvm : jvms) {
            out.printf("%8d  %-10s  %s%n", jvm.pid(), jvm.attachable() ? "yes" : "disabled", jvm.displayName());
        }
    }
}
