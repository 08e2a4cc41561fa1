package org.marsai.schema.cli;

/** The output formats of the commands that take {@code --format}. */
enum Format { text, json }
