package org.symptomgraph.server;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In front of the admin route's login: an address whose credentials were refused
 * {@link #FAILURES} times in a row is locked out (429, with Retry-After) before any password is
 * checked, first for the configured time, then twice as long after each further round of
 * failures, up to {@link #LONGEST}. A login that succeeds clears the address. Guessing then costs
 * an attacker hours per handful of tries, and costs the server no bcrypt while locked.
 */
final class AdminLockout extends Handler.Wrapper {

    static final int FAILURES = 5;
    static final Duration LONGEST = Duration.ofHours(1);
    /** Addresses remembered at most; past it, those not locked are forgotten. */
    private static final int REMEMBERED = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(AdminLockout.class);

    private final Duration first;
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

    private static final class Failures {
        int count;
        int lockouts;
        long lockedUntil;

        /** Nanoseconds the address stays locked out; 0 or less when it is not. */
        long remaining(long now) {
            return lockouts == 0 ? 0 : lockedUntil - now;
        }
    }

    AdminLockout(Handler handler, Duration first) {
        super(handler);
        this.first = first;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String address = Request.getRemoteAddr(request);
        long now = System.nanoTime();
        Failures f = addresses.get(address);
        if (f != null) {
            long wait;
            synchronized (f) {
                wait = f.remaining(now);
            }
            if (wait > 0) {
                long seconds = Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
                response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(seconds));
                Response.writeError(request, response, callback, HttpStatus.TOO_MANY_REQUESTS_429,
                        "Too many failed logins from this address; try again in " + seconds + " s");
                return true;
            }
        }
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        boolean login = authorization != null;
        if (login && malformedBasic(authorization)) {
            // Jetty's Basic authenticator answers 500 to credentials that are not Base64; it is a failed login.
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Basic realm=\"" + AdminServer.REALM + "\"");
            count(address, true, HttpStatus.UNAUTHORIZED_401);
            Response.writeError(request, response, callback, HttpStatus.UNAUTHORIZED_401);
            return true;
        }
        // Counted as the exchange completes: a client that tries again within milliseconds may get one more try.
        Request.addCompletionListener(request, failure -> count(address, login, response.getStatus()));
        return super.handle(request, response, callback);
    }

    private static boolean malformedBasic(String authorization) {
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        try {
            java.util.Base64.getDecoder().decode(authorization.substring(6).strip());
            return false;
        } catch (IllegalArgumentException notBase64) {
            return true;
        }
    }

    private void count(String address, boolean login, int status) {
        if (!login) {
            return;
        }
        if (status != HttpStatus.UNAUTHORIZED_401) {
            addresses.remove(address);
            return;
        }
        if (addresses.size() >= REMEMBERED) {
            long now = System.nanoTime();
            addresses.values().removeIf(f -> {
                synchronized (f) {
                    return f.remaining(now) <= 0;
                }
            });
        }
        Failures f = addresses.computeIfAbsent(address, a -> new Failures());
        synchronized (f) {
            if (++f.count % FAILURES == 0) {
                Duration lock = first.multipliedBy(1L << Math.min(f.lockouts, 20));
                if (lock.compareTo(LONGEST) > 0) {
                    lock = LONGEST;
                }
                f.lockouts++;
                f.lockedUntil = System.nanoTime() + lock.toNanos();
                LOG.warn("admin: {} failed logins from {}; locked out for {} s", f.count, address, lock.toSeconds());
            }
        }
    }
}
