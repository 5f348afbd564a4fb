package org.symptomgraph.server;

import java.time.Duration;
import java.util.List;
import org.symptomgraph.rdf.Iris;

/**
 * How the public endpoint behaves.
 *
 * @param port             HTTP port; 0 picks a free one
 * @param loopbackOnly     listen on 127.0.0.1 only
 * @param queryTimeout     a query running longer is cancelled
 * @param resultLimit      most rows (or triples) one query returns
 * @param responseLimit    most bytes one answer of the dataset's endpoints may have
 * @param allowedServices  endpoints that SERVICE may call; empty means SERVICE is off
 * @param publicUrl        the endpoint's URL as clients see it, or null for http://localhost:PORT/...
 * @param base             the base of the graph's IRIs; {@code BASE + PATH} is served at {@code /PATH}
 * @param clients          how much of the server one client may take
 * @param admin            the admin route ({@link AdminServer}); null means none
 * @param cacheMaxAge      how long a cache may reuse an answer of the data without asking again ({@link CacheValidators})
 */
public record EndpointSettings(int port, boolean loopbackOnly, Duration queryTimeout, long resultLimit,
        long responseLimit, List<String> allowedServices, String publicUrl, String base, ClientLimits clients,
        AdminSettings admin, Duration cacheMaxAge) {

    public static final String DATASET = "symptomgraph";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final long DEFAULT_RESULT_LIMIT = 10_000;
    public static final long DEFAULT_RESPONSE_LIMIT = 64L * 1024 * 1024;

    public EndpointSettings {
        allowedServices = List.copyOf(allowedServices);
        if (resultLimit < 1) {
            throw new IllegalArgumentException("the result limit must be at least 1");
        }
        if (responseLimit < 1024) {
            throw new IllegalArgumentException("the response limit must be at least 1024 bytes");
        }
        if (cacheMaxAge.isNegative()) {
            throw new IllegalArgumentException("the cache max-age must not be negative");
        }
        if (queryTimeout.isNegative() || queryTimeout.isZero()) {
            throw new IllegalArgumentException("the query timeout must be positive");
        }
    }

    /** Defaults, on the given port. */
    public static EndpointSettings defaults(int port) {
        return new EndpointSettings(port, false, DEFAULT_TIMEOUT, DEFAULT_RESULT_LIMIT, DEFAULT_RESPONSE_LIMIT,
                List.of(), null, Iris.DEFAULT_BASE, ClientLimits.DEFAULTS, null, Duration.ZERO);
    }

    public EndpointSettings withLoopbackOnly(boolean loopback) {
        return new EndpointSettings(port, loopback, queryTimeout, resultLimit, responseLimit, allowedServices,
                publicUrl, base, clients, admin, cacheMaxAge);
    }

    public EndpointSettings withQueryTimeout(Duration timeout) {
        return new EndpointSettings(port, loopbackOnly, timeout, resultLimit, responseLimit, allowedServices,
                publicUrl, base, clients, admin, cacheMaxAge);
    }

    public EndpointSettings withResultLimit(long limit) {
        return new EndpointSettings(port, loopbackOnly, queryTimeout, limit, responseLimit, allowedServices,
                publicUrl, base, clients, admin, cacheMaxAge);
    }

    public EndpointSettings withResponseLimit(long bytes) {
        return new EndpointSettings(port, loopbackOnly, queryTimeout, resultLimit, bytes, allowedServices,
                publicUrl, base, clients, admin, cacheMaxAge);
    }

    public EndpointSettings withAllowedServices(List<String> services) {
        return new EndpointSettings(port, loopbackOnly, queryTimeout, resultLimit, responseLimit, services,
                publicUrl, base, clients, admin, cacheMaxAge);
    }

    public EndpointSettings withPublicUrl(String url) {
        return new EndpointSettings(port, loopbackOnly, queryTimeout, resultLimit, responseLimit, allowedServices,
                url, base, clients, admin, cacheMaxAge);
    }

    public EndpointSettings withBase(String iriBase) {
        return new EndpointSettings(port, loopbackOnly, queryTimeout, resultLimit, responseLimit, allowedServices,
                publicUrl, iriBase, clients, admin, cacheMaxAge);
    }

    public EndpointSettings withClients(ClientLimits limits) {
        return new EndpointSettings(port, loopbackOnly, queryTimeout, resultLimit, responseLimit, allowedServices,
                publicUrl, base, limits, admin, cacheMaxAge);
    }

    public EndpointSettings withAdmin(AdminSettings settings) {
        return new EndpointSettings(port, loopbackOnly, queryTimeout, resultLimit, responseLimit, allowedServices,
                publicUrl, base, clients, settings, cacheMaxAge);
    }

    public EndpointSettings withCacheMaxAge(Duration maxAge) {
        return new EndpointSettings(port, loopbackOnly, queryTimeout, resultLimit, responseLimit, allowedServices,
                publicUrl, base, clients, admin, maxAge);
    }
}
