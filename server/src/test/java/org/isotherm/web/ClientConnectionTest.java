package org.isotherm.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disconnect test in a real Tomcat over real sockets: a request that waits for its client to leave sees it go,
 * and one whose client waits, sends a body or pipelines the next request is never taken for gone.
 */
class ClientConnectionTest {

    /** What each {@code /wait} request saw: "closed", or "open" once its window passed. */
    private static final BlockingQueue<String> SEEN = new LinkedBlockingQueue<>();

    private static Tomcat tomcat;
    private static int port;

    @TempDir
    static Path base;

    @BeforeAll
    static void start() throws LifecycleException {
        tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        tomcat.setPort(0);
        var context = tomcat.addContext("", base.toString());
        context.getPipeline().addValve(new ClientConnection.AttachValve());
        Tomcat.addServlet(context, "wait", new WaitingServlet());
        context.addServletMappingDecoded("/wait", "wait");
        tomcat.start();
        port = tomcat.getConnector().getLocalPort();
    }

    @AfterAll
    static void stop() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
    }

    @BeforeEach
    void forget() {
        SEEN.clear();
    }

    @Test
    void seesAClientThatClosedItsConnection() throws Exception {
        try (var socket = connect()) {
            write(socket, "GET /wait?ms=10000 HTTP/1.1\r\nHost: localhost\r\n\r\n");
            Thread.sleep(300);
        }
        assertThat(SEEN.poll(20, TimeUnit.SECONDS)).isEqualTo("closed");
    }

    @Test
    void seesAClientThatSentABodyAndClosed() throws Exception {
        try (var socket = connect()) {
            write(socket, post("/wait?ms=10000", "{\"limit\":10}"));
            Thread.sleep(300);
        }
        assertThat(SEEN.poll(20, TimeUnit.SECONDS)).isEqualTo("closed");
    }

    @Test
    void takesAWaitingClientForConnected() throws Exception {
        try (var socket = connect()) {
            write(socket, "GET /wait?ms=500 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(readAll(socket.getInputStream()))
                    .startsWith("HTTP/1.1 200")
                    .endsWith("open");
        }
        assertThat(SEEN.poll(5, TimeUnit.SECONDS)).isEqualTo("open");
    }

    @Test
    void takesPipelinedRequestsForAConnectedClient() throws Exception {
        try (var socket = connect()) {
            write(
                    socket,
                    "GET /wait?ms=500 HTTP/1.1\r\nHost: localhost\r\n\r\n"
                            + "GET /wait?ms=200 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(readAll(socket.getInputStream()).split("HTTP/1.1 200", -1))
                    .hasSize(3);
        }
        for (int i = 0; i < 2; i++) {
            assertThat(SEEN.poll(5, TimeUnit.SECONDS)).isEqualTo("open");
        }
    }

    @Test
    void answersABodyRequestWhoseClientPipelinedAndThenClosesTheConnection() throws Exception {
        try (var socket = connect()) {
            write(
                    socket,
                    post("/wait?ms=500", "{\"limit\":10}") + "GET /wait?ms=0 HTTP/1.1\r\nHost: localhost\r\n\r\n");
            var answers = readAll(socket.getInputStream());
            assertThat(answers)
                    .startsWith("HTTP/1.1 200")
                    .contains("Connection: close")
                    .endsWith("open");
        }
        assertThat(SEEN.poll(5, TimeUnit.SECONDS)).isEqualTo("open");
    }

    @Test
    void keepsABodyRequestThatWasNotWatchedAlive() throws Exception {
        try (var socket = connect()) {
            write(
                    socket,
                    post("/wait?ms=0", "{\"limit\":10}")
                            + "GET /wait?ms=0 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(readAll(socket.getInputStream()).split("HTTP/1.1 200", -1))
                    .hasSize(3);
        }
    }

    private static String post(String target, String body) {
        return "POST " + target + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    private static Socket connect() throws IOException {
        var socket = new Socket();
        socket.connect(new InetSocketAddress("localhost", port), 5000);
        socket.setSoTimeout(20_000);
        return socket;
    }

    private static void write(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    /** Reads the body whole, as a controller does, then watches the connection for {@code ms} milliseconds. */
    static final class WaitingServlet extends HttpServlet {

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            request.getInputStream().readAllBytes();
            var closed = ClientConnection.closed(request);
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Long.parseLong(request.getParameter("ms")));
            while (System.nanoTime() < until) {
                if (closed.getAsBoolean()) {
                    SEEN.add("closed");
                    return;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            SEEN.add("open");
            response.setContentType("text/plain");
            response.getWriter().write("open");
        }
    }
}
