package io.leaklens.session;

import io.leaklens.attach.JvmLocator;
import io.leaklens.model.JvmInfo;

import java.util.List;

/** The local JVMs of this user, for the UI and the CLI, which do not reach the attach layer themselves. */
public final class LocalJvms {

    private final JvmLocator locator = new JvmLocator();

    /** Lists without attaching; takes ~100 ms, so call it off the FX thread. */
    public List<JvmInfo> list() {
        return locator.list();
    }
}
