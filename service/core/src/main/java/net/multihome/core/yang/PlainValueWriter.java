package net.multihome.core.yang;

import java.io.IOException;
import java.util.Set;
import javax.xml.stream.XMLStreamWriter;
import org.opendaylight.yangtools.yang.common.Empty;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.stream.ForwardingNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.codec.xml.XMLStreamNormalizedNodeStreamWriter;

/**
 * Writes configuration data as XML without a type codec per value. yangtools' schema-aware
 * writer builds a codec for every leaf it writes, and for a string or union type that means
 * compiling the type's patterns again: with 4,000 policies, rendering a configuration took
 * about 90 ms, three quarters of it in {@code Pattern.compile}. Parsed data already holds
 * valid values, and every value type of the model (strings, enumerations, integers, booleans,
 * decimal64) writes as its canonical text through {@code toString()}; {@code empty} writes as
 * no text; bits write as their names, space-separated (valid in any order, though not always
 * in canonical order). Types whose text needs the schema (identityref, instance-identifier,
 * binary) are refused rather than written wrongly.
 */
final class PlainValueWriter extends ForwardingNormalizedNodeStreamWriter {

    private final NormalizedNodeStreamWriter delegate;

    PlainValueWriter(XMLStreamWriter xml) {
        this.delegate = XMLStreamNormalizedNodeStreamWriter.createSchemaless(xml);
    }

    @Override
    protected NormalizedNodeStreamWriter delegate() {
        return delegate;
    }

    @Override
    public void scalarValue(Object value) throws IOException {
        delegate.scalarValue(text(value));
    }

    /** The text {@code value} is written as. */
    static String text(Object value) {
        if (value instanceof QName || value instanceof YangInstanceIdentifier || value instanceof byte[]) {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getSimpleName()
                    + " value without its schema");
        }
        if (value instanceof Set<?> bits) {
            return String.join(" ", bits.stream().map(Object::toString).toList());
        }
        return value instanceof Empty ? "" : value.toString();
    }
}
