package org.marsai.schema.internal.jdbc;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.marsai.schema.ConnectionException;
import org.marsai.schema.ErrorCode;

/** Connection failures turned into one message each, naming the problem and the fix. */
public final class ConnectionFailures {

    private ConnectionFailures() {
    }

    /** Turns a connection failure into one message that names the problem and the fix. */
    static ConnectionException translate(SQLException e, Settings settings, String where) {
        String user = settings.user() != null ? "user '" + settings.user() + "'" : userInServerMessage(e.getMessage());
        int code = e.getErrorCode();
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String detail = Redact.message(e.getMessage(), settings.password());
        if (code == ServerErrors.ACCESS_DENIED || state.startsWith("28")) {
            return new ConnectionException(ErrorCode.AUTHENTICATION_FAILED, "The server "
                    + (where.startsWith("jdbc:") ? "at " : "behind ") + where
                    + " refused " + user + " (wrong password, or the user does not exist): check the user name and"
                    + " password (CLI: --username/--password, or DB_USER/DB_PASSWORD).", e);
        }
        if (code == ServerErrors.UNKNOWN_DATABASE) {
            return new ConnectionException(ErrorCode.DATABASE_NOT_FOUND, "The database in " + where
                    + " does not exist (" + detail + "): create it with CREATE DATABASE ... CHARACTER SET utf8mb4,"
                    + " or correct the database name in the URL (CLI: or DB_NAME).", e);
        }
        if (code == ServerErrors.DATABASE_ACCESS_DENIED) {
            return new ConnectionException(ErrorCode.INSUFFICIENT_PRIVILEGES, "U" + user.substring(1)
                    + " may not use the database in " + where + " (" + detail + "): grant it access, or use another user.",
                    e);
        }
        if (detail != null && detail.startsWith("No suitable driver")) {
            return new ConnectionException(ErrorCode.UNSUPPORTED_DATABASE, "No JDBC driver on the class path accepts "
                    + where + (where.startsWith("jdbc:mariadb:") ? " (MariaDB Connector/J is not there)" : "")
                    + ": use a jdbc:mysql://HOST:3306/DATABASE URL (MySQL Connector/J, which marsai-schema brings,"
                    + " talks to MariaDB too).", e);
        }
        if (state.startsWith("08") || hasCause(e, UnknownHostException.class) || hasCause(e, ConnectException.class)
                || hasCause(e, SocketTimeoutException.class)) {
            String reason = hasCause(e, UnknownHostException.class) ? "unknown host"
                    : hasCause(e, ConnectException.class) ? "connection refused"
                    : hasCause(e, SocketTimeoutException.class) ? "no answer within "
                            + settings.connectTimeout().toSeconds() + " s"
                    : "communication failure";
            return new ConnectionException(ErrorCode.CONNECTION_FAILED, "Cannot connect to " + where + " ("
                    + reason + "): check that the server is running and that the host and port are right"
                    + " (CLI: --url, or DB_HOST/DB_PORT).", e);
        }
        return new ConnectionException(ErrorCode.CONNECTION_FAILED, "Cannot connect to " + where + ": " + detail
                + " (SQLState " + state + ", error " + code + ").", e);
    }

    /** The user the server names in its refusal ({@code Access denied for user 'u'@'host'}), quoted. */
    static String userInServerMessage(String message) {
        Matcher m = message == null ? null
                : Pattern.compile("user '([^']*)'@'([^']*)'").matcher(message);
        return m != null && m.find() ? "user '" + m.group(1) + "'@'" + m.group(2) + "'" : "the user";
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
