package org.symptomgraph.server;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The outermost handler: every response carries a Content-Security-Policy and the headers that go
 * with it, and TRACE (which echoes a request, credentials included) is refused.
 *
 * <p>The policy lets a page run only this server's own scripts, and fetch only from this server:
 * no inline script, no event-handler attribute, no other endpoint. Markup that slipped into a page
 * (YASGUI shows a result's language tag as HTML) then runs nothing, and a page cannot send what it
 * read anywhere. Inline styles stay allowed: YASGUI and Cytoscape.js set them.
 */
final class SecurityHeaders extends Handler.Wrapper {

    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    SecurityHeaders(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        put(response.getHeaders());
        if (HttpMethod.TRACE.is(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD, POST, OPTIONS");
            Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
            return true;
        }
        // Set again as the first bytes go out: a servlet that resets its response (to send an error) drops them.
        Response headed = new Response.Wrapper(request, response) {
            private boolean sent;

            @Override
            public void write(boolean last, ByteBuffer content, Callback written) {
                if (!sent) {
                    sent = true;
                    if (!isCommitted()) {
                        put(getHeaders());
                    }
                }
                super.write(last, content, written);
            }
        };
        return super.handle(request, headed, callback);
    }

    private static void put(HttpFields.Mutable headers) {
        headers.put("Content-Security-Policy", POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
    }
}
