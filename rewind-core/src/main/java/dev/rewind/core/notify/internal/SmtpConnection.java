package dev.rewind.core.notify.internal;

import dev.rewind.core.config.HostPort;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/** One SMTP conversation's socket: a command out, its reply in (multi-line replies end at {@code NNN text}). */
final class SmtpConnection implements Closeable {

    /** A reply: its code and its lines without the code. */
    record Reply(int code, List<String> lines) {
        @Override
        public String toString() {
            return code + " " + String.join(" ", lines).strip();
        }
    }

    private final Socket socket;
    private final HostPort server;
    private final BufferedReader in;
    private final OutputStream out;

    private SmtpConnection(Socket socket, HostPort server) throws IOException {
        this.socket = socket;
        this.server = server;
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        this.out = new BufferedOutputStream(socket.getOutputStream());
    }

    /** Connects, waiting at most {@code timeout} to connect and for each reply. */
    static SmtpConnection open(HostPort server, Duration timeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(server.host(), server.port()), Math.toIntExact(timeout.toMillis()));
            socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
            return new SmtpConnection(socket, server);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** The same conversation over TLS, after the server accepted STARTTLS; the server's name is verified. */
    SmtpConnection startTls(SSLSocketFactory tls) throws IOException {
        SSLSocket secure = (SSLSocket) tls.createSocket(socket, server.host(), server.port(), true);
        SSLParameters parameters = secure.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        secure.setSSLParameters(parameters);
        secure.startHandshake();
        return new SmtpConnection(secure, server);
    }

    /** How this client names itself in EHLO: its address literal. */
    String addressLiteral() {
        InetAddress local = socket.getLocalAddress();
        return local instanceof Inet6Address ? "[IPv6:" + local.getHostAddress() + "]" : "[" + local.getHostAddress() + "]";
    }

    /** Reads a reply and checks its code; {@code what} names the command in the error. */
    Reply expect(String what, int... codes) throws IOException {
        Reply reply = read();
        for (int code : codes) {
            if (reply.code() == code) {
                return reply;
            }
        }
        throw new IOException("SMTP server " + server + " refused " + what + ": " + reply);
    }

    /** Sends a command line and checks the reply; {@code what} names it in errors (never the credentials). */
    Reply command(String line, String what, int... codes) throws IOException {
        write(line + "\r\n");
        return expect(what, codes);
    }

    /** Sends a message after DATA: lines starting with a dot get another one, then the closing dot line. */
    void data(String message) throws IOException {
        StringBuilder data = new StringBuilder();
        for (String line : message.split("\r\n", -1)) {
            data.append(line.startsWith(".") ? "." : "").append(line).append("\r\n");
        }
        write(data.append(".\r\n").toString());
    }

    private void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private Reply read() throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = in.readLine();
            if (line == null) {
                throw new EOFException("SMTP server " + server + " closed the connection");
            }
            if (line.length() < 3 || !line.substring(0, 3).chars().allMatch(Character::isDigit)) {
                throw new IOException("SMTP server " + server + " sent a malformed reply: " + line);
            }
            lines.add(line.length() > 4 ? line.substring(4) : "");
            if (line.length() == 3 || line.charAt(3) != '-') {
                return new Reply(Integer.parseInt(line.substring(0, 3)), lines);
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
