package dev.rewind.core.backup.postgres;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * How a database was created: owner, encoding, locale and tablespace, so a shadow can be created exactly alike.
 *
 * @param localeProvider {@code c} (libc), {@code i} (ICU) or {@code b} (builtin, PostgreSQL 17+)
 * @param locale         the ICU or builtin locale; null for libc
 */
record DatabaseLayout(String owner, String encoding, String collate, String ctype, String tablespace,
                      String localeProvider, String locale, int serverMajor) {

    private static final String QUERY = """
            SELECT pg_get_userbyid(d.datdba), pg_encoding_to_char(d.encoding), d.datcollate, d.datctype,
                   t.spcname, %s, %s
            FROM pg_database d JOIN pg_tablespace t ON t.oid = d.dattablespace WHERE d.datname = ?
            """;

    static DatabaseLayout read(Connection admin, String database) throws SQLException {
        int major = PostgresInspector.serverMajor(admin);
        String provider = major >= 15 ? "d.datlocprovider::text" : "'c'";
        String locale = major >= 17 ? "d.datlocale" : major >= 15 ? "d.daticulocale" : "NULL";
        return Sql.queryOne(admin, QUERY.formatted(provider, locale), row -> new DatabaseLayout(row.getString(1),
                        row.getString(2), row.getString(3), row.getString(4), row.getString(5), row.getString(6),
                        row.getString(7), major), database)
                .orElseThrow(() -> new RewindException(ErrorCode.FAILED, "The live database \"" + database
                        + "\" does not exist, so a shadow cannot be made like it" + Sql.FIX + "check the datastore's"
                        + " URL in rewind.yaml, or finish an interrupted swap with"
                        + " `rewind rollback ENV --resume RUN`"));
    }

    /** {@code CREATE DATABASE name} from template0 with this owner, encoding, locale and tablespace. */
    String createSql(String name) {
        StringBuilder sql = new StringBuilder("CREATE DATABASE ").append(Sql.ident(name))
                .append(" WITH TEMPLATE template0 OWNER ").append(Sql.ident(owner))
                .append(" ENCODING ").append(Sql.literal(encoding))
                .append(" LC_COLLATE ").append(Sql.literal(collate))
                .append(" LC_CTYPE ").append(Sql.literal(ctype))
                .append(" TABLESPACE ").append(Sql.ident(tablespace));
        if (serverMajor >= 15) {
            sql.append(switch (localeProvider) {
                case "i" -> " LOCALE_PROVIDER icu ICU_LOCALE " + Sql.literal(locale);
                case "b" -> " LOCALE_PROVIDER builtin BUILTIN_LOCALE " + Sql.literal(locale);
                default -> " LOCALE_PROVIDER libc";
            });
        }
        return sql.toString();
    }
}
