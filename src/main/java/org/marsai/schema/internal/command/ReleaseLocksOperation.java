package org.marsai.schema.internal.command;

import java.util.ArrayList;
import java.util.List;
import org.marsai.schema.internal.lock.LockTable;
import org.marsai.schema.internal.lock.ServerLock;

/**
 * Clears a lock that an older tool left set in Liquibase's own lock table, and says whether another process
 * holds this library's lock (which the server drops when that process ends).
 */
public final class ReleaseLocksOperation {

    private final Context context;

    public ReleaseLocksOperation(Context context) {
        this.context = context;
    }

    public List<String> releaseLocks() {
        return context.runner.withSession(session -> {
            List<String> released = new ArrayList<>(LockTable.release(session));
            String holder = ServerLock.currentHolder(session.connection, session.schema);
            if (holder != null) {
                released.add("The marsai-schema lock is " + holder + ": it is a live run, released when that process"
                        + " ends (to stop it now, KILL that connection).");
            }
            return released;
        });
    }
}
