package io.leaklens.cli;

import picocli.CommandLine;

/** The version from the jar's manifest, or "development" when run from the build's classes. */
final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {"LeakLens " + (version == null ? "development" : version)
                + " on Java " + Runtime.version()};
    }
}
