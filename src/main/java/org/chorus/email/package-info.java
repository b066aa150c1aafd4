/**
 * The email engine: other modules hand it {@link org.chorus.email.Letter}s through {@link org.chorus.email.Mail}; it
 * keeps them in an outbox written in the caller's transaction and delivers each exactly once over pooled SMTP
 * connections, with one-click unsubscribe headers, bounce handling and a capture mailbox in dev mode.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Email")
package org.chorus.email;
