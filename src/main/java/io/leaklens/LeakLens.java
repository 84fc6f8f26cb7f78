package io.leaklens;

import io.leaklens.cli.LeakLensCli;
import io.leaklens.ui.LeakLensApp;

/** LeakLens's entry point: no arguments open the desktop app, anything else runs the command line. */
public final class LeakLens {

    private LeakLens() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            LeakLensApp.main(args);
        } else {
            System.exit(LeakLensCli.run(args));
        }
    }
}
