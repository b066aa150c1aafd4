/**
 * Federation (ActivityPub): organizations, statements and actions on the fediverse. It listens to the other modules'
 * events and reads their public APIs; nothing calls it. Its requests to remote servers go through
 * {@code shared.http.OutboundHttp} (decision 0042) and are signed with HTTP Signatures ({@code signing}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Federation")
package org.chorus.federation;
