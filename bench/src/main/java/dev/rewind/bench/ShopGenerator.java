package dev.rewind.bench;

import static dev.rewind.bench.ShopSchema.oneOf;
import static dev.rewind.bench.ShopSchema.randomText;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Fills the shop database to a target size with {@code INSERT … SELECT generate_series} batches: per customer three
 * orders of three items, four events and one audit entry, over a fixed catalogue of products. Text is md5-based or
 * drawn from a vocabulary, of varied lengths (never blank padding); the random generator is seeded and autovacuum waits
 * until the end, so two runs generate the same rows.
 */
final class ShopGenerator {

    static final int ORDERS_PER_CUSTOMER = 3;
    static final int ITEMS_PER_ORDER = 3;
    static final int EVENTS_PER_CUSTOMER = 4;
    private static final int FIRST_BATCH = 2_000;
    private static final int MIN_BATCH = 500;
    private static final int MAX_BATCH = 40_000;
    private static final String[] COUNTRIES = {"DE", "FR", "US", "GB", "NL", "ES", "IT", "PL", "SE", "JP", "BR", "CA"};
    private static final String[] WORDS = ("order shipped customer refund invoice payment card declined retry address "
            + "changed warehouse stock reserved released parcel delayed courier delivered returned damaged replaced "
            + "coupon applied discount total tax vat net gross price updated manually approved by support agent "
            + "ticket escalated resolved chargeback fraud check passed failed verified email phone confirmed "
            + "subscription renewed cancelled plan upgraded downgraded export report generated batch nightly job "
            + "the a of to for with after before and or not").split(" ");

    private final BenchServer server;
    private final String database;

    ShopGenerator(BenchServer server, String database) {
        this.server = server;
        this.database = database;
    }

