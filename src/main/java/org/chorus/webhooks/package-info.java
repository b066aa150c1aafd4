/**
 * Webhooks: an organization's owners register HTTPS endpoints for what happens to its statements and actions; each
 * event is sent as a Standard Webhooks message (signed with the endpoint's secret) through the outbound queue of
 * federation ({@code shared.outbound}, decision 0043), under the SSRF guard. It listens to the other modules' events;
 * nothing calls it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Webhooks")
package org.chorus.webhooks;
