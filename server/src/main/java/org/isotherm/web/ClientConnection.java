package org.isotherm.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.function.BooleanSupplier;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tells a long request whether its client is still there, so that work nobody waits for can stop. The servlet API
 * has no such question and Tomcat reads from a connection only when a request asks for its body; so a valve hands
 * each request a test that asks Tomcat for a non-blocking read, once the body has been read.
 */
@Component
public class ClientConnection implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private static final String ATTRIBUTE = ClientConnection.class.getName();
    private static final BooleanSupplier NEVER = () -> false;

    /**
     * A test that is true once the client of {@code request} has closed its connection. Call it only while the
     * request thread leaves the connection alone (as while it waits for a database), never concurrently with
     * reading the body or writing the response.
     */
    public static BooleanSupplier closed(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof BooleanSupplier test ? test : NEVER;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextValves(new AttachValve());
    }

    static final class AttachValve extends ValveBase {

        AttachValve() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            var coyote = request.getCoyoteRequest();
            boolean body = coyote.getContentLengthLong() > 0 || coyote.getHeader("Transfer-Encoding") != null;
            request.setAttribute(ATTRIBUTE, (BooleanSupplier) () -> closed(coyote, body ? response : null));
            getNext().invoke(request, response);
        }

        /**
         * With the body read, a non-blocking read (AVAILABLE with {@code true}) finds nothing while the client
         * waits, the next pipelined request (kept for later), or the end of the stream, which Tomcat reports as one
         * byte available so that a read fails. Kept bytes show up without a read (AVAILABLE with {@code false}) or
         * stop the next read from reading; the end of the stream shows up every time.
         *
         * <p>After a body, Tomcat may have taken the next pipelined request into its buffer already, past the body's
         * end, to give it back when the request ends; a read here would write over it. So such a connection closes
         * after its answer, and a client that pipelined sends the rest again, as it must be ready to.
         */
        private static boolean closed(org.apache.coyote.Request coyote, @Nullable Response afterBody) {
            if (afterBody != null && !afterBody.isCommitted()) {
                afterBody.setHeader("Connection", "close");
            }
            return available(coyote, true) && !available(coyote, false) && available(coyote, true);
        }

        private static boolean available(org.apache.coyote.Request coyote, boolean read) {
            coyote.action(ActionCode.AVAILABLE, read);
            return coyote.getAvailable() > 0;
        }
    }
}
