package io.leaklens;

import io.leaklens.cli.LeakLensCli;
import io.leaklens.session.Logs;
import io.leaklens.ui.LeakLensApp;

/** LeakLens's entry point: no arguments open the desktop app, anything else runs the command line. */
public final class LeakLens {

    private LeakLens() {
    }

    public static void main(String[] args) {
        // What LeakLens recovers from, and what it tells the user, is also written to a few small files.
        Logs.toFile();
        if (args.length == 0) {
            Thread.setDefaultUncaughtExceptionHandler((thread, e) -> System.getLogger(LeakLens.class.getName())
                    .log(System.Logger.Level.ERROR, "uncaught in " + thread.getName(), e));
            LeakLensApp.main(args);
        } else {
            System.exit(LeakLensCli.run(args));
        }
    }
}
