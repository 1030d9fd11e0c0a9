package net.multihome.netconf.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RpcHandlerRegistryTest {
    private static final RpcHandler OK = (request, session) -> RpcReply.ok();

    @Test
    void handlersAreFoundByNamespaceAndName() {
        RpcHandlerRegistry registry = new RpcHandlerRegistry().register("urn:a", "get", OK);
        assertTrue(registry.find(new OperationKey("urn:a", "get")).isPresent());
        assertTrue(registry.find(new OperationKey("urn:b", "get")).isEmpty());
    }

    @Test
    void secondHandlerForTheSameOperationIsRefused() {
        RpcHandlerRegistry registry = new RpcHandlerRegistry().register("urn:a", "get", OK);
        assertThrows(IllegalArgumentException.class, () -> registry.register("urn:a", "get", OK));
    }

    @Test
    void sessionLayerOperationsCannotBeRegistered() {
        RpcHandlerRegistry registry = new RpcHandlerRegistry();
        assertThrows(IllegalArgumentException.class, () -> registry.register(Namespaces.BASE, "close-session", OK));
        assertThrows(IllegalArgumentException.class, () -> registry.register(Namespaces.BASE, "kill-session", OK));
    }

    @Test
    void errorTagsAreTheTwentyOfRfc6241AppendixA() {
        Set<String> names = Arrays.stream(ErrorTag.values()).map(ErrorTag::wireName).collect(Collectors.toSet());
        assertEquals(Set.of("in-use", "invalid-value", "too-big", "missing-attribute", "bad-attribute",
                "unknown-attribute", "missing-element", "bad-element", "unknown-element", "unknown-namespace",
                "access-denied", "lock-denied", "resource-denied", "rollback-failed", "data-exists", "data-missing",
                "operation-not-supported", "operation-failed", "partial-operation", "malformed-message"), names);
    }

    @Test
    void errorReplyNeedsAnError() {
        assertThrows(IllegalArgumentException.class, () -> new RpcReply.Error(List.of()));
    }
}
