package net.multihome.netconf.datastore;

import java.util.Optional;

/** RFC 6241 edit-config test-option (the :validate:1.1 capability). */
public enum TestOption {
    TEST_THEN_SET("test-then-set"),
    /** Running is always validated anyway: the kernel must never get an invalid configuration. */
    SET("set"),
    TEST_ONLY("test-only");

    private final String wireName;

    TestOption(String wireName) {
        this.wireName = wireName;
    }

    public static Optional<TestOption> byName(String name) {
        for (TestOption t : values()) {
            if (t.wireName.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
