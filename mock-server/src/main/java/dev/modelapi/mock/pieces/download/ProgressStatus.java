package dev.modelapi.mock.pieces.download;

/**
 * The members of the spec's {@code ModelDownloadProgressStatusEnum}, with their wire names ({@code IN-PROGRESS} has a
 * hyphen on the wire).
 */
public enum ProgressStatus {
    UNKNOWN("UNKNOWN"),
    INITIALIZED("INITIALIZED"),
    IN_PROGRESS("IN-PROGRESS"),
    COMPLETED("COMPLETED"),
    FAILED("FAILED"),
    CANCELED("CANCELED"),
    RESET("RESET");

    private final String wireName;

    ProgressStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The value as it appears in the JSON {@code status} field. */
    public String wireName() {
        return wireName;
    }

    /** {@code COMPLETED}, {@code FAILED} or {@code CANCELED}: the one frame that ends a download. */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELED;
    }

    /** The member with this wire name. */
    public static ProgressStatus fromWireName(String wireName) {
        for (ProgressStatus s : values()) {
            if (s.wireName.equals(wireName)) {
                return s;
            }
        }
        throw new IllegalArgumentException("Not a ModelDownloadProgressStatusEnum value: " + wireName);
    }
}
