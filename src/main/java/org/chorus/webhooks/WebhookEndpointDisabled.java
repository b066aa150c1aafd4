package org.chorus.webhooks;

import java.time.Instant;
import java.util.UUID;
import org.chorus.organizations.OrganizationId;

/** An endpoint was turned off because every message to it failed for {@link DisablingFailingEndpoints#FAILING} days. */
public record WebhookEndpointDisabled(UUID endpoint, OrganizationId organization, String url, Instant at) {}
