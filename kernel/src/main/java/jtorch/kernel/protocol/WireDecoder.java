package jtorch.kernel.protocol;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.dflib.jjava.jupyter.kernel.ExpressionValue;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.KernelTimestamp;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.ReplyType;
import org.dflib.jjava.jupyter.messages.adapters.ExpressionValueAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HeaderAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HistoryEntryAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HistoryRequestAdapter;
import org.dflib.jjava.jupyter.messages.adapters.KernelTimestampAdapter;
import org.dflib.jjava.jupyter.messages.adapters.MessageTypeAdapter;
import org.dflib.jjava.jupyter.messages.adapters.PublishStatusAdapter;
import org.dflib.jjava.jupyter.messages.adapters.ReplyTypeAdapter;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;

/**
 * Decodes the multipart frames of one received Jupyter message, replacing
 * {@code JupyterSocket.readMessage}: the HMAC signature is compared in constant time
 * ({@link MessageDigest#isEqual}), and a message with a wrong signature, missing frames or
 * malformed JSON yields {@code null} plus a log line (which never includes the key) instead of an
 * exception that would end the channel's loop. Content is mapped with the same Gson adapters as
 * jjava-jupyter's socket, so handlers receive the library's usual request types.
 */
final class WireDecoder {
    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private static final Type JSON_MAP = new TypeToken<Map<String, Object>>() {}.getType();
    private static final Gson GSON = new GsonBuilder()
            .registerTypeAdapter(KernelTimestamp.class, KernelTimestampAdapter.INSTANCE)
            .registerTypeAdapter(Header.class, HeaderAdapter.INSTANCE)
            .registerTypeAdapter(MessageType.class, MessageTypeAdapter.INSTANCE)
            .registerTypeAdapter(PublishStatus.class, PublishStatusAdapter.INSTANCE)
            .registerTypeAdapter(HistoryRequest.class, HistoryRequestAdapter.INSTANCE)
            .registerTypeHierarchyAdapter(ReplyType.class, new ReplyTypeAdapter(new GsonBuilder()
                    .registerTypeAdapter(HistoryEntry.class, HistoryEntryAdapter.INSTANCE)
                    .registerTypeAdapter(ExpressionValue.class, ExpressionValueAdapter.INSTANCE)
                    .create()))
            .create();

    private final HMACGenerator hmac;
    private final String channel;
    private final AtomicLong dropped = new AtomicLong();
    private Rejected rejected;

    /** A signed request whose header was read but whose content was not: it gets an error reply. */
    record Rejected(List<byte[]> identities, Header<?> header, String why) {}

    WireDecoder(HMACGenerator hmac, String channel) {
        this.hmac = hmac;
        this.channel = channel;
    }

    /** The message in {@code frames}, or {@code null} if it must be dropped. */
    Message<?> decode(List<byte[]> frames) {
        int delimiter = -1;
        for (int i = 0; i < frames.size(); i++) {
            if (Arrays.equals(DELIMITER, frames.get(i))) {
                delimiter = i;
                break;
            }
        }
        if (delimiter < 0 || frames.size() < delimiter + 6) {
            return drop("malformed message (" + frames.size() + " frames, no complete <IDS|MSG> envelope)");
        }
        byte[] signature = frames.get(delimiter + 1);
        byte[] header = frames.get(delimiter + 2);
        byte[] parent = frames.get(delimiter + 3);
        byte[] metadata = frames.get(delimiter + 4);
        byte[] content = frames.get(delimiter + 5);
        String expected = hmac.calculateSignature(header, parent, metadata, content);
        if (expected != null && !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature)) {
            return drop("message with an invalid signature");
        }
        List<byte[]> identities = new ArrayList<>(frames.subList(0, delimiter));
        Header<?> parsed = null;
        try {
            parsed = header(header);
            return parse(identities, parsed, parent, metadata, content,
                    new ArrayList<>(frames.subList(delimiter + 6, frames.size())));
        } catch (RuntimeException ex) {
            String why = ex.getClass().getSimpleName() + ": " + ex.getMessage();
            if (parsed != null && parsed.getType().getName().endsWith("_request")) {
                rejected = new Rejected(identities, parsed, why);
            }
            return drop("malformed message: " + why);
        }
    }

    /** The request that the last {@link #decode} dropped after reading its header, once; else null. */
    Rejected takeRejected() {
        Rejected r = rejected;
        rejected = null;
        return r;
    }

    private static Header<?> header(byte[] headerRaw) {
        Header<?> header = GSON.fromJson(utf8(headerRaw), Header.class);
        if (header == null || header.getType() == null || header.getId() == null) {
            throw new IllegalArgumentException("no header");
        }
        return header;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Message<?> parse(List<byte[]> identities, Header<?> header, byte[] parentRaw, byte[] metadataRaw,
                                    byte[] contentRaw, List<byte[]> buffers) {
        Header<?> parentHeader = null;
        JsonElement parentJson = JsonParser.parseString(utf8(parentRaw));
        if (parentJson.isJsonObject() && !parentJson.getAsJsonObject().isEmpty()) {
            parentHeader = GSON.fromJson(parentJson, Header.class);
        }
        Map<String, Object> metadata = GSON.fromJson(utf8(metadataRaw), JSON_MAP);
        Object content = GSON.fromJson(utf8(contentRaw), header.getType().getContentType());
        if (content == null) {
            throw new IllegalArgumentException("no content");
        }
        if (content instanceof ErrorReply) {
            header = new Header<>(header.getId(), header.getUsername(), header.getSessionId(), header.getTimestamp(),
                    header.getType().error(), header.getVersion());
        }
        return new Message(identities, header, parentHeader, metadata, content, buffers);
    }

    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private Message<?> drop(String why) {
        long n = dropped.incrementAndGet();
        KernelLog.warn(channel + ": dropped " + why + " (" + n + " dropped so far)");
        return null;
    }
}
