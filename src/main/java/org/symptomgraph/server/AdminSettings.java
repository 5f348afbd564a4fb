package org.symptomgraph.server;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The admin route: its own port on the loopback interface (its own origin, so no page of the
 * public site can reach it with a login the browser holds), its users, and how long an address
 * that keeps failing to log in is locked out.
 *
 * @param port          the admin port; 0 picks a free one
 * @param passwordFile  Jetty's password file of the users ({@link AdminPasswords})
 * @param lockout       the first lockout after {@link AdminLockout#FAILURES} failed logins (each next one doubles)
 */
public record AdminSettings(int port, Path passwordFile, Duration lockout) {

    public static final int DEFAULT_PORT = 3031;
    public static final Duration DEFAULT_LOCKOUT = Duration.ofMinutes(1);

    public static AdminSettings of(int port, Path passwordFile) {
        return new AdminSettings(port, passwordFile, DEFAULT_LOCKOUT);
    }

    public AdminSettings withLockout(Duration first) {
        return new AdminSettings(port, passwordFile, first);
    }
}
