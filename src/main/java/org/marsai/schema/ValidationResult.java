package org.marsai.schema;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link MarsSchema#validate()}.
 *
 * @param problems each problem found; empty when valid
 * @param warnings what is allowed but risky, one sentence each with the recommendation (e.g. a Group
 *                 Replication group in multi-primary mode, which refuses writes to tables with CASCADE
 *                 foreign keys); they do not make the result invalid
 */
public record ValidationResult(List<Problem> problems, List<String> warnings) {

    /** A result without warnings. */
    public ValidationResult(List<Problem> problems) {
        this(problems, List.of());
    }

    /** One problem: its kind and a sentence naming it and the fix. */
    public record Problem(ErrorCode code, String message) {
        public Problem {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }

    public ValidationResult {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    /** Throws a {@link ValidationException} listing the problems, if there are any; returns this otherwise. */
    public ValidationResult orThrow() {
        if (!isValid()) {
            List<String> messages = problems.stream().map(Problem::message).toList();
            throw new ValidationException(problems.get(0).code(),
                    "Validation failed: " + String.join(" ", messages), messages);
        }
        return this;
    }
}
