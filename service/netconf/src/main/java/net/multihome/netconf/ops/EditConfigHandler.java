package net.multihome.netconf.ops;

import net.multihome.core.store.Datastore;
import net.multihome.core.store.StoreException;
import net.multihome.netconf.datastore.DatastoreException;
import net.multihome.netconf.datastore.Datastores;
import net.multihome.netconf.datastore.EditOperation;
import net.multihome.netconf.datastore.Errors;
import net.multihome.netconf.datastore.TestOption;
import net.multihome.netconf.rpc.ErrorInfo;
import net.multihome.netconf.rpc.ErrorTag;
import net.multihome.netconf.rpc.NetconfSession;
import net.multihome.netconf.rpc.RpcReply;
import net.multihome.netconf.rpc.RpcRequest;
import org.w3c.dom.Element;

/**
 * RFC 6241 edit-config on running or candidate. An edit is all-or-nothing, which is what
 * stop-on-error and rollback-on-error both promise; continue-on-error is refused.
 */
final class EditConfigHandler extends Handler {
    private final Datastores datastores;
    private final DataAccess access;

    EditConfigHandler(Datastores datastores, DataAccess access) {
        this.datastores = datastores;
        this.access = access;
    }

    @Override
    RpcReply run(RpcRequest request, NetconfSession session) throws DatastoreException, StoreException {
        Element op = request.operation();
        Datastore target = Params.named(op, "target");
        EditOperation defaultOperation = EditOperation.MERGE;
        var defaultText = Params.text(op, "default-operation");
        if (defaultText.isPresent()) {
            defaultOperation = EditOperation.byName(defaultText.get())
                    .filter(o -> o == EditOperation.MERGE || o == EditOperation.REPLACE || o == EditOperation.NONE)
                    .orElseThrow(() -> invalid("default-operation", defaultText.get()));
        }
        TestOption test = TestOption.TEST_THEN_SET;
        var testText = Params.text(op, "test-option");
        if (testText.isPresent()) {
            test = TestOption.byName(testText.get()).orElseThrow(() -> invalid("test-option", testText.get()));
        }
        var errorText = Params.text(op, "error-option");
        if (errorText.isPresent() && !"stop-on-error".equals(errorText.get())
                && !"rollback-on-error".equals(errorText.get())) {
            throw new DatastoreException(Errors.protocol(ErrorTag.OPERATION_NOT_SUPPORTED,
                    "error-option " + errorText.get() + " is not supported: an edit is all-or-nothing")
                    .withInfo(ErrorInfo.badElement("error-option")));
        }
        if (Params.find(op, "url").isPresent()) {
            throw new DatastoreException(Errors.protocol(ErrorTag.OPERATION_NOT_SUPPORTED,
                    "the :url capability is not supported"));
        }
        Element config = Params.require(op, "config");
        access.checkEdit(target, config, defaultOperation, session);
        datastores.edit(target, config, defaultOperation, test, session);
        return RpcReply.ok();
    }

    private static DatastoreException invalid(String element, String value) {
        return new DatastoreException(Errors.protocol(ErrorTag.INVALID_VALUE,
                "invalid " + element + " '" + value + "'").withInfo(ErrorInfo.badElement(element)));
    }
}
