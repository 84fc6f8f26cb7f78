package io.leaklens.model;

/**
 * How the live objects of one class changed between two snapshots.
 *
 * @param className       the class (generated names normalised when the comparison asked for it)
 * @param instancesBefore live instances in the earlier snapshot
 * @param instancesAfter  live instances in the later one
 * @param bytesBefore     their shallow size in the earlier snapshot
 * @param bytesAfter      their shallow size in the later one
 */
public record ClassDelta(String className, long instancesBefore, long instancesAfter, long bytesBefore,
                         long bytesAfter) {

    public long bytesDelta() {
        return bytesAfter - bytesBefore;
    }

    public long instancesDelta() {
        return instancesAfter - instancesBefore;
    }

    /** Growth in bytes as a percentage of before; infinite for a new class. */
    public double growthPercent() {
        if (bytesBefore == 0) {
            return bytesAfter == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return 100.0 * bytesDelta() / bytesBefore;
    }

    /** Present only in the later snapshot. */
    public boolean isNew() {
        return instancesBefore == 0 && instancesAfter > 0;
    }

    /** Present only in the earlier snapshot. */
    public boolean isGone() {
        return instancesBefore > 0 && instancesAfter == 0;
    }
}
