package org.chorus.shared.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Runs {@code @ApplicationModuleListener}s (the only {@code @Async} methods in Chorus) after the publishing
 * transaction commits, on Spring Boot's {@code applicationTaskExecutor}: virtual threads, since
 * {@code spring.threads.virtual.enabled=true}.
 */
@Configuration
@EnableAsync
class AsyncConfiguration {}
