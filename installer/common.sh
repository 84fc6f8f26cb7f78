# Sourced by the installer scripts: the JDK that builds the runtime, the package version, and the modules.
# Expects to run from the project's root folder.

# The first JDK 25 or newer with jpackage: $LEAKLENS_JAVA_HOME, $JAVA_HOME, then /usr/lib/jvm/* (the JDK that Maven
# runs on may be 17; what matters is the JDK whose modules end up in the package).
find_jdk() {
  local home major
  for home in "${LEAKLENS_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [[ -n $home && -x $home/bin/jpackage && -x $home/bin/jlink ]] || continue
    major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" 2>/dev/null | head -1)
    if [[ -n $major ]] && (( major >= 25 )); then echo "$home"; return 0; fi
  done
  echo "no JDK 25 or newer with jpackage and jlink found (set LEAKLENS_JAVA_HOME)" >&2
  return 1
}

# The package version: Maven passes ${project.version} as LEAKLENS_VERSION; run by hand, the project's own
# <version> (the first one in pom.xml: the project has no parent). Debian and jpackage want a plain version, so
# -SNAPSHOT is dropped.
app_version() {
  local version=${LEAKLENS_VERSION:-$(sed -n 's:^  <version>\([^<]*\)</version>.*:\1:p' pom.xml | head -1)}
  version=${version%-SNAPSHOT}
  [[ $version =~ ^[0-9]+(\.[0-9]+)*$ ]] || { echo "unusable version '$version' in pom.xml" >&2; return 1; }
  echo "$version"
}

# The root modules of the bundled runtime; jlink adds what they require. Each is here for a reason:
#   javafx.controls, javafx.fxml, javafx.swing   the UI (javafx.fxml: the views' layouts) (javafx.swing: SwingFXUtils for the graph's PNG export; brings java.desktop)
#   jdk.attach                      listing local JVMs and attaching to them (brings jdk.internal.jvmstat)
#   jdk.management                  com.sun.management: GC notifications, the DiagnosticCommand MBean (histograms)
#   jdk.jfr, jdk.management.jfr     reading .jfr files; RemoteRecordingStream over JMX
#   jdk.management.agent            the JMX agent that LeakLens starts in a target, needed in the demo's JVM, which
#                                   runs on this runtime (brings java.management.rmi, the RMI connector LeakLens
#                                   itself connects with, and java.rmi, java.naming)
#   jdk.naming.rmi                  the JNDI "rmi:" lookup in the agent's address (service:jmx:rmi:///jndi/rmi://...);
#                                   loaded as a service, so jdeps cannot see it: without it no JMX connection opens
#   java.sql                        Jackson's databind refers to java.sql's date types (jdeps lists it)
# The build checks with jdeps that every module the jars use directly is in the runtime, so a new dependency cannot
# silently need a module that is missing here.
RUNTIME_MODULES=javafx.controls,javafx.fxml,javafx.swing,jdk.attach,jdk.management,jdk.jfr,jdk.management.jfr,jdk.management.agent,jdk.naming.rmi,java.sql
