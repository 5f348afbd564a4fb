package org.symptomgraph.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.jetty.util.security.Credential;
import org.eclipse.jetty.util.security.CredentialProvider;
import org.eclipse.jetty.util.security.Password;
import org.springframework.security.crypto.bcrypt.BCrypt;
import org.symptomgraph.store.AtomicFiles;

/**
 * The admin users: Jetty's password file ({@code user: credential}, one user a line, as Jetty's
 * {@code PropertyUserStore} reads it for Fuseki), with bcrypt hashes: {@code alice: BCRYPT:$2a$12$...}.
 * Jetty knows only weak forms (plain, obfuscated, MD5, DES crypt); bcrypt comes in as a Jetty
 * {@link CredentialProvider} (registered with {@link java.util.ServiceLoader}), checked by Spring
 * Security's implementation. {@code symptomgraph admin passwd USER} writes a line.
 *
 * <p>bcrypt runs one check at a time, so guessing cannot take more than one core; a password once
 * verified is remembered (as a keyed hash, in memory only), so a client sending many documents
 * pays bcrypt once.
 */
public final class AdminPasswords {

    public static final String PREFIX = "BCRYPT:";
    public static final int DEFAULT_COST = 12;
    public static final int MIN_COST = 10;
    static final int MIN_LENGTH = 12;
    /** bcrypt reads at most 72 bytes of a password. */
    static final int MAX_BYTES = 72;
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final Pattern LINE = Pattern.compile("([^:=\\s]+)\\s*[:=]\\s*(\\S+?)\\s*(,.*)?");
    private static final Pattern HASH = Pattern.compile("\\$2[aby]\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Object ONE_AT_A_TIME = new Object();

    private AdminPasswords() {
    }

    /**
     * Checks a password file before Jetty reads it: every line a user with a bcrypt hash of at least
     * {@link #MIN_COST}, no plain or weakly hashed password.
     *
     * @throws IllegalArgumentException naming the file and line of the first problem
     */
    public static void check(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int users = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            String where = file + ":" + (i + 1) + ": ";
            Matcher m = LINE.matcher(line);
            if (!m.matches() || !USER.matcher(m.group(1)).matches()) {
                throw new IllegalArgumentException(where + "expected 'USER: " + PREFIX + "HASH' (make one with "
                        + "'symptomgraph admin passwd USER --file " + file + "')");
            }
            String credential = m.group(2);
            if (!credential.startsWith(PREFIX)) {
                throw new IllegalArgumentException(where + "the password of " + m.group(1)
                        + " is not a bcrypt hash (plain, OBF:, MD5: and CRYPT: are refused): "
                        + "use 'symptomgraph admin passwd " + m.group(1) + " --file " + file + "'");
            }
            Matcher hash = HASH.matcher(credential.substring(PREFIX.length()));
            if (!hash.matches()) {
                throw new IllegalArgumentException(where + "not a bcrypt hash after " + PREFIX);
            }
            if (Integer.parseInt(hash.group(1)) < MIN_COST) {
                throw new IllegalArgumentException(where + "bcrypt cost " + hash.group(1) + " is below " + MIN_COST);
            }
            users++;
        }
        if (users == 0) {
            throw new IllegalArgumentException(file + ": no user");
        }
    }

    /** A password-file line: the user and the bcrypt hash of the password. */
    public static String line(String user, String password, int cost) {
        if (!USER.matcher(user).matches()) {
            throw new IllegalArgumentException("a user name has 1 to 64 letters, digits, '.', '_', '@' or '-'");
        }
        if (password.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("a password needs at least " + MIN_LENGTH + " characters");
        }
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("bcrypt reads at most " + MAX_BYTES + " bytes of a password");
        }
        if (cost < MIN_COST || cost > 31) {
            throw new IllegalArgumentException("the bcrypt cost is " + MIN_COST + " to 31");
        }
        return user + ": " + PREFIX + BCrypt.hashpw(bytes, BCrypt.gensalt(cost, RANDOM));
    }

    /** Adds the user to the file, or replaces the user's line; the file is written whole or not at all. */
    public static void set(Path file, String user, String password, int cost) throws IOException {
        String line = line(user, password, cost);
        List<String> lines = new ArrayList<>(Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8)
                : List.of("# symptomgraph admin users (Jetty password file): USER: " + PREFIX + "bcrypt-hash"));
        boolean replaced = false;
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = LINE.matcher(lines.get(i).strip());
            if (m.matches() && m.group(1).equals(user)) {
                lines.set(i, line);
                replaced = true;
            }
        }
        if (!replaced) {
            lines.add(line);
        }
        AtomicFiles.write(file, out -> {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
            return null;
        });
    }

    /** A random password for a program that sends documents (24 bytes, URL-safe Base64). */
    public static String generate() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Jetty's hook for {@code BCRYPT:} credentials in its password files. */
    public static final class Provider implements CredentialProvider {
        @Override
        public Credential getCredential(String credential) {
            return new Bcrypt(credential.substring(PREFIX.length()));
        }

        @Override
        public String getPrefix() {
            return PREFIX;
        }
    }

    /** One user's bcrypt hash. */
    static final class Bcrypt extends Credential {
        private static final long serialVersionUID = 1L;
        private final String hash;
        private final byte[] key = new byte[32];
        private volatile byte[] remembered;

        Bcrypt(String hash) {
            this.hash = hash;
            RANDOM.nextBytes(key);
        }

        @Override
        public boolean check(Object credentials) {
            String password = credentials instanceof char[] chars ? new String(chars)
                    : credentials instanceof String s ? s : credentials instanceof Password p ? p.toString() : null;
            if (password == null) {
                return false;
            }
            byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > MAX_BYTES) {
                return false;
            }
            byte[] mac = mac(bytes);
            byte[] known = remembered;
            if (known != null && MessageDigest.isEqual(known, mac)) {
                return true;
            }
            boolean ok;
            synchronized (ONE_AT_A_TIME) {
                try {
                    ok = BCrypt.checkpw(bytes, hash);
                } catch (IllegalArgumentException malformed) {
                    ok = false;
                }
            }
            if (ok) {
                remembered = mac;
            }
            return ok;
        }

        private byte[] mac(byte[] password) {
            try {
                Mac hmac = Mac.getInstance("HmacSHA256");
                hmac.init(new SecretKeySpec(key, "HmacSHA256"));
                return hmac.doFinal(password);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
            }
        }

        @Override
        public String toString() {
            return PREFIX + "…";
        }
    }
}
