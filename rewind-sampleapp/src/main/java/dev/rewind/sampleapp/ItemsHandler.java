package dev.rewind.sampleapp;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/** {@code GET/POST /api/items} and {@code GET /api/items/{id}}. */
public final class ItemsHandler implements Handler {

    private final ItemStore store;
    private final Optional<ItemFiles> files;

    public ItemsHandler(ItemStore store, Optional<ItemFiles> files) {
        this.store = store;
        this.files = files;
    }

    @Override
    public Response handle(Request request) throws SQLException, IOException {
        return switch (request.route() + " " + request.method()) {
            case Routes.ITEMS + " GET" -> Response.json(200, store.list());
            case Routes.ITEMS + " POST" -> create(request);
            case Routes.ITEM + " GET" -> find(request.lastSegment());
            default -> throw new HttpError(405, request.method() + " is not allowed on " + request.route()
                    + ": use GET or POST on " + Routes.ITEMS + ", GET on " + Routes.ITEM);
        };
    }

    private Response create(Request request) throws SQLException, IOException {
        JsonNode json = Json.read(request.body());
        String name = requiredText(json, "name");
        String body = requiredText(json, "body");
        Item item = store.insert(name, body);
        if (files.isPresent()) {
            files.get().write(item.id(), body);
        }
        return Response.json(201, item);
    }

    private Response find(String idText) throws SQLException, IOException {
        long id = parseId(idText);
        Item item = store.find(id).orElseThrow(() -> new HttpError(404, "no item with id " + id));
        Map<String, Object> json = item.json();
        if (files.isPresent()) {
            Optional<String> file = files.get().read(id);
            file.ifPresent(content -> json.put("file", content));
        }
        return Response.json(200, json);
    }

    private static long parseId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new HttpError(404, "no item with id \"" + text + "\": ids are whole numbers", e);
        }
    }

    private static String requiredText(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual()) {
            throw new HttpError(400, "the request body needs a string field \"" + field
                    + "\", like {\"name\":\"a\",\"body\":\"b\"}");
        }
        return value.asText();
    }
}
