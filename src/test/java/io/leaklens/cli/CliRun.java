package io.leaklens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** What one in-process run of the CLI printed and returned; shared by the CLI tests. */
record CliRun(int exitCode, String out, String err) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static CliRun run(String... args) {
        return run(new StringWriter(), args);
    }

    /** Runs with a stderr the caller can watch while the command runs (a StringWriter is thread-safe). */
    static CliRun run(StringWriter err, String... args) {
        StringWriter out = new StringWriter();
        int code = LeakLensCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }

    List<String> errLines() {
        return err.lines().toList();
    }

    JsonNode json() throws Exception {
        return JSON.readTree(out);
    }
}