    /** Creates the schema and inserts batches until {@code pg_database_size} reaches {@code targetBytes}. */
    Generated generate(long targetBytes) {
        int products = Math.clamp(targetBytes / 100_000, 1_000, 20_000);
        try (Connection connection = server.connect(database); Statement statement = connection.createStatement()) {
            statement.execute("SELECT setseed(0.4242)");
            statement.execute(ShopSchema.DDL);
            autovacuum(statement, false);
            statement.execute(products(products));
            long empty = server.databaseSize(database);
            long customers = 0;
            int batch = FIRST_BATCH;
            long size = empty;
            while (size < targetBytes) {
                insertBatch(statement, customers + 1, customers + batch, products);
                customers += batch;
                size = server.databaseSize(database);
                Log.info(String.format(Locale.ROOT, "generating %s: %s of %s (%,d customers)", database,
                        ByteSize.format(size), ByteSize.format(targetBytes), customers));
                double perCustomer = (double) (size - empty) / customers;
                batch = Math.clamp((long) Math.ceil((targetBytes - size) / perCustomer), MIN_BATCH, MAX_BATCH);
            }
            for (String table : ShopSchema.TABLES) {
                statement.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), (SELECT max(id) FROM "
                        + table + "))");
            }
            autovacuum(statement, true);
            Log.info("vacuum analyze " + database);
            statement.execute("VACUUM (ANALYZE)");
            return new Generated(customers, products);
        } catch (SQLException e) {
            throw new IllegalStateException("generating the shop database failed", e);
        }
    }

    /** What was generated: customer ids are 1..customers, product ids 1..products. */
    record Generated(long customers, int products) {}

    /**
     * Autovacuum is off while generating, so the database grows the same way in every run and the same rows are made
     * (each batch's size depends on the size measured after the one before).
     */
    private static void autovacuum(Statement statement, boolean on) throws SQLException {
        for (String table : ShopSchema.TABLES) {
            statement.execute("ALTER TABLE " + table + (on ? " RESET (autovacuum_enabled, toast.autovacuum_enabled)"
                    : " SET (autovacuum_enabled = false, toast.autovacuum_enabled = false)"));
        }
    }

    private static void insertBatch(Statement statement, long from, long to, int products) throws SQLException {
        long count = to - from + 1;
        long firstOrder = (from - 1) * ORDERS_PER_CUSTOMER + 1;
        long lastOrder = to * ORDERS_PER_CUSTOMER;
        statement.execute(customers(from, to));
        statement.execute(orders(firstOrder, lastOrder, from, count));
        statement.execute(orderItems((firstOrder - 1) * ITEMS_PER_ORDER + 1, lastOrder * ITEMS_PER_ORDER, firstOrder,
                products));
        statement.execute(events((from - 1) * EVENTS_PER_CUSTOMER + 1, to * EVENTS_PER_CUSTOMER, from, count));
        statement.execute(auditLog(from, to));
    }

    private static String products(int count) {
        return """
                INSERT INTO products (id, sku, name, description, price, attributes)
                SELECT i, 'SKU-' || lpad(i::text, 7, '0'),
                       initcap(%s) || ' ' || %s || ' ' || upper(left(md5(random()::text), 4)),
                       %s,
                       round((1 + random() * 499)::numeric, 2),
                       jsonb_build_object('color', %s, 'weight_g', floor(random() * 5000)::int,
                           'dimensions', jsonb_build_object('w', floor(random() * 100)::int,
                                                            'h', floor(random() * 100)::int),
                           'tags', jsonb_build_array(%s, %s), 'supplier', %s)
                FROM generate_series(1, %d) i
                """.formatted(oneOf("classic", "smart", "eco", "compact", "premium", "travel", "pro", "mini"),
                oneOf("lamp", "chair", "kettle", "backpack", "headphones", "mug", "desk", "jacket", "bottle", "watch"),
                words("i", 10, 80), oneOf("red", "blue", "black", "white", "green", "grey"),
                randomText("6"), randomText("8"), randomText("12 + floor(random() * 20)::int"), count);
    }

    private static String customers(long from, long to) {
        return """
                INSERT INTO customers (id, email, name, country, created_at, profile)
                SELECT i, 'user' || i || '.' || left(md5(random()::text), 6) || '@' || %s,
                       %s || ' ' || %s, %s, now() - random() * interval '1500 days',
                       jsonb_build_object('tier', %s, 'newsletter', random() < 0.4,
                           'phone', '+' || (10000000000 + floor(random() * 89999999999))::bigint,
                           'address', jsonb_build_object(
                               'street', initcap(%s) || ' ' || (1 + floor(random() * 250))::int,
                               'city', initcap(%s), 'zip', lpad(floor(random() * 99999)::int::text, 5, '0')),
                           'preferences', jsonb_build_object('lang', %s, 'currency', %s),
                           'note', %s)
                FROM generate_series(%d, %d) i
                """.formatted(oneOf("example.com", "mail.test", "shop.dev", "corp.example", "inbox.test"),
                oneOf("Ada", "Grace", "Alan", "Linus", "Margaret", "Ken", "Barbara", "Edsger", "Frances", "Dennis"),
                oneOf("Lovelace", "Hopper", "Turing", "Torvalds", "Hamilton", "Thompson", "Liskov", "Dijkstra", "Allen"),
                oneOf(COUNTRIES), oneOf("free", "pro", "team", "enterprise"),
                randomText("8 + floor(random() * 12)::int"), randomText("5 + floor(random() * 8)::int"),
                oneOf("en", "de", "fr", "es"), oneOf("EUR", "USD", "GBP"), randomText("floor(random() * 120)::int"),
                from, to);
    }

    private static String orders(long from, long to, long firstCustomer, long customers) {
        return """
                INSERT INTO orders (id, customer_id, status, created_at, total, shipping)
                SELECT o, %d + floor(random() * %d)::bigint, %s, now() - random() * interval '1000 days',
                       round((5 + random() * 495)::numeric, 2),
                       jsonb_build_object('carrier', %s, 'tracking', upper(%s), 'express', random() < 0.2,
                           'address', jsonb_build_object('line1', %s, 'city', initcap(%s), 'country', %s))
                FROM generate_series(%d, %d) o
                """.formatted(firstCustomer, customers,
                oneOf("paid", "shipped", "delivered", "delivered", "delivered", "cancelled", "refunded", "pending"),
                oneOf("DHL", "UPS", "FedEx", "DPD", "GLS"), randomText("18"),
                randomText("10 + floor(random() * 30)::int"), randomText("6 + floor(random() * 8)::int"),
                oneOf(COUNTRIES), from, to);
    }

    private static String orderItems(long from, long to, long firstOrder, int products) {
        return """
                INSERT INTO order_items (id, order_id, product_id, quantity, unit_price)
                SELECT n, %d + (n - %d) / %d, 1 + floor(random() * %d)::bigint, 1 + floor(random() * 4)::int,
                       round((1 + random() * 199)::numeric, 2)
                FROM generate_series(%d, %d) n
                """.formatted(firstOrder, from, ITEMS_PER_ORDER, products, from, to);
    }

    private static String events(long from, long to, long firstCustomer, long customers) {
        return """
                INSERT INTO events (id, customer_id, kind, occurred_at, payload)
                SELECT e, CASE WHEN random() < 0.1 THEN NULL ELSE %d + floor(random() * %d)::bigint END, %s,
                       now() - random() * interval '365 days',
                       jsonb_build_object('session', md5(random()::text),
                           'ip', concat_ws('.', floor(random() * 256)::int, floor(random() * 256)::int,
                                           floor(random() * 256)::int, floor(random() * 256)::int),
                           'path', '/' || %s || '/' || %s, 'user_agent', %s,
                           'referrer', %s, 'duration_ms', floor(random() * 5000)::int)
                FROM generate_series(%d, %d) e
                """.formatted(firstCustomer, customers,
                oneOf("page_view", "page_view", "page_view", "search", "add_to_cart", "checkout", "login", "logout"),
                oneOf("p", "c", "search", "cart", "account"), randomText("4 + floor(random() * 12)::int"),
                oneOf("Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0",
                        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) Safari/605.1.15",
                        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) Mobile/15E148",
                        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0.0.0"),
                randomText("floor(random() * 64)::int"), from, to);
    }

    private static String auditLog(long from, long to) {
        return """
                INSERT INTO audit_log (id, actor, action, entity, entity_id, at, details)
                SELECT a, %s, %s, %s, floor(random() * 1000000)::bigint, now() - random() * interval '365 days', %s
                FROM generate_series(%d, %d) a
                """.formatted(oneOf("system", "api", "admin", "support", "batch"),
                oneOf("create", "update", "update", "refund", "export", "login"),
                oneOf("order", "customer", "product", "payment"), words("a", 5, 60), from, to);
    }

    /**
     * A sentence of {@code min} to {@code min + spread - 1} vocabulary words (chosen by the row's {@code row} column,
     * so the subquery runs per row), about one word in seven followed by an md5 token.
     */
    private static String words(String row, int min, int spread) {
        return """
                (SELECT string_agg(%s || CASE WHEN random() < 0.15 THEN ' ' || left(md5(random()::text), 8) ELSE '' END,
                                   ' ')
                 FROM generate_series(1, %d + (%s %% %d)) g)""".formatted(oneOf(WORDS), min, row, spread);
    }
}
