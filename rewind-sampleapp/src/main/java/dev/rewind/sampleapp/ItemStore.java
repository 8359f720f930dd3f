package dev.rewind.sampleapp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQL behind /api/items. Selects every column so it works on any schema from version 1 on. */
public final class ItemStore {

    static final int LIST_LIMIT = 100;

    private final Database database;

    public ItemStore(Database database) {
        this.database = database;
    }

    /** The newest items first, at most {@value #LIST_LIMIT}. */
    public List<Item> list() throws SQLException {
        String sql = "SELECT * FROM items ORDER BY created_at DESC, id DESC LIMIT " + LIST_LIMIT;
        try (Connection c = database.connect();
             PreparedStatement st = c.prepareStatement(sql);
             ResultSet rs = st.executeQuery()) {
            List<Item> items = new ArrayList<>();
            while (rs.next()) {
                items.add(Item.from(rs));
            }
            return items;
        }
    }

    public Item insert(String name, String body) throws SQLException {
        String sql = "INSERT INTO items (name, body) VALUES (?, ?) RETURNING *";
        try (Connection c = database.connect(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, name);
            st.setString(2, body);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return Item.from(rs);
            }
        }
    }

    public Optional<Item> find(long id) throws SQLException {
        try (Connection c = database.connect();
             PreparedStatement st = c.prepareStatement("SELECT * FROM items WHERE id = ?")) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(Item.from(rs)) : Optional.empty();
            }
        }
    }
}
