package net.multihome.netconf.ssh;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;

/**
 * crypt(3) SHA-512 ({@code $6$[rounds=N$]salt$hash}) as specified by Ulrich Drepper,
 * "Unix crypt using SHA-256 and SHA-512". Written here because the JDK has no crypt(3) and
 * password hashes in /etc/shadow format are what operators already have.
 *
 * <table>
 *   <caption>Limits (from the specification)</caption>
 *   <tr><th>Parameter</th><th>Range</th></tr>
 *   <tr><td>salt</td><td>first 16 characters used</td></tr>
 *   <tr><td>rounds</td><td>default 5000, clamped to 1000..999999999</td></tr>
 * </table>
 */
public final class Sha512Crypt {
    private static final String PREFIX = "$6$";
    private static final String ROUNDS_PREFIX = "rounds=";
    private static final int DEFAULT_ROUNDS = 5000;
    private static final int MIN_ROUNDS = 1000;
    private static final int MAX_ROUNDS = 999_999_999;
    private static final int MAX_SALT = 16;
    private static final String B64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    /** Verifying a rounds=999999999 hash would take minutes; refuse such hashes when checking logins. */
    private static final int MAX_VERIFY_ROUNDS = 1_000_000;

    private Sha512Crypt() {
    }

    /**
     * Hashes {@code password} with the salt and rounds of {@code setting}, which is a
     * {@code $6$...} string: a full hash or only its {@code $6$[rounds=N$]salt} part.
     */
    public static String crypt(String password, String setting) {
        Setting s = Setting.parse(setting).orElseThrow(() -> new IllegalArgumentException("not a $6$ setting"));
        return s.prefix() + encode(digest(password.getBytes(StandardCharsets.UTF_8),
                s.salt().getBytes(StandardCharsets.UTF_8), s.rounds()));
    }

    /** Whether {@code password} matches {@code hash}; false for anything that is not a valid $6$ hash. */
    public static boolean verify(String password, String hash) {
        Optional<Setting> setting = Setting.parse(hash);
        if (setting.isEmpty() || setting.get().rounds() > MAX_VERIFY_ROUNDS) {
            return false;
        }
        String computed = crypt(password, hash);
        return MessageDigest.isEqual(computed.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8));
    }

    private record Setting(String salt, int rounds, boolean explicitRounds) {
        static Optional<Setting> parse(String setting) {
            if (setting == null || !setting.startsWith(PREFIX)) {
                return Optional.empty();
            }
            String rest = setting.substring(PREFIX.length());
            int rounds = DEFAULT_ROUNDS;
            boolean explicit = false;
            if (rest.startsWith(ROUNDS_PREFIX)) {
                int end = rest.indexOf('$');
                if (end < 0) {
                    return Optional.empty();
                }
                try {
                    long requested = Long.parseLong(rest.substring(ROUNDS_PREFIX.length(), end));
                    rounds = (int) Math.max(MIN_ROUNDS, Math.min(MAX_ROUNDS, requested));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
                explicit = true;
                rest = rest.substring(end + 1);
            }
            int end = rest.indexOf('$');
            String salt = end < 0 ? rest : rest.substring(0, end);
            return Optional.of(new Setting(salt.substring(0, Math.min(MAX_SALT, salt.length())), rounds, explicit));
        }

        String prefix() {
            return PREFIX + (explicitRounds ? ROUNDS_PREFIX + rounds + "$" : "") + salt + "$";
        }
    }

    private static byte[] digest(byte[] password, byte[] salt, int rounds) {
        MessageDigest md = sha512();
        int pl = password.length;

        md.update(password);
        md.update(salt);
        md.update(password);
        byte[] b = md.digest();

        md.update(password);
        md.update(salt);
        repeat(md, b, pl);
        for (int i = pl; i > 0; i >>= 1) {
            md.update((i & 1) != 0 ? b : password);
        }
        byte[] a = md.digest();

        for (int i = 0; i < pl; i++) {
            md.update(password);
        }
        byte[] p = stretch(md.digest(), pl);

        for (int i = 0; i < 16 + (a[0] & 0xff); i++) {
            md.update(salt);
        }
        byte[] s = stretch(md.digest(), salt.length);

        byte[] c = a;
        for (int i = 0; i < rounds; i++) {
            md.update((i & 1) != 0 ? p : c);
            if (i % 3 != 0) {
                md.update(s);
            }
            if (i % 7 != 0) {
                md.update(p);
            }
            md.update((i & 1) != 0 ? c : p);
            c = md.digest();
        }
        Arrays.fill(p, (byte) 0);
        return c;
    }

    /** Feeds {@code length} bytes of {@code block} repeated. */
    private static void repeat(MessageDigest md, byte[] block, int length) {
        int left = length;
        for (; left > block.length; left -= block.length) {
            md.update(block);
        }
        md.update(block, 0, left);
    }

    /** The first {@code length} bytes of {@code block} repeated. */
    private static byte[] stretch(byte[] block, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = block[i % block.length];
        }
        return out;
    }

    /** The specification's byte shuffle: 21 groups of 3 bytes, then the last byte. */
    private static String encode(byte[] c) {
        StringBuilder out = new StringBuilder(86);
        for (int i = 0; i < 21; i++) {
            int x = c[i] & 0xff;
            int y = c[i + 21] & 0xff;
            int z = c[i + 42] & 0xff;
            switch (i % 3) {
                case 0 -> b64(out, x, y, z, 4);
                case 1 -> b64(out, y, z, x, 4);
                default -> b64(out, z, x, y, 4);
            }
        }
        b64(out, 0, 0, c[63] & 0xff, 2);
        return out.toString();
    }

    private static void b64(StringBuilder out, int b2, int b1, int b0, int chars) {
        int w = (b2 << 16) | (b1 << 8) | b0;
        for (int i = 0; i < chars; i++) {
            out.append(B64.charAt(w & 0x3f));
            w >>>= 6;
        }
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-512", e);
        }
    }
}
