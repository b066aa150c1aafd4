package org.chorus.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.net.URI;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The OpenAPI description of the API, generated from the handlers by springdoc at {@code /api/v1/openapi.json} (YAML at
 * {@code /api/v1/openapi.yaml}): who Chorus is, the bearer token, and for each write the scope its token needs ({@link
 * RequiresScope}, as a security requirement and {@code x-required-scope}). The address of earlier releases,
 * {@code /api/openapi}, redirects there.
 */
@Configuration
class ApiDescription {

    static final String TOKEN = "token";

    @Bean
    OpenAPI chorusApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Chorus API")
                        .version("v1")
                        .description("Statements, sign-ons, campaigns and actions of the coalitions on this Chorus. "
                                + "Reads of public data need no token; writes need a personal token "
                                + "(Authorization: Bearer chorus_…) with the scope each says. Errors are RFC 9457 "
                                + "Problem Details in the caller's Accept-Language."))
                .components(new Components()
                        .addSecuritySchemes(
                                TOKEN,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("A personal API token made on /account/tokens, with scopes")));
    }

    @Bean
    OperationCustomizer scopes() {
        return (operation, handler) -> {
            var scope = handler.getMethodAnnotation(RequiresScope.class);
            if (scope != null) {
                operation.addSecurityItem(new SecurityRequirement().addList(TOKEN, scope.value()));
                operation.addExtension("x-required-scope", scope.value());
            }
            return operation;
        };
    }

    /** Shorter and former addresses of the description (springdoc serves the YAML at the JSON's name + .yaml). */
    @Controller
    static class Addresses {

        @GetMapping("/api/v1/openapi.yaml")
        ResponseEntity<Void> yaml() {
            return ResponseEntity.status(HttpStatus.PERMANENT_REDIRECT)
                    .location(URI.create("/api/v1/openapi.json.yaml"))
                    .build();
        }

        @GetMapping("/api/openapi")
        ResponseEntity<Void> formerJson() {
            return ResponseEntity.status(HttpStatus.PERMANENT_REDIRECT)
                    .location(URI.create("/api/v1/openapi.json"))
                    .build();
        }

        @GetMapping("/api/openapi.yaml")
        ResponseEntity<Void> formerYaml() {
            return ResponseEntity.status(HttpStatus.PERMANENT_REDIRECT)
                    .location(URI.create("/api/v1/openapi.json.yaml"))
                    .build();
        }
    }
}
