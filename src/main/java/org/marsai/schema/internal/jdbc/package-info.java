/**
 * Not API. The connection: checked settings, opening a session ({@code Connector}), the session settings this
 * library sets and restores, the server's topology, and the translation of server errors into one clear message.
 */
package org.marsai.schema.internal.jdbc;
