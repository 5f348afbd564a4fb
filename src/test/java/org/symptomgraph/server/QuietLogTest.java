package org.symptomgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;
import org.symptomgraph.testing.Http;
import org.symptomgraph.testing.TestServer;

/** Ordinary use logs no warning: the query page's parameters, which YASGUI passes on, are expected. */
class QuietLogTest {

    @Test
    void theQueryPagesParametersLogNoWarning() throws Exception {
        List<String> warnings = new CopyOnWriteArrayList<>();
        // After start: the server sets its logging up anew.
        TestServer server = TestServer.petechiae();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        AbstractAppender capture = new AbstractAppender("capture-warnings", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                warnings.add(event.getLoggerName() + ": " + event.getMessage().getFormattedMessage());
            }
        };
        capture.start();
        context.getConfiguration().getRootLogger().addAppender(capture, Level.WARN, null);
        context.updateLoggers();
        try (server) {
            String url = server.endpoint() + "?query=" + Http.encode("ASK { ?s ?p ?o }") + "&example=causes-of-symptom&run=1";
            assertEquals(200, Http.get(url, "application/sparql-results+json").statusCode());
            assertEquals(List.of(), warnings);
        } finally {
            context.getConfiguration().getRootLogger().removeAppender("capture-warnings");
            context.updateLoggers();
            capture.stop();
        }
    }
}
