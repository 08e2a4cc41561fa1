package org.marsai.schema.cli;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

import org.marsai.schema.MarsSchema;
import org.marsai.schema.RollbackTarget;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "rollback", description = "Undo the last --count N migrations, or everything after --to NAME, --tag TAG or --date WHEN.")
final class RollbackCommand extends BaseCommand {

    @picocli.CommandLine.Mixin
    LockWaitOption lockWait;

    @Override
    LockWaitOption lockWait() {
        return lockWait;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--count", paramLabel = "N", description = "Undo the last N applied migrations.")
        Integer count;

        @Option(names = "--to", paramLabel = "NAME", description = "Undo every migration after NAME; NAME stays applied.")
        String to;

        @Option(names = "--tag", paramLabel = "TAG", description = "Undo every changeset applied after the one `tag TAG` marked.")
        String tag;

        @Option(names = "--date", paramLabel = "WHEN", description = "Undo every changeset applied after WHEN: an ISO-8601"
                + " date (2026-03-02, its start), date-time (2026-03-02T17:10:00, read as UTC) or date-time with offset"
                + " (2026-03-02T18:10:00+01:00).")
        String date;

        void validate() {
            if (count != null && count < 1) {
                throw Usage.error("--count must be at least 1, got " + count + ": give how many of the last"
                        + " applied migrations to undo.");
            }
            if (tag != null && tag.isBlank()) {
                throw Usage.error("--tag is empty: give the name `tag` was given (see `history`).");
            }
            if (date != null) {
                instant();
            }
        }

        RollbackTarget target() {
            if (count != null) {
                return RollbackTarget.lastMigrations(count);
            }
            if (tag != null) {
                return RollbackTarget.toTag(tag);
            }
            if (date != null) {
                return RollbackTarget.toDate(instant());
            }
            return RollbackTarget.toMigration(to);
        }

        /** --date as an instant: a date is its start, a date-time without offset is UTC. */
        private Instant instant() {
            String when = date.trim();
            try {
                if (when.length() == 10) {
                    return LocalDate.parse(when).atStartOfDay(ZoneOffset.UTC).toInstant();
                }
                TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(when);
                return parsed.isSupported(ChronoField.OFFSET_SECONDS)
                        ? OffsetDateTime.from(parsed).toInstant()
                        : LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
            } catch (DateTimeException e) {
                throw Usage.error("--date " + date + " is not an ISO-8601 date or date-time: give e.g. 2026-03-02,"
                        + " 2026-03-02T17:10:00 (UTC) or 2026-03-02T18:10:00+01:00.");
            }
        }
    }

    @Mixin
    DataLossOption dataLoss;

    @Override
    void validate() {
        target.validate();
    }

    @Override
    int execute() {
        MarsSchema schema = dataLoss.apply(configure(false)).load();
        Render.rollback(out(), schema.rollback(target.target()));
        return ExitCodes.OK;
    }
}
