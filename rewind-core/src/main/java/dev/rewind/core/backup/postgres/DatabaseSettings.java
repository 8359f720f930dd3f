package dev.rewind.core.backup.postgres;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What belongs to a database object rather than to its contents, and so does not travel with a dump or a
 * clone: owner, grants, {@code ALTER DATABASE/ROLE … SET} settings, connection limits, comment.
 *
 * @param grants   every privilege of the effective ACL (the default one when {@code datacl} is null)
 * @param settings per role ({@code null} role: the whole database), each entry {@code name=value}
 */
record DatabaseSettings(String owner, int connectionLimit, boolean allowConnections, String comment,
                        List<Grant> grants, List<RoleSettings> settings) {

    /** One privilege ({@code CONNECT}, {@code CREATE}, {@code TEMPORARY}) of one grantee, null for PUBLIC. */
    record Grant(String grantee, String privilege, boolean grantable) {}

    /** The settings of one role in the database; {@code role} null for the database-wide ones. */
    record RoleSettings(String role, List<String> config) {}

    private static final String DATABASE = """
            SELECT pg_get_userbyid(datdba), datconnlimit, datallowconn, shobj_description(oid, 'pg_database')
            FROM pg_database WHERE datname = ?
            """;
    private static final String GRANTS = """
            SELECT CASE WHEN a.grantee = 0 THEN NULL ELSE pg_get_userbyid(a.grantee) END, a.privilege_type,
                   a.is_grantable
            FROM pg_database d, aclexplode(coalesce(d.datacl, acldefault('d', d.datdba))) a
            WHERE d.datname = ? ORDER BY 1 NULLS FIRST, 2
            """;
    private static final String SETTINGS = """
            SELECT CASE WHEN s.setrole = 0 THEN NULL ELSE pg_get_userbyid(s.setrole) END, s.setconfig
            FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase
            WHERE d.datname = ? ORDER BY 1 NULLS FIRST
            """;

    static DatabaseSettings read(Connection admin, String database) throws SQLException {
        List<Grant> grants = Sql.query(admin, GRANTS, row -> new Grant(row.getString(1), row.getString(2),
                row.getBoolean(3)), database);
        List<RoleSettings> settings = Sql.query(admin, SETTINGS, row -> new RoleSettings(row.getString(1),
                config(row.getArray(2))), database);
        return Sql.queryOne(admin, DATABASE, row -> new DatabaseSettings(row.getString(1), row.getInt(2),
                        row.getBoolean(3), row.getString(4), grants, settings), database)
                .orElseThrow(() -> new RewindException(ErrorCode.FAILED, "Database \"" + database
                        + "\" disappeared while its settings were read" + Sql.FIX + "run the step again"));
    }

    DatabaseSettings withAllowConnections(boolean allow) {
        return new DatabaseSettings(owner, connectionLimit, allow, comment, grants, settings);
    }

    /**
     * Makes {@code target}'s owner, grants, settings, limits and comment these, in one transaction; what
     * {@code target} had is reset first (read after the owner change, which moves the owner's own privileges).
     */
    void applyTo(Connection admin, String target) throws SQLException {
        String db = Sql.ident(target);
        admin.setAutoCommit(false);
        try {
            Sql.execute(admin, "ALTER DATABASE " + db + " OWNER TO " + Sql.ident(owner));
            for (String statement : statements(DatabaseSettings.read(admin, target), db)) {
                Sql.execute(admin, statement);
            }
            admin.commit();
        } catch (SQLException | RuntimeException e) {
            admin.rollback();
            throw e;
        } finally {
            admin.setAutoCommit(true);
        }
    }

    private List<String> statements(DatabaseSettings current, String db) {
        List<String> sql = new ArrayList<>();
        for (RoleSettings old : current.settings()) {
            sql.add(old.role() == null ? "ALTER DATABASE " + db + " RESET ALL"
                    : "ALTER ROLE " + Sql.ident(old.role()) + " IN DATABASE " + db + " RESET ALL");
        }
        for (RoleSettings wanted : settings) {
            String prefix = wanted.role() == null ? "ALTER DATABASE " + db + " "
                    : "ALTER ROLE " + Sql.ident(wanted.role()) + " IN DATABASE " + db + " ";
            wanted.config().forEach(entry -> sql.add(prefix + SettingSql.setClause(entry)));
        }
        current.grants().stream().map(Grant::grantee).distinct()
                .forEach(grantee -> sql.add("REVOKE ALL ON DATABASE " + db + " FROM " + role(grantee) + " CASCADE"));
        for (Grant grant : grants) {
            sql.add("GRANT " + grant.privilege() + " ON DATABASE " + db + " TO " + role(grant.grantee())
                    + (grant.grantable() ? " WITH GRANT OPTION" : ""));
        }
        sql.add("ALTER DATABASE " + db + " WITH CONNECTION LIMIT " + connectionLimit
                + " ALLOW_CONNECTIONS " + allowConnections);
        sql.add("COMMENT ON DATABASE " + db + " IS " + (comment == null ? "NULL" : Sql.literal(comment)));
        return sql;
    }

    private static String role(String grantee) {
        return grantee == null ? "PUBLIC" : Sql.ident(grantee);
    }

    private static List<String> config(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
