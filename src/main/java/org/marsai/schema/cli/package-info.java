/**
 * Not API: the {@code marsai-schema} command line, built on picocli. Run it with
 * {@code java -jar target/marsai-schema-cli.jar --help}.
 */
package org.marsai.schema.cli;
