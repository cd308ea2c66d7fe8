package io.rectify.scenarios.receiver;

import io.rectify.contracts.notification.WebhookSignature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.rectify.contracts.EventJson;
import io.rectify.scenarios.Args;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The local stand-in for the agencies that receive Rectify's notifications, for the demo: an HTTP server
 * that checks each webhook's {@code X-Rectify-Signature}, answers 200 (401 for a bad signature, which
 * notification-service does not retry) and appends the delivery to {@code webhooks.jsonl}; and, unless
 * {@code --smtp-port 0}, an SMTP server on loopback (GreenMail) whose mails go to {@code mails.jsonl}.
 * {@code GET /health} answers the counts.
 */
public final class Receiver {

    static final String DEFAULT_SECRET = "rectify-demo-webhook-secret";
    private static final ObjectMapper JSON = EventJson.mapper();

    private final Path webhookLog;
    private final Path mailLog;
    private final String secret;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong mails = new AtomicLong();
    private final Set<String> deliveries = new HashSet<>();
    private int smtpPort;

    Receiver(Path out, String secret) {
        this.webhookLog = out.resolve("webhooks.jsonl");
        this.mailLog = out.resolve("mails.jsonl");
        this.secret = secret;
    }

    public static int run(String[] argv) {
        if (Arrays.asList(argv).contains("--help")) {
            System.out.println("""
                    usage: java -jar scenarios.jar receiver [--port 8090] [--smtp-port 2525|0] [--out DIR] [--secret S]

                      --port       HTTP port on 127.0.0.1 for webhooks (POST /hooks/...) and GET /health
                      --smtp-port  SMTP port on 127.0.0.1 (GreenMail); 0: no SMTP sink
                      --out        folder of webhooks.jsonl and mails.jsonl (default .)
                      --secret     the HMAC secret the demo's contacts were given (default the demo's)""");
            return 0;
        }
        Args args = Args.parse(argv, 0, List.of("port", "smtp-port", "out", "secret"), List.of());
        // GreenMail logs every auto-created mailbox at INFO: only its warnings are news
        System.setProperty("org.slf4j.simpleLogger.log.com.icegreen.greenmail", "warn");
        int port = args.getInt("port", 8090);
        int smtpPort = args.getInt("smtp-port", 2525);
        Path out = Path.of(args.get("out", "."));
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Receiver receiver = new Receiver(out, args.get("secret", DEFAULT_SECRET));
        receiver.startHttp(port);
        if (smtpPort > 0) {
            receiver.startSmtp(smtpPort);
        }
        System.out.printf("[receiver] webhooks on http://127.0.0.1:%d/hooks -> %s%s%n", port, receiver.webhookLog,
                smtpPort > 0 ? "; SMTP on 127.0.0.1:" + smtpPort + " -> " + receiver.mailLog : "");
        return 0;
    }

    private void startHttp(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
            server.createContext("/hooks", this::onWebhook);
            server.createContext("/health", this::onHealth);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    private void onWebhook(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                answer(exchange, 405, "{\"error\":\"POST only\"}");
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String signature = exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER);
            String delivery = exchange.getRequestHeaders().getFirst(WebhookSignature.DELIVERY_HEADER);
            boolean valid = WebhookSignature.verify(body, signature, secret);
            ObjectNode line = JSON.createObjectNode();
            line.put("receivedAt", Instant.now().toString());
            line.put("path", exchange.getRequestURI().getRawPath());
            line.put("delivery", delivery);
            line.put("signatureValid", valid);
            boolean duplicate;
            synchronized (deliveries) {
                duplicate = delivery != null && !deliveries.add(delivery);
            }
            line.put("duplicate", duplicate);
            JsonNode parsed = parse(body);
            if (parsed != null) {
                line.put("step", parsed.path("step").asText(null));
                line.put("level", parsed.path("level").asText(null));
                line.put("hazardId", parsed.path("hazardId").asText(null));
                line.set("body", parsed);
            } else {
                line.put("rawBody", new String(body, StandardCharsets.UTF_8));
            }
            append(webhookLog, line);
            if (valid) {
                accepted.incrementAndGet();
                answer(exchange, 200, "{\"received\":true}");
            } else {
                refused.incrementAndGet();
                System.out.printf("[receiver] refused delivery %s: bad or missing %s%n", delivery, WebhookSignature.HEADER);
                answer(exchange, 401, "{\"error\":\"bad signature\"}");
            }
        }
    }

    private void onHealth(HttpExchange exchange) throws IOException {
        try (exchange) {
            ObjectNode n = JSON.createObjectNode();
            n.put("status", "UP");
            n.put("webhooksAccepted", accepted.get());
            n.put("webhooksRefused", refused.get());
            n.put("mails", mails.get());
            n.put("smtpPort", smtpPort);
            n.put("webhookLog", webhookLog.toString());
            n.put("mailLog", mailLog.toString());
            answer(exchange, 200, JSON.writeValueAsString(n));
        }
    }

    /** GreenMail keeps mail in memory; a poller moves each new message to the JSONL file and purges. */
    private void startSmtp(int port) {
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        smtpPort = port;
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mail-poller");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(() -> drain(greenMail), 500, 500, TimeUnit.MILLISECONDS);
        Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop));
    }

    private void drain(GreenMail greenMail) {
        try {
            MimeMessage[] received = greenMail.getReceivedMessages();
            if (received.length == 0) {
                return;
            }
            greenMail.purgeEmailFromAllMailboxes();
            for (MimeMessage m : received) {
                ObjectNode line = JSON.createObjectNode();
                line.put("receivedAt", Instant.now().toString());
                line.put("from", addresses(m.getFrom()));
                line.put("to", addresses(m.getAllRecipients()));
                line.put("subject", m.getSubject());
                line.put("body", plainText(m.getContent()));
                append(mailLog, line);
                mails.incrementAndGet();
            }
        } catch (Exception e) {
            System.out.println("[receiver] could not read a mail: " + e);
        }
    }

    /** The plain-text part of a mail (notification-service sends text and HTML as multipart/alternative). */
    private static String plainText(Object content) throws Exception {
        if (content instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                jakarta.mail.BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain") || part.isMimeType("multipart/*")) {
                    return plainText(part.getContent());
                }
            }
            return multipart.getCount() > 0 ? plainText(multipart.getBodyPart(0).getContent()) : "";
        }
        return content instanceof String s ? s : String.valueOf(content);
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? null : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static synchronized void append(Path file, JsonNode line) throws IOException {
        Files.writeString(file, JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
