package io.leaklens.model;

/**
 * One class in two heap dumps: its reachable instances, their shallow bytes and what they retain, before and after.
 * A class missing from one dump counts zero there.
 */
public record RetainedClassDelta(String className, long instancesBefore, long instancesAfter, long bytesBefore,
                                 long bytesAfter, long retainedBefore, long retainedAfter) {

    public long retainedDelta() {
        return retainedAfter - retainedBefore;
    }

    public long bytesDelta() {
        return bytesAfter - bytesBefore;
    }

    public long instancesDelta() {
        return instancesAfter - instancesBefore;
    }
}
