package org.isotherm.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat answers some requests itself, before any filter or servlet runs: a bad percent-encoding, a NUL or an
 * invalid character in the path, a malformed header. Its error report valve renders those as an HTML page (or an
 * empty body when {@code Accept} excludes HTML); this one writes the API's error shape instead, whatever the client
 * accepts. The three 5xx Tomcat gives for what a client sent (501 for {@code CONNECT} and for an unknown transfer
 * coding, 505 for an unknown HTTP version) become the 405 and 400 of the API: the platform answers 5xx only for
 * its own failures, so that they stand out.
 */
@Component
class ContainerErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        // the host adds its error report valve when it starts, before its contexts; replace it as the context starts
        factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && context.getParent() instanceof Host host) {
                var pipeline = host.getPipeline();
                for (var valve : pipeline.getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof JsonErrorReportValve)) {
                        pipeline.removeValve(valve);
                    }
                }
                pipeline.addValve(new JsonErrorReportValve());
            }
        }));
    }

    static final class JsonErrorReportValve extends ErrorReportValve {

        private static final Logger log = LoggerFactory.getLogger(JsonErrorReportValve.class);
        private static final JsonMapper JSON = JsonMapper.builder().build();

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            var detail = ErrorBody.reason(status);
            if (status == 501 && "CONNECT".equals(request.getMethod())) {
                // Tomcat refuses CONNECT itself, as not implemented; the API answers it as any method it has nowhere
                status = 405;
                detail = ErrorBody.reason(status);
                response.setHeader(HttpHeaders.ALLOW, RequestTextFilter.ALLOW);
            } else if (status == 501) {
                // Tomcat's other 501: a Transfer-Encoding it does not know, which is the client's to fix
                status = 400;
                detail = "Unsupported Transfer-Encoding: send the body with a Content-Length, or chunked";
            } else if (status == 505) {
                // a 5xx says the server failed; an unknown protocol version is the client's to fix too
                status = 400;
                detail = "Unsupported HTTP version: use HTTP/1.1";
            }
            response.setStatus(status);
            try {
                var body = JSON.writeValueAsBytes(new ErrorBody(detail).forRequest(request, status));
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                log.debug("Could not write the error body of a {} answer: {}", status, e.getMessage());
            }
        }
    }
}
