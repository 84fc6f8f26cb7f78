package io.leaklens.cli;

import io.leaklens.model.ByteSize;
import io.leaklens.model.TargetInfo;
import io.leaklens.session.HeapDumpTaker;
import io.leaklens.session.SessionException;
import io.leaklens.session.TargetResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code leaklens heapdump TARGET -o FILE.hprof}: have a JVM write a heap dump of its live objects. */
@Command(name = "heapdump", mixinStandardHelpOptions = true,
        description = {"Have a JVM write a heap dump of its live objects (it runs a full GC and pauses while it "
                + "writes), to read with 'leaklens analyze FILE.hprof'.",
                "A heap dump holds every field's value and every string's contents: keep it private."})
final class HeapDumpCommand implements Callable<Integer> {

    static final String PRIVACY_WARNING = "a heap dump holds the values of every field and the contents of every "
            + "string (passwords, tokens, personal data): keep it where only you can read it";

    @Parameters(paramLabel = "TARGET", description = "A pid, or part of the name of one of your JVMs.")
    private String target;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE.hprof", required = true,
            description = "Where the JVM writes it: a new file ending in .hprof (the JVM writes no other name).")
    private Path out;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws SessionException, DataException {
        out = checkDumpFile(spec, out);
        long pid = new TargetResolver().resolve(target);
        spec.commandLine().getErr().println("leaklens: warning: " + PRIVACY_WARNING);
        spec.commandLine().getErr().println("leaklens: JVM " + pid + " is writing a heap dump to " + out + " ...");
        TargetInfo info = HeapDumpTaker.take(pid, out);
        spec.commandLine().getOut().println("Saved a heap dump of " + info.displayName() + " (JVM " + pid + ") to "
                + out + ": " + ByteSize.format(size(out)) + "; read it with 'leaklens analyze " + out + "'");
        return 0;
    }

    /**
     * Refuses, before attaching, a name the JVM would not write (not ending in .hprof: usage) or a file that exists
     * or a folder that cannot be written (data); gives the file as an absolute path, which the JVM writes to.
     */
    static Path checkDumpFile(CommandSpec spec, Path file) throws DataException {
        if (file.getFileName() == null || !file.getFileName().toString().endsWith(".hprof")) {
            throw new ParameterException(spec.commandLine(), "the heap dump's file must end in .hprof: " + file);
        }
        if (Files.exists(file)) {
            throw new DataException("cannot write to " + file + ": it exists (the JVM writes only new files)");
        }
        SnapshotCommand.checkWritable(file);
        return file.toAbsolutePath();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1; // written on the target's side; ByteSize prints a dash
        }
    }
}
