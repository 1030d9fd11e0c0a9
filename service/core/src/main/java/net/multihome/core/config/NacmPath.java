package net.multihome.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A NACM rule's {@code path} (RFC 8341 node-instance-identifier): an instance-identifier whose
 * key predicates may be left out. {@code /} alone is every node. Prefixes are kept as written
 * and matched by whoever knows the modules; predicates compare a child leaf with a literal.
 *
 * @param steps from the top-level node down; empty for {@code /}
 */
public record NacmPath(List<Step> steps) {

    /** One node name with the key values it requires (leaf name to value, in order written). */
    public record Step(String prefix, String name, Map<String, String> keys) {
        public Step {
            keys = Map.copyOf(keys);
        }
    }

    public NacmPath {
        steps = List.copyOf(steps);
    }

    /** @throws IllegalArgumentException naming what is wrong */
    public static NacmPath parse(String text) {
        if (text == null || !text.startsWith("/")) {
            throw new IllegalArgumentException("a path starts with '/'");
        }
        if (text.strip().equals("/")) {
            return new NacmPath(List.of());
        }
        Reader in = new Reader(text.strip());
        List<Step> steps = new ArrayList<>();
        while (!in.done()) {
            in.expect('/');
            String[] name = in.qualifiedName();
            Map<String, String> keys = new LinkedHashMap<>();
            while (in.peek('[')) {
                in.expect('[');
                String[] key = in.qualifiedName();
                in.expect('=');
                keys.put(key[1], in.literal());
                in.expect(']');
            }
            steps.add(new Step(name[0], name[1], keys));
        }
        return new NacmPath(steps);
    }

    /** A cursor over the text, refusing anything outside the instance-identifier syntax. */
    private static final class Reader {
        private final String text;
        private int at;

        Reader(String text) {
            this.text = text;
        }

        boolean done() {
            return at >= text.length();
        }

        boolean peek(char c) {
            return !done() && text.charAt(at) == c;
        }

        void expect(char c) {
            if (!peek(c)) {
                throw new IllegalArgumentException("expected '" + c + "' at position " + (at + 1) + " of '" + text + "'");
            }
            at++;
        }

        /** {@code [prefix:]name} as {prefix or "", name}. */
        String[] qualifiedName() {
            String first = identifier();
            if (peek(':')) {
                at++;
                return new String[] {first, identifier()};
            }
            return new String[] {"", first};
        }

        private String identifier() {
            int start = at;
            while (!done() && isNameChar(text.charAt(at), at == start)) {
                at++;
            }
            if (at == start) {
                throw new IllegalArgumentException("expected a node name at position " + (at + 1) + " of '" + text + "'");
            }
            return text.substring(start, at);
        }

        String literal() {
            if (done() || (text.charAt(at) != '\'' && text.charAt(at) != '"')) {
                throw new IllegalArgumentException("expected a quoted value at position " + (at + 1) + " of '" + text + "'");
            }
            char quote = text.charAt(at++);
            int end = text.indexOf(quote, at);
            if (end < 0) {
                throw new IllegalArgumentException("unterminated value in '" + text + "'");
            }
            String value = text.substring(at, end);
            at = end + 1;
            return value;
        }

        private static boolean isNameChar(char c, boolean first) {
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
            return first ? letter : letter || (c >= '0' && c <= '9') || c == '-' || c == '.';
        }
    }
}
