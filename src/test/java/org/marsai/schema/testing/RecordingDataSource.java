package org.marsai.schema.testing;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A DataSource whose connections tell which SQL statements the server was sent: each one recorded once it has run,
 * and handed to {@code afterEach} then (a test may stop the JVM there, to leave the database as a crash would).
 * The statements go to the real server unchanged.
 */
public final class RecordingDataSource implements DataSource {

    private final DataSource target;
    private final Consumer<String> afterEach;
    private final List<String> statements = Collections.synchronizedList(new ArrayList<>());

    public RecordingDataSource(DataSource target, Consumer<String> afterEach) {
        this.target = target;
        this.afterEach = afterEach;
    }

    public RecordingDataSource(DataSource target) {
        this(target, sql -> { });
    }

    /** Every statement run so far, in order. */
    public List<String> statements() {
        synchronized (statements) {
            return List.copyOf(statements);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connection(target.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return connection(target.getConnection(user, password));
    }

    private Connection connection(Connection real) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, real, args);
                    if (result instanceof CallableStatement s) {
                        return statement(s, CallableStatement.class, (String) args[0]);
                    } else if (result instanceof PreparedStatement s) {
                        return statement(s, PreparedStatement.class, (String) args[0]);
                    } else if (result instanceof Statement s) {
                        return statement(s, Statement.class, null);
                    }
                    return result;
                });
    }

    private Object statement(Statement real, Class<?> type, String prepared) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object result = invoke(method, real, args);
            if (method.getName().startsWith("execute")) {
                String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : prepared;
                if (sql != null) {
                    statements.add(sql);
                    afterEach.accept(sql);
                }
            }
            return result;
        };
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
