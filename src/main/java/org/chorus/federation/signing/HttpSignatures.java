package org.chorus.federation.signing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * HTTP Signatures as the fediverse uses them (draft-cavage-http-signatures-12, {@code rsa-sha256}, with a
 * {@code Digest} of the body): how Mastodon, Mobilizon, Gancio, PeerTube and GoToSocial sign and check server-to-server
 * requests. Chorus signs a GET with {@code (request-target) host date} and a POST with {@code (request-target) host
 * date digest content-type}, and checks a request the way Mastodon does: a signature must cover {@code
 * (request-target)}, {@code host} and {@code date} (or {@code (created)}), and {@code digest} when there is a body; the
 * date must be within {@link #WINDOW} of now; the digest must be the body's; the signature must verify with the key its
 * {@code keyId} names. Whether that key belongs to the actor of the activity is the caller's question.
 */
public final class HttpSignatures {

    /** How far a signed date may be from now, either way (Mastodon's window). */
    public static final Duration WINDOW = Duration.ofHours(12);

    /**
     * The date format of HTTP, IMF-fixdate ({@code Sun, 05 Jan 2014 21:31:40 GMT}): two digits for the day, which
     * Mastodon's parser requires (Java's RFC 1123 format writes one).
     */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** Dates read from others: RFC 1123, one digit for the day or two. */
    private static final DateTimeFormatter READ_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private static final Pattern PARAMETER =
            Pattern.compile("\\s*([A-Za-z]+)\\s*=\\s*(?:\"([^\"]*)\"|([0-9]+))\\s*(,|$)");

    private HttpSignatures() {}

    /** Why a request's signature is refused. */
    public enum Refusal {
        UNSIGNED("the request is not signed"),
        MALFORMED("the Signature header cannot be read"),
        ALGORITHM("the signature's algorithm is not rsa-sha256 (or hs2019 with an RSA key)"),
        TOO_LITTLE_SIGNED("the signature must cover (request-target), host, date, and digest for a body"),
        MISSING_HEADER("a header the signature covers is not in the request"),
        STALE("the signed date is more than 12 hours from now"),
        DIGEST("the Digest header is not the SHA-256 digest of the body"),
        UNKNOWN_KEY("the signing key cannot be found"),
        INVALID("the signature does not match the request");

        private final String message;

        Refusal(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    /** A refused signature; answered with 401 and {@link Refusal#message()}. */
    public static final class Refused extends RuntimeException {
        private final Refusal refusal;

        public Refused(Refusal refusal) {
            super(refusal.message());
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    /** A request as the server received it: method, path with query, headers (any case), body (empty for none). */
    public record Request(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
        public Request {
            var lower = new LinkedHashMap<String, String>();
            headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
            headers = Map.copyOf(lower);
            body = body == null ? new byte[0] : body;
        }

        String header(String name) {
            return headers.get(name);
        }
    }

    /** The parameters of a Signature header. */
    public record Parsed(String keyId, String algorithm, List<String> headers, byte[] signature, Long created) {}

    /**
     * The headers to add to a request to {@code uri} signed by {@code keyId}'s private key: {@code Host}, {@code Date},
     * for a body {@code Digest}, and {@code Signature} (a body's {@code Content-Type} is signed as given).
     */
    public static Map<String, String> sign(
            String method, URI uri, byte[] body, String contentType, String keyId, PrivateKey key, Instant now) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("host", host(uri));
        headers.put("date", HTTP_DATE.format(now));
        var covered = new ArrayList<>(List.of("(request-target)", "host", "date"));
        if (body != null) {
            headers.put("digest", digest(body));
            headers.put("content-type", contentType);
            covered.add("digest");
            covered.add("content-type");
        }
        var target = method.toLowerCase(Locale.ROOT) + " " + pathAndQuery(uri);
        var signature = base64(rsaSign(key, signingString(covered, target, headers::get)));
        var signed = new LinkedHashMap<String, String>();
        signed.put("Host", headers.get("host"));
        signed.put("Date", headers.get("date"));
        if (body != null) {
            signed.put("Digest", headers.get("digest"));
        }
        signed.put(
                "Signature",
                "keyId=\"" + keyId + "\",algorithm=\"rsa-sha256\",headers=\"" + String.join(" ", covered)
                        + "\",signature=\"" + signature + "\"");
        return signed;
    }

    /** The request's signature, read but not checked; refused when missing or unreadable. */
    public static Parsed parse(Request request) {
        var header = request.header("signature");
        if (header == null) {
            var authorization = request.header("authorization");
            if (authorization == null || !authorization.regionMatches(true, 0, "Signature ", 0, 10)) {
                throw new Refused(Refusal.UNSIGNED);
            }
            header = authorization.substring(10);
        }
        var values = new LinkedHashMap<String, String>();
        var matcher = PARAMETER.matcher(header);
        int at = 0;
        while (at < header.length()) {
            if (!matcher.find(at) || matcher.start() != at) {
                throw new Refused(Refusal.MALFORMED);
            }
            values.put(matcher.group(1), matcher.group(2) != null ? matcher.group(2) : matcher.group(3));
            at = matcher.end();
        }
        var keyId = values.get("keyId");
        var signature = values.get("signature");
        if (keyId == null || keyId.isBlank() || signature == null) {
            throw new Refused(Refusal.MALFORMED);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw new Refused(Refusal.MALFORMED);
        }
        var covered = List.of(values.getOrDefault("headers", "date")
                .toLowerCase(Locale.ROOT)
                .strip()
                .split("\\s+"));
        Long created = null;
        if (values.containsKey("created")) {
            try {
                created = Long.parseLong(values.get("created"));
            } catch (NumberFormatException e) {
                throw new Refused(Refusal.MALFORMED);
            }
        }
        return new Parsed(keyId, values.getOrDefault("algorithm", "hs2019"), covered, bytes, created);
    }

    /**
     * Checks the request's signature with the key {@code parsed.keyId()} names ({@code key}, which the caller found
     * from it) at {@code now}; refused with the first reason found.
     */
    public static void verify(Request request, Parsed parsed, PublicKey key, Instant now) {
        var algorithm = parsed.algorithm().toLowerCase(Locale.ROOT);
        if (!algorithm.equals("rsa-sha256") && !algorithm.equals("hs2019")) {
            throw new Refused(Refusal.ALGORITHM);
        }
        if (!"RSA".equals(key.getAlgorithm())) {
            throw new Refused(Refusal.ALGORITHM);
        }
        var covered = parsed.headers();
        var dated = covered.contains("date") || covered.contains("(created)");
        if (!covered.contains("(request-target)")
                || !covered.contains("host")
                || !dated
                || (request.body().length > 0 && !covered.contains("digest"))) {
            throw new Refused(Refusal.TOO_LITTLE_SIGNED);
        }
        for (var name : covered) {
            if (!name.startsWith("(") && request.header(name) == null) {
                throw new Refused(Refusal.MISSING_HEADER);
            }
        }
        if ((covered.contains("(created)") && parsed.created() == null)) {
            throw new Refused(Refusal.MALFORMED);
        }
        var signedAt = covered.contains("(created)")
                ? Instant.ofEpochSecond(parsed.created())
                : httpDate(request.header("date"));
        if (Duration.between(signedAt, now).abs().compareTo(WINDOW) > 0) {
            throw new Refused(Refusal.STALE);
        }
        if (covered.contains("digest") && !digestMatches(request.header("digest"), request.body())) {
            throw new Refused(Refusal.DIGEST);
        }
        var target = request.method().toLowerCase(Locale.ROOT) + " " + request.pathAndQuery();
        var text = signingString(
                covered,
                target,
                name -> name.equals("(created)") ? String.valueOf(parsed.created()) : request.header(name));
        if (!rsaVerify(key, text, parsed.signature())) {
            throw new Refused(Refusal.INVALID);
        }
    }

    /** {@code SHA-256=<base64>} of the body, as the {@code Digest} header carries it. */
    public static String digest(byte[] body) {
        try {
            return "SHA-256=" + base64(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether one of the header's digests is the body's SHA-256 (other algorithms are ignored; one is needed). */
    private static boolean digestMatches(String header, byte[] body) {
        var expected = digest(body).substring("SHA-256=".length());
        boolean found = false;
        for (var part : header.split(",")) {
            var equals = part.indexOf('=');
            if (equals > 0 && part.substring(0, equals).strip().equalsIgnoreCase("SHA-256")) {
                found = true;
                if (!MessageDigest.isEqual(
                        part.substring(equals + 1).strip().getBytes(StandardCharsets.US_ASCII),
                        expected.getBytes(StandardCharsets.US_ASCII))) {
                    return false;
                }
            }
        }
        return found;
    }

    private static String signingString(
            List<String> covered, String target, java.util.function.Function<String, String> header) {
        var lines = new ArrayList<String>();
        for (var name : covered) {
            lines.add(name + ": "
                    + (name.equals("(request-target)")
                            ? target
                            : header.apply(name).strip()));
        }
        return String.join("\n", lines);
    }

    private static Instant httpDate(String value) {
        try {
            return Instant.from(READ_DATE.parse(value.strip()));
        } catch (DateTimeParseException e) {
            throw new Refused(Refusal.MALFORMED);
        }
    }

    private static byte[] rsaSign(PrivateKey key, String text) {
        try {
            var signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(text.getBytes(StandardCharsets.UTF_8));
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with this key", e);
        }
    }

    private static boolean rsaVerify(PublicKey key, String text, byte[] signature) {
        try {
            var verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(text.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String host(URI uri) {
        var port = uri.getPort();
        var defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return port < 0 || port == defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }

    private static String pathAndQuery(URI uri) {
        var path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
