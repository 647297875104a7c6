package org.isotherm.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Records every answer the running platform gives during the test run (method, path, status, media type), for
 * {@link DocumentedStatusesIT} to hold against the OpenAPI document. It sits in Tomcat's engine, outside Spring: it
 * sees what the client gets, including answers written by filters (401, 413) and by the error page.
 */
@Component
class AnsweredStatuses implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    record Answer(
            String method,
            String path,
            int status,
            @Nullable String mediaType) {}

    private static final Set<Answer> ANSWERS = ConcurrentHashMap.newKeySet();

    static Set<Answer> recorded() {
        return Set.copyOf(ANSWERS);
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addEngineValves(new ValveBase(true) {
            @Override
            public void invoke(Request request, Response response) throws IOException, ServletException {
                try {
                    getNext().invoke(request, response);
                } finally {
                    var contentType = response.getContentType();
                    // a request whose path did not decode reached no operation
                    if (request.getDecodedRequestURI() != null) {
                        ANSWERS.add(new Answer(
                                request.getMethod(),
                                request.getDecodedRequestURI(),
                                response.getStatus(),
                                contentType == null ? null : contentType.split(";")[0].trim()));
                    }
                }
            }
        });
    }
}
