package org.isotherm.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/**
 * One in-process SMTP server (GreenMail) for the whole test run, on a free port. The shared test context sends
 * every e-mail to it ({@code spring.mail.*} in {@code application-test.yml}, the port from {@link IntegrationTest}),
 * so the SMTP path is exercised without a second Spring context.
 */
public final class TestSmtp {

    private static GreenMail server;

    private TestSmtp() {}

    public static synchronized int port() {
        if (server == null) {
            server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server.getSmtp().getPort();
    }

    /** The messages received for {@code recipient} so far. */
    public static List<MimeMessage> receivedBy(String recipient) {
        port();
        return Arrays.stream(server.getReceivedMessages())
                .filter(message -> {
                    try {
                        return Arrays.stream(message.getAllRecipients())
                                .anyMatch(address -> address.toString().equalsIgnoreCase(recipient));
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }
}
