package org.symptomgraph.server;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Who may write through the admin route: users with PBKDF2 password hashes (HTTP Basic), and/or
 * one bearer token. Files hold hashes, never passwords: a password line is
 * {@code user:pbkdf2-sha256:ITERATIONS:SALT:HASH} (salt and hash in Base64), and a token file holds
 * either {@code sha256:HEX} (the SHA-256 of the token) or the token itself.
 *
 * <p>Every comparison is constant-time ({@link MessageDigest#isEqual}); an unknown user costs the
 * same PBKDF2 work as a known one. PBKDF2 runs one request at a time, which bounds both guessing
 * and the CPU an unauthenticated client can burn. A password once verified is remembered (as its
 * SHA-256 with the salt, in memory only), so a client sending many documents pays PBKDF2 once.
 *
 * <p>Make a password line: {@code java -cp symptomgraph.jar org.symptomgraph.server.AdminCredentials USER}
 * (reads the password from the console or standard input).
 */
public final class AdminCredentials {

    public static final String SCHEME = "pbkdf2-sha256";
    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    static final int MIN_ITERATIONS = 10_000;
    static final int MIN_TOKEN_LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Entry(int iterations, byte[] salt, byte[] hash) {
    }

    private final Map<String, Entry> users;
    private final byte[] tokenHash;
    /** Per user: SHA-256(salt + password) of the password last verified. */
    private final Map<String, byte[]> verified = new ConcurrentHashMap<>();
    private final Semaphore pbkdf2 = new Semaphore(1, true);
    private final Entry dummy;

    private AdminCredentials(Map<String, Entry> users, byte[] tokenHash) {
        this.users = Map.copyOf(users);
        this.tokenHash = tokenHash;
        int iterations = users.values().stream().mapToInt(Entry::iterations).max().orElse(MIN_ITERATIONS);
        this.dummy = new Entry(iterations, new byte[16], new byte[32]);
    }

    /**
     * Reads the password file and/or the token file; either may be null, not both.
     *
     * @throws IllegalArgumentException a file that is malformed or too weak, with file and line
     */
    public static AdminCredentials load(Path passwordFile, Path tokenFile) throws IOException {
        if (passwordFile == null && tokenFile == null) {
            throw new IllegalArgumentException("give a password file, a token file, or both");
        }
        Map<String, Entry> users = new LinkedHashMap<>();
        if (passwordFile != null) {
            List<String> lines = Files.readAllLines(passwordFile, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String where = passwordFile + ":" + (i + 1) + ": ";
                String[] f = line.split(":", -1);
                if (f.length != 5 || f[0].isEmpty() || !f[1].equals(SCHEME)) {
                    throw new IllegalArgumentException(where + "expected USER:" + SCHEME
                            + ":ITERATIONS:SALT:HASH (no plain passwords; make a line with "
                            + AdminCredentials.class.getName() + ")");
                }
                try {
                    int iterations = Integer.parseInt(f[2]);
                    byte[] salt = Base64.getDecoder().decode(f[3]);
                    byte[] hash = Base64.getDecoder().decode(f[4]);
                    if (iterations < MIN_ITERATIONS || salt.length < 8 || hash.length < 16) {
                        throw new IllegalArgumentException(where + "too weak: at least " + MIN_ITERATIONS
                                + " iterations, 8 bytes of salt and 16 of hash");
                    }
                    if (users.put(f[0], new Entry(iterations, salt, hash)) != null) {
                        throw new IllegalArgumentException(where + "user " + f[0] + " appears twice");
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + "the iterations are no number");
                } catch (IllegalArgumentException e) {
                    if (e.getMessage() != null && e.getMessage().startsWith(where)) {
                        throw e;
                    }
                    throw new IllegalArgumentException(where + "salt or hash is not Base64");
                }
            }
            if (users.isEmpty()) {
                throw new IllegalArgumentException(passwordFile + ": no user");
            }
        }
        byte[] token = null;
        if (tokenFile != null) {
            String line = Files.readAllLines(tokenFile, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(tokenFile + ": no token"));
            if (line.toLowerCase(Locale.ROOT).startsWith("sha256:")) {
                try {
                    token = HexFormat.of().parseHex(line.substring("sha256:".length()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(tokenFile + ": sha256: must be followed by 64 hex digits");
                }
                if (token.length != 32) {
                    throw new IllegalArgumentException(tokenFile + ": sha256: must be followed by 64 hex digits");
                }
            } else if (line.length() < MIN_TOKEN_LENGTH) {
                throw new IllegalArgumentException(tokenFile + ": the token is shorter than " + MIN_TOKEN_LENGTH
                        + " characters");
            } else {
                token = sha256(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        return new AdminCredentials(users, token);
    }

    public boolean acceptsPasswords() {
        return !users.isEmpty();
    }

    public boolean acceptsToken() {
        return tokenHash != null;
    }

    /** What a 401 offers the client. */
    String challenge() {
        return acceptsPasswords() ? "Basic realm=\"symptomgraph admin\", charset=\"UTF-8\""
                : "Bearer realm=\"symptomgraph admin\"";
    }

    /** Outcome of checking an Authorization header. */
    enum Check { OK, MISSING, WRONG, BUSY }

    /** The user (or "token") an Authorization header proves, or why not. */
    record Verdict(Check check, String principal) {
    }

    Verdict check(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return new Verdict(Check.MISSING, null);
        }
        int space = authorization.indexOf(' ');
        String scheme = space < 0 ? authorization : authorization.substring(0, space);
        String value = space < 0 ? "" : authorization.substring(space + 1).strip();
        if (scheme.equalsIgnoreCase("Bearer") && tokenHash != null) {
            boolean ok = MessageDigest.isEqual(tokenHash, sha256(value.getBytes(StandardCharsets.UTF_8)));
            return new Verdict(ok ? Check.OK : Check.WRONG, ok ? "token" : null);
        }
        if (scheme.equalsIgnoreCase("Basic") && !users.isEmpty()) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return new Verdict(Check.WRONG, null);
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return new Verdict(Check.WRONG, null);
            }
            String user = decoded.substring(0, colon);
            String password = decoded.substring(colon + 1);
            return verifyPassword(user, password);
        }
        return new Verdict(Check.WRONG, null);
    }

    private Verdict verifyPassword(String user, String password) {
        Entry entry = users.get(user);
        Entry against = entry == null ? dummy : entry;
        byte[] quick = sha256(concat(against.salt(), password.getBytes(StandardCharsets.UTF_8)));
        byte[] remembered = verified.get(user);
        if (entry != null && remembered != null && MessageDigest.isEqual(remembered, quick)) {
            return new Verdict(Check.OK, user);
        }
        try {
            if (!pbkdf2.tryAcquire(10, TimeUnit.SECONDS)) {
                return new Verdict(Check.BUSY, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Verdict(Check.BUSY, null);
        }
        boolean ok;
        try {
            ok = MessageDigest.isEqual(against.hash(), derive(password, against.salt(), against.iterations(),
                    against.hash().length)) && entry != null;
        } finally {
            pbkdf2.release();
        }
        if (ok) {
            verified.put(user, quick);
            return new Verdict(Check.OK, user);
        }
        return new Verdict(Check.WRONG, null);
    }

    /** A password-file line for the user, with a fresh salt and the default iterations. */
    public static String hash(String user, String password) {
        return hash(user, password, DEFAULT_ITERATIONS);
    }

    public static String hash(String user, String password, int iterations) {
        if (user.isEmpty() || user.contains(":")) {
            throw new IllegalArgumentException("a user name must be non-empty and without ':'");
        }
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(password, salt, iterations, 32);
        return user + ":" + SCHEME + ":" + iterations + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(hash);
    }

    /** A random token (32 bytes, URL-safe Base64) for a token file. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The line to put in a token file instead of the token itself. */
    public static String tokenFileLine(String token) {
        return "sha256:" + HexFormat.of().formatHex(sha256(token.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] derive(String password, byte[] salt, int iterations, int bytes) {
        try {
            KeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, bytes * 8);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JDK", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /**
     * {@code AdminCredentials USER}: prints a password-file line (password from the console, or the
     * first line of standard input). {@code AdminCredentials --token}: prints a new token and the
     * line for a token file.
     */
    public static void main(String[] args) throws IOException {
        if (args.length == 1 && args[0].equals("--token")) {
            String token = newToken();
            System.out.println("token (give it to clients): " + token);
            System.out.println("token file line:            " + tokenFileLine(token));
            return;
        }
        if (args.length != 1) {
            System.err.println("usage: AdminCredentials USER | --token");
            System.exit(2);
        }
        Console console = System.console();
        String password;
        if (console != null) {
            char[] p = console.readPassword("password for %s: ", args[0]);
            password = p == null ? "" : new String(p);
        } else {
            byte[] in = System.in.readNBytes(4096);
            password = new String(in, StandardCharsets.UTF_8).lines().findFirst().orElse("");
        }
        if (password.length() < 8) {
            System.err.println("a password needs at least 8 characters");
            System.exit(2);
        }
        System.out.println(hash(args[0], password));
    }

    /** For tests and logs: never the secrets. */
    @Override
    public String toString() {
        return "AdminCredentials[users=" + users.keySet() + ", token=" + (tokenHash != null) + "]";
    }
}
