package org.marsai.schema;

import java.util.List;

/** The changelog and the database's history disagree; {@link #problems()} lists each disagreement. */
public class ValidationException extends MarsSchemaException {

    private final List<String> problems;

    public ValidationException(ErrorCode code, String message, List<String> problems) {
        super(code, message);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
