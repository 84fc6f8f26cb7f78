package io.leaklens;

import io.leaklens.cli.LeakLensCli;
import io.leaklens.ui.LeakLensApp;

/** LeakLens's entry point: no arguments open the desktop app, anything else runs the command line. */
public final class LeakLens {

    private LeakLens() {
    }

    public static void main(String[] args) {
        // A target that hangs must not hang us: JMX over RMI waits forever for an answer unless told otherwise.
        System.setProperty("sun.rmi.transport.tcp.responseTimeout",
                System.getProperty("sun.rmi.transport.tcp.responseTimeout", "15000"));
        if (args.length == 0) {
            LeakLensApp.main(args);
        } else {
            System.exit(LeakLensCli.run(args));
        }
    }
}
