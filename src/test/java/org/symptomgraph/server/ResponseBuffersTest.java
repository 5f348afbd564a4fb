package org.symptomgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.symptomgraph.testing.Http;
import org.symptomgraph.testing.TestServer;

/** Responses reuse pooled buffers of Fuseki's output-buffer size instead of allocating one each (Jena GH-4084). */
class ResponseBuffersTest {

    @Test
    void responseBuffersAreReused() throws Exception {
        try (TestServer test = TestServer.petechiae()) {
            Connector[] connectors = test.server().jetty().getConnectors();
            assertEquals(1, connectors.length);
            ServerConnector connector = assertInstanceOf(ServerConnector.class, connectors[0]);
            assertEquals("localhost", connector.getHost(), "still loopback only");
            int outputBuffer = connector.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration()
                    .getOutputBufferSize();
            assertTrue(outputBuffer >= 1024 * 1024, "Fuseki's large output buffer: " + outputBuffer);
            ArrayByteBufferPool pool = assertInstanceOf(ArrayByteBufferPool.class, connector.getByteBufferPool());
            assertTrue(pool.getMaxCapacity() >= outputBuffer, "pools buffers of " + pool.getMaxCapacity());

            for (int i = 0; i < 40; i++) {
                assertEquals(200, Http.query(test.server().endpointUrl(), "SELECT * WHERE { ?s ?p ?o } LIMIT 1",
                        "application/sparql-results+json").statusCode());
            }
            // One client, one request at a time: the same output buffer comes back each time.
            long buffers = pool.getDirectByteBufferCount() + pool.getHeapByteBufferCount();
            assertTrue(buffers >= 1 && buffers <= 4, buffers + " buffers pooled after 40 sequential requests");
            // Released once the response has completed on the server's side, which may be just after
            // the client has read it all: waited for, within two seconds.
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (pool.getAvailableDirectMemory() + pool.getAvailableHeapMemory() < outputBuffer
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(pool.getAvailableDirectMemory() + pool.getAvailableHeapMemory() >= outputBuffer,
                    "the output buffer went back to the pool");
        }
    }
}
