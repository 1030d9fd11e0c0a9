package net.multihome.core.status;

/** Where adapters get the current snapshot; cheap to call, returns an immutable value. */
@FunctionalInterface
public interface StatusSource {

    StatusSnapshot snapshot();
}
