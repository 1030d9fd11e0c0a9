package net.multihome.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The namespaces of one test, deleted together (newest first) after it, also when it failed:
 * register it as a JUnit extension ({@code @RegisterExtension}) or close it yourself.
 */
public final class Namespaces implements AutoCloseable, AfterEachCallback {

    private final List<Namespace> created = new ArrayList<>();

    /** Creates a namespace that {@link #close} deletes; see {@link Namespace#create(String)}. */
    public synchronized Namespace create(String role) {
        return create(role, ns -> { });
    }

    /** Creates a namespace, runs {@code setup} in it, and keeps it for {@link #close}. */
    public synchronized Namespace create(String role, Consumer<Namespace> setup) {
        Namespace ns = Namespace.create(role, setup);
        created.add(ns);
        return ns;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    /** Deletes every namespace made here; one that cannot be deleted does not keep the others. */
    @Override
    public synchronized void close() {
        RuntimeException first = null;
        for (Namespace ns : created.reversed()) {
            try {
                ns.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        created.clear();
        if (first != null) {
            throw first;
        }
    }
}
