package org.wedgewatch.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.wedgewatch.rules.Problem;

/** JSON in and out of handlers, and the one error shape every endpoint uses. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static void send(Context ctx, int status, Object body) {
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ctx.status(status).contentType("application/json; charset=utf-8").result(bytes);
    }

    /** {"error": "...", "problems": [{"line":..,"column":..,"message":..}]} */
    static byte[] error(String message, List<Problem> problems) {
        ObjectNode o = object();
        o.put("error", message);
        ArrayNode arr = o.putArray("problems");
        for (Problem p : problems) {
            arr.addObject().put("line", p.line).put("column", p.column).put("message", p.message);
        }
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }
}
