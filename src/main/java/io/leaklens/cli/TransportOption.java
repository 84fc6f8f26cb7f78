package io.leaklens.cli;

import io.leaklens.model.Transport;
import picocli.CommandLine.Option;

import java.util.Locale;

/** The {@code --transport} option of the commands that connect to a live JVM. */
final class TransportOption {

    /** Picocli's candidates for the option: what the user may type. */
    static final class Candidates extends java.util.ArrayList<String> {
        Candidates() {
            super(java.util.List.of("auto", "jcmd", "jmx"));
        }
    }

    @Option(names = "--transport", paramLabel = "T", defaultValue = "auto", completionCandidates = Candidates.class,
            converter = Converter.class,
            description = "How to reach the JVM: auto (default: jcmd when it can), jcmd (diagnostic commands, "
                    + "performance data and the JFR repository; starts nothing in the JVM), or jmx (starts its "
                    + "management agent, which on Java 17 slows string-heavy code for good).")
    private Transport transport;

    /** The transport asked for; null for the cheapest the target allows. */
    Transport transport() {
        return transport;
    }

    static final class Converter implements picocli.CommandLine.ITypeConverter<Transport> {
        @Override
        public Transport convert(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "auto" -> null;
                case "jcmd" -> Transport.JCMD;
                case "jmx" -> Transport.JMX;
                default -> throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not a transport: use auto, jcmd or jmx");
            };
        }
    }
}
