package org.marsai.schema.testing;

/**
 * A MySQL-family server that a test may stop, kill and start again, whatever kind runs the tests: a private
 * {@code mariadbd}/{@code mysqld} ({@link PrivateServer}), a container ({@link ContainerServer}), or a server of
 * the developer's with a control command ({@link ExternalServer}). A restarted server keeps its data and answers
 * at the same {@link #jdbcUrl(String) URL}.
 */
public interface ServerControl extends AutoCloseable {

    /** The URL of a database of this server, with the connection options the tests need ({@code ""}: none chosen). */
    String jdbcUrl(String database);

    /** A user that may create and drop databases and users. */
    String user();

    String password();

    /** What runs, for the tests' log: kind, image or binary, address. */
    String description();

    boolean isRunning();

    /** A clean shutdown (SIGTERM, as a service manager does); returns once the server has exited. */
    void stop();

    /** The server dies at once (SIGKILL, as in a power cut); returns once it is gone. */
    void kill();

    /** Stops the server if it runs, starts it again on the same data and address, and waits until it answers. */
    void restart();

    /** Removes the server and its data; a server the tests did not start is left as it is. */
    @Override
    void close();
}
