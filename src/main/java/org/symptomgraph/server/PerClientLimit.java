package org.symptomgraph.server;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * At most {@code limit} requests of one client address are handled at once; the others wait
 * in line, holding no thread, and get 503 after {@link ClientLimits#MAX_WAIT} or when the line
 * is full. A request keeps its place from the start of handling to the end of its response; one
 * whose client closed the connection while it waited is dropped.
 *
 * <p>Jetty's {@code ThreadLimitHandler} limits threads instead, and asks for a permit again when
 * a write completes: with blocking servlets, requests whose writes wait for a slow reader can hold
 * every permit of an address while their completions wait for one, and stay blocked for good.
 */
final class PerClientLimit extends Handler.Wrapper {

    /** Requests of one address waiting at most; more get 503 at once. */
    static final int MAX_WAITING = 64;

    private final int limit;
    private final String addressHeader;
    private final long maxWaitNanos;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();

    private static final class Client {
        int active;
        final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    }

    private record Waiting(long since, Runnable handle, Runnable refuse) {
    }

    /** @param addressHeader the header a trusted proxy names the client in (its last value); null for the connection's address */
    PerClientLimit(Handler handler, int limit, String addressHeader) {
        super(handler);
        this.limit = limit;
        this.addressHeader = addressHeader;
        this.maxWaitNanos = ClientLimits.MAX_WAIT.toNanos();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (ClientLimits.HEALTH.contains(Request.getPathInContext(request))) {
            return super.handle(request, response, callback);
        }
        String address = address(request);
        while (true) {
            Client client = clients.computeIfAbsent(address, a -> new Client());
            Runnable handle = () -> run(address, client, request, response, callback);
            Runnable refuse = () -> {
                release(address, client);
                busy(request, response, callback);
            };
            synchronized (client) {
                if (clients.get(address) != client) {
                    continue; // its last request ended meanwhile, and took it out of the map
                }
                if (client.active < limit) {
                    client.active++;
                } else if (client.waiting.size() < MAX_WAITING) {
                    client.waiting.add(new Waiting(System.nanoTime(), handle, refuse));
                    return true;
                } else {
                    busy(request, response, callback);
                    return true;
                }
            }
            handle.run();
            return true;
        }
    }

    private static void busy(Request request, Response response, Callback callback) {
        Response.writeError(request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503,
                "Too many requests from this address at once; try again later");
    }

    private void run(String address, Client client, Request request, Response response, Callback callback) {
        // Released when the exchange completes, however it ends: a connection that fails mid-answer
        // completes the request without the callbacks of the handlers in between (as QoSHandler does it).
        Request.addCompletionListener(request, failure -> release(address, client));
        if (!request.getConnectionMetaData().getConnection().getEndPoint().isOpen()) {
            // The client left while its request waited: nobody would read the answer.
            callback.failed(new java.io.EOFException("the client closed the connection while its request waited"));
            return;
        }
        try {
            if (!getHandler().handle(request, response, callback)) {
                Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
            }
        } catch (Throwable x) {
            callback.failed(x);
        }
    }

    /** Ends one request of the address; the next in line (if any) takes its place on another thread. */
    private void release(String address, Client client) {
        Waiting next;
        synchronized (client) {
            client.active--;
            next = client.waiting.poll();
            if (next != null) {
                client.active++;
            } else if (client.active == 0) {
                clients.remove(address, client);
            }
        }
        if (next != null) {
            Runnable go = System.nanoTime() - next.since() > maxWaitNanos ? next.refuse() : next.handle();
            getServer().getThreadPool().execute(go);
        }
    }

    private String address(Request request) {
        if (addressHeader != null) {
            String last = null;
            for (HttpField field : request.getHeaders()) {
                if (field.getName().equalsIgnoreCase(addressHeader)) {
                    last = field.getValue();
                }
            }
            if (last != null) {
                // The right-most entry is the one the trusted proxy added.
                String value = last.substring(last.lastIndexOf(',') + 1).strip();
                if (value.toLowerCase(java.util.Locale.ROOT).contains("for=")) {
                    value = value.replaceAll("(?i).*for=\"?([^;\",]+)\"?.*", "$1");
                }
                if (!value.isEmpty()) {
                    return value;
                }
            }
        }
        String remote = Request.getRemoteAddr(request);
        return remote == null ? "" : remote;
    }
}
